"""YAML as the project writes it: the `$schema` line, Indonesian comments, fixed key
order, codes always quoted, text quoted only where YAML would misread it.

The output is read back by the strict loader in the tests, so a value written
here always comes back as the same value.
"""

from __future__ import annotations

import json
import re

_PLAIN_INT = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
_RISKY_START = set("-?:,[]{}#&*!|>'\"%@`")
_RESERVED = {"", "~", "null", "true", "false"}


def scalar(value: object) -> str:
    """One value on one line, quoted when plain YAML would change or reject it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if (text in _RESERVED or text.lower() in ("yes", "no", "on", "off") or _PLAIN_INT.match(text)
            or text[0] in _RISKY_START or text != text.strip() or ": " in text or " #" in text
            or text.endswith(":") or "\n" in text or "\t" in text or text.endswith("%")
            or re.fullmatch(r"[-+0-9.,:eE_]+", text)):
        return json.dumps(text, ensure_ascii=False)
    return text


def code(value: str) -> str:
    """Kepmendagri codes are always quoted, so that nobody learns to leave them bare."""
    return json.dumps(value, ensure_ascii=False)


def schema_line(kind: str, depth: int) -> str:
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{kind}.schema.json\n"


FIELD_HELP = (
    "Cara mengisi:",
    "  tahun, unit: tahun rencana dan kode unit (sama dengan nama berkas ini).",
    "  kinerja: untuk setiap sasaran Renstra, indikator (kode dari cycles/renstra.yaml) dan target tahun ini.",
    "  program -> kegiatan -> sub_kegiatan: kode dan nama sesuai nomenklatur Kepmendagri.",
    "  Setiap sub kegiatan: indikator, target (angka dengan 'satuan', atau teks seperti 5 Dokumen),",
    "  anggaran (angka Rupiah saja) dan penanggung_jawab (jabatan).",
    "  Pecahan dan persen di antara tanda kutip: \"0,70\", \"92%\". Indentasi dengan spasi, bukan Tab.",
)


KINERJA_COMMENT = "# Tabel kinerja: sasaran dan indikator dari Renstra (uraian dan satuannya diambil dari Renstra)."
PROGRAM_COMMENT = "# Tabel program: program -> kegiatan -> sub kegiatan (kode Kepmendagri di antara tanda kutip)."


def form_header(text: str) -> str:
    """The comment block of a form file, up to its first key (the page's writer reuses it)."""
    index = text.find("\ntahun:")
    return text[:index + 1] if index >= 0 else ""


def _level_head(item: dict, indent: str) -> str:
    """The lines a program and a kegiatan share: code, name, and the optional indicator and target."""
    inner = indent + "  "
    lines = [f"{indent}- kode: {code(item['kode'])}\n", f"{inner}nama: {scalar(item['nama'])}\n"]
    lines += [f"{inner}{key}: {scalar(item[key])}\n" for key in ("indikator", "target") if item.get(key) is not None]
    return "".join(lines)


def form_yaml(data: dict, title: str, note: str | None = None, explain: bool = False) -> str:
    """A Form RKT (schema-valid data) as text; `explain` adds a how-to comment for new files."""
    out = [schema_line("form", 3), f"# {title}\n",
           f"# {note + ' ' if note else ''}Anggaran dalam Rupiah, tanpa titik pemisah ribuan.\n"]
    if explain:
        out += [f"#{' ' + line if line else ''}\n" for line in FIELD_HELP]
    out.append("\n")
    out.append(f"tahun: {data['tahun']}\nunit: {data['unit']}\n")
    if data.get("tanggal") is not None:
        out.append(f"tanggal: {data['tanggal']}\n")  # a date stays text for the strict loader
    if data.get("penyusun") is not None:
        out.append(f"penyusun: {scalar(data['penyusun'])}\n")
    out.append(f"\n{KINERJA_COMMENT}\n")
    if not data["kinerja"]:
        out.append("kinerja: []\n")
    else:
        out.append("kinerja:\n")
        for row in data["kinerja"]:
            out.append(f"  - sasaran: {row['sasaran']}\n    indikator:\n")
            for ind in row["indikator"]:
                out.append(f"      - kode: {ind['kode']}\n        target: {scalar(ind['target'])}\n")
                if ind.get("catatan"):
                    out.append(f"        catatan: {scalar(ind['catatan'])}\n")
    out.append(f"\n{PROGRAM_COMMENT}\n")
    if not data["program"]:
        out.append("program: []\n")
        return "".join(out)
    out.append("program:\n")
    for p in data["program"]:
        out.append(_level_head(p, "  ") + "    kegiatan:\n")
        for k in p["kegiatan"]:
            out.append(_level_head(k, "      ") + "        sub_kegiatan:\n")
            for s in k["sub_kegiatan"]:
                out.append(f"          - kode: {code(s['kode'])}\n            nama: {scalar(s['nama'])}\n"
                           f"            indikator: {scalar(s['indikator'])}\n            target: {scalar(s['target'])}\n")
                if s.get("satuan") is not None:
                    out.append(f"            satuan: {scalar(s['satuan'])}\n")
                out.append(f"            anggaran: {s['anggaran']}\n"
                           f"            penanggung_jawab: {scalar(s['penanggung_jawab'])}\n")
    return "".join(out)


def cycle_yaml(year: int, start: str, units: list[str]) -> str:
    return (schema_line("cycle", 2) +
            f"# Siklus penyusunan RKT Tahun {year}.\n\n"
            f"tahun: {year}\n"
            f"# Hari pertama siklus (langkah 1 SOP); tenggat tiap langkah dihitung dari tanggal ini.\n"
            f"mulai: {start}\n"
            f"# Unit yang wajib menyerahkan Form RKT.\n"
            f"unit_wajib: [{', '.join(units)}]\n"
            f"# Pagu indikatif per unit (Rupiah), bila sudah ada. Contoh:\n"
            f"# pagu:\n#   {units[0] if units else 'unit'}: 1000000000\n\n"
            f"# Catatan peristiwa: hanya boleh DITAMBAH di bagian bawah. Jangan ubah atau hapus catatan lama.\n"
            f"# Contoh:\n#   - langkah: 1\n#     tanggal: {start}\n#     oleh: kaban\n"
            f"#     catatan: Disposisi kepada Kasubbag Perencanaan\n"
            f"peristiwa: []\n")


def event_yaml(event: dict) -> str:
    """One event as a list item under `peristiwa:`."""
    lines = [f"  - langkah: {event['langkah']}", f"    tanggal: {event['tanggal']}", f"    oleh: {event['oleh']}"]
    for key in ("unit", "keputusan", "catatan", "bukti"):
        if event.get(key) is not None:
            lines.append(f"    {key}: {scalar(event[key])}")
    return "\n".join(lines) + "\n"


def signed_yaml(data: dict) -> str:
    s = data["penandatangan"]
    out = [schema_line("signed", 3),
           f"# Versi {data['versi']} RKT Tahun {data['tahun']} yang ditandatangani. JANGAN DIUBAH: berkas arsip.\n",
           "# Dibuat dengan 'rkt sign'. Perbaikan dibuat sebagai versi baru.\n\n",
           f"tahun: {data['tahun']}\nversi: {data['versi']}\ntanggal: {data['tanggal']}\npenandatangan:\n"]
    if s.get("pegawai"):
        out.append(f"  pegawai: {s['pegawai']}\n")
    out.append(f"  jabatan: {scalar(s['jabatan'])}\n  nama: {scalar(s['nama'])}\n  nip: {code(s['nip'])}\n")
    out.append(f"berkas: {data['berkas']}\nsha256: {data['sha256']}\ncommit: {data['commit']}\n")
    if data.get("sidik_isi"):
        out.append(f"sidik_isi: {data['sidik_isi']}\n")
    if data.get("catatan"):
        out.append(f"catatan: {scalar(data['catatan'])}\n")
    return "".join(out)


def update_form(text: str, data: dict) -> str:
    """An existing form's text with its values replaced by `data`, keeping its comments,
    key order and quoting where the structure did not change (ruamel.yaml round trip)."""
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    rt = YAML()  # round-trip mode; reading for values always goes through load.py
    rt.preserve_quotes = True
    rt.indent(mapping=2, sequence=4, offset=2)
    rt.width = 4096
    doc = rt.load(text)

    def styled(value: object, key: str | None = None) -> object:
        if isinstance(value, dict):
            return {k: styled(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [styled(v) for v in value]
        if isinstance(value, str) and (key == "kode" and "." in value or scalar(value).startswith('"')):
            return DoubleQuotedScalarString(value)
        return value

    for key in ("tahun", "unit", "kinerja", "program"):
        new = styled(data[key], key)
        if key in doc and doc[key] == data[key]:
            continue  # unchanged: keep the original nodes, comments inside included
        doc[key] = new
    out = io.StringIO()
    rt.dump(doc, out)
    return out.getvalue()
