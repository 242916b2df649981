#!/bin/sh
# What `make` needs from the operating system before it can build .venv: Python 3.11+ with its
# venv module (Debian/Ubuntu ship ensurepip separately, as python3-venv) and git (form dates
# come from the history). Says in Indonesian what to install, with Debian/Ubuntu package names,
# instead of the Python or make error the user would otherwise meet. `make` itself cannot be
# checked from here: README names it first.
# Usage: sh requirements/system-check.sh PYTHON
PYTHON=${1:-python3}
missing=""
hint=""

if ! command -v "$PYTHON" >/dev/null 2>&1; then
    missing="$missing python3 python3-venv"
elif ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    found=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo "?")
    hint="Python $found terlalu lama: rkt-dashboard memerlukan Python 3.11 atau lebih baru (Debian 12, Ubuntu 24.04, atau 'make PYTHON=python3.11 ...')."
elif ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    missing="$missing python3-venv"
fi
command -v git >/dev/null 2>&1 || missing="$missing git"

if [ -n "$missing" ] || [ -n "$hint" ]; then
    echo "Komputer ini belum siap untuk rkt-dashboard." >&2
    [ -n "$hint" ] && echo "$hint" >&2
    if [ -n "$missing" ]; then
        echo "Yang belum terpasang:$missing" >&2
        echo "Pasang dulu (Debian/Ubuntu, termasuk WSL di Windows):" >&2
        echo "    sudo apt install$missing" >&2
        echo "(macOS: pasang Python 3.11+ dari python.org dan jalankan 'xcode-select --install' untuk git dan make.)" >&2
    fi
    echo "Lalu jalankan lagi perintah tadi." >&2
    exit 2
fi
