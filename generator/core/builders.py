"""The model built from documents that passed their schema, so the builders index without
checks; every value gets its place (`at`: file and JSON path) from the document's."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.core.cycles import (
    Activity,
    Cycle,
    Event,
    Form,
    PerformanceRow,
    Program,
    RecordedCalendar,
    RecordedIdentity,
    RecordedParty,
    RecordedRenstra,
    SignedVersion,
    Signer,
    SubActivity,
    TargetRow,
)
from generator.core.problems import At
from generator.core.reference import (
    Agency,
    DayOverride,
    Goal,
    Indicator,
    Lane,
    Objective,
    Official,
    Person,
    Renstra,
    Role,
    Sop,
    Step,
    Unit,
)
from generator.core.sakip import DEFAULT_CALENDAR, STAGES, SakipCalendar, SakipEvent, SakipLog, StageRule
from generator.core.year import (
    DEFAULT_RULES,
    LAST,
    UP,
    Action,
    ActionPlan,
    Band,
    BudgetPlan,
    MeasurementRules,
    PlannedIndicator,
    QuarterReport,
    Realisation,
    ReportRevision,
    Spending,
)


def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def build_agency(d: dict, at: At) -> Agency:
    inst = d["instansi"]
    persons = tuple(
        Person(p["kode"], p["nama"], p["nip"], p["jabatan"], p.get("github"), at / "pegawai" / i, p.get("pangkat"))
        for i, p in enumerate(d["pegawai"]))
    units = tuple(
        Unit(u["kode"], u["nama"], u["singkatan"], u["kepala"], at / "unit" / i)
        for i, u in enumerate(d["unit"]))
    roles = tuple(
        Role(r["kode"], r["nama"], tuple(r["pegawai"]), at / "peran" / i)
        for i, r in enumerate(d["peran"]))
    cal = d["kalender"]

    def days(key: str) -> tuple[DayOverride, ...]:
        return tuple(DayOverride(dt.date.fromisoformat(x["tanggal"]), x["keterangan"], at / "kalender" / key / i)
                     for i, x in enumerate(cal[key]))

    return Agency(inst["nama"], inst["singkatan"], inst["pemerintah"], inst["alamat"], inst["kota"],
                  inst["kepala"], d["zona_waktu"], persons, units, roles,
                  days("libur_tambahan"), days("hari_kerja_tambahan"), at, inst.get("logo"),
                  superior=_official(inst.get("atasan"), at / "instansi" / "atasan"),
                  measurement=_measurement(d.get("pengukuran"), at / "pengukuran"),
                  sakip_calendar=_sakip_calendar(d.get("kalender_sakip"), at / "kalender_sakip"))


def _sakip_calendar(d: dict | None, at: At) -> SakipCalendar:
    """The SAKIP stages' due dates and roles, each unstated one at its documented default."""
    if d is None:
        return DEFAULT_CALENDAR

    def rule(stage: str) -> StageRule:
        default, given = DEFAULT_CALENDAR.rule(stage), d.get(stage, {})
        month, day = (int(x) for x in given["tenggat"].split("-")) if "tenggat" in given \
            else (default.month, default.day)
        return StageRule(stage, month, day, given.get("peran", default.role), tuple(given), at / stage)

    return SakipCalendar(tuple(rule(s) for s in STAGES), at)


def _measurement(d: dict | None, at: At) -> MeasurementRules:
    """The agency's measurement rules, each unstated one at its documented default."""
    if d is None:
        return DEFAULT_RULES
    verify = d.get("ambang_verifikasi", DEFAULT_RULES.verify_above)
    # as written (highest first): check/rules/performance_measure says when they are not in order
    bands = tuple(Band(Decimal(str(b["paling_rendah"])), b["sebutan"]) for b in d["kategori"]) \
        if "kategori" in d else DEFAULT_RULES.bands
    return MeasurementRules(
        d.get("rumus_turun", DEFAULT_RULES.down_formula),
        Decimal(str(d["batas_capaian"])) if "batas_capaian" in d else None,
        Decimal(str(verify)) if verify else None,  # 0: the agency flags nothing
        bands, d.get("tenggat_laporan", DEFAULT_RULES.report_days), tuple(d), at)


def _official(d: dict | None, at: At) -> Official | None:
    return Official(d["nama"], d["jabatan"], d.get("pangkat"), d.get("nip"), at) if d else None


def build_sop(d: dict, at: At) -> Sop:
    lanes = tuple(Lane(x["kode"], x["nama"], at / "pelaksana" / i) for i, x in enumerate(d["pelaksana"]))
    steps = tuple(
        Step(s["nomor"], s["nama_singkat"], s["uraian"], s["pelaksana"], tuple(s.get("pendukung", ())),
             s["kelengkapan"], s["waktu"], s["waktu_tertulis"], s["output"], s.get("keterangan"),
             s["bukti"], s["keputusan"]["tidak"] if "keputusan" in s else None, at / "langkah" / i)
        for i, s in enumerate(d["langkah"]))
    return Sop(d["nama"], d.get("nomor"), _date(d.get("tanggal_pembuatan")), _date(d.get("tanggal_revisi")),
               _date(d.get("tanggal_efektif")), d.get("disahkan_oleh"),
               tuple(d["dasar_hukum"]), tuple(d["kualifikasi_pelaksana"]), tuple(d["keterkaitan"]),
               tuple(d["peralatan"]), tuple(d["peringatan"]), tuple(d["pencatatan"]), lanes, steps, at)


def build_renstra(d: dict, at: At) -> Renstra:
    goals = tuple(Goal(g["kode"], g["uraian"], at / "tujuan" / i) for i, g in enumerate(d.get("tujuan", ())))
    objectives = []
    for i, s in enumerate(d["sasaran"]):
        sat = at / "sasaran" / i
        indicators = tuple(
            Indicator(x["kode"], x["uraian"], x.get("satuan"), x.get("iku", False), x.get("formula"), tuple(x["unit"]),
                      tuple((int(y), t) for y, t in x.get("target", {}).items()), sat / "indikator" / j,
                      x.get("arah", UP), x.get("agregasi", LAST), *_standard(x.get("standar")))
            for j, x in enumerate(s["indikator"]))
        objectives.append(Objective(s["kode"], s.get("tujuan"), s["uraian"], indicators, sat))
    return Renstra(d["judul"], bool(d.get("contoh", False)), d.get("dasar"), d["periode"]["mulai"],
                   d["periode"]["selesai"], goals, tuple(objectives), at)


def _standard(d: dict | None) -> tuple[str | None, str | None]:
    """An indicator's national standard (`standar`): its value as written and its source."""
    if d is None:
        return None, None
    value = d["nilai"]
    return str(value), d.get("sumber")


def build_cycle(d: dict, at: At) -> Cycle:
    events = tuple(
        Event(i, e["langkah"], dt.date.fromisoformat(e["tanggal"]), e["oleh"], e.get("unit"),
              e.get("keputusan"), bool(e.get("dilewati", False)), e.get("catatan"), e.get("bukti"),
              at / "peristiwa" / i)
        for i, e in enumerate(d["peristiwa"]))
    recorded = d.get("dicatat_kemudian", False)
    # a recorded cycle's Git dates are those of the recording, not of the submissions
    start = dt.date.fromisoformat(d["mulai"]) if "mulai" in d else None  # optional when recorded afterwards
    return Cycle(d["tahun"], start, tuple(d["unit_wajib"]),
                 tuple((d.get("pagu") or {}).items()), events, at, d.get("tanggal_dari_git", not recorded), recorded)


def build_form(d: dict, at: At) -> Form:
    performance = tuple(
        PerformanceRow(k["sasaran"], tuple(
            TargetRow(x["kode"], x["target"], x.get("catatan"), at / "kinerja" / i / "indikator" / j,
                      x.get("uraian"))
            for j, x in enumerate(k["indikator"])), at / "kinerja" / i)
        for i, k in enumerate(d["kinerja"]))
    programs = []
    for i, p in enumerate(d["program"]):
        pat = at / "program" / i
        activities = []
        for j, k in enumerate(p.get("kegiatan", ())):
            kat = pat / "kegiatan" / j
            subs = tuple(
                SubActivity(s["kode"], s["nama"], s["indikator"], s["target"], s.get("satuan"),
                            s.get("anggaran"), s["penanggung_jawab"], kat / "sub_kegiatan" / m)
                for m, s in enumerate(k.get("sub_kegiatan", ())))
            activities.append(Activity(k["kode"], k["nama"], k.get("indikator"), k.get("target"), subs, kat,
                                       k.get("anggaran")))
        programs.append(Program(p.get("kode"), p["nama"], p.get("indikator"), p.get("target"),
                                tuple(activities), pat, p.get("anggaran")))
    return Form(d["tahun"], d["unit"], _date(d.get("tanggal")), d.get("penyusun"), performance,
                tuple(programs), at)


def build_renaksi(d: dict, at: At) -> ActionPlan:
    indicators = tuple(
        PlannedIndicator(x["kode"], tuple(x["target_triwulan"]), x["penanggung_jawab"],
                         tuple(x.get("kegiatan", ())),
                         tuple(Action(a["uraian"], tuple(a["triwulan"]), at / "indikator" / i / "aksi" / j)
                               for j, a in enumerate(x.get("aksi", ()))),
                         at / "indikator" / i)
        for i, x in enumerate(d["indikator"]))
    budget = tuple(BudgetPlan(b["program"], tuple(b["triwulan"]), at / "anggaran" / i)
                   for i, b in enumerate(d.get("anggaran", ())))
    return ActionPlan(d["tahun"], d["unit"], _date(d.get("tanggal")), d.get("penyusun"), indicators, budget, at)


def build_laporan(d: dict, at: At) -> QuarterReport:
    lines, spent = at / "realisasi", at / "anggaran"  # a report holds hundreds of spending lines
    realisations = tuple(
        Realisation(x["kode"], x["realisasi"], x.get("faktor_pendorong"), x.get("faktor_penghambat"),
                    x.get("tindak_lanjut"), tuple(x.get("bukti", ())), lines / i)
        for i, x in enumerate(d["realisasi"]))
    spending = tuple(Spending(str(x["kode"]), x["realisasi"], spent / i) for i, x in enumerate(d.get("anggaran", ())))
    revisions = tuple(ReportRevision(dt.date.fromisoformat(x["tanggal"]), x["oleh"], x["alasan"],
                                     at / "perubahan" / i)
                      for i, x in enumerate(d.get("perubahan", ())))
    return QuarterReport(d["tahun"], d["triwulan"], d["unit"], _date(d.get("tanggal")), d.get("penyusun"),
                         realisations, spending, revisions, at)


def build_signed(d: dict, at: At) -> SignedVersion:
    s = d["penandatangan"]
    return SignedVersion(d["tahun"], d["versi"], dt.date.fromisoformat(d["tanggal"]),
                         Signer(s.get("pegawai"), s["jabatan"], s["nama"], s["nip"], s.get("pangkat")),
                         d["berkas"], d["sha256"], d.get("commit", ""), d.get("sidik_isi"), d.get("catatan"), at,
                         replaces=d.get("menggantikan"), calendar=_recorded_calendar(d.get("kalender")),
                         fingerprint_version=d.get("versi_sidik", 1), identity=_recorded_identity(d.get("identitas")),
                         renstra=_recorded_renstra(d.get("renstra")))


def _recorded_identity(d: dict | None) -> RecordedIdentity | None:
    if d is None:
        return None
    a = d.get("atasan")
    superior = RecordedParty(a["nama"], a["jabatan"], a.get("pangkat"), a.get("nip")) if a else None
    return RecordedIdentity(d["pemerintah"], d["instansi"], d["alamat"], d["kota"], d.get("logo_sha256"), superior)


def _recorded_renstra(d: dict | None) -> RecordedRenstra | None:
    return RecordedRenstra(d["judul"], d["mulai"], d["selesai"]) if d else None


def _recorded_calendar(d: dict | None) -> RecordedCalendar | None:
    if d is None:
        return None
    return RecordedCalendar(d["holidays"], dt.date.fromisoformat(d["dari"]), dt.date.fromisoformat(d["sampai"]),
                            tuple(dt.date.fromisoformat(x) for x in d.get("libur", ())),
                            tuple(dt.date.fromisoformat(x) for x in d.get("hari_kerja", ())))


def build_sakip(d: dict, at: At) -> SakipLog:
    events = tuple(SakipEvent(i, e["tahap"], dt.date.fromisoformat(e["tanggal"]), e["oleh"], e.get("bukti"),
                              e.get("catatan"), at / "peristiwa" / i)
                   for i, e in enumerate(d["peristiwa"]))
    return SakipLog(d["tahun"], events, at)


BUILDERS = {
    "agency": build_agency,
    "sop": build_sop,
    "renstra": build_renstra,
    "cycle": build_cycle,
    "form": build_form,
    "signed": build_signed,
    "renaksi": build_renaksi,
    "laporan": build_laporan,
    "sakip": build_sakip,
}
