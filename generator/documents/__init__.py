"""Signable files (PDF, XLSX, CSV) made from plan values."""
