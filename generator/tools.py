"""Commands that read the repository and write one file: export, templates, import, sign.

Each returns (message for the user, exit code); the CLI only prints it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import export, report
from .problems import os_reason
from .build import BuildError, derive
from .calendar import today as today_in
from .validate import Result, validate


def _valid(root: Path, today: dt.date | None) -> tuple[Result, dt.date] | str:
    result = validate(root, today=today)
    if not result.ok:
        return report.text(list(result.problems), result.files_checked) + \
            "Perintah dibatalkan karena data masih salah. Perbaiki kesalahan di atas, lalu jalankan lagi.\n"
    repo = result.repository
    return result, today_in(repo.agency.timezone if repo.agency else "Asia/Makassar", today)


def export_year(root: Path, year: int, fmt_name: str, out: Path | None, today: dt.date | None) -> tuple[str, int]:
    checked = _valid(root, today)
    if isinstance(checked, str):
        return checked, 1
    result, day = checked
    try:
        d = derive(root, result, day)
    except BuildError as exc:
        return f"rkt: {exc}\n", 1
    if year not in d.compiled:
        years = ", ".join(str(y) for y in sorted(d.compiled)) or "belum ada"
        return f"rkt: siklus {year} tidak ada (yang ada: {years})\n", 2
    rkt = d.compiled[year]
    source = export.Source(export.source_commit(root, year), export.fingerprint(rkt))
    data = export.render(fmt_name, rkt, result.repository.agency, source, day)
    target = out or Path(f"rkt-{year}.{fmt_name}")
    failed = _write_out(target, data)
    if failed:
        return failed, 2
    missing = f" Perhatian: {len(rkt.missing)} unit belum menyerahkan form." if rkt.missing else ""
    return (f"RKT {year} ditulis ke {target} ({len(data):,} byte; sidik isi {source.fingerprint[:16]}).{missing}\n"
            .replace(",", ".")), 0


# --- new files ------------------------------------------------------------

def _write_out(path: Path, data: bytes) -> str | None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        return f"rkt: {path} tidak dapat ditulis ({os_reason(exc)})\n"
    return None


def _valid_unit(root: Path, unit: str, today: dt.date | None):
    """(result, today, unit) for a valid repository and a known unit, or (message, exit code)."""
    checked = _valid(root, today)
    if isinstance(checked, str):
        return checked, 1
    result, day = checked
    u = result.repository.agency.unit(unit)
    if u is None:
        codes = ", ".join(x.code for x in result.repository.agency.units)
        return f"rkt: unit '{unit}' tidak ada di cycles/agency.yaml (yang ada: {codes})\n", 2
    return result, day, u


def _write_new(path: Path, text: str) -> str | None:
    if path.exists():
        return f"rkt: {path} sudah ada; tidak ditimpa\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    return None


def _check_written(root: Path, rel: str, today: dt.date | None) -> tuple[str, int]:
    result = validate(root, today=today)
    mine = [p for p in result.problems if p.file == rel]
    if any(p.is_error for p in mine):
        return report.text(mine, result.files_checked), 1
    return "", 0


def new_cycle(root: Path, year: int, start: dt.date, today: dt.date | None) -> tuple[str, int]:
    from .yamlwrite import cycle_yaml

    checked = _valid(root, today)
    if isinstance(checked, str):
        return checked, 1
    result, _ = checked
    units = [u.code for u in result.repository.agency.units]
    rel = f"cycles/{year}/cycle.yaml"
    refused = _write_new(root / rel, cycle_yaml(year, start.isoformat(), units))
    if refused:
        return refused, 1
    text, code = _check_written(root, rel, today)
    return text + f"Siklus {year} dibuat: {rel} (mulai {start.isoformat()}, {len(units)} unit wajib).\n", code


def new_form(root: Path, year: int, unit: str, today: dt.date | None) -> tuple[str, int]:
    from . import prefill
    from .yamlwrite import form_yaml

    checked = _valid_unit(root, unit, today)
    if isinstance(checked[0], str):
        return checked
    result, _, u = checked
    repo = result.repository
    data, notes = prefill.new_form(repo, year, unit)
    rel = f"cycles/{year}/forms/{unit}.yaml"
    refused = _write_new(root / rel, form_yaml(data, f"Form RKT Tahun {year} {u.name}.", explain=True))
    if refused:
        return refused, 1
    text, code = _check_written(root, rel, today)
    notes_text = "".join(f"Catatan: {n}\n" for n in notes)
    return text + notes_text + f"Form dibuat: {rel}. Periksa dan lengkapi isinya, lalu ajukan pull request.\n", code


# --- signing --------------------------------------------------------------

MAX_SCAN = 50 * 1024 * 1024


def is_pdf(data: bytes) -> bool:
    """A real PDF file: header, cross-reference and end-of-file marker."""
    return (data.startswith(b"%PDF-") and b"%%EOF" in data[-2048:] and
            (b"startxref" in data[-4096:] or b"/XRef" in data))


def sign(root: Path, year: int, scan: Path, date: dt.date, role: str, note: str | None,
         today: dt.date | None) -> tuple[str, int]:
    from .history import GitError, git
    from .yamlwrite import event_yaml, signed_yaml

    checked = _valid(root, today)
    if isinstance(checked, str):
        return checked, 1
    result, day = checked
    repo = result.repository
    folder = next((c for c in repo.cycles if c.year == year and c.cycle is not None), None)
    if folder is None:
        return f"rkt: siklus {year} tidak ada\n", 2
    try:
        data = scan.read_bytes()
    except OSError as exc:
        return f"rkt: berkas {scan} tidak dapat dibaca ({os_reason(exc)})\n", 2
    if len(data) > MAX_SCAN or not is_pdf(data):
        return f"rkt: {scan} bukan berkas PDF yang utuh; pindai ulang dan simpan sebagai PDF\n", 1
    if date > day:
        return f"rkt: tanggal tanda tangan {date.isoformat()} ada di masa depan\n", 2
    agency, sop = repo.agency, repo.sop
    r = agency.role(role)
    if r is None:
        return f"rkt: peran '{role}' tidak ada di cycles/agency.yaml\n", 2
    signer = agency.person(agency.head) if agency.head in r.members else agency.person(r.members[0])
    archive_step = next(s for s in sop.steps if s.evidence == "arsip")
    sign_step = sop.steps[[s.number for s in sop.steps].index(archive_step.number) - 1]
    recorder_role = agency.role(archive_step.executor)
    recorder = recorder_role.members[0] if recorder_role else signer.code
    try:
        commit = git(root, "log", "-1", "--format=%H", "--", f"cycles/{year}/forms", "cycles/renstra.yaml",
                     "cycles/agency.yaml").decode().strip() or git(root, "rev-parse", "HEAD").decode().strip()
    except GitError:
        return "rkt: perintah ini memerlukan repositori Git (untuk mencatat commit yang dicetak)\n", 2
    version = max((v.version for v in folder.signed), default=0) + 1
    signed_dir = root / folder.folder / "signed"
    pdf_path, meta_path = signed_dir / f"rkt-{year}-v{version}.pdf", signed_dir / f"rkt-{year}-v{version}.yaml"
    if pdf_path.exists() or meta_path.exists():
        return f"rkt: {pdf_path.name} atau {meta_path.name} sudah ada; tidak ditimpa\n", 1
    import hashlib

    d = derive(root, result, day)
    meta = {"tahun": year, "versi": version, "tanggal": date.isoformat(),
            "penandatangan": {"pegawai": signer.code, "jabatan": signer.position, "nama": signer.name,
                              "nip": signer.nip},
            "berkas": pdf_path.name, "sha256": hashlib.sha256(data).hexdigest(), "commit": commit,
            "sidik_isi": export.fingerprint(d.compiled[year]), "catatan": note}
    cycle_path = root / folder.folder / "cycle.yaml"
    before = cycle_path.read_bytes()
    events = ""
    last = folder.cycle.events[-1] if folder.cycle.events else None
    if not (last and last.step == sign_step.number and last.decision == "ya"):
        events += event_yaml({"langkah": sign_step.number, "tanggal": date.isoformat(), "oleh": signer.code,
                              "keputusan": "ya", "catatan": f"RKT Tahun {year} versi {version} ditandatangani"})
    events += event_yaml({"langkah": archive_step.number, "tanggal": max(day, date).isoformat(), "oleh": recorder,
                          "catatan": f"Pindaian diarsipkan (signed/{pdf_path.name})"})
    text = before.decode("utf-8")
    appended = _append_events(text, events)
    if appended is None:
        return ("rkt: 'peristiwa' bukan bagian terakhir cycle.yaml, jadi catatan tidak dapat ditambahkan dengan "
                "aman; pindahkan 'peristiwa' ke akhir berkas\n"), 1
    signed_dir.mkdir(parents=True, exist_ok=True)
    with open(pdf_path, "xb") as fh:
        fh.write(data)
    with open(meta_path, "x", encoding="utf-8", newline="\n") as fh:
        fh.write(signed_yaml(meta))
    cycle_path.write_text(appended, encoding="utf-8", newline="")
    after = validate(root, today=today)
    if not after.ok:
        pdf_path.unlink()
        meta_path.unlink()
        cycle_path.write_bytes(before)
        return report.text(list(after.problems), after.files_checked) + "Penandatanganan dibatalkan.\n", 1
    return (f"Versi {version} RKT {year} diarsipkan: {pdf_path.relative_to(root)} (SHA-256 {meta['sha256'][:16]}…), "
            f"penanda tangan: {signer.name}; langkah {sign_step.number} dan {archive_step.number} dicatat di "
            f"{cycle_path.relative_to(root)}. Ajukan perubahan ini sebagai pull request.\n"), 0


def _append_events(text: str, events: str) -> str | None:
    """cycle.yaml with `events` added at the end of its `peristiwa` list, or None if unsafe."""
    lines = text.splitlines(keepends=True)
    keys = [i for i, ln in enumerate(lines) if ln[:1] not in (" ", "#", "\n", "\r", "-") and ":" in ln]
    if not keys or not lines[keys[-1]].startswith("peristiwa:"):
        return None
    i = keys[-1]
    head = lines[i].rstrip("\r\n")
    newline = "\r\n" if lines[i].endswith("\r\n") else "\n"
    if head.replace(" ", "") == "peristiwa:[]":
        lines[i] = "peristiwa:" + newline
    elif head.strip() != "peristiwa:":
        return None
    body = "".join(lines)
    if not body.endswith(("\n", "\r")):
        body += newline
    return body + events.replace("\n", newline)


# --- Excel ----------------------------------------------------------------

def form_template(root: Path, year: int, unit: str, out: Path, today: dt.date | None) -> tuple[str, int]:
    from . import excel, prefill

    checked = _valid_unit(root, unit, today)
    if isinstance(checked[0], str):
        return checked
    result, _, u = checked
    repo = result.repository
    data, current = prefill.start(repo, year, unit)
    failed = _write_out(out, excel.template(data, repo.renstra, u.name))
    if failed:
        return failed, 2
    source = "isi form saat ini" if current else "Renstra dan program tahun lalu"
    return f"Templat Form RKT {year} {u.name} ditulis ke {out} (terisi dari {source}).\n", 0


def import_form(root: Path, year: int, unit: str, workbook: Path, today: dt.date | None) -> tuple[str, int]:
    from . import excel
    from .yamlwrite import form_yaml, update_form

    checked = _valid_unit(root, unit, today)
    if isinstance(checked[0], str):
        return checked
    result, _, u = checked
    repo = result.repository
    if not any(c.year == year and c.cycle is not None for c in repo.cycles):
        return f"rkt: siklus {year} belum ada; buat dengan 'rkt new-cycle {year} --start TTTT-BB-HH'\n", 2
    data, problems = excel.read(workbook, year, unit, repo.renstra, workbook.name)
    if problems:
        lines = "".join(f"{p.where}: {p.message}\n" for p in problems)
        return lines + f"{len(problems)} masalah di {workbook.name}; form tidak diimpor.\n", 1
    rel = f"cycles/{year}/forms/{unit}.yaml"
    path = root / rel
    before = path.read_bytes() if path.exists() else None
    if before is not None:
        old = result.documents.get(rel)
        for key in ("tanggal", "penyusun"):
            if old is not None and isinstance(old.data, dict) and key in old.data:
                data[key] = old.data[key]
        text = update_form(before.decode("utf-8-sig"), data)
    else:
        text = form_yaml(data, f"Form RKT Tahun {year} {u.name}.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    after = validate(root, today=today)
    mine = [p for p in after.problems if p.file == rel and p.is_error]
    if mine:
        if before is None:
            path.unlink()
        else:
            path.write_bytes(before)
        return report.text(mine, after.files_checked) + "Form tidak diimpor; berkas lama tidak diubah.\n", 1
    subs = sum(len(k["sub_kegiatan"]) for p in data["program"] for k in p["kegiatan"])
    verb = "diperbarui" if before is not None else "dibuat"
    return f"{rel} {verb} dari {workbook.name}: {subs} sub kegiatan. Ajukan perubahan ini sebagai pull request.\n", 0


# --- GitHub side ----------------------------------------------------------

def remind(root: Path, year: int | None, fmt_name: str, today: dt.date | None) -> tuple[str, int]:
    from . import remind as reminders

    checked = _valid(root, today)
    if isinstance(checked, str):
        return checked, 1
    result, day = checked
    repo = result.repository
    d = derive(root, result, day)
    years = [year] if year is not None else [c.year for c in d.folders if not d.statuses[c.year].finished]
    unknown = [y for y in years if y not in d.statuses]
    if unknown:
        return f"rkt: siklus {unknown[0]} tidak ada\n", 2
    items = []
    for y in sorted(years):
        st = d.statuses[y]
        items.append({"tahun": y, "judul": reminders.title(y), "terlambat": bool(st.late or st.missing_units),
                      "penerima": reminders.assignees(st, repo.agency, repo.sop),
                      "isi": reminders.markdown(st, repo.agency, repo.sop)})
    if fmt_name == "json":
        return reminders.as_json(items), 0
    return "".join(f"# {i['judul']}\n\n{i['isi']}\n" for i in items) or "Tidak ada siklus yang berjalan.\n", 0


def write_codeowners(root: Path) -> tuple[str, int]:
    from . import codeowners

    result = validate(root)
    if result.repository.agency is None:
        return report.text(list(result.problems), result.files_checked) + \
            "CODEOWNERS tidak dibuat karena cycles/agency.yaml belum valid.\n", 1
    text = codeowners.render(result.repository.agency)
    path = root / codeowners.PATH
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return f"{codeowners.PATH} sudah sesuai dengan cycles/agency.yaml.\n", 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return f"{codeowners.PATH} ditulis dari cycles/agency.yaml.\n", 0
