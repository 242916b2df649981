"""What this computer lacks when a command fails on it: a library, a system library, disk
space, permission. Said in Indonesian with what to install or free, so that
such a failure is not reported as a bug of rkt."""

from __future__ import annotations

import errno
import re


def environment(exc: BaseException) -> str | None:
    """What is missing or full on this computer, in Indonesian, with what to install or free;
    None when `exc` is not about the environment (then it is a bug of ours)."""
    if isinstance(exc, ModuleNotFoundError) and not (exc.name or "generator").startswith("generator"):
        # the light install of the pull-request check has only what validation needs
        return (f"perintah ini memerlukan pustaka '{exc.name}' yang belum terpasang; pasang semuanya dengan "
                f"'make install' (atau pip install 'rkt-dashboard[site]')")
    if not isinstance(exc, OSError):
        return None
    library = re.search(r"cannot load library '([^']+)'", str(exc))
    if library:  # how a library loaded through cffi fails without its system part
        return (f"pustaka sistem '{library.group(1)}' tidak ditemukan; pasang pustaka itu, lalu jalankan lagi")
    return _os_advice(exc)


def _os_advice(exc: OSError) -> str | None:
    """What to do about a full, read-only or forbidden place; None for the other errors."""
    where = exc.filename if exc.filename is not None else "berkas hasil"
    advice = {
        errno.ENOSPC: f"ruang penyimpanan penuh saat menulis {where}. Kosongkan ruang disk (misalnya hapus folder "
                      f".rkt-cache/ atau berkas besar yang tidak dipakai), lalu jalankan lagi",
        errno.EDQUOT: f"kuota penyimpanan habis saat menulis {where}. Kosongkan ruang, lalu jalankan lagi",
        errno.EROFS: f"{where} berada di penyimpanan hanya-baca. Jalankan rkt pada salinan repositori yang dapat "
                     f"ditulis, atau pilih folder hasil lain (--site-dir)",
        errno.EACCES: f"tidak ada izin memakai {where}. Periksa pemilik dan hak baca/tulis folder itu, atau pilih "
                      f"folder lain",
        errno.ENOTDIR: f"{where}: salah satu bagian jalurnya adalah berkas, bukan folder. Pilih jalur lain",
        # a file above what the storage takes (a FAT32 flash disk: 4 GB) or above the user's file-size limit
        errno.EFBIG: f"{where} terlalu besar untuk penyimpanan ini (misalnya flashdisk berformat FAT32, paling "
                     f"besar 4 GB per berkas). Jalankan rkt di disk komputer, atau pilih folder hasil lain",
    }
    advice[errno.EPERM] = advice[errno.EACCES]
    return advice.get(exc.errno or 0)
