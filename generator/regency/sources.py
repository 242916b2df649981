"""Every agency's data for this build: fresh when it could be fetched and is valid,
else its last good copy, marked stale with the reason.

Where "last good" lives: `.rkt-cache/kabupaten/terakhir/<kode>.json` in the
regency repository (the fetched data and the day it was fetched). Locally that
folder simply stays. In CI the regency workflow restores and saves it with
actions/cache, not by committing it: the build job then needs no write access
to the repository (a token that could rewrite it would sit beside a parser of
untrusted input), the history gets no daily bot commits, and the data is public
and re-fetched every day anyway: were the cache ever evicted (GitHub keeps an
entry 7 days after its last use; the daily run uses it every day), the only
loss is the fallback for an agency that is down at that very moment, and the
page says "belum pernah berhasil diambil" rather than anything false.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from generator.regency import data as published
from generator.regency.config import Agency, Config
from generator.regency.fetch import DEFAULT_LIMITS, Fetched, Limits, fetch_all
from generator.source import atomic, cache, cacheseal

LAST_GOOD = ("kabupaten", "terakhir")
# an agency whose own dashboard has not been rebuilt for this long shows old facts (its
# daily workflow stopped): said on the page, though the file itself was fetched fine
OLD_AFTER_DAYS = 7


@dataclass(frozen=True)
class Entry:
    agency: Agency  # from kabupaten.yaml: the only source of names for links
    data: published.Published | None  # None: never fetched successfully
    fresh: bool  # fetched and valid in this build
    reason: str | None  # why it is not fresh (Indonesian)
    fetched_on: dt.date | None  # when the data shown was fetched
    old_since: dt.date | None = None  # the agency's last build, when it is older than OLD_AFTER_DAYS

    @property
    def stale(self) -> bool:
        return not self.fresh or self.old_since is not None

    @property
    def warning(self) -> str | None:
        """What a reader must know about this agency's data, in one Indonesian sentence."""
        if not self.fresh:
            shown = (f"ditampilkan data terakhir yang sah (per {_date(self.data.as_of)}, diambil "
                     f"{_date(self.fetched_on)})" if self.data else "belum pernah berhasil diambil")
            return f"Data tidak dapat diperbarui: {self.reason}; {shown}."
        if self.old_since is not None:
            return (f"Dasbor OPD ini terakhir dibangun {_date(self.old_since)}; keadaan yang ditampilkan adalah "
                    f"keadaan per tanggal itu.")
        return None


def _date(day: dt.date | None) -> str:
    from generator.core.fmt import date_id

    return date_id(day)


def last_good_folder(root: Path) -> Path:
    return cache.folder(root, "/".join(LAST_GOOD))


def _read_last_good(folder: Path, code: str) -> tuple[published.Published | None, dt.date | None]:
    """The last good copy, re-checked (the schema may have moved on, the file may be damaged)."""
    try:
        sealed = cacheseal.unseal((folder / f"{code}.json").read_bytes())  # only a copy this machine kept
        if sealed is None:
            return None, None
        saved = json.loads(sealed.decode("utf-8"))
        data = published.validate(saved["data"])
        return published.from_data(data), dt.date.fromisoformat(saved["diambil"])
    except (OSError, ValueError, KeyError, TypeError, published.Invalid):
        return None, None


def _save_last_good(folder: Path, code: str, source: str, data: dict, today: dt.date) -> None:
    text = json.dumps({"diambil": today.isoformat(), "sumber": source, "data": data}, ensure_ascii=False,
                      sort_keys=True, indent=1) + "\n"
    try:
        atomic.replace(folder / f"{code}.json", cacheseal.seal(text.encode("utf-8")))
    except OSError:
        pass  # the fallback is a convenience; a full disk shows where it matters, writing the pages


def entry(agency: Agency, got: Fetched, folder: Path, today: dt.date) -> Entry:
    """One agency's entry from what was fetched, saving it as the new last good when valid."""
    reason = got.reason
    if got.body is not None:
        try:
            data = published.check(got.body)
        except published.Invalid as exc:
            reason = f"{published.INVALID}: {exc}"
        else:
            _save_last_good(folder, agency.code, agency.source, data, today)
            shown = published.from_data(data)
            old = shown.as_of if (today - shown.as_of).days > OLD_AFTER_DAYS else None
            return Entry(agency, shown, True, None, today, old)
    last, fetched_on = _read_last_good(folder, agency.code)
    return Entry(agency, last, False, reason, fetched_on)


def gather(root: Path, config: Config, today: dt.date, limits: Limits = DEFAULT_LIMITS) -> tuple[Entry, ...]:
    """Every agency of `config`, in its order, fetched in parallel."""
    folder = last_good_folder(root)
    agencies = {a.code: a for a in config.agencies}
    got = fetch_all({a.code: a.source for a in config.agencies}, root, limits,
                    then=lambda code, fetched: entry(agencies[code], fetched, folder, today))
    return tuple(got[a.code] for a in config.agencies)
