"""Excel in: a form template for a unit (`form_template`), and reading a filled one back
(`form_import`), through one module for the callers.

Reading it back never changes a value (`cells`, `number_formats`), names every problem by
its cell and reports all of them in one run (`cell_problems`), reads nothing Excel does not
show (hidden sheets, rows and columns, text coloured as its background: `hidden`), and
refuses a zip bomb or a million junk rows in seconds (`limits`, `tables`). The Renstra's workbook (`renstra_excel`)
is read with the same parts.
"""

from __future__ import annotations

from generator.spreadsheets.cell_problems import CellProblem, at_cells
from generator.spreadsheets.cells import Raw, budget_of, target_of, text_of
from generator.spreadsheets.form_import import Reading, read
from generator.spreadsheets.form_template import KINERJA, KINERJA_HEADERS, LEVELS, PROGRAM, PROGRAM_HEADERS, template
from generator.spreadsheets.limits import LIMITS, Limits, measure
from generator.spreadsheets.number_formats import shown
from generator.spreadsheets.tables import Row, table

__all__ = ["KINERJA", "KINERJA_HEADERS", "LEVELS", "LIMITS", "PROGRAM", "PROGRAM_HEADERS", "CellProblem", "Limits",
           "Raw", "Reading", "Row", "at_cells", "budget_of", "measure", "read", "shown", "table", "target_of",
           "template", "text_of"]
