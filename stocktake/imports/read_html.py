"""HTML pages: headings, paragraphs and lists in order, and each table's cells."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from stocktake.imports.markup import cell_from_html, tidy
from stocktake.imports.model import Block, Cell, Document, ImportFailed, Row, Table, Text, guessed
from stocktake.imports.read_text import looks_like_heading

_HEADINGS = {f"h{n}": n for n in range(1, 7)}


def _text_of(el: etree._Element) -> str:
    return tidy("".join(t if isinstance(t, str) else t.decode() for t in el.itertext()))


def _cell(el: etree._Element) -> Cell:
    return cell_from_html(etree.tostring(el, encoding="unicode", with_tail=False))


def _table(el: etree._Element) -> Table:
    rows: list[Row] = []
    for tr in el.iter("tr"):
        if tr.getparent() is not None and _owner_table(tr) is not el:
            continue  # rows of a nested table belong to the cell that holds it
        rows.append([_cell(td) for td in tr if td.tag in ("td", "th")])
    return Table(rows)


def _owner_table(tr: etree._Element) -> etree._Element | None:
    node = tr.getparent()
    while node is not None and node.tag != "table":
        node = node.getparent()
    return node


def _walk(el: etree._Element, blocks: list[Block], group: list[int]) -> None:
    for child in el:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "table":
            blocks.append(_table(child))
        elif tag in _HEADINGS:
            text = _text_of(child)
            if text:
                blocks.append(Text("heading", text, _HEADINGS[tag], group[0]))
        elif tag in ("ul", "ol"):
            for li in child.iter("li"):
                text = _text_of(li)
                if text:
                    blocks.append(Text("bullet", text, 0, group[0]))
        elif tag in ("p", "div", "section", "article", "main", "body", "blockquote"):
            if child.find(".//table") is not None or tag != "p":
                _walk(child, blocks, group)
                continue
            group[0] += 1
            for i, line in enumerate(_cell(child).lines):
                blocks.append(guessed(line, group[0], heading=i == 0 and looks_like_heading(line)))


def read_html(data: bytes) -> Document:
    try:
        root = lxml_html.document_fromstring(data)
    except (etree.ParserError, ValueError) as exc:
        raise ImportFailed(f"the HTML could not be read ({exc})") from exc
    blocks: list[Block] = []
    body = root.find("body")
    _walk(body if body is not None else root, blocks, [0])
    return Document("html", blocks)
