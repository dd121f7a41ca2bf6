"""Write an `office` page model as a Word document with python-docx: the runs' two font
slots (East Asian and Latin), tables with merged cells, fixed row heights and borders,
tab stops, header with a rule, footer with PAGE / NUMPAGES fields."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from reporting_corpora.office_model import FACES, Page, Para, Run, Table

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
TAB = {"left": WD_TAB_ALIGNMENT.LEFT, "right": WD_TAB_ALIGNMENT.RIGHT}
TAB["center"] = WD_TAB_ALIGNMENT.CENTER
VALIGN = {"center": WD_CELL_VERTICAL_ALIGNMENT.CENTER, "top": WD_CELL_VERTICAL_ALIGNMENT.TOP}


def write(page: Page, path: Path) -> None:
    doc = Document()
    _defaults(doc)
    section = doc.sections[0]
    w, h = (Mm(297), Mm(210)) if page.landscape else (Mm(210), Mm(297))
    section.orientation = WD_ORIENT.LANDSCAPE if page.landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = w, h
    top, right, bottom, left = page.margins
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    section.header_distance, section.footer_distance = Mm(10), Mm(9)
    if page.frame:
        _frame(section)
    if page.header is not None:
        _fill(section.header.paragraphs[0], page.header)
    if page.footer is not None:
        _fill(section.footer.paragraphs[0], page.footer)
    for block in page.blocks:
        if isinstance(block, Para):
            _fill(doc.add_paragraph(), block)
        else:
            _table(doc, block)
            # Word keeps a paragraph between tables; a tiny one keeps the page's height
            _fill(doc.add_paragraph(), Para([], size=2, line=2))
    doc.save(str(path))


def _defaults(doc: object) -> None:
    style = doc.styles["Normal"]  # type: ignore[attr-defined]
    style.font.size = Pt(10.5)
    _faces(style.element.get_or_add_rPr(), "body")
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    style.element.get_or_add_rPr().append(lang)
    fmt = style.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)


def _faces(rpr: object, kind: str) -> None:
    east, latin = FACES[kind]
    fonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)  # type: ignore[attr-defined]
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(slot), latin)
    fonts.set(qn("w:eastAsia"), east)


def _fill(p: Paragraph, model: Para) -> None:
    fmt = p.paragraph_format
    p.alignment = ALIGN[model.align]
    fmt.space_before, fmt.space_after = Pt(model.before), Pt(model.after)
    if model.line is not None:
        fmt.line_spacing = Pt(model.line)
    if model.indent:
        fmt.first_line_indent = Pt(model.size * model.indent)
    if model.tabs:
        # the template's Header style sets a centre tab at 82.5 mm and a right one at 165
        for twips in (4680, 9360):
            fmt.tab_stops.add_tab_stop(Twips(twips), WD_TAB_ALIGNMENT.CLEAR)
    for pos, how in model.tabs:
        fmt.tab_stops.add_tab_stop(Mm(pos), TAB[how])
    if model.rule_below:
        ppr = p._p.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1")):
            bottom.set(qn(k), v)
        bottom.set(qn("w:color"), model.rule_below)
        borders.append(bottom)
        ppr.append(borders)
    if not model.runs:
        _size(p, model.size)
    for run in model.runs:
        _run(p, run, model.size)


def _size(p: Paragraph, size: float) -> None:
    # an empty paragraph's height comes from its mark's size
    rpr = p._p.get_or_add_pPr()
    mark = OxmlElement("w:rPr")
    for tag in ("w:sz", "w:szCs"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(round(size * 2)))
        mark.append(el)
    rpr.append(mark)


def _run(p: Paragraph, run: Run, size: float) -> None:
    if run.field is not None:
        _field(p, run, size)
        return
    parts = run.text.split("\t")
    for i, part in enumerate(parts):
        r = p.add_run(part)
        if i:
            r._r.insert(0, OxmlElement("w:tab"))  # before the text (rPr goes first later)
        _style(r, run, size)


def _style(r: object, run: Run, size: float) -> None:
    r.font.size = Pt(size)  # type: ignore[attr-defined]
    r.font.underline = run.underline  # type: ignore[attr-defined]
    r.font.bold = run.bold  # type: ignore[attr-defined]
    if run.color:
        r.font.color.rgb = RGBColor.from_string(run.color)  # type: ignore[attr-defined]
    _faces(r._r.get_or_add_rPr(), run.kind)  # type: ignore[attr-defined]


def _field(p: Paragraph, run: Run, size: float) -> None:
    """A complex field (PAGE, NUMPAGES) whose cached result is the run's text."""
    for kind, text in (("begin", None), ("instr", f" {run.field} "), ("separate", None)):
        r = p.add_run()
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        r._r.append(el)
        _style(r, run, size)
    _style(p.add_run(run.text), run, size)
    r = p.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    r._r.append(end)
    _style(r, run, size)


def _table(doc: object, model: Table) -> None:
    n_rows, n_cols = len(model.rows), len(model.widths)
    t: DocxTable = doc.add_table(rows=n_rows, cols=n_cols)  # type: ignore[attr-defined]
    t.autofit = False
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, width in enumerate(model.widths):
        t.columns[i].width = Mm(width)
        for c in t.columns[i].cells:
            c.width = Mm(width)
    if model.borders != "none":
        _borders(t, heavy=model.borders == "outer-thick")
    # place the cells on the grid as HTML does (rowspan cells take later rows' places)
    taken: set[tuple[int, int]] = set()
    placed = []
    for r, row in enumerate(model.rows):
        c = 0
        for cell in row.cells:
            while (r, c) in taken:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            placed.append((r, c, cell))
            c += cell.colspan
        if c > n_cols:
            raise ValueError(f"row {r} has {c} grid columns, the table {n_cols}")
    for r, row in enumerate(model.rows):
        t.rows[r].height = Mm(row.height)
        t.rows[r].height_rule = (
            WD_ROW_HEIGHT_RULE.EXACTLY if row.exact else WD_ROW_HEIGHT_RULE.AT_LEAST
        )
    for r, c, cell in placed:
        target = t.cell(r, c)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(t.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
        target.vertical_alignment = VALIGN[cell.valign]
        if cell.shade:
            shd = OxmlElement("w:shd")
            shd.set(qn("w:val"), "clear")
            shd.set(qn("w:fill"), cell.shade)
            target._tc.get_or_add_tcPr().append(shd)
        first = target.paragraphs[0]
        for i, model_para in enumerate(cell.paras):
            _fill(first if i == 0 else target.add_paragraph(), model_para)


def _borders(t: DocxTable, heavy: bool) -> None:
    tbl_pr = t._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        outer = edge in ("top", "left", "bottom", "right")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "12" if heavy and outer else "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)


def _frame(section: object) -> None:
    """A double rule round the page, as certificates are printed."""
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    for edge in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{edge}")
        for k, v in (("w:val", "thinThickSmallGap"), ("w:sz", "24"), ("w:space", "24")):
            el.set(qn(k), v)
        el.set(qn("w:color"), "8B1A1A")
        borders.append(el)
    sect = section._sectPr  # type: ignore[attr-defined]
    # pgBorders stands after pgMar in the schema's order
    sect.find(qn("w:pgMar")).addnext(borders)
