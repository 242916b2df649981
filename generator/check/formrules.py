"""The rules about one form, as data: what `rkt validate` and the "Isi Form RKT" page share.

`rules/` checks a form against the reference data (Renstra codes, the cycle's units and
pagu, today's date); the page checks the same while the user types. So that the two never
drift apart, everything the page needs to judge a form comes from here at build time:

* `MESSAGES`: the Indonesian message templates; `rules/` formats the same templates;
* `RULES`: which lists hold unique codes, which codes must start with their parent's code,
  which fields refer to the Renstra, where the date and the pagu are checked. The page's
  engine (docs/js/isi-form.js) knows only these generic kinds of rule;
* `reader`: the strict loader's limits (refused characters, depth, number length), so a file
  loaded into the page is refused for the same reasons `load.py` refuses it;
* `cycle_facts`: the parameters of one cycle (start, today, pagu, units).

A browser test (tests/test_form_parity.py) runs every example form through both and
compares the verdicts, the (path, code) pairs and the messages.

A form downloaded from the page before it is complete carries `draf: true`; `mark_draft`
turns the schema's "unknown key" into a message that says what to do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from zoneinfo import ZoneInfo

from generator.core import amount, dates
from generator.core import target as tgt
from generator.core.model import CycleFolder, Repository
from generator.core.problems import WARNING, Problem
from generator.source import load, screen

EMPTY_CHOICES = "(belum ada)"

MESSAGES: Mapping[str, str] = {
    "duplikat": "{apa} '{kode}' sudah dipakai sebelumnya; setiap {apa} harus unik",
    "sasaran_tidak_ada": "sasaran '{kode}' tidak ada di Renstra; pilih salah satu: {pilihan}",
    "indikator_tidak_ada": ("indikator '{kode}' tidak ada pada sasaran {sasaran} di Renstra; "
                            "pilih salah satu: {pilihan}"),
    "kegiatan_salah_program": ("kode kegiatan '{kode}' tidak diawali kode programnya '{induk}'; "
                               "pindahkan kegiatan ini ke program yang benar atau perbaiki kodenya"),
    "sub_salah_kegiatan": ("kode sub kegiatan '{kode}' tidak diawali kode kegiatannya '{induk}'; "
                           "pindahkan sub kegiatan ini ke kegiatan yang benar atau perbaiki kodenya"),
    "melebihi_pagu": "jumlah anggaran form ({jumlah}) melebihi pagu unit ini ({pagu}) sebesar {selisih}",
    "anggaran_tidak_sama": ("anggaran {tingkat} {kode} ({anggaran}) tidak sama dengan jumlah anggaran {anak} di "
                            "bawahnya ({jumlah}: {rincian}); selisih {selisih}. Samakan keduanya, atau hapus "
                            "'anggaran' {tingkat} agar jumlahnya dihitung dari {anak}"),
    "anggaran_kurang": ("anggaran {tingkat} {kode} ({anggaran}) lebih kecil dari jumlah anggaran {anak} yang sudah "
                        "dirinci di bawahnya ({jumlah}: {rincian})"),
    "tanggal_masa_depan": "tanggal pengisian {tanggal} ada di masa depan (hari ini {hari_ini})",
    "unit_tidak_ada": "unit '{unit}' tidak ada di cycles/agency.yaml; pilih salah satu: {pilihan}",
    "unit_tidak_wajib": ("unit '{unit}' tidak termasuk unit_wajib siklus {tahun}; "
                         "tambahkan ke unit_wajib di {berkas} atau hapus form ini"),
    "draf": "form ini masih draf; lengkapi lalu hapus baris 'draf: true'",
    "tanpa_satuan_persen": ("target {target} tanpa satuan: tulis \"{target}%\" atau isi satuan indikator {kode} "
                            "di {berkas}"),
    "tanpa_satuan": ("target {target} tanpa satuan: isi satuan indikator {kode} di {berkas}, atau tulis satuannya "
                     "sesudah angka di target (misalnya \"{target} dokumen\")"),
    "titik_desimal": ("target \"{target}\" memakai titik desimal dan {arti}; di Indonesia titik memisahkan ribuan. "
                      "Tulis {saran}"),
    "titik_desimal_angka": "dibaca sebagai {angka}",
    "titik_desimal_ganda": "tidak dapat dibaca sebagai angka: bisa pecahan, bisa ribuan",
    "tanpa_anggaran": ("{tingkat} {kode} belum memiliki anggaran: isi 'anggaran' (pagu {tingkat}), atau rincian {anak} "
                       "beranggaran di bawahnya"),
    "uraian_berubah": ("form ini disusun untuk indikator {kode} '{uraian}', sedangkan Renstra kini menulis '{kini}'. "
                       "Periksa apakah target {target} masih berlaku untuk rumusan baru itu, lalu samakan 'uraian' "
                       "dengan Renstra"),
    "belum_ada_target": ("indikator {kode} ({uraian}) menjadi tanggung jawab unit {unit}, tetapi belum ada di form "
                         "unit mana pun, sehingga RKT mencetak 'belum diisi'; tambahkan dengan targetnya, atau "
                         "target \"-\" bila memang tidak ada target tahun ini"),
    "target_berbeda": ("unit-unit memberi target berbeda untuk indikator {kode} ({daftar}); RKT mencetak semuanya "
                       "dengan nama unitnya. Sepakati satu target pada koreksi draft"),
    "pagu_belum_diperiksa": ("jumlah anggaran form belum dapat dihitung karena anggaran ini belum terbaca sebagai "
                             "angka, sehingga pagu unit ini belum dapat diperiksa"),
    # the quarterly report (check/rules/performance_reports.py words them the same; the
    # "Isi Laporan Triwulan" page formats these, tests/test_report_form.py compares both)
    "triwulan_belum_berakhir": ("{triwulan} {tahun} baru berakhir pada {akhir} (hari ini {hari_ini}); laporan "
                                "triwulan diajukan setelah triwulannya berakhir. Simpan dulu isinya di luar "
                                "repositori dan ajukan mulai {mulai}"),
    "tanpa_renaksi": ("unit {unit} belum memiliki Rencana Aksi {tahun} ({berkas}), jadi laporannya tidak punya "
                      "target triwulan untuk dibandingkan; ajukan Rencana Aksi unit ini lebih dulu"),
    "indikator_bukan_renstra": ("indikator '{kode}' tidak ada di Renstra (cycles/renstra.yaml); pilih salah satu: "
                                "{pilihan}"),
    "indikator_bukan_renaksi": ("indikator {kode} tidak ada di Rencana Aksi unit {unit} ({berkas}); laporkan hanya "
                                "indikator Rencana Aksi unit ini: {pilihan}"),
    "realisasi_titik_desimal": ("realisasi {kode} \"{teks}\" memakai titik desimal, yang di Indonesia memisahkan "
                                "ribuan, sehingga bermakna ganda; tulis {saran}"),
    "realisasi_satuan_lain": ("realisasi {kode} \"{teks}\" ditulis dalam {satuan}, sedangkan {nama_target} "
                              "\"{target}\" dalam {satuan_target}; capaian hanya dapat dihitung bila realisasi "
                              "ditulis dalam satuan targetnya, misalnya {contoh}"),
    "belum_ada_realisasi": ("indikator {kode} ({uraian}) bertarget {target} pada {triwulan} menurut Rencana Aksi "
                            "({berkas}), tetapi belum diberi realisasi; tambahkan realisasinya beserta faktor "
                            "pendorong atau penghambatnya"),
    "kode_anggaran_tidak_ada": ("kode '{kode}' bukan program, kegiatan atau sub kegiatan di Form RKT {tahun} unit "
                                "{unit} ({berkas}); tulis salah satu kode dari form itu, misalnya {contoh}"),
    "anggaran_tanpa_form": ("Form RKT {tahun} unit {unit} ({berkas}) belum ada, jadi kode realisasi anggaran belum "
                            "dapat diperiksa"),
    "bukti_tidak_ada": "berkas bukti '{nama}' tidak ada di {folder}/; unggah berkasnya atau perbaiki namanya",
    "pegawai_perubahan": ("pegawai '{kode}' yang mengubah laporan tidak ada di daftar pegawai cycles/agency.yaml; "
                          "tulis kode pegawai yang mengubahnya"),
    "melebihi_pagu_tahun": ("realisasi anggaran program {program} sampai {triwulan} berjumlah {jumlah}, melebihi "
                            "pagunya di Form RKT ({pagu}) sebesar {lebih}; periksa angka realisasi (ditulis per "
                            "triwulan, bukan kumulatif) atau pagu programnya"),
}

# The key that marks a downloaded draft. The schema does not know it, so a draft never passes.
DRAFT_KEY = "draf"
DRAFT_CODE = "RKT190"
PAGU_CODE = "RKT210"


def message(name: str, **values: object) -> str:
    return MESSAGES[name].format(**values)


def choices(codes) -> str:
    codes = list(codes)
    return ", ".join(codes) if codes else EMPTY_CHOICES


BARE_CODE = "RKT229"
RENSTRA_FILE = "cycles/renstra.yaml"


def bare_number(typed: str | int | None, satuan: str | None, description: str, kode: str) -> str | None:
    """The warning for an indicator's target that is a bare number ("90", 90) while the indicator
    has no `satuan`: 90 what? None when the target or the indicator says its unit (or is no
    number; a dotted number gets RKT222 first)."""
    if typed is None or satuan:
        return None
    t = tgt.parse(typed, None)
    if t.kind != tgt.NUMBER or t.dotted or t.value is None:
        return None
    text = " ".join(str(typed).split())
    name = "tanpa_satuan_persen" if description.strip().casefold().startswith("persentase") else "tanpa_satuan"
    return message(name, target=text, kode=kode, berkas=RENSTRA_FILE)


DOTTED_CODE = "RKT222"


def dotted_target(typed: str | int, satuan: str | None) -> str | None:
    """The warning for a target written with a decimal dot (SIPD's way), which reads as thousands
    in Indonesian writing; None when the target has none."""
    t = tgt.parse(typed, satuan)
    if not t.dotted:
        return None
    meaning = (message("titik_desimal_angka", angka=format(t.value, "f").replace(".", ","))
               if t.value is not None else message("titik_desimal_ganda"))
    return message("titik_desimal", target=t.text, arti=meaning, saran=t.fix)


def rupiah(n: int) -> str:
    return "Rp " + f"{n:,}".replace(",", ".")


# --- the rules, as the page's engine reads them ----------------------------------------
# A list is named by its path with "*" for every index: "program.*.kegiatan" is every
# kegiatan list of every program. `key` is the field of each item that the rule reads.

@dataclass(frozen=True)
class Rule:
    # unit | unit_wajib | tanggal_maks | unik | rujukan | awalan | jumlah | pagu, and the warnings:
    # titik_desimal | tanpa_satuan | uraian_berubah | tanpa_anggaran | belum_ada_target | target_berbeda
    kind: str
    code: str
    list: str = ""
    key: str = ""
    message: str = ""
    what: str = ""  # unik: the word in the message ("kode kegiatan"); jumlah: the level ("program")
    scope: str = "daftar"  # unik: "daftar" (each list alone) or "form" (every such list together)
    parent_key: str = ""  # awalan: the parent's field that must prefix; rujukan: the parent's sasaran
    table: str = ""  # rujukan: "sasaran" or "indikator" (of the parent's sasaran)
    child: str = ""  # jumlah: the list of children under each item ("kegiatan")
    child_what: str = ""  # jumlah: the children's word in the message ("sub kegiatan")
    message_less: str = ""  # jumlah: when only some children have an amount and they exceed it
    severity: str = ""  # "warning" for a warning (it does not block the download); else an error


RULES: tuple[Rule, ...] = (
    Rule("unit", "RKT200", key="unit", message="unit_tidak_ada"),
    Rule("unit_wajib", "RKT209", key="unit", message="unit_tidak_wajib"),
    Rule("tanggal_maks", "RKT207", key="tanggal", message="tanggal_masa_depan"),
    Rule("unik", "RKT205", list="kinerja", key="sasaran", what="sasaran", message="duplikat"),
    Rule("rujukan", "RKT203", list="kinerja", key="sasaran", table="sasaran", message="sasaran_tidak_ada"),
    Rule("unik", "RKT205", list="kinerja.*.indikator", key="kode", what="indikator", message="duplikat"),
    Rule("rujukan", "RKT203", list="kinerja.*.indikator", key="kode", table="indikator", parent_key="sasaran",
         message="indikator_tidak_ada"),
    Rule("unik", "RKT205", list="program", key="kode", what="kode program", message="duplikat"),
    Rule("unik", "RKT205", list="program.*.kegiatan", key="kode", what="kode kegiatan", scope="form",
         message="duplikat"),
    Rule("unik", "RKT205", list="program.*.kegiatan.*.sub_kegiatan", key="kode", what="kode sub kegiatan",
         scope="form", message="duplikat"),
    Rule("awalan", "RKT204", list="program.*.kegiatan", key="kode", parent_key="kode",
         message="kegiatan_salah_program"),
    Rule("awalan", "RKT204", list="program.*.kegiatan.*.sub_kegiatan", key="kode", parent_key="kode",
         message="sub_salah_kegiatan"),
    # the budget of a node is its own `anggaran` when stated, else the sum of its lists' items;
    # a stated amount equals its children's sum when all of them have one, and is never less
    Rule("jumlah", "RKT220", list="program", key="anggaran", child="kegiatan", what="program",
         child_what="kegiatan", message="anggaran_tidak_sama", message_less="anggaran_kurang"),
    Rule("jumlah", "RKT220", list="program.*.kegiatan", key="anggaran", child="sub_kegiatan", what="kegiatan",
         child_what="sub kegiatan", message="anggaran_tidak_sama", message_less="anggaran_kurang"),
    Rule("pagu", "RKT210", list="program", key="anggaran", message="melebihi_pagu"),
    # warnings. A target with a decimal dot (of an indicator only when its sasaran is in the Renstra)
    *(Rule("titik_desimal", DOTTED_CODE, list=lst, key="target", table=table, parent_key=parent,
           message="titik_desimal", severity=WARNING)
      for lst, table, parent in (("kinerja.*.indikator", "sasaran", "sasaran"), ("program", "", ""),
                                 ("program.*.kegiatan", "", ""), ("program.*.kegiatan.*.sub_kegiatan", "", ""))),
    Rule("tanpa_satuan", BARE_CODE, list="kinerja.*.indikator", key="target", parent_key="sasaran",
         message="tanpa_satuan", severity=WARNING),
    Rule("uraian_berubah", "RKT227", list="kinerja.*.indikator", key="uraian", message="uraian_berubah",
         severity=WARNING),
    # a program or kegiatan without any amount (a kegiatan under a program that states its pagu has one)
    Rule("tanpa_anggaran", "RKT225", list="program", key="anggaran", child="kegiatan", what="program",
         child_what="kegiatan", message="tanpa_anggaran", severity=WARNING),
    Rule("tanpa_anggaran", "RKT225", list="program.*.kegiatan", key="anggaran", child="sub_kegiatan",
         what="kegiatan", child_what="sub kegiatan", parent_key="anggaran", message="tanpa_anggaran",
         severity=WARNING),
    # the rules over the cycle's forms together, for this form: the other units' forms come with the page
    Rule("belum_ada_target", "RKT223", list="kinerja", key="kode", message="belum_ada_target", severity=WARNING),
    Rule("target_berbeda", "RKT224", list="kinerja.*.indikator", key="target", message="target_berbeda",
         severity=WARNING),
)

# The rules about one quarterly report, as the "Isi Laporan Triwulan" page's engine reads them
# (the same generic engine as the form's; these kinds read the per-quarter and per-unit facts
# that generator/site/reportpage.py embeds: the Rencana Aksi's targets, the form's codes).
REPORT_RULES: tuple[Rule, ...] = (
    Rule("unit", "RKT200", key="unit", message="unit_tidak_ada"),
    Rule("triwulan_berakhir", "RKT250", key="triwulan", message="triwulan_belum_berakhir"),
    Rule("renaksi_ada", "RKT251", key="unit", message="tanpa_renaksi"),
    Rule("unik", "RKT205", list="realisasi", key="kode", what="indikator", message="duplikat"),
    Rule("indikator_renstra", "RKT203", list="realisasi", key="kode", message="indikator_bukan_renstra"),
    Rule("indikator_renaksi", "RKT252", list="realisasi", key="kode", message="indikator_bukan_renaksi"),
    Rule("realisasi_titik", "RKT254", list="realisasi", key="realisasi", message="realisasi_titik_desimal"),
    # a realisation in another unit than its target ("12 orang" against "90%"): core/target.py's reading
    Rule("realisasi_satuan", "RKT253", list="realisasi", key="realisasi", message="realisasi_satuan_lain"),
    Rule("kode_anggaran", "RKT243", list="anggaran", key="kode", message="kode_anggaran_tidak_ada",
         message_less="anggaran_tanpa_form"),
    Rule("bukti", "RKT211", list="realisasi.*.bukti", message="bukti_tidak_ada"),
    Rule("belum_direalisasi", "RKT255", list="realisasi", key="realisasi", message="belum_ada_realisasi",
         severity=WARNING),
    Rule("pegawai", "RKT201", list="perubahan", key="oleh", message="pegawai_perubahan"),
    # the year's spending on a program so far: the earlier quarters' reports come with the page
    Rule("pagu_tahun", "RKT256", list="anggaran", key="realisasi", message="melebihi_pagu_tahun", severity=WARNING),
)


def export_report(schema_document: dict) -> dict:
    """Everything about the rules the report page embeds (besides the per-quarter facts)."""
    return {**export(schema_document), "aturan": [{k: v for k, v in asdict(r).items() if v != ""}
                                                  for r in REPORT_RULES]}


def period_facts(repo_agency_timezone: str, units: list[str], names: dict[str, str], today: dt.date) -> dict:
    """The parameters every period of a page shares: today, the agency's units and their names."""
    offset = dt.datetime.combine(today, dt.time(12), ZoneInfo(repo_agency_timezone)).utcoffset()
    return {"hari_ini": today.isoformat(),
            "utc_offset_menit": int(offset.total_seconds() // 60) if offset is not None else 0,
            "unit_instansi": sorted(units), "nama_unit": names}


# Which JSON Schema keyword gives which code (as schema.py reports them).
SCHEMA_CODES: Mapping[str, str] = {
    "required": "RKT101", "additionalProperties": "RKT102", "type": "RKT103",
    "pattern": "RKT104", "format": "RKT104",
    "minimum": "RKT105", "maximum": "RKT105", "exclusiveMinimum": "RKT105", "exclusiveMaximum": "RKT105",
    "enum": "RKT106", "const": "RKT106", "minLength": "RKT107", "maxLength": "RKT107",
    "minItems": "RKT108", "maxItems": "RKT108", "uniqueItems": "RKT108",
}

# Codes the project writes always quoted (yamlwrite.code), named by the schema definition
# a field refers to: the writer in the page quotes exactly the fields that refer to these.
QUOTED_DEFINITIONS = ("kode_program", "kode_kegiatan", "kode_sub_kegiatan")


def quoted_fields(schema: dict, path: str = "") -> list[str]:
    """The list paths ("program.*.kode") of the fields written always quoted, from the
    form schema as written (its `$ref`s name the definitions)."""
    out: list[str] = []
    for key, sub in (schema.get("properties") or {}).items():
        here = f"{path}.{key}" if path else key
        ref = sub.get("$ref", "")
        if ref.rsplit("/", 1)[-1] in QUOTED_DEFINITIONS:
            out.append(here)
        if isinstance(sub.get("items"), dict):
            out += quoted_fields(sub["items"], here + ".*")
        elif "properties" in sub:
            out += quoted_fields(sub, here)
    return out


def reader() -> dict:
    """The strict loader's limits, for the page's reader of uploaded files."""
    return {
        "maks_byte": load.MAX_BYTES,
        "maks_tingkat": load.MAX_DEPTH,
        "maks_digit": load.MAX_INT_DIGITS,
        "karakter_ditolak": screen.REFUSED,
        "kosong": sorted(load.NULLS),
    }


def export(schema_document: dict) -> dict:
    """Everything about the rules the page embeds (besides the per-cycle facts)."""
    return {
        "aturan": [{k: v for k, v in asdict(r).items() if v != ""} for r in RULES],
        "pesan": dict(MESSAGES),
        "kosong": EMPTY_CHOICES,
        "kode_skema": dict(SCHEMA_CODES),
        "selalu_kutip": quoted_fields(schema_document),
        "pembaca": reader(),
        "kunci_draf": DRAFT_KEY,
        "berkas_renstra": RENSTRA_FILE,
        "anggaran": amount.export(),  # how a typed amount is read ("60.000.000", "60 juta")
        "tanggal": dates.export(),  # how a typed date is read ("27/11/2026", "27 November 2026")
    }


def cycle_facts(repo: Repository, folder: CycleFolder, today: dt.date) -> dict:
    """The parameters of one cycle that the rules read."""
    c = folder.cycle
    assert c is not None and repo.agency is not None
    # the page's "today" is this date, or the visitor's date in the agency's time zone when
    # later (the site may be a day old); the offset is taken at noon of `today`, deterministically
    offset = dt.datetime.combine(today, dt.time(12), ZoneInfo(repo.agency.timezone)).utcoffset()
    return {
        "mulai": c.start.isoformat() if c.start is not None else None,  # none when recorded afterwards
        "hari_ini": today.isoformat(),
        "utc_offset_menit": int(offset.total_seconds() // 60) if offset is not None else 0,
        "pagu": dict(c.ceilings),
        "unit_wajib": list(c.required_units),
        "unit_instansi": sorted(u.code for u in repo.agency.units),
        "berkas_siklus": f"{folder.folder}/cycle.yaml",
        "wajib_target": _targets_owed(repo, folder),
        "nama_unit": unit_names(repo),
    }


def unit_names(repo: Repository) -> dict[str, str]:
    """Each unit's short name by its code: messages name a unit as its staff know it, never by code."""
    return {u.code: u.short for u in repo.agency.units} if repo.agency is not None else {}


def _targets_owed(repo: Repository, folder: CycleFolder) -> dict[str, list[str]]:
    """RKT223's parameters: each Renstra indicator the cycle's forms owe a target (the Renstra
    does not say "-" for the year) with the required units responsible for it."""
    c = folder.cycle
    if repo.renstra is None or c is None:
        return {}
    owed = {}
    for _, ind in repo.renstra.indicators():
        planned = ind.target(folder.year)
        responsible = [u for u in c.required_units if u in ind.units]
        if responsible and not (planned is not None and tgt.parse(planned).is_none):
            owed[ind.code] = responsible
    return owed


def mark_draft(kind: str, data: object, file: str, found: list[Problem]) -> list[Problem]:
    """What the schema's verdict on a form means for the user (validate.py calls this on every
    file's schema problems): a form marked `draf: true` is refused with a message that says what
    to do (instead of the schema's "unknown key", which would send the user looking for a typo),
    and an amount the schema refused says that the pagu could not be checked (`unchecked_ceiling`)."""
    if kind != "form" or not isinstance(data, dict):
        return found
    found = found + unchecked_ceiling(data, file, found)
    if DRAFT_KEY not in data:
        return found
    kept = [p for p in found if not (p.code == "RKT102" and p.path == (DRAFT_KEY,))]
    return kept + [Problem(file, DRAFT_CODE, message("draf"), path=(DRAFT_KEY,))]


def unchecked_ceiling(data: dict, file: str, found: list[Problem]) -> list[Problem]:
    """A form the schema refused is not added up (the rules run on valid forms only), so RKT210
    cannot say whether it exceeds the unit's pagu: each amount that could not be read says so,
    at its own line, instead of the pagu check vanishing without a word."""
    unit = data.get("unit") if isinstance(data.get("unit"), str) else "?"
    return [Problem(file, PAGU_CODE, message("pagu_belum_diperiksa", unit=unit), path=p.path, severity=WARNING)
            for p in found if p.code == "RKT103" and p.path and p.path[0] == "program" and p.path[-1] == "anggaran"]
