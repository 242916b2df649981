"""Signable files (PDF, XLSX, CSV) made from plan values.

export (the RKT's files: `render`) -> rkt_pdf, rkt_xlsx, rkt_csv; pk (the Perjanjian Kinerja's
files) -> pk_pdf, pk_xlsx; shared by both: provenance (`Source`), printing (HTML to PDF) and
sheets (the workbook set-up).
"""
