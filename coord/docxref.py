"""Build the reference documents that lay out every DOCX, from pandoc's own default reference.docx.

pandoc takes page size, margins, footer and styles from a reference document and ignores its
text. `make docx-reference` writes one per paper size into templates/ (`reference-a4.docx`,
`reference-letter.docx`, and landscape ones for the day-out-of-days and the availability grid); they are committed and
packaged, and a production can replace them like any template. The test suite fails when the
committed files differ from what this module builds, so they cannot drift from it.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

#: Page width and height in twentieths of a point (twips), portrait.
PAPERS = {"a4": (11906, 16838), "letter": (12240, 15840)}
#: Each reference document: file name pattern and whether its pages are landscape.
DOCUMENTS = {
    "reference-{paper}.docx": False,
    "dood-reference-{paper}.docx": True,
    "availability-reference-{paper}.docx": True,
}
#: Margins in twips: 10 mm around, 12 mm at the foot for the page number (6 mm from the edge).
MARGINS = 'w:top="567" w:right="567" w:bottom="680" w:left="567" w:header="340" w:footer="340" w:gutter="0"'
#: Arial everywhere: on every Windows and Mac, and metric-compatible Liberation Sans with LibreOffice.
FONT = "Arial"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_FOOTER_REL = "rIdCoordFooter"

# Body 9 pt, tables 8 pt, little space between paragraphs: a call sheet is read fast and printed dense.
_DOC_DEFAULTS = """<w:docDefaults>
    <w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi" /><w:sz w:val="18" /><w:szCs w:val="18" /><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA" /></w:rPr></w:rPrDefault>
    <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto" /></w:pPr></w:pPrDefault>
  </w:docDefaults>"""

_STYLES = {
    "BodyText": """<w:style w:type="paragraph" w:styleId="BodyText">
    <w:name w:val="Body Text" /><w:basedOn w:val="Normal" /><w:link w:val="BodyTextChar" /><w:qFormat />
    <w:pPr><w:spacing w:before="60" w:after="60" /></w:pPr>
  </w:style>""",
    # Tight lists and every table cell: no space between lines.
    "Compact": """<w:style w:type="paragraph" w:customStyle="1" w:styleId="Compact">
    <w:name w:val="Compact" /><w:basedOn w:val="BodyText" /><w:qFormat />
    <w:pPr><w:spacing w:before="0" w:after="0" /></w:pPr>
  </w:style>""",
    "Heading1": """<w:style w:type="paragraph" w:styleId="Heading1">
    <w:name w:val="heading 1" /><w:basedOn w:val="Normal" /><w:next w:val="BodyText" /><w:link w:val="Heading1Char" /><w:uiPriority w:val="9" /><w:qFormat />
    <w:pPr><w:keepNext /><w:keepLines /><w:spacing w:before="0" w:after="40" /><w:outlineLvl w:val="0" /></w:pPr>
    <w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia" w:hAnsiTheme="majorHAnsi" w:cstheme="majorBidi" /><w:b /><w:bCs /><w:color w:val="000000" /><w:sz w:val="32" /><w:szCs w:val="32" /></w:rPr>
  </w:style>""",
    # Section titles as on the PDF: bold capitals, kept with the table below.
    "Heading2": """<w:style w:type="paragraph" w:styleId="Heading2">
    <w:name w:val="heading 2" /><w:basedOn w:val="Normal" /><w:next w:val="BodyText" /><w:link w:val="Heading2Char" /><w:uiPriority w:val="9" /><w:unhideWhenUsed /><w:qFormat />
    <w:pPr><w:keepNext /><w:keepLines /><w:spacing w:before="140" w:after="40" /><w:outlineLvl w:val="1" /></w:pPr>
    <w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia" w:hAnsiTheme="majorHAnsi" w:cstheme="majorBidi" /><w:b /><w:bCs /><w:caps /><w:color w:val="000000" /><w:sz w:val="20" /><w:szCs w:val="20" /></w:rPr>
  </w:style>""",
    "Heading3": """<w:style w:type="paragraph" w:styleId="Heading3">
    <w:name w:val="heading 3" /><w:basedOn w:val="Normal" /><w:next w:val="BodyText" /><w:link w:val="Heading3Char" /><w:uiPriority w:val="9" /><w:unhideWhenUsed /><w:qFormat />
    <w:pPr><w:keepNext /><w:keepLines /><w:spacing w:before="100" w:after="20" /><w:outlineLvl w:val="2" /></w:pPr>
    <w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia" w:hAnsiTheme="majorHAnsi" w:cstheme="majorBidi" /><w:b /><w:bCs /><w:color w:val="000000" /><w:sz w:val="18" /><w:szCs w:val="18" /></w:rPr>
  </w:style>""",
    # A block quote is the highlighted strip of a personal copy ("YOUR CALL 06:15 ...") or the office-copy banner.
    "BlockText": """<w:style w:type="paragraph" w:styleId="BlockText">
    <w:name w:val="Block Text" /><w:basedOn w:val="BodyText" /><w:next w:val="BodyText" /><w:uiPriority w:val="9" /><w:unhideWhenUsed /><w:qFormat />
    <w:pPr>
      <w:pBdr><w:top w:val="single" w:sz="4" w:space="3" w:color="FFE14D" /><w:left w:val="single" w:sz="4" w:space="3" w:color="FFE14D" /><w:bottom w:val="single" w:sz="4" w:space="3" w:color="FFE14D" /><w:right w:val="single" w:sz="4" w:space="3" w:color="FFE14D" /></w:pBdr>
      <w:shd w:val="clear" w:color="auto" w:fill="FFE14D" />
      <w:spacing w:before="60" w:after="140" /><w:ind w:left="80" w:right="80" w:firstLine="0" />
    </w:pPr>
    <w:rPr><w:sz w:val="22" /><w:szCs w:val="22" /></w:rPr>
  </w:style>""",
    "Hyperlink": """<w:style w:type="character" w:styleId="Hyperlink">
    <w:name w:val="Hyperlink" /><w:basedOn w:val="BodyTextChar" />
    <w:rPr><w:color w:val="1F4E79" /><w:u w:val="single" /></w:rPr>
  </w:style>""",
    # Every table: 8 pt, thin grey rules, a dark header row (repeated on each page by pandoc), light zebra
    # rows, and a row is never split over two pages.
    "Table": """<w:style w:type="table" w:default="1" w:styleId="Table">
    <w:name w:val="Table" /><w:basedOn w:val="TableNormal" /><w:uiPriority w:val="59" /><w:qFormat />
    <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto" /></w:pPr>
    <w:rPr><w:sz w:val="16" /><w:szCs w:val="16" /></w:rPr>
    <w:tblPr>
      <w:tblStyleRowBandSize w:val="1" />
      <w:tblInd w:w="0" w:type="dxa" />
      <w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080" /><w:left w:val="single" w:sz="4" w:space="0" w:color="808080" /><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080" /><w:right w:val="single" w:sz="4" w:space="0" w:color="808080" /><w:insideH w:val="single" w:sz="2" w:space="0" w:color="BFBFBF" /><w:insideV w:val="single" w:sz="2" w:space="0" w:color="BFBFBF" /></w:tblBorders>
      <w:tblCellMar><w:top w:w="10" w:type="dxa" /><w:left w:w="57" w:type="dxa" /><w:bottom w:w="10" w:type="dxa" /><w:right w:w="57" w:type="dxa" /></w:tblCellMar>
    </w:tblPr>
    <w:trPr><w:cantSplit /></w:trPr>
    <w:tblStylePr w:type="firstRow">
      <w:rPr><w:b /><w:bCs /><w:color w:val="FFFFFF" /></w:rPr>
      <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="262626" /><w:vAlign w:val="bottom" /></w:tcPr>
    </w:tblStylePr>
    <w:tblStylePr w:type="band2Horz">
      <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2" /></w:tcPr>
    </w:tblStylePr>
  </w:style>""",
}

_FOOTER_STYLE = """<w:style w:type="paragraph" w:styleId="Footer">
    <w:name w:val="footer" /><w:basedOn w:val="Normal" /><w:uiPriority w:val="99" /><w:unhideWhenUsed />
    <w:pPr><w:jc w:val="right" /></w:pPr>
    <w:rPr><w:color w:val="595959" /><w:sz w:val="14" /><w:szCs w:val="14" /></w:rPr>
  </w:style>
"""

# "2 / 3" at the foot of every page: the fields need no words, so one footer serves every language.
_FOOTER = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="{_W}" xmlns:r="{_R}"><w:p><w:pPr><w:pStyle w:val="Footer" /></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> / </w:t></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>
"""


def pandoc_default_reference() -> bytes:
    """pandoc's default reference.docx, from the pandoc that coord runs (inside pypandoc-binary)."""
    import pypandoc

    command = [pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"]
    return subprocess.run(command, check=True, capture_output=True).stdout  # noqa: S603 - pandoc itself, no shell


def _replace_once(pattern: str, replacement: str, text: str, what: str) -> str:
    """Replace exactly one match; a pandoc whose default reference.docx changed shape must stop the build."""
    result, count = re.subn(pattern, lambda _: replacement, text, flags=re.S)
    if count != 1:
        raise ValueError(f"pandoc's default reference.docx: expected one {what}, found {count}; update coord/docxref.py")
    return result


def _styles(xml: str) -> str:
    xml = _replace_once(r"<w:docDefaults>.*?</w:docDefaults>", _DOC_DEFAULTS, xml, "w:docDefaults")
    for style_id, style in _STYLES.items():
        xml = _replace_once(rf'<w:style\b[^>]*w:styleId="{style_id}"[^>]*>.*?</w:style>', style, xml, f"style {style_id}")
    return _replace_once(r"</w:styles>", _FOOTER_STYLE + "</w:styles>", xml, "end of w:styles")


def _section(width: int, height: int, landscape: bool) -> str:
    if landscape:
        width, height = height, width
    orient = ' w:orient="landscape"' if landscape else ""
    return (
        f'<w:sectPr><w:footerReference w:type="default" r:id="{_FOOTER_REL}" />'
        '<w:footnotePr><w:numRestart w:val="eachSect" /></w:footnotePr>'
        f'<w:pgSz w:w="{width}" w:h="{height}"{orient} /><w:pgMar {MARGINS} /></w:sectPr>'
    )


def build(paper: str, landscape: bool, default: bytes) -> bytes:
    """One reference document: pandoc's default with coord's page setup, footer, fonts and styles."""
    width, height = PAPERS[paper]
    entries: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(default)) as source:
        for name in source.namelist():
            entries[name] = source.read(name)

    def edit(name: str, change: str) -> None:
        entries[name] = change.encode("utf-8")

    edit("word/styles.xml", _styles(entries["word/styles.xml"].decode("utf-8")))
    document = entries["word/document.xml"].decode("utf-8")
    edit(
        "word/document.xml", _replace_once(r"<w:sectPr>.*?</w:sectPr>", _section(width, height, landscape), document, "w:sectPr")
    )
    theme = entries["word/theme/theme1.xml"].decode("utf-8")
    theme, fonts = re.subn(r'<a:latin typeface="[^"]*"[^>]*/>', f'<a:latin typeface="{FONT}" />', theme)
    if fonts != 2:
        raise ValueError(f"pandoc's default reference.docx: expected a major and a minor theme font, found {fonts}")
    edit("word/theme/theme1.xml", theme)
    rels = entries["word/_rels/document.xml.rels"].decode("utf-8")
    footer_rel = f'<Relationship Type="{_R}/footer" Id="{_FOOTER_REL}" Target="footer1.xml" />'
    edit(
        "word/_rels/document.xml.rels",
        _replace_once(r"</Relationships>", footer_rel + "</Relationships>", rels, "end of the relationships"),
    )
    types = entries["[Content_Types].xml"].decode("utf-8")
    footer_type = '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" />'
    edit("[Content_Types].xml", _replace_once(r"</Types>", footer_type + "</Types>", types, "end of the content types"))
    entries["word/footer1.xml"] = _FOOTER.encode("utf-8")

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # no build time: the same input gives the same file
            info.external_attr = 0o644 << 16
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def reference_documents() -> dict[str, bytes]:
    """Every reference document coord ships, by file name."""
    default = pandoc_default_reference()
    return {
        pattern.format(paper=paper): build(paper, landscape, default)
        for pattern, landscape in DOCUMENTS.items()
        for paper in PAPERS
    }


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("templates")
    for name, data in reference_documents().items():
        (folder / name).write_bytes(data)
        print(f"wrote {folder / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
