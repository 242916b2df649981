# Everyday commands. Each target creates .venv from pyproject.toml on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install site serve status validate test bench screenshots clean help

help:
	@echo "make site      - periksa data dan bangun dasbor ke site/ (buka site/index.html)"
	@echo "make serve     - tampilkan dasbor di http://127.0.0.1:8000 dan bangun ulang saat data berubah"
	@echo "make status    - ringkasan siklus berjalan di terminal"
	@echo "make test      - jalankan semua pengujian"
	@echo "make validate  - periksa semua berkas data di cycles/"
	@echo "make bench     - jalankan benchmark"
	@echo "make clean     - hapus .venv dan hasil bangun"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(STAMP)

site: $(STAMP)
	$(BIN)/rkt build

serve: $(STAMP)
	$(BIN)/rkt serve

status: $(STAMP)
	$(BIN)/rkt status

validate: $(STAMP)
	$(BIN)/rkt validate

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_validate.py
	$(BIN)/python benchmarks/bench_build.py

# pictures of the dashboard for the guides (needs Debian's chromium and chromium-driver)
screenshots: $(STAMP)
	$(BIN)/python -m generator.screenshots

clean:
	rm -rf $(VENV) site .cache .pytest_cache
