"""Build a real .docx from a Document read from a text export (test support).

The file is what the export came from: every body line a paragraph (blank lines
empty paragraphs), headings in Heading styles, each table a Word table with its
header row and its horizontal merges, and each footnote a real footnote: the
line that ended at an anchor and the line after it are one paragraph again,
with a w:footnoteReference run where the line break was. A cell printed over
several lines gets a line break (w:br) where the export's lines follow each
other and a new paragraph where a blank line separates them.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from chitieu.ingest.document import Cell, Document, Table

_MAX_HEADING_STYLE = 9


def build_docx(document: Document, path: Path) -> Path:
    word = docx.Document()
    heading_levels = {h.line: h.level for h in document.all_headings()}
    anchors = {f.anchor_line: f.number for f in document.footnotes if f.anchor_line is not None}
    tables = {table.rows[0].line: table for table in document.tables}
    number = 1
    while number <= document.body_end:
        if number in tables:
            table = tables[number]
            _add_table(word, document, table)
            number = table.line_end + 2  # past the blank line that ends the last row
            continue
        style = None
        if number in heading_levels:
            style = f"Heading {min(heading_levels[number], _MAX_HEADING_STYLE)}"
        paragraph = word.add_paragraph(style=style)
        paragraph.add_run(document.line(number))
        while number in anchors:
            _add_reference(paragraph, anchors[number])
            number += 1
            paragraph.add_run(document.line(number))
        number += 1
    _add_footnotes_part(word, document)
    word.save(str(path))
    return path


def _add_reference(paragraph: Paragraph, note_id: int) -> None:
    run = paragraph.add_run()
    properties = OxmlElement("w:rPr")
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    properties.append(align)
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), str(note_id))
    run._r.append(properties)
    run._r.append(reference)


def _add_table(word: docx.document.Document, document: Document, table: Table) -> None:
    grid = word.add_table(rows=len(table.rows), cols=table.ncols)
    grid.style = "Table Grid"
    header = grid.rows[0]._tr.get_or_add_trPr()
    header.append(OxmlElement("w:tblHeader"))
    for word_row, row in zip(grid.rows, table.rows, strict=True):
        cells = word_row.cells  # computed once: grid.cell(r, c) walks the whole table
        column = 0
        while column < table.ncols:
            last = column
            while last + 1 < table.ncols and row.cells[last + 1].merged:
                last += 1
            target = cells[column]
            if last > column:
                target = target.merge(cells[last])
            _write_cell(target, document, row.cells[column])
            column = last + 1


def _write_cell(target: _Cell, document: Document, cell: Cell) -> None:
    pieces = cell.text.split("\n")
    paragraph = target.paragraphs[0]
    paragraph.add_run(pieces[0])
    line = cell.line
    for piece in pieces[1:]:
        if not document.line(line + 1).strip():
            paragraph = target.add_paragraph()
            line += 2
        else:
            paragraph.runs[-1].add_break()
            line += 1
        paragraph.add_run(piece)


def _add_footnotes_part(word: docx.document.Document, document: Document) -> None:
    root = etree.fromstring(f"<w:footnotes {nsdecls('w')}/>")
    for note_id, kind, mark in (
        ("-1", "separator", "w:separator"),
        ("0", "continuationSeparator", "w:continuationSeparator"),
    ):
        note = etree.SubElement(root, qn("w:footnote"), {qn("w:type"): kind, qn("w:id"): note_id})
        run = etree.SubElement(etree.SubElement(note, qn("w:p")), qn("w:r"))
        etree.SubElement(run, qn(mark))
    for footnote in document.footnotes:
        note = etree.SubElement(root, qn("w:footnote"), {qn("w:id"): str(footnote.number)})
        for position, text in enumerate(footnote.text.split("\n")):
            paragraph = etree.SubElement(note, qn("w:p"))
            if position == 0:
                mark = etree.SubElement(paragraph, qn("w:r"))
                align = etree.SubElement(etree.SubElement(mark, qn("w:rPr")), qn("w:vertAlign"))
                align.set(qn("w:val"), "superscript")
                etree.SubElement(mark, qn("w:footnoteRef"))
                text = " " + text
            run = etree.SubElement(paragraph, qn("w:r"))
            element = etree.SubElement(run, qn("w:t"))
            element.text = text
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, word.part.package)
    word.part.relate_to(part, RT.FOOTNOTES)
