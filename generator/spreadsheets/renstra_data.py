"""The Renstra's rows, once read (`renstra_excel`), as renstra.yaml: every tujuan, sasaran and
indicator gets its code, the data keeps the cell behind each part of it (so the schema's and
the rules' findings are named by cell), and `renstra_yaml` writes the file.

Codes may be typed; where a row has none, the code is taken from the current renstra.yaml by
the text (so re-importing keeps every code, and forms stay bound to the same indicators),
else the next free one is generated: T1, SS1, SS1.1.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.core.model import Renstra
from generator.source.yamlwrite import scalar, schema_line
from generator.spreadsheets.cell_problems import Found
from generator.spreadsheets.cells import PLACEHOLDER
from generator.spreadsheets.renstra_template import COL, FIXED_HEADERS, INDICATORS


def text_key(text: str) -> str:
    """Texts are the same when they differ only in spacing and case (as typed in real documents)."""
    return " ".join(text.split()).casefold()


@dataclass
class Node:
    """A tujuan, sasaran or indicator as read from the rows. Not frozen: the tree grows row by
    row, a code typed further down completes a node, and `assign` gives each its final code."""

    text: str
    row: int  # the row that introduced it
    code: str | None = None  # as typed
    code_row: int = 0  # where the code was typed
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    fields: dict = field(default_factory=dict)  # an indicator's other keys
    final: str = ""  # the code it gets


# --- codes ------------------------------------------------------------------

def assign(goals: list[Node], old: Renstra | None) -> list[str]:
    """Every node's code: as typed; else the current Renstra's code for the same text (so forms
    stay bound to their indicators); else the next free one. Returns the generated codes."""
    nodes = [(g, 0) for g in goals] + [(o, 1) for g in goals for o in g.children] + \
        [(i, 2) for g in goals for o in g.children for i in o.children]
    used = {node.code for node, _ in nodes if node.code}
    known = _known(old)
    generated = []
    for node, level in nodes:  # parents first: an indicator's code continues its sasaran's
        if level == 0 and not node.text:  # the sasaran listed without a tujuan: no tujuan to name
            continue
        if node.code:
            node.final = node.code
            continue
        prefix = ("T", "SS", f"{node.parent.final}." if node.parent else "")[level]
        parent = node.parent.final if node.parent else ""
        text = text_key(node.text) if level < 2 else f"{parent}\0{text_key(node.text)}"
        match = known[level].get(text)
        if match and match not in used and match.startswith(prefix):
            node.final = match
        else:
            node.final = _next_free(prefix, used)
            generated.append(node.final)
        used.add(node.final)
    return generated


def _known(old: Renstra | None) -> list[dict[str, str]]:
    """The current Renstra's codes of tujuan, sasaran and indicators, by their text."""
    known: list[dict[str, str]] = [{}, {}, {}]
    if old is not None:
        known[0] = {text_key(g.description): g.code for g in old.goals}
        known[1] = {text_key(o.description): o.code for o in old.objectives}
        known[2] = {f"{o.code}\0{text_key(i.description)}": i.code for o, i in old.indicators()}
    return known


def _next_free(prefix: str, used: set[str]) -> str:
    number = 1
    while f"{prefix}{number}" in used:
        number += 1
    return f"{prefix}{number}"


# --- the data, and the cell behind each part of it --------------------------------

def as_data(identity: dict, years: list[int], goals: list[Node], found: Found, example: bool) -> dict:
    """renstra.yaml data from the Identitas sheet and the tree of rows; each part's cell in `found`."""
    out: dict = {"judul": identity.get("judul", PLACEHOLDER)}
    if example:
        out["contoh"] = True
    if identity.get("dasar"):
        out["dasar"] = identity["dasar"]
    out["periode"] = {"mulai": years[0], "selesai": years[-1]} if years else {"mulai": 0, "selesai": 0}
    out["tujuan"] = []
    out["sasaran"] = []
    for g in goals:
        if g.text:  # else the sasaran listed without a tujuan
            here = ("tujuan", len(out["tujuan"]))
            out["tujuan"].append({"kode": g.final, "uraian": g.text})
            _places(found, here, g, 1)
        for o in g.children:
            here = ("sasaran", len(out["sasaran"]))
            out["sasaran"].append({"kode": o.final, **({"tujuan": g.final} if g.text else {}), "uraian": o.text,
                                   "indikator": [_indicator_data(i) for i in o.children]})
            _places(found, here, o, 3)
            found.place(here + ("tujuan",), INDICATORS, 1, o.row)
            for j, i in enumerate(o.children):
                _indicator_places(found, here + ("indikator", j), i, years)
    return out


_HEADER_OF = {"satuan": "Satuan", "iku": "IKU", "formula": "Cara Pengukuran", "unit": "Unit Penanggung Jawab",
              "arah": "Arah", "agregasi": "Agregasi"}


def _places(found: Found, path: tuple, node: Node, code_col: int) -> None:
    found.place(path, INDICATORS, code_col + 1, node.row)
    found.place(path + ("uraian",), INDICATORS, code_col + 1, node.row)
    found.place(path + ("kode",), INDICATORS, code_col, node.code_row or node.row)


def _indicator_places(found: Found, path: tuple, i: Node, years: list[int]) -> None:
    _places(found, path, i, COL["Kode Indikator"])
    for name in ("satuan", "iku", "formula", "unit", "arah", "agregasi"):
        found.place(path + (name,), INDICATORS, COL[_HEADER_OF[name]], i.row)
    for k, year in enumerate(years):
        found.place(path + ("target", str(year)), INDICATORS, len(FIXED_HEADERS) + k + 1, i.row)


def _indicator_data(i: Node) -> dict:
    f = i.fields
    return {"kode": i.final, "uraian": i.text, **({"satuan": f["satuan"]} if f["satuan"] else {}), "iku": f["iku"],
            **({"formula": f["formula"]} if f["formula"] else {}),
            **{k: f[k] for k in ("arah", "agregasi") if f.get(k)},
            "unit": f["unit"], "target": f["target"]}


def keep_standards(data: dict, old: Renstra | None) -> None:
    """The workbook has no column for an indicator's national standard (`standar`, written in
    renstra.yaml itself): an indicator keeps the one the current file gives it under the same code."""
    if old is None:
        return
    standards = {i.code: (i.standard, i.standard_source) for _, i in old.indicators() if i.standard is not None}
    for objective in data.get("sasaran", ()):
        for indicator in objective["indikator"]:
            value, source = standards.get(indicator["kode"], (None, None))
            if value is not None:
                indicator["standar"] = {"nilai": value, "sumber": source}


# --- writing renstra.yaml -------------------------------------------------------

def renstra_yaml(data: dict) -> str:
    """renstra.yaml as the project writes it: `$schema` line, the layout of the example file.
    The same data gives the same bytes (whatever the workbook was called)."""
    out = [schema_line("renstra", 1),
           "# Renstra yang berlaku, diimpor dari Excel dengan 'rkt import-renstra'.\n",
           "# Ubah lewat templat Excel ('rkt renstra-template') atau langsung di berkas ini.\n",
           "# Kode yang sudah dipakai Form RKT jangan diubah.\n",
           "# Target pecahan ditulis di antara tanda kutip dengan koma desimal, misalnya \"0,70\".\n",
           "\n", f"judul: {scalar(data['judul'])}\n"]
    if data.get("contoh"):
        out.append("# CONTOH: hapus baris berikut setelah isinya diganti dengan Renstra yang ditetapkan.\n")
        out.append("contoh: true\n")
    if data.get("dasar"):
        out.append(f"dasar: {scalar(data['dasar'])}\n")
    out.append(f"periode:\n  mulai: {data['periode']['mulai']}\n  selesai: {data['periode']['selesai']}\n")
    if data.get("tujuan"):  # a Renstra may list its sasaran without tujuan
        out.append("\ntujuan:\n")
        for g in data["tujuan"]:
            out.append(f"  - kode: {scalar(g['kode'])}\n    uraian: {scalar(g['uraian'])}\n")
    out.append("\nsasaran:\n")
    for o in data["sasaran"]:
        goal = f"    tujuan: {scalar(o['tujuan'])}\n" if "tujuan" in o else ""
        out.append(f"  - kode: {scalar(o['kode'])}\n{goal}    uraian: {scalar(o['uraian'])}\n    indikator:\n")
        for i in o["indikator"]:
            out.append(f"      - kode: {scalar(i['kode'])}\n        uraian: {scalar(i['uraian'])}\n")
            if "satuan" in i:
                out.append(f"        satuan: {scalar(i['satuan'])}\n")
            out.append(f"        iku: {scalar(i['iku'])}\n")
            if "formula" in i:
                out.append(f"        formula: {scalar(i['formula'])}\n")
            for key in ("arah", "agregasi"):  # unwritten: naik and terakhir
                if key in i:
                    out.append(f"        {key}: {scalar(i[key])}\n")
            if "standar" in i:
                out.append(f"        standar:\n          nilai: {scalar(i['standar']['nilai'])}\n"
                           f"          sumber: {scalar(i['standar']['sumber'])}\n")
            out.append(f"        unit: [{', '.join(scalar(u) for u in i['unit'])}]\n")
            if i["target"]:  # a year the Renstra does not record is simply not written
                out.append("        target:\n")
                out += [f"          {year}: {scalar(value)}\n" for year, value in i["target"].items()]
    return "".join(out)
