"""The Perjanjian Kinerja (PK) of a year as plan values, made from its signed RKT.

Every agency's next document after the RKT: the head's performance agreement with
the one above him (for a Kepala Badan, the Bupati), in the format of PermenPAN-RB
53/2014: pihak pertama and pihak kedua, the key indicators (IKU) and their targets,
numbered per sasaran, and the programs with their budgets.

The PK to sign is made from a plan that was signed and has not changed since (the
signed version's content fingerprint is today's): it promises what the head signed.
Before that (the RKT not signed yet, or changed since its signed version) the PK is a
DRAF made from the compiled plan as it is, saying so (`Agreement.draft`), with its date
line left blank: it shows what the PK will say, and is never the one to sign.
Its targets are the ones the units agreed in their forms (as the compiled RKT prints
them); its program budgets are the forms' totals per program. The date is the signed
PK's once one is archived (`signed/pk-<year>-v<n>`), else a blank day in January of
the plan year: a PK is signed at most a month after the budget (DPA) is approved.

Pure functions of the model; the PK's files (PDF, XLSX) are drawn in generator/documents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.core.model import Agency, CycleFolder, Program, SignedVersion, Sop
from generator.plan import fingerprint, sealing
from generator.plan.compile import DRAFT, CompiledRkt, Letterhead, PerformanceRow, group_nip, recorded_letterhead

PERFORMANCE_HEADERS = ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]
_DAY_MONTH = "...................."  # an unsigned PK's day and month, left to the pen (never assumed)
_BLANK_DATE = "...................................."  # a draft's day, month and year, left to the pen


@dataclass(frozen=True, slots=True)
class Party:
    label: str  # PIHAK PERTAMA | PIHAK KEDUA
    name: str
    position: str  # the jabatan as printed, with the region ("... Kabupaten Balangan", "Bupati Balangan")
    rank: str | None
    nip: str | None  # a kepala daerah has none

    @property
    def nip_line(self) -> str | None:
        return f"NIP. {group_nip(self.nip)}" if self.nip else None


@dataclass(frozen=True, slots=True)
class IkuGroup:
    """One sasaran of the lampiran: its number, its cell spanning its key indicators."""

    number: int
    objective: str
    rows: tuple[PerformanceRow, ...]


@dataclass(frozen=True, slots=True)
class ProgramLine:
    number: int
    code: str | None  # a program may have no code
    name: str
    budget: int | None  # the forms' total for the program; None when a unit's amount for it is unknown
    units: tuple[str, ...]  # short names of the units that carry the program

    @property
    def note(self) -> str:
        """The Keterangan column: only what the agency typed for it, and no form has a place to
        type it yet, so it stays empty (the units' short names printed there once were a value
        no published PK has)."""
        return ""

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}" if self.code else self.name


@dataclass(frozen=True, slots=True)
class Agreement:
    year: int
    government: str  # "Pemerintah Kabupaten Balangan"
    agency: str
    address: str
    first: Party  # the head of the agency
    second: Party  # the one above him
    groups: tuple[IkuGroup, ...]
    programs: tuple[ProgramLine, ...]
    place: str
    date: dt.date | None  # the archived signed PK's date; None: a blank day in January of the year
    rkt: SignedVersion | None  # the signed RKT version it is made from; None for a draft
    shows_unit_of_measure: bool  # a Satuan column, when a target does not carry its unit itself
    draft: str | None = None  # a DRAF: what it was made from ("disusun dari RKT ... yang belum ditandatangani. ...")
    logo: bytes | None = field(default=None, repr=False)  # the kop's logo: the one signed, for a signed year

    @property
    def letterhead(self) -> Letterhead:
        return Letterhead(self.government, self.agency, self.address, self.place, self.logo)

    @property
    def total_budget(self) -> int | None:
        """The programs' total; None when one of them is unknown (or there is no program)."""
        if not self.programs or any(p.budget is None for p in self.programs):
            return None
        return sum(p.budget or 0 for p in self.programs)

    @property
    def draft_line(self) -> str | None:
        """"DRAF - disusun dari RKT 2027 yang belum ditandatangani. ...": the note a draft prints."""
        return f"{DRAFT} - {self.draft}" if self.draft else None

    @property
    def made_from(self) -> str:
        """What the PK was made from, as its footer names it: "RKT 2026 versi 1", or the draft's state."""
        if self.rkt is None:
            return f"{DRAFT} dari isi RKT {self.year} saat ini, belum ditandatangani"
        return f"RKT {self.year} versi {self.rkt.version}"

    def place_date(self, date_text: str | None = None) -> str:
        """`date_text` is the signing date in words (fmt.date_id; Babel stays out of this module).
        A draft's date line is blank, to be written by hand: it is not signed yet, nor known when."""
        if self.date is not None and date_text:
            return f"{self.place}, {date_text}"
        if self.draft is not None:
            return f"{self.place}, {_BLANK_DATE}"
        # the year is the plan's: a PK is signed in its own year, after the DPA (PermenPAN-RB 53/2014)
        return f"{self.place}, {_DAY_MONTH} {self.year}"

    def headers(self) -> list[str]:
        return PERFORMANCE_HEADERS[:3] + (["Satuan"] if self.shows_unit_of_measure else []) + ["Target"]

    def cells(self, row: PerformanceRow) -> list[str]:
        """The cells of one indicator after No and Sasaran, in `headers` order."""
        satuan = "" if row.unit_in_target else row.indicator.unit_of_measure or ""  # "90%" says it already
        return [row.indicator.description] + ([satuan] if self.shows_unit_of_measure else []) + [row.target_text]


def newest_verified(versions: tuple[SignedVersion, ...]) -> SignedVersion | None:
    verified = [v for v in versions if v.scan_exists and v.scan_sha256 == v.sha256]
    return max(verified, key=lambda v: v.version, default=None)


def signed_as_is(versions: tuple[SignedVersion, ...], fingerprint: str) -> SignedVersion | None:
    """The newest signed version (its scan verified) when it was signed from content of this
    `fingerprint`, that is, from the document as it is now; None otherwise. Such a document's record
    is its signed scan: the site offers the scan, and a PDF to sign again only on demand (`rkt export`)."""
    newest = newest_verified(versions)
    return newest if newest is not None and newest.content_fingerprint == fingerprint else None


def unsigned(folder: CycleFolder, rkt: CompiledRkt, sop: Sop | None) -> str | None:
    """Why the PK of `folder`'s year cannot be the one to sign yet (its RKT is not signed, or its
    content changed since the signed version), Indonesian for the user; None when it can."""
    year = folder.year
    signed = newest_verified(folder.signed)
    if signed is None:
        return (f"RKT {year} belum ditandatangani: Perjanjian Kinerja disusun dari RKT yang sudah ditandatangani "
                f"dan diarsipkan. Arsipkan dulu pindaian RKT bertanda tangan dengan 'rkt sign {year} PINDAIAN.pdf "
                f"--date TTTT-BB-HH', lalu jalankan lagi.")
    if _revised(signed, folder, rkt, sop):
        return (f"isi RKT {year} sedang direvisi (tidak sama lagi dengan versi {signed.version} yang "
                f"ditandatangani), jadi Perjanjian Kinerja belum dapat disusun. Buat setelah versi revisinya "
                f"ditandatangani dan diarsipkan dengan 'rkt sign'.")
    return None


def draft_note(folder: CycleFolder, rkt: CompiledRkt) -> str:
    """What a DRAF PK was made from, printed under its title after "DRAF - "."""
    year, signed = folder.year, newest_verified(folder.signed)
    if signed is None:
        state = f"disusun dari RKT {year} yang belum ditandatangani"
    else:
        state = (f"disusun dari isi RKT {year} saat ini, yang sedang direvisi (berbeda dari versi "
                 f"{signed.version} yang ditandatangani)")
    if rkt.missing:
        state += f"; Form RKT belum diserahkan: {', '.join(u.name for u in rkt.missing)}"
    return (f"{state}. Perjanjian Kinerja untuk ditandatangani dicetak setelah RKT {year} ditandatangani dan "
            f"diarsipkan.")


def agreement(folder: CycleFolder, agency: Agency, rkt: CompiledRkt, sop: Sop | None) -> Agreement | str:
    """The PK of `folder`'s year (a DRAF while its RKT is not signed as it is now), or why it cannot
    be made (Indonesian, for the user). A signed year prints the identity its signed versions
    recorded (kop, place, pihak pertama and kedua), never agency.yaml as it is now."""
    draft = draft_note(folder, rkt) if unsigned(folder, rkt, sop) else None
    signed = None if draft else newest_verified(folder.signed)
    pk_signed = newest_verified(folder.agreements) if signed else None  # a draft is not signed: no date
    head = _letterhead(agency, rkt, signed, pk_signed)
    refusal = head.refusal or (rkt.renstra_refusal if newest_verified(folder.signed) else None)
    if refusal is not None:
        return f"{refusal}."
    second = _second_party(agency, pk_signed)
    if second is None:
        return ("cycles/agency.yaml belum memuat pihak kedua Perjanjian Kinerja: tambahkan 'atasan' dengan 'nama' "
                "dan 'jabatan' di bawah 'instansi' (misalnya jabatan: Bupati Balangan), lalu jalankan lagi.")
    # the PK prints the key indicators the Renstra marks (iku: true); a Renstra that marks none
    # agrees on all of its indicators, as many agencies' PK does: nobody must mark them all to get rows
    groups = _iku_groups(rkt) or _iku_groups(rkt, every=True)
    first = _first_party(agency, signed, head.government.replace("Pemerintah ", ""))
    if first is None:
        return "cycles/agency.yaml tidak menyebut kepala instansi (pihak pertama): isi 'kepala' di bawah 'instansi'."
    rows = [r for g in groups for r in g.rows]
    return Agreement(folder.year, head.government, head.name, head.address, first, second, groups,
                     _programs(rkt), head.city, pk_signed.date if pk_signed else None, signed,
                     any(r.indicator.unit_of_measure and not r.unit_in_target for r in rows), draft, head.logo)


def _letterhead(agency: Agency, rkt: CompiledRkt, signed: SignedVersion | None,
                pk_signed: SignedVersion | None) -> Letterhead:
    """The PK's kop: as its signed PK recorded it; else as the signed RKT it is made from printed
    it; a draft's is agency.yaml's as it is now."""
    if pk_signed is not None and pk_signed.identity is not None:
        return recorded_letterhead(pk_signed.identity, agency,
                                   f"Perjanjian Kinerja {pk_signed.year} versi {pk_signed.version}")
    if signed is not None and rkt.letterhead is not None:
        return rkt.letterhead
    return Letterhead.of(agency)


def _second_party(agency: Agency, pk_signed: SignedVersion | None) -> Party | None:
    """Pihak kedua: as the signed PK recorded it, else agency.yaml's `atasan` (None: not there)."""
    recorded = pk_signed.identity.superior if pk_signed is not None and pk_signed.identity is not None else None
    if recorded is not None:
        return Party("PIHAK KEDUA", recorded.name, recorded.position, recorded.rank, recorded.nip)
    superior = agency.superior
    if superior is None:
        return None
    return Party("PIHAK KEDUA", superior.name, superior.position, superior.rank, superior.nip)


def _first_party(agency: Agency, signed: SignedVersion | None, region: str) -> Party | None:
    """Pihak pertama: the head who signed the plan the PK is made from; for a draft, the head now."""
    if signed is not None:
        s = signed.signer
        person = agency.person(s.person) if s.person else None
        rank = s.rank if signed.identity is not None else (s.rank or (person.rank if person else None))
        return Party("PIHAK PERTAMA", s.name, _with_region(s.position, region), rank, s.nip)
    head = agency.person(agency.head)
    if head is None:
        return None
    return Party("PIHAK PERTAMA", head.name, _with_region(head.position, region), head.rank, head.nip)


def _revised(signed: SignedVersion, folder: CycleFolder, rkt: CompiledRkt, sop: Sop | None) -> bool:
    """Whether today's plan may differ from what was signed: its content says so, or (for a
    version signed before content fingerprints were recorded) the cycle is reopened."""
    if signed.content_fingerprint is not None:
        return not fingerprint.matches(rkt, signed.content_fingerprint, signed.fingerprint_version)
    archive = sealing.archive_step(sop)
    return (archive is not None and folder.cycle is not None
            and sealing.is_reopened([e.step for e in folder.cycle.events], archive))


def _with_region(position: str, region: str) -> str:
    """"Kepala Badan ... Kabupaten Balangan": the jabatan as the statement names it."""
    return position if position.endswith(region) else f"{position} {region}"


def _iku_groups(rkt: CompiledRkt, every: bool = False) -> tuple[IkuGroup, ...]:
    """The key indicators of the plan (`every`: all of its indicators), numbered per sasaran
    (sasaran without one are left out)."""
    out: list[IkuGroup] = []
    for g in rkt.groups:
        rows = tuple(r for r in g.rows if every or r.indicator.is_iku)
        if rows:
            out.append(IkuGroup(len(out) + 1, g.objective.description, rows))
    return tuple(out)


def _programs(rkt: CompiledRkt) -> tuple[ProgramLine, ...]:
    """Every program of the plan once (several units may carry one: the same code, or the same
    name when it has none), with the units' total, unknown when one unit's amount is."""
    order: list[str] = []
    first: dict[str, Program] = {}
    budgets: dict[str, list[int | None]] = {}
    units: dict[str, list[str]] = {}
    for plan in rkt.units:
        for p in plan.form.programs if plan.form else ():
            if p.key not in first:
                order.append(p.key)
                first[p.key], budgets[p.key], units[p.key] = p, [], []
            budgets[p.key].append(p.budget)
            if plan.unit.short not in units[p.key]:
                units[p.key].append(plan.unit.short)
    return tuple(ProgramLine(n, first[key].code, first[key].name, _sum(budgets[key]), tuple(units[key]))
                 for n, key in enumerate(order, start=1))


def _sum(amounts: list[int | None]) -> int | None:
    return None if None in amounts else sum(a for a in amounts if a is not None)


def content(pk: Agreement) -> dict:
    """What the PK prints, as plain data: the cache key of its files."""
    return {"tahun": pk.year, "pemerintah": pk.government, "instansi": pk.agency, "alamat": pk.address,
            "pihak": [[p.label, p.name, p.position, p.rank, p.nip] for p in (pk.first, pk.second)],
            "iku": [[g.number, g.objective, [pk.cells(r) for r in g.rows]] for g in pk.groups],
            "kolom": pk.headers(),
            "program": [[p.number, p.code, p.name, p.budget, p.note] for p in pk.programs],
            "tempat": pk.place, "tanggal": pk.date.isoformat() if pk.date else None,
            "rkt": [pk.rkt.version, pk.rkt.sha256] if pk.rkt else None, **({"draf": pk.draft} if pk.draft else {})}
