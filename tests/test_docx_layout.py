"""DOCX layout, read from the DOCX itself: paper size, column widths, the crew list's page break, the reference documents.

How the pages come out in a word processor is checked with LibreOffice in test_docx_libreoffice.py.
"""

from __future__ import annotations

import io
import shutil
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE, REPO, W, append, docx_text, edit, invoke

from coord import docxref

#: Page width and height in twips: what Word reads.
PAGE = {"a4": (11906, 16838), "letter": (12240, 15840)}


def render(folder: Path, out: Path, *command: str) -> Path:
    """Run one coord command for DOCX and return the one file it wrote."""
    result = invoke(*command, "--folder", str(folder), "--out", str(out), "--format", "docx")
    assert result.exit_code == 0, result.output
    written = [line.removeprefix("wrote ") for line in result.output.splitlines() if line.startswith("wrote ")]
    assert len(written) == 1, result.output
    return Path(written[0])


def document(path: Path) -> ET.Element:
    with zipfile.ZipFile(path) as docx:
        return ET.fromstring(docx.read("word/document.xml"))  # noqa: S314 - our own output


def page_size(path: Path) -> tuple[int, int, str | None]:
    size = document(path).find(f"{W}body/{W}sectPr/{W}pgSz")
    assert size is not None, "the DOCX has no page size: Word and LibreOffice would guess one"
    return int(size.get(f"{W}w", 0)), int(size.get(f"{W}h", 0)), size.get(f"{W}orient")


def text_of(element: ET.Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def tables(path: Path) -> dict[str, dict[str, int]]:
    """Each table by its header row ("Sc. | Set | ..."): the width of each column by its header."""
    found = {}
    for table in document(path).iter(f"{W}tbl"):
        widths = [int(col.get(f"{W}w", 0)) for col in table.iter(f"{W}gridCol")]
        header = [text_of(cell) for cell in next(table.iter(f"{W}tr")).iter(f"{W}tc")]
        found[" | ".join(header)] = dict(zip(header, widths, strict=True))
    return found


def page_breaks_before(path: Path) -> list[str]:
    """The text of the paragraph after each page break."""
    paragraphs = document(path).findall(f"{W}body/{W}p")
    return [
        text_of(paragraphs[i + 1])
        for i, paragraph in enumerate(paragraphs[:-1])
        if any(br.get(f"{W}type") == "page" for br in paragraph.iter(f"{W}br"))
    ]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_docx_pages_have_the_paper_size_of_production_yaml(minimal: Path, tmp_path: Path, paper: str) -> None:
    append(minimal / "production.yaml", f"paper: {paper}\n")
    for command in (["callsheet", "1"], ["contacts"], ["schedule"]):
        assert page_size(render(minimal, tmp_path / command[0], *command)) == (*PAGE[paper], None)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_day_out_of_days_docx_is_landscape_like_its_pdf(minimal: Path, tmp_path: Path, paper: str) -> None:
    append(minimal / "production.yaml", f"paper: {paper}\n")
    width, height = PAGE[paper]
    assert page_size(render(minimal, tmp_path, "dood")) == (height, width, "landscape")


def test_table_columns_are_as_wide_as_their_content_needs(tmp_path: Path) -> None:
    found = tables(render(EXAMPLE, tmp_path, "callsheet", "13"))
    scenes = found["Sc. | Set | I/E | D/N | Synopsis | Cast | Pages | Location"]
    assert scenes["Synopsis"] > 3 * scenes["I/E"]  # before: every column alike
    assert scenes["Set"] > scenes["Sc."] and scenes["Location"] > scenes["Pages"]
    crew = found["Position | Name | Phone | Call"]
    assert crew["Position"] > crew["Name"] > crew["Call"] and crew["Phone"] > crew["Call"]
    for header, widths in found.items():
        assert len(set(widths.values())) > 1, f"table {header} has equal columns"


def test_the_crew_list_of_the_call_sheet_starts_a_new_page(tmp_path: Path) -> None:
    path = render(EXAMPLE, tmp_path, "callsheet", "13")
    assert page_breaks_before(path) == ["Crew"]
    assert "{.new-page}" not in docx_text(path) and "new-page" not in docx_text(path)


def test_no_other_document_gets_a_page_break(tmp_path: Path) -> None:
    for command in (["contacts"], ["schedule"], ["report", "2"], ["dood"]):
        assert page_breaks_before(render(EXAMPLE, tmp_path / command[0], *command)) == []


def test_a_value_typed_in_yaml_cannot_start_a_new_page(minimal: Path, tmp_path: Path) -> None:
    # The company starts a line of the Markdown; the synopsis is a table cell.
    edit(minimal / "production.yaml", "company: Test Films GmbH", 'company: "## Crew {.new-page}"')
    edit(minimal / "scenes.yaml", "pages: 4/8", 'pages: 4/8\n  synopsis: "Quay {.new-page}"')
    path = render(minimal, tmp_path, "callsheet", "2")
    assert page_breaks_before(path) == ["Crew"]  # only the template's own
    text = docx_text(path)
    assert "## Crew {.new-page}" in text and "Quay {.new-page}" in text


def test_a_production_can_restyle_its_docx_with_its_own_reference_document(minimal: Path, tmp_path: Path) -> None:
    (minimal / "templates").mkdir()
    shutil.copy(REPO / "templates" / "reference-letter.docx", minimal / "templates" / "reference-a4.docx")
    assert page_size(render(minimal, tmp_path / "sheet", "callsheet", "1")) == (*PAGE["letter"], None)
    # The day-out-of-days has a reference document of its own (landscape), found before the general one.
    assert page_size(render(minimal, tmp_path / "dood", "dood"))[2] == "landscape"


def test_a_reference_document_that_is_not_a_docx_is_an_error_that_says_what_to_do(minimal: Path, tmp_path: Path) -> None:
    (minimal / "templates").mkdir()
    (minimal / "templates" / "reference-a4.docx").write_text("not a word document", encoding="utf-8")
    result = invoke("callsheet", "1", "--folder", str(minimal), "--out", str(tmp_path), "--format", "docx")
    assert (result.exit_code, result.output) == (
        1,
        f"Error: call sheet 2027-03-01-day-01.docx: {minimal / 'templates' / 'reference-a4.docx'} is not a DOCX file:"
        " save it from Word or LibreOffice as .docx,"
        " or delete it to use coord's own\nnothing was written\n",
    )


def test_the_layout_filter_is_never_taken_from_a_production(minimal: Path, tmp_path: Path) -> None:
    (minimal / "templates").mkdir()
    marker = tmp_path / "ran"
    (minimal / "templates" / "docx_layout.lua").write_text(f'io.open("{marker}", "w"):close()\n', encoding="utf-8")
    render(minimal, tmp_path / "out", "callsheet", "1")
    assert not marker.exists()


def test_the_reference_documents_are_packaged(tmp_path: Path) -> None:
    setup = (REPO / "setup.cfg").read_text(encoding="utf-8")
    assert "coord.templates = *.j2, *.typ, *.css, *.md, *.docx\n" in setup
    [coord_data] = [line for line in setup.splitlines() if line.startswith("coord = ")]
    assert "*.lua" in coord_data.split(" = ")[1].split(", ")


def entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_committed_reference_documents_are_what_docxref_builds() -> None:
    built = docxref.reference_documents()
    assert sorted(built) == [
        "availability-reference-a4.docx",
        "availability-reference-letter.docx",
        "dood-reference-a4.docx",
        "dood-reference-letter.docx",
        "reference-a4.docx",
        "reference-letter.docx",
    ]
    for name, data in built.items():
        committed = (REPO / "templates" / name).read_bytes()
        assert entries(committed) == entries(data), f"templates/{name} is out of date: run `make docx-reference`"


def test_building_a_reference_document_twice_gives_the_same_bytes() -> None:
    default = docxref.pandoc_default_reference()
    assert docxref.build("a4", False, default) == docxref.build("a4", False, default)


def test_the_reference_documents_set_page_margins_fonts_and_the_table_style() -> None:
    with zipfile.ZipFile(REPO / "templates" / "reference-a4.docx") as docx:
        styles = docx.read("word/styles.xml").decode()
        theme = docx.read("word/theme/theme1.xml").decode()
        footer = docx.read("word/footer1.xml").decode()
    table = styles[styles.index('w:styleId="Table"') :]
    table = table[: table.index("</w:style>")]
    assert '<w:sz w:val="16" />' in table  # 8 pt in tables
    assert '<w:tblStylePr w:type="firstRow">' in table and "<w:b />" in table  # a bold, dark header row
    assert "<w:tblBorders>" in table and "<w:cantSplit />" in table
    assert theme.count('<a:latin typeface="Arial" />') == 2
    assert "PAGE" in footer and "NUMPAGES" in footer
