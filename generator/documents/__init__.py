"""Signable files (PDF, XLSX, CSV) made from plan values.

export (the RKT's files: `render`) -> rkt_pdf, rkt_xlsx, rkt_csv; pk (the Perjanjian Kinerja's
files) -> pk_pdf, pk_xlsx; shared by both: provenance (`Source`), typeset (the one
document engine: Typst, every signable PDF) and book (every signable workbook, written by XlsxWriter).
"""
