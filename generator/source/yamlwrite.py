"""YAML as the project writes it: the `$schema` line, Indonesian comments, fixed key
order, codes always quoted, text quoted only where YAML would misread it.

The output is read back by the strict loader in the tests, so a value written
here always comes back as the same value.
"""

from __future__ import annotations

import json
import re
import textwrap

from generator.source.yamlcomments import Single, insert_item, pop_tail, put_tail, remove_item

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
    "  Bila rincian belum ada, pagu boleh ditulis sebagai 'anggaran' program atau kegiatan; bila rinciannya",
    "  juga beranggaran, anggaran program/kegiatan harus sama dengan jumlahnya. Anggaran yang belum ada",
    "  dihapus saja barisnya (jangan diisi 0): dokumen mencetak 'belum ada anggaran'.",
    "  Target \"-\" berarti indikator itu memang tidak memiliki target tahun ini.",
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
    # a program may have no code: its name then opens the item
    lines = ([f"{indent}- kode: {code(item['kode'])}\n", f"{inner}nama: {scalar(item['nama'])}\n"]
             if item.get("kode") is not None else [f"{indent}- nama: {scalar(item['nama'])}\n"])
    lines += [f"{inner}{key}: {scalar(item[key])}\n" for key in ("indikator", "target", "anggaran")
              if item.get(key) is not None]
    return "".join(lines)


def form_yaml(data: dict, title: str, note: str | None = None, explain: bool = False,
              remarks: tuple[str, ...] = ()) -> str:
    """A Form RKT (schema-valid data) as text; `explain` adds a how-to comment for new files,
    `remarks` comment paragraphs after the title (what the user must still fill in)."""
    out = [schema_line("form", 3), f"# {title}\n",
           f"# {note + ' ' if note else ''}Anggaran dalam Rupiah, tanpa titik pemisah ribuan.\n"]
    out += [f"# {line}\n" for remark in remarks for line in textwrap.wrap(remark, 100)]
    if explain:
        out += [f"#{' ' + line if line else ''}\n" for line in FIELD_HELP]
    out.append("\n")
    out.append(f"tahun: {data['tahun']}\nunit: {data['unit']}\n")
    if data.get("tanggal") is not None:
        out.append(f"tanggal: {data['tanggal']}\n")  # a date stays text for the strict loader
    if data.get("penyusun") is not None:
        out.append(f"penyusun: {scalar(data['penyusun'])}\n")
    out.append(f"\n{KINERJA_COMMENT}\n")
    out.append(_performance_yaml(data["kinerja"]))
    out.append(f"\n{PROGRAM_COMMENT}\n")
    out.append(_programs_yaml(data["program"]))
    return "".join(out)


def _performance_yaml(rows: list) -> str:
    if not rows:
        return "kinerja: []\n"
    out = ["kinerja:\n"]
    for row in rows:
        out.append(f"  - sasaran: {row['sasaran']}\n    indikator:\n")
        for ind in row["indikator"]:
            out.append(f"      - kode: {ind['kode']}\n")
            if ind.get("uraian"):  # the Renstra's text when the form was made (schema order: after kode)
                out.append(f"        uraian: {scalar(ind['uraian'])}\n")
            out.append(f"        target: {scalar(ind['target'])}\n")
            if ind.get("catatan"):
                out.append(f"        catatan: {scalar(ind['catatan'])}\n")
    return "".join(out)


def _programs_yaml(programs: list) -> str:
    if not programs:
        return "program: []\n"
    out = ["program:\n"]
    for p in programs:
        # a pagu stated on a program or kegiatan may stand without the detail below it
        out.append(_level_head(p, "  ") + ("    kegiatan:\n" if p.get("kegiatan") else ""))
        for k in p.get("kegiatan", ()):
            out.append(_level_head(k, "      ") + ("        sub_kegiatan:\n" if k.get("sub_kegiatan") else ""))
            out += [_sub_activity_yaml(s) for s in k.get("sub_kegiatan", ())]
    return "".join(out)


def _sub_activity_yaml(s: dict) -> str:
    indent = " " * 12
    lines = [f"          - kode: {code(s['kode'])}\n", f"{indent}nama: {scalar(s['nama'])}\n",
             f"{indent}indikator: {scalar(s['indikator'])}\n", f"{indent}target: {scalar(s['target'])}\n"]
    if s.get("satuan") is not None:
        lines.append(f"{indent}satuan: {scalar(s['satuan'])}\n")
    if s.get("anggaran") is not None:  # an amount not known yet is left out, never written 0
        lines.append(f"{indent}anggaran: {s['anggaran']}\n")
    lines.append(f"{indent}penanggung_jawab: {scalar(s['penanggung_jawab'])}\n")
    return "".join(lines)


def cycle_yaml(year: int, start: str | None, units: list[str], recorded: bool = False) -> str:
    """A new cycle.yaml; `recorded`: a cycle recorded after the fact (`dicatat_kemudian`), whose
    start is written only when it is known."""
    if recorded:
        head = ("# Siklus ini dicatat kemudian (arsip): tidak ada jadwal SOP yang dihitung, tidak dinilai\n"
                "# terlambat dan tidak diingatkan. Tanggal form diambil dari isian 'tanggal' di tiap form.\n"
                "dicatat_kemudian: true\n")
        if start is not None:
            head += f"# Hari pertama siklus (langkah 1 SOP), sebagaimana tercatat.\nmulai: {start}\n"
    else:
        head = (f"# Hari pertama siklus (langkah 1 SOP); tenggat tiap langkah dihitung dari tanggal ini.\n"
                f"mulai: {start}\n")
    example = start or f"{year - 1}-12-01"
    return (schema_line("cycle", 2) +
            f"# Siklus penyusunan RKT Tahun {year}.\n\n"
            f"tahun: {year}\n" + head +
            f"# Unit yang wajib menyerahkan Form RKT.\n"
            f"unit_wajib: [{', '.join(units)}]\n"
            f"# Pagu indikatif per unit (Rupiah), bila sudah ada. Contoh:\n"
            f"# pagu:\n#   {units[0] if units else 'unit'}: 1000000000\n\n"
            f"# Catatan peristiwa: hanya boleh DITAMBAH di bagian bawah. Jangan ubah atau hapus catatan lama.\n"
            f"# Contoh:\n#   - langkah: 1\n#     tanggal: {example}\n#     oleh: kaban\n"
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


# --- rewriting an existing form ---------------------------------------------

# Items of these lists are the same item when this key is the same (the codes are unique).
_IDENTITY = {"kinerja": "sasaran", "indikator": "kode", "program": "kode", "kegiatan": "kode",
             "sub_kegiatan": "kode"}
# Where a key that the file lacks is inserted: the order `form_yaml` writes.
_KEY_ORDER = ("tahun", "unit", "tanggal", "penyusun", "kinerja", "program", "sasaran", "kode", "uraian", "nama",
              "indikator", "target", "catatan", "satuan", "anggaran", "penanggung_jawab", "kegiatan", "sub_kegiatan")


def _same(old: object, new: object) -> bool:
    """Equal as the strict loader reads them; a whole number and its digits count as equal,
    so that an unchanged target keeps its quoting either way."""
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    if isinstance(old, dict) and isinstance(new, dict):
        return old.keys() == new.keys() and all(_same(old[k], new[k]) for k in old)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(old, (int, str)) and isinstance(new, (int, str)):
        return str(old) == str(new)
    return old == new


def _styled(value: object, key: str | None = None) -> object:
    """New data as ruamel nodes, quoted the way `form_yaml` quotes."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = _styled(v, k)
        return out
    if isinstance(value, list):
        return CommentedSeq(_styled(v) for v in value)
    if isinstance(value, str) and (key == "kode" and re.fullmatch(r"[0-9.]+", value) or scalar(value).startswith('"')):
        return DoubleQuotedScalarString(value)  # Kepmendagri codes always quoted, as `code` writes them
    return value


def _merge_map(node, old: dict, new: dict) -> None:
    """Make mapping `node` hold `new`, touching only the keys whose values changed."""
    tail = pop_tail(node)
    for key in [k for k in node if k not in new]:
        del node[key]
    for key, value in new.items():
        if key not in node:
            before = [k for k in node if k in _KEY_ORDER and _KEY_ORDER.index(k) < _KEY_ORDER.index(key)] \
                if key in _KEY_ORDER else list(node)
            node.insert(list(node).index(before[-1]) + 1 if before else 0, key, _styled(value, key))
        elif key in old and _same(old[key], value):
            continue
        else:
            _merge_value(node, key, old.get(key), value)
    put_tail(node, tail)


def _merge_value(parent, key, old: object, new: object) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    node = parent[key]
    if isinstance(node, CommentedMap) and isinstance(old, dict) and isinstance(new, dict):
        _merge_map(node, old, new)
    elif (isinstance(node, CommentedSeq) and isinstance(old, list) and isinstance(new, list)
          and key in _IDENTITY and all(isinstance(x, dict) for x in old + new)):
        _merge_seq(parent, key, old, new, _IDENTITY[key])
    else:
        parent[key] = _styled(new, key if isinstance(key, str) else None)


def _merge_seq(parent, key, old: list, new: list, ident: str) -> None:
    """Make list `parent[key]` hold `new`, matching items by their code: unchanged items keep
    their lines and comments, new ones are inserted where they belong, missing ones removed."""
    node = parent[key]
    if node.fa.flow_style() and new:
        node.fa.set_block_style()  # `program: []` that gains items
    tail = pop_tail(node) if len(node) else pop_tail(Single(parent, key))
    olds = list(old)
    wanted = [x.get(ident) for x in new]
    for index in reversed(range(len(olds))):
        code = olds[index].get(ident)
        if code not in wanted or [x.get(ident) for x in olds].count(code) > wanted.count(code):
            remove_item(parent, key, index)
            del olds[index]
    for index, item in enumerate(new):
        code = item.get(ident)
        if index < len(olds) and olds[index].get(ident) == code:
            if not _same(olds[index], item):
                _merge_value(node, index, olds[index], item)
            continue
        later = next((j for j in range(index + 1, len(olds)) if olds[j].get(ident) == code), None)
        if later is None:
            insert_item(parent, key, index, _styled(item))
            olds.insert(index, item)
            continue
        moved = remove_item(parent, key, later)  # a row moved up in the workbook
        insert_item(parent, key, index, moved)
        olds.insert(index, olds.pop(later))
        if not _same(olds[index], item):
            _merge_value(node, index, olds[index], item)
    if not len(node):
        node.fa.set_flow_style()  # an emptied list is written `key: []`, its comment after it
    put_tail(node if len(node) else Single(parent, key), tail)


def update_form(text: str, data: dict, old: dict | None = None) -> str:
    """An existing form's text changed to hold `data`: only the lines of what changed are
    rewritten; comments, key order and quoting of everything else stay (ruamel.yaml round
    trip). `old` is the file as the strict loader reads it (parsed here when not given); it
    decides what changed, because ruamel's own typing (1.10 as a number) is not the project's."""
    import io

    from ruamel.yaml import YAML

    from generator.source.load import parse

    if old is None:
        old = parse(text, "form")[0]  # type: ignore[assignment]
    assert isinstance(old, dict)
    rt = YAML()  # round-trip mode; reading for values always goes through load.py
    rt.preserve_quotes = True
    rt.indent(mapping=2, sequence=4, offset=2)
    rt.width = 4096
    doc = rt.load(text)
    merged = {**{k: v for k, v in old.items()}, **data}  # keys the import does not know are kept
    _merge_map(doc, old, merged)
    out = io.StringIO()
    rt.dump(doc, out)
    return out.getvalue()


# --- the performance year: Rencana Aksi and quarterly reports ---------------------------------

def _flow(values: list) -> str:
    """A short list on one line; every text in double quotes (a comma inside stays inside)."""
    return "[" + ", ".join(str(v) if isinstance(v, int) and not isinstance(v, bool)
                           else json.dumps(str(v), ensure_ascii=False) for v in values) + "]"


def _identity_lines(data: dict, keys: tuple[str, ...]) -> str:
    out = "".join(f"{key}: {data[key]}\n" for key in keys)
    if data.get("tanggal") is not None:
        out += f"tanggal: {data['tanggal']}\n"  # a date stays text for the strict loader
    if data.get("penyusun") is not None:
        out += f"penyusun: {scalar(data['penyusun'])}\n"
    return out


def renaksi_yaml(data: dict, title: str) -> str:
    """A unit's Rencana Aksi (schema-valid data) as text, as the example's files are written."""
    out = [schema_line("renaksi", 3), f"# {title}\n",
           "# Target triwulan ditulis seperti target di Renstra (\"0,63\", \"85%\", \"2 dokumen\", \"BB\"); \"-\" bila "
           "triwulan itu\n# tidak bertarget. Penanggung jawab: kode pegawai di cycles/agency.yaml.\n\n",
           _identity_lines(data, ("tahun", "unit")), "\nindikator:\n"]
    for x in data["indikator"]:
        out.append(f"  - kode: {x['kode']}\n    target_triwulan: {_flow(x['target_triwulan'])}\n"
                   f"    penanggung_jawab: {x['penanggung_jawab']}\n")
        if x.get("kegiatan"):
            out.append(f"    kegiatan: {_flow(x['kegiatan'])}\n")
        if x.get("aksi"):
            out.append("    aksi:\n")
            out += [f"      - uraian: {scalar(a['uraian'])}\n        triwulan: {_flow(a['triwulan'])}\n"
                    for a in x["aksi"]]
    if data.get("anggaran"):
        out.append("\n# Rencana penyerapan anggaran per program, triwulan I–IV (Rupiah, tanpa titik).\nanggaran:\n")
        out += [f"  - program: {code(b['program'])}\n    triwulan: {_flow(b['triwulan'])}\n" for b in data["anggaran"]]
    return "".join(out)


def laporan_yaml(data: dict, title: str) -> str:
    """A unit's quarterly report (schema-valid data) as text, as the example's files are written."""
    out = [schema_line("laporan", 4), f"# {title}\n",
           "# Realisasi ditulis dalam satuan yang sama dengan targetnya; anggaran: realisasi triwulan ini (bukan\n"
           "# kumulatif) dalam Rupiah, tanpa titik.\n\n",
           _identity_lines(data, ("tahun", "triwulan", "unit")), "\n"]
    out.append("realisasi:\n" if data["realisasi"] else "realisasi: []\n")
    for x in data["realisasi"]:
        out.append(f"  - kode: {x['kode']}\n    realisasi: {scalar(x['realisasi'])}\n")
        out += [f"    {key}: {scalar(x[key])}\n" for key in ("faktor_pendorong", "faktor_penghambat", "tindak_lanjut")
                if x.get(key)]
        if x.get("bukti"):
            out.append(f"    bukti: {_flow(x['bukti'])}\n")
    if data.get("anggaran"):
        out.append("\nanggaran:\n")
        out += [f"  - kode: {code(str(x['kode']))}\n    realisasi: {x['realisasi']}\n" for x in data["anggaran"]]
    if data.get("perubahan"):
        out.append("\n# Catatan perubahan: hanya boleh DITAMBAH di bagian bawah.\nperubahan:\n")
        out += [f"  - tanggal: {x['tanggal']}\n    oleh: {x['oleh']}\n    alasan: {scalar(x['alasan'])}\n"
                for x in data["perubahan"]]
    return "".join(out)


def update_year_file(text: str, data: dict, old: dict, owned: tuple[str, ...]) -> str:
    """An existing Rencana Aksi or report changed to hold `data`, as `update_form` changes a form:
    comments and the lines of what did not change stay. The keys in `owned` are the workbook's
    to say (one that `data` lacks is removed); every other key of the file (`tanggal`, `penyusun`,
    `perubahan`) is kept as it is."""
    import io

    from ruamel.yaml import YAML

    rt = YAML()  # round-trip mode; reading for values always goes through load.py
    rt.preserve_quotes = True
    rt.indent(mapping=2, sequence=4, offset=2)
    rt.width = 4096
    doc = rt.load(text)
    merged = {**{k: v for k, v in old.items() if k not in owned}, **data}
    _merge_map(doc, old, merged)
    out = io.StringIO()
    rt.dump(doc, out)
    return out.getvalue()
