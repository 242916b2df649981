# Everyday commands. Each target creates .venv from pyproject.toml on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: site validate test bench clean help

help:
	@echo "make site      - periksa data contoh dan bangun dasbor"
	@echo "make test      - jalankan semua pengujian"
	@echo "make validate  - periksa semua berkas data di cycles/"
	@echo "make bench     - jalankan benchmark"
	@echo "make clean     - hapus .venv dan hasil bangun"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

# Until the dashboard generator lands, "site" validates the example data.
site: $(STAMP)
	$(BIN)/rkt validate
	@echo "Dasbor (situs) belum tersedia pada versi ini: data sudah diperiksa dengan 'rkt validate'."

validate: $(STAMP)
	$(BIN)/rkt validate

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_validate.py

clean:
	rm -rf $(VENV) site build .pytest_cache
