"""Rules on agency.yaml: unique codes, references to the staff list, plausible NIPs, the
calendar's extra days, and the logo printed on every PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.check.rules.common import choices, duplicates, problem
from generator.core.model import Agency, Repository
from generator.core.problems import Problem

# What agency.yaml holds until the real NIP is typed (`rkt init` writes it): the schema accepts
# it there and only there, so that no realistic-looking NIP ever has to be invented.
NIP_PLACEHOLDER = "(isi NIP)"

LOGO_MAX_BYTES = 1024 * 1024
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def nip_problem(nip: str) -> str | None:
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
    yield from _unique_codes(a)
    yield from _unknown_persons(a)
    for p in a.persons:
        why = nip_problem(p.nip) if p.nip != NIP_PLACEHOLDER else None
        if why:
            yield problem(p.at / "nip", "RKT215", f"NIP {p.name} tidak masuk akal: {why}")
    holidays = {d.date for d in a.extra_holidays}
    for d in a.extra_workdays:
        if d.date in holidays:
            yield problem(d.at / "tanggal", "RKT205",
                          f"tanggal {d.date.isoformat()} tercatat sebagai libur tambahan dan juga hari kerja tambahan")
    yield from _logo_rules(a, files)


def _unique_codes(a: Agency) -> Iterator[Problem]:
    yield from duplicates(((p.code, p.at / "kode") for p in a.persons), "kode pegawai")
    yield from duplicates(((p.nip, p.at / "nip") for p in a.persons if p.nip != NIP_PLACEHOLDER), "NIP")
    yield from duplicates(((u.code, u.at / "kode") for u in a.units), "kode unit")
    yield from duplicates(((r.code, r.at / "kode") for r in a.roles), "kode peran")


def _unknown_persons(a: Agency) -> Iterator[Problem]:
    """The head of the agency, the heads of its units and the members of its roles are staff."""
    persons = {p.code for p in a.persons}
    if a.head not in persons:
        yield problem(a.at / "instansi" / "kepala", "RKT201",
                      f"kepala instansi '{a.head}' tidak ada di daftar pegawai; pilih salah satu: {choices(persons)}")
    for u in a.units:
        if u.head not in persons:
            yield problem(u.at / "kepala", "RKT201",
                          f"kepala unit '{u.head}' tidak ada di daftar pegawai; pilih salah satu: {choices(persons)}")
    for r in a.roles:
        for i, m in enumerate(r.members):
            if m not in persons:
                yield problem(r.at / "pegawai" / i, "RKT201",
                              f"pegawai '{m}' pada peran '{r.code}' tidak ada di daftar pegawai")


def _logo_rules(a: Agency, files: set[str]) -> Iterator[Problem]:
    """The logo is embedded in every printed PDF: it must be there, small, and an image."""
    if a.logo is None:
        return
    rel = f"cycles/{a.logo}"
    at = a.at / "instansi" / "logo"
    if rel not in files or a.logo_data is None:
        yield problem(at, "RKT226",
                      f"berkas logo {rel} tidak ada; letakkan gambar logo di sana atau hapus isian 'logo'")
    elif len(a.logo_data) > LOGO_MAX_BYTES:
        yield problem(at, "RKT226", f"berkas logo {rel} lebih besar dari 1 MB; perkecil gambarnya (logo kop cukup "
                                    f"beberapa ratus piksel)")
    elif not a.logo_data.startswith(_IMAGE_MAGIC):
        yield problem(at, "RKT226",
                      f"berkas logo {rel} bukan gambar PNG atau JPEG; simpan ulang logonya sebagai PNG")
