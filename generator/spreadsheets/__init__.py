"""Excel round trips: templates to fill in and the hardened import.

excel (the form: `template`, `read`) -> form_template, form_import, form_programs;
renstra_excel (the Renstra: `template`, `read`, `renstra_yaml`) -> renstra_template,
renstra_data; shared by both: layout (the templates' look), limits (opening untrusted
workbooks), tables (a sheet as a table), cells and number_formats (one cell as typed) and
cell_problems (every problem named by its cell).
"""
