"""Cross-file rules: what the schemas cannot express.

Each rule is a small generator over the model that yields problems; `check`
runs them all. A rule that needs a file which is missing or invalid simply
does not run (that file's own problems are already reported), so one broken
file never buries the rest under follow-on errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from generator.check import formrules
from generator.core import target as tgt
from generator.core.model import Activity, At, CycleFolder, Form, Program, Renstra, Repository
from generator.core.problems import WARNING, Problem


def _p(at: At, code: str, message: str, severity: str = "error") -> Problem:
    return Problem(at.file, code, message, path=at.path, severity=severity)


def _duplicates(items: Iterable[tuple[str, At]], what: str) -> Iterator[Problem]:
    seen: dict[str, At] = {}
    for code, at in items:
        if code in seen:
            yield _p(at, "RKT205", formrules.message("duplikat", apa=what, kode=code))
        else:
            seen[code] = at


def _choices(codes: Iterable[str]) -> str:
    return formrules.choices(codes)


# --- agency ---------------------------------------------------------------

# What agency.yaml holds until the real NIP is typed (`rkt init` writes it): the schema accepts
# it there and only there, so that no realistic-looking NIP ever has to be invented.
NIP_PLACEHOLDER = "(isi NIP)"


def _nip_problem(nip: str) -> str | None:
    """Why an 18-digit NIP cannot be real, or None.

    Layout: birth date YYYYMMDD, appointment YYYYMM, sex (1/2), serial.
    """
    try:
        born = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return f"8 angka pertama NIP ({nip[0:8]}) bukan tanggal lahir yang benar"
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12:
        return f"angka ke-13 dan ke-14 NIP ({nip[12:14]}) bukan bulan pengangkatan yang benar"
    if year < born.year + 17:
        return f"tahun pengangkatan dalam NIP ({year}) terlalu dekat dengan tahun lahir ({born.year})"
    if nip[14] not in "12":
        return f"angka ke-15 NIP ({nip[14]}) harus 1 (laki-laki) atau 2 (perempuan)"
    return None


def agency_rules(repo: Repository, today: dt.date, files: set[str]) -> Iterator[Problem]:
    a = repo.agency
    if a is None:
        return
    yield from _duplicates(((p.code, p.at / "kode") for p in a.persons), "kode pegawai")
    yield from _duplicates(((p.nip, p.at / "nip") for p in a.persons if p.nip != NIP_PLACEHOLDER), "NIP")
    yield from _duplicates(((u.code, u.at / "kode") for u in a.units), "kode unit")
    yield from _duplicates(((r.code, r.at / "kode") for r in a.roles), "kode peran")
    persons = {p.code for p in a.persons}
    if a.head not in persons:
        yield _p(a.at / "instansi" / "kepala", "RKT201",
                 f"kepala instansi '{a.head}' tidak ada di daftar pegawai; pilih salah satu: {_choices(persons)}")
    for u in a.units:
        if u.head not in persons:
            yield _p(u.at / "kepala", "RKT201",
                     f"kepala unit '{u.head}' tidak ada di daftar pegawai; pilih salah satu: {_choices(persons)}")
    for r in a.roles:
        for i, m in enumerate(r.members):
            if m not in persons:
                yield _p(r.at / "pegawai" / i, "RKT201",
                         f"pegawai '{m}' pada peran '{r.code}' tidak ada di daftar pegawai")
    for p in a.persons:
        why = _nip_problem(p.nip) if p.nip != NIP_PLACEHOLDER else None
        if why:
            yield _p(p.at / "nip", "RKT215", f"NIP {p.name} tidak masuk akal: {why}")
    holidays = {d.date for d in a.extra_holidays}
    for d in a.extra_workdays:
        if d.date in holidays:
            yield _p(d.at / "tanggal", "RKT205",
                     f"tanggal {d.date.isoformat()} tercatat sebagai libur tambahan dan juga hari kerja tambahan")
    yield from _logo_rules(a, files)


LOGO_MAX_BYTES = 1024 * 1024
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def _logo_rules(a, files: set[str]) -> Iterator[Problem]:
    """The logo is embedded in every printed PDF: it must be there, small, and an image."""
    if a.logo is None:
        return
    rel = f"cycles/{a.logo}"
    at = a.at / "instansi" / "logo"
    if rel not in files or a.logo_data is None:
        yield _p(at, "RKT226", f"berkas logo {rel} tidak ada; letakkan gambar logo di sana atau hapus isian 'logo'")
    elif len(a.logo_data) > LOGO_MAX_BYTES:
        yield _p(at, "RKT226", f"berkas logo {rel} lebih besar dari 1 MB; perkecil gambarnya (logo kop cukup "
                               f"beberapa ratus piksel)")
    elif not a.logo_data.startswith(_IMAGE_MAGIC):
        yield _p(at, "RKT226", f"berkas logo {rel} bukan gambar PNG atau JPEG; simpan ulang logonya sebagai PNG")


# --- SOP ------------------------------------------------------------------

def sop_rules(repo: Repository, today: dt.date, files: set[str]) -> Iterator[Problem]:
    s = repo.sop
    if s is None:
        return
    for i, step in enumerate(s.steps, start=1):
        if step.number != i:
            yield _p(step.at / "nomor", "RKT214",
                     f"langkah ke-{i} bernomor {step.number}; nomor langkah harus urut 1, 2, 3, ...")
    yield from _duplicates(((ln.code, ln.at / "kode") for ln in s.lanes), "kode pelaksana")
    lanes = [ln.code for ln in s.lanes]
    numbers = {step.number for step in s.steps}
    for step in s.steps:
        if step.executor not in lanes:
            yield _p(step.at / "pelaksana", "RKT201",
                     f"pelaksana '{step.executor}' tidak ada di daftar pelaksana SOP; pilih salah satu: {_choices(lanes)}")
        for i, code in enumerate(step.supporting):
            if code not in lanes:
                yield _p(step.at / "pendukung" / i, "RKT201",
                         f"pelaksana pendukung '{code}' tidak ada di daftar pelaksana SOP")
        if step.on_reject is not None:
            if step.on_reject not in numbers:
                yield _p(step.at / "keputusan" / "tidak", "RKT202",
                         f"langkah {step.on_reject} (tujuan bila 'tidak') tidak ada di SOP")
            elif step.on_reject >= step.number:
                yield _p(step.at / "keputusan" / "tidak", "RKT214",
                         f"keputusan 'tidak' pada langkah {step.number} harus kembali ke langkah sebelumnya, "
                         f"bukan ke langkah {step.on_reject}")
    if repo.agency is not None:
        roles = [r.code for r in repo.agency.roles]
        for ln in s.lanes:
            if ln.code not in roles:
                yield _p(ln.at / "kode", "RKT201",
                         f"pelaksana '{ln.code}' belum ada sebagai peran di cycles/agency.yaml; "
                         f"tambahkan peran itu beserta pegawainya")
        if s.approved_by is not None and s.approved_by not in roles:
            yield _p(s.at / "disahkan_oleh", "RKT201",
                     f"peran '{s.approved_by}' tidak ada di cycles/agency.yaml; pilih salah satu: {_choices(roles)}")


# --- Renstra --------------------------------------------------------------

def renstra_rules(repo: Repository, today: dt.date, files: set[str]) -> Iterator[Problem]:
    r = repo.renstra
    if r is None:
        return
    if r.first_year > r.last_year:
        yield _p(r.at / "periode", "RKT216",
                 f"periode Renstra terbalik: mulai {r.first_year}, selesai {r.last_year}")
    all_codes = [(g.code, g.at / "kode") for g in r.goals] + [(o.code, o.at / "kode") for o in r.objectives]
    all_codes += [(i.code, i.at / "kode") for _, i in r.indicators()]
    yield from _duplicates(all_codes, "kode Renstra")
    goals = [g.code for g in r.goals]
    units = {u.code for u in repo.agency.units} if repo.agency else None
    for o in r.objectives:
        if o.goal not in goals:
            yield _p(o.at / "tujuan", "RKT203",
                     f"tujuan '{o.goal}' tidak ada di Renstra; pilih salah satu: {_choices(goals)}")
        for ind in o.indicators:
            if not ind.code.startswith(o.code + "."):
                yield _p(ind.at / "kode", "RKT204",
                         f"kode indikator '{ind.code}' harus diawali kode sasarannya '{o.code}.', misalnya {o.code}.1")
            for y, typed in ind.targets:
                if not r.first_year <= y <= r.last_year:
                    yield _p(ind.at / "target" / str(y), "RKT216",
                             f"target tahun {y} di luar periode Renstra {r.first_year}-{r.last_year}")
                yield from _dotted(typed, ind.unit_of_measure, ind.at / "target" / str(y))
            if units is not None:
                for i, u in enumerate(ind.units):
                    if u not in units:
                        yield _p(ind.at / "unit" / i, "RKT200",
                                 f"unit '{u}' tidak ada di cycles/agency.yaml; pilih salah satu: {_choices(sorted(units))}")
    yield from _forgotten_years(r, repo)


def _forgotten_years(r: Renstra, repo: Repository) -> Iterator[Problem]:
    """A year of the period without a target key, while a cycle of that year exists: forgotten,
    unlike "-" (no target that year, said on purpose)."""
    years = sorted(c.year for c in repo.cycles if c.cycle is not None and r.first_year <= c.year <= r.last_year)
    for _, ind in r.indicators():
        written = {y for y, _ in ind.targets}
        for year in years:
            if year not in written:
                yield _p(ind.at / "target", "RKT221",
                         f"indikator {ind.code} belum memiliki target tahun {year}, padahal siklus {year} ada; "
                         f"tulis targetnya, atau {year}: \"-\" bila memang tidak ada target tahun itu",
                         severity=WARNING)


def _dotted(typed: str | int | None, satuan: str | None, at: At) -> Iterator[Problem]:
    """A target written with a decimal dot (SIPD's way) reads as thousands in Indonesian writing."""
    if typed is None:
        return
    t = tgt.parse(typed, satuan)
    if t.dotted:
        meaning = (f"dibaca sebagai {_decimal_text(t)}" if t.value is not None
                   else "tidak dapat dibaca sebagai angka: bisa pecahan, bisa ribuan")
        yield _p(at, "RKT222", f"target \"{t.text}\" memakai titik desimal dan {meaning}; di Indonesia titik "
                               f"memisahkan ribuan. Tulis {t.fix}", severity=WARNING)


def _decimal_text(t: tgt.Target) -> str:
    return format(t.value, "f").replace(".", ",")


# --- cycles ---------------------------------------------------------------

def _folder_rules(repo: Repository, folder: CycleFolder, today: dt.date, files: set[str]) -> Iterator[Problem]:
    c = folder.cycle
    cycle_rel = f"{folder.folder}/cycle.yaml"
    if cycle_rel not in files:
        yield Problem(cycle_rel, "RKT020",
                      f"folder {folder.folder} tidak memiliki cycle.yaml; buat dengan 'rkt new-cycle {folder.year}'",
                      line=1, col=1)
    agency, renstra = repo.agency, repo.renstra
    units = {u.code for u in agency.units} if agency else None
    persons = {p.code for p in agency.persons} if agency else None

    if c is not None:
        if c.year != folder.year:
            yield _p(c.at / "tahun", "RKT213",
                     f"tahun {c.year} tidak sama dengan nama foldernya ({folder.year})")
        if renstra is not None and not renstra.first_year <= c.year <= renstra.last_year:
            yield _p(c.at / "tahun", "RKT216",
                     f"tahun {c.year} di luar periode Renstra {renstra.first_year}-{renstra.last_year}; "
                     f"target indikator tahun ini tidak tersedia", severity=WARNING)
        if units is not None:
            for i, u in enumerate(c.required_units):
                if u not in units:
                    yield _p(c.at / "unit_wajib" / i, "RKT200",
                             f"unit '{u}' tidak ada di cycles/agency.yaml; pilih salah satu: {_choices(sorted(units))}")
        for u, _ in c.ceilings:
            if u not in c.required_units:
                yield _p(c.at / "pagu" / u, "RKT209", f"pagu untuk unit '{u}' yang tidak ada di unit_wajib")
        yield from _event_rules(repo, folder, today, files, units, persons)

    # forms
    for f in folder.forms:
        stem = f.at.file.rsplit("/", 1)[-1][:-len(".yaml")]
        if f.unit != stem:
            yield _p(f.at / "unit", "RKT213",
                     f"unit '{f.unit}' tidak sama dengan nama berkasnya ({stem}.yaml); "
                     f"form unit '{f.unit}' harus bernama {f.unit}.yaml")
        if f.year != folder.year:
            yield _p(f.at / "tahun", "RKT213", f"tahun {f.year} tidak sama dengan folder siklusnya ({folder.year})")
        if units is not None and f.unit not in units:
            # the messages of the rules about one form are formrules' templates: the form page says the same
            yield _p(f.at / "unit", "RKT200",
                     formrules.message("unit_tidak_ada", unit=f.unit, pilihan=_choices(sorted(units))))
        elif c is not None and f.unit not in c.required_units:
            yield _p(f.at / "unit", "RKT209",
                     formrules.message("unit_tidak_wajib", unit=f.unit, tahun=folder.year, berkas=cycle_rel))
        if f.filled_on is not None and f.filled_on > today:
            yield _p(f.at / "tanggal", "RKT207", formrules.message(
                "tanggal_masa_depan", tanggal=f.filled_on.isoformat(), hari_ini=today.isoformat()))
        yield from _form_rules(repo, folder, f)
        yield from _recorded_texts(repo, f)
    yield from _agreement_rules(repo, folder)

    # signed versions, of the RKT and of the Perjanjian Kinerja made from it
    yield from _signed_rules(repo, folder, today, persons)
    yield from _signed_rules(repo, folder, today, persons, "pk")


def _event_rules(repo: Repository, folder: CycleFolder, today: dt.date, files: set[str],
                 units: set[str] | None, persons: set[str] | None) -> Iterator[Problem]:
    c = folder.cycle
    assert c is not None
    sop = repo.sop
    previous = None
    for e in c.events:
        step = sop.step(e.step) if sop else None
        if sop is not None and step is None:
            yield _p(e.at / "langkah", "RKT202",
                     f"langkah {e.step} tidak ada di SOP (langkah 1 sampai {len(sop.steps)})")
        if persons is not None and e.by not in persons:
            yield _p(e.at / "oleh", "RKT201",
                     f"pegawai '{e.by}' tidak ada di cycles/agency.yaml; pilih salah satu: {_choices(sorted(persons))}")
        if e.unit is not None and units is not None and e.unit not in units:
            yield _p(e.at / "unit", "RKT200", f"unit '{e.unit}' tidak ada di cycles/agency.yaml")
        if e.date > today:
            yield _p(e.at / "tanggal", "RKT207",
                     f"tanggal {e.date.isoformat()} ada di masa depan (hari ini {today.isoformat()}); "
                     f"catat peristiwa setelah terjadi")
        if e.date < c.start:
            yield _p(e.at / "tanggal", "RKT218",
                     f"tanggal {e.date.isoformat()} sebelum siklus dimulai ({c.start.isoformat()})")
        if previous is not None and e.date < previous.date:
            yield _p(e.at / "tanggal", "RKT206",
                     f"tanggal {e.date.isoformat()} lebih awal dari peristiwa sebelumnya ({previous.date.isoformat()}); "
                     f"catatan peristiwa harus urut menurut tanggal")
        if step is not None:
            if e.decision is not None and not step.is_decision:
                yield _p(e.at / "keputusan", "RKT208",
                         f"langkah {step.number} ({step.short}) bukan langkah keputusan; hapus 'keputusan'")
            if e.decision is None and step.is_decision and not e.skipped:
                yield _p(e.at, "RKT208",
                         f"langkah {step.number} ({step.short}) adalah langkah keputusan; tambahkan 'keputusan: ya' "
                         f"atau 'keputusan: tidak'")
        if e.evidence is not None and f"{folder.folder}/{e.evidence}" not in files:
            yield _p(e.at / "bukti", "RKT211",
                     f"berkas bukti '{e.evidence}' tidak ada di {folder.folder}/; unggah berkasnya atau perbaiki namanya")
        previous = e


def _form_rules(repo: Repository, folder: CycleFolder, f: Form) -> Iterator[Problem]:
    renstra = repo.renstra
    if renstra is not None:
        yield from _duplicates(((row.objective, row.at / "sasaran") for row in f.performance), "sasaran")
        for row in f.performance:
            yield from _duplicates(((t.indicator, t.at / "kode") for t in row.indicators), "indikator")
            obj = renstra.objective(row.objective)
            if obj is None:
                yield _p(row.at / "sasaran", "RKT203", formrules.message(
                    "sasaran_tidak_ada", kode=row.objective, pilihan=_choices(o.code for o in renstra.objectives)))
                continue
            codes = [i.code for i in obj.indicators]
            for t in row.indicators:
                if t.indicator not in codes:
                    yield _p(t.at / "kode", "RKT203", formrules.message(
                        "indikator_tidak_ada", kode=t.indicator, sasaran=obj.code, pilihan=_choices(codes)))
                ind = next((i for i in obj.indicators if i.code == t.indicator), None)
                yield from _dotted(t.target, ind.unit_of_measure if ind else None, t.at / "target")
    yield from _duplicates(((p.code, p.at / "kode") for p in f.programs), "kode program")
    yield from _duplicates(((k.code, k.at / "kode") for p in f.programs for k in p.activities), "kode kegiatan")
    yield from _duplicates(((s.code, s.at / "kode") for p in f.programs for k in p.activities for s in k.subs),
                           "kode sub kegiatan")
    for p in f.programs:
        for k in p.activities:
            if not k.code.startswith(p.code + "."):
                yield _p(k.at / "kode", "RKT204",
                         formrules.message("kegiatan_salah_program", kode=k.code, induk=p.code))
            for s in k.subs:
                if not s.code.startswith(k.code + "."):
                    yield _p(s.at / "kode", "RKT204",
                             formrules.message("sub_salah_kegiatan", kode=s.code, induk=k.code))
                yield from _dotted(s.target, s.unit_of_measure, s.at / "target")
    yield from _budget_rules(f)
    c = folder.cycle
    if c is not None:
        ceiling = c.ceiling(f.unit)
        if ceiling is not None and f.budget > ceiling:
            yield _p(f.at / "program", "RKT210", formrules.message(
                "melebihi_pagu", jumlah=_rupiah(f.budget), unit=f.unit, pagu=_rupiah(ceiling),
                selisih=_rupiah(f.budget - ceiling)))


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def _recorded_texts(repo: Repository, f: Form) -> Iterator[Problem]:
    """An indicator entry records the Renstra text it was agreed against (`uraian`); a Renstra
    revision that rewrote the indicator under the same code changed what the target promises."""
    if repo.renstra is None:
        return
    texts = {i.code: i.description for _, i in repo.renstra.indicators()}
    for row in f.performance:
        for t in row.indicators:
            now = texts.get(t.indicator)
            if t.description is not None and now is not None and _words(t.description) != _words(now):
                yield _p(t.at / "uraian", "RKT227",
                         f"form ini disusun untuk indikator {t.indicator} '{t.description}', sedangkan Renstra kini "
                         f"menulis '{now}'. Periksa apakah target {t.target} masih berlaku untuk rumusan baru itu, "
                         f"lalu samakan 'uraian' dengan Renstra", severity=WARNING)


def _agreement_rules(repo: Repository, folder: CycleFolder) -> Iterator[Problem]:
    """The compiled performance table prints the units' targets: warn where it would print
    "belum diisi" although every responsible unit is in, and where units disagree."""
    renstra, c = repo.renstra, folder.cycle
    if renstra is None or c is None:
        return
    forms = {f.unit: f for f in folder.forms}
    given: dict[str, list[tuple[str, object, At]]] = {}
    for f in folder.forms:
        for row in f.performance:
            for t in row.indicators:
                given.setdefault(t.indicator, []).append((f.unit, t.target, t.at))
    for _, ind in renstra.indicators():
        answers = given.get(ind.code, [])
        responsible = [u for u in c.required_units if u in ind.units]
        planned = ind.target(folder.year)
        if (not answers and responsible and all(u in forms for u in responsible)
                and not (planned is not None and tgt.parse(planned).is_none)):
            for u in responsible:
                yield _p(forms[u].at / "kinerja", "RKT223",
                         f"indikator {ind.code} ({ind.description}) menjadi tanggung jawab unit "
                         f"{', '.join(responsible)}, tetapi belum ada di form unit mana pun, sehingga RKT mencetak "
                         f"'belum diisi'; tambahkan dengan targetnya, atau target \"-\" bila memang tidak ada "
                         f"target tahun ini", severity=WARNING)
        distinct: list[tuple[str, object, At]] = []
        for a in answers:
            if not any(tgt.parse(a[1], ind.unit_of_measure).same_as(tgt.parse(d[1], ind.unit_of_measure))
                       for d in distinct):
                distinct.append(a)
        if len(distinct) > 1:
            listed = "; ".join(f"{u}: {t}" for u, t, _ in answers)
            for u, _, at in answers:
                yield _p(at / "target", "RKT224",
                         f"unit-unit memberi target berbeda untuk indikator {ind.code} ({listed}); RKT mencetak "
                         f"semuanya dengan nama unitnya. Sepakati satu target pada koreksi draft", severity=WARNING)


_rupiah = formrules.rupiah


_LEVEL = {Program: "program", Activity: "kegiatan"}
_CHILD = {Program: "kegiatan", Activity: "sub kegiatan"}


def _budget_rules(f: Form) -> Iterator[Problem]:
    """A pagu stated on a program or kegiatan and the amounts below it must agree: the
    parent equals the sum of its children when all of them have an amount, and is never
    less than what the children already add up to. A node without any amount is flagged,
    as it would print as an empty line and count as nothing."""
    for p in f.programs:
        yield from _dotted(p.target, None, p.at / "target")
        nodes: list[tuple[Program | Activity, bool]] = [(p, False)]
        for k in p.activities:
            yield from _dotted(k.target, None, k.at / "target")
            nodes.append((k, p.amount is not None))
        for node, covered in nodes:
            level, child = _LEVEL[type(node)], _CHILD[type(node)]
            if not node.has_budget and not covered:
                yield _p(node.at, "RKT225",
                         f"{level} {node.code} belum memiliki anggaran: isi 'anggaran' (pagu {level}), atau "
                         f"rincian {child} beranggaran di bawahnya", severity=WARNING)
            if node.amount is None:
                continue
            budgeted = [c for c in node.children if c.has_budget]
            if not budgeted:
                continue
            total = sum(c.budget for c in budgeted)
            listed = ", ".join(f"{c.code} {_rupiah(c.budget)}" for c in budgeted)
            values = dict(tingkat=level, kode=node.code, anggaran=_rupiah(node.amount), anak=child,
                          jumlah=_rupiah(total), rincian=listed, selisih=_rupiah(abs(node.amount - total)))
            if len(budgeted) == len(node.children) and total != node.amount:
                yield _p(node.at / "anggaran", "RKT220", formrules.message("anggaran_tidak_sama", **values))
            elif total > node.amount:
                yield _p(node.at / "anggaran", "RKT220", formrules.message("anggaran_kurang", **values))


def _signed_rules(repo: Repository, folder: CycleFolder, today: dt.date,
                  persons: set[str] | None, prefix: str = "rkt") -> Iterator[Problem]:
    """The signed versions of the RKT (`prefix` rkt), or of the Perjanjian Kinerja (pk)."""
    versions = sorted(folder.signed if prefix == "rkt" else folder.agreements, key=lambda v: v.version)
    for expected, v in enumerate(versions, start=1):
        name = v.at.file.rsplit("/", 1)[-1]
        if name != f"{prefix}-{v.year}-v{v.version}.yaml" or v.year != folder.year:
            yield _p(v.at / "versi", "RKT213",
                     f"berkas {name} berisi tahun {v.year} versi {v.version}; nama berkas dan folder harus "
                     f"{prefix}-{v.year}-v{v.version}.yaml di cycles/{v.year}/signed/")
        if v.scan != f"{prefix}-{v.year}-v{v.version}.pdf":
            yield _p(v.at / "berkas", "RKT213",
                     f"berkas pindaian versi {v.version} harus bernama {prefix}-{v.year}-v{v.version}.pdf")
        if v.version != expected:
            yield _p(v.at / "versi", "RKT217",
                     f"versi {v.version} tidak berurutan; versi yang diharapkan {expected}")
        if not v.scan_exists:
            yield _p(v.at / "berkas", "RKT211",
                     f"berkas pindaian '{v.scan_path}' tidak ada; unggah PDF hasil pindaian yang ditandatangani")
        elif not v.scan_is_pdf:
            yield _p(v.at / "berkas", "RKT211", f"berkas '{v.scan_path}' bukan PDF")
        elif v.scan_sha256 != v.sha256:
            yield _p(v.at / "sha256", "RKT212",
                     f"SHA-256 berkas '{v.scan_path}' adalah {v.scan_sha256}, bukan {v.sha256} seperti tercatat; "
                     f"berkas pindaian telah berubah atau tertukar")
        if v.date > today:
            yield _p(v.at / "tanggal", "RKT207", f"tanggal tanda tangan {v.date.isoformat()} ada di masa depan")
        if folder.cycle is not None and v.date < folder.cycle.start:
            yield _p(v.at / "tanggal", "RKT218",
                     f"tanggal tanda tangan {v.date.isoformat()} sebelum siklus dimulai ({folder.cycle.start.isoformat()})")
        if v.signer.person is not None and persons is not None and v.signer.person not in persons:
            yield _p(v.at / "penandatangan" / "pegawai", "RKT201",
                     f"pegawai '{v.signer.person}' tidak ada di cycles/agency.yaml")
        why = _nip_problem(v.signer.nip)
        if why:
            yield _p(v.at / "penandatangan" / "nip", "RKT215", f"NIP penandatangan tidak masuk akal: {why}")
    if prefix != "rkt":
        return  # the scans without metadata are looked for once, for both kinds
    scans = {v.scan_path for v in folder.signed + folder.agreements}
    for rel in folder.files:
        if rel.startswith(f"{folder.folder}/signed/") and rel.endswith(".pdf") and rel not in scans:
            meta = rel[:-len(".pdf")] + ".yaml"
            if meta not in folder.files:
                yield Problem(rel, "RKT021",
                              f"pindaian tanpa berkas keterangan {meta.rsplit('/', 1)[-1]}; "
                              f"arsipkan dengan perintah 'rkt sign'", line=1, col=1)


def cycle_rules(repo: Repository, today: dt.date, files: set[str]) -> Iterator[Problem]:
    for folder in repo.cycles:
        yield from _folder_rules(repo, folder, today, files)


RULES: tuple[Callable[[Repository, dt.date, set[str]], Iterator[Problem]], ...] = (
    agency_rules,
    sop_rules,
    renstra_rules,
    cycle_rules,
)


def check(repo: Repository, today: dt.date, files: set[str]) -> Iterator[Problem]:
    for rule in RULES:
        yield from rule(repo, today, files)

