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
from conftest import REPO, W, append, invoke

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
        f"Error: {minimal / 'templates' / 'reference-a4.docx'} is not a DOCX file: save it from Word or LibreOffice as .docx,"
        " or delete it to use coord's own\n",
    )


def test_the_reference_documents_are_packaged(tmp_path: Path) -> None:
    setup = (REPO / "setup.cfg").read_text(encoding="utf-8")
    assert "coord.templates = *.j2, *.typ, *.css, *.md, *.docx\n" in setup


def entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_committed_reference_documents_are_what_docxref_builds() -> None:
    built = docxref.reference_documents()
    assert sorted(built) == ["dood-reference-a4.docx", "dood-reference-letter.docx", "reference-a4.docx", "reference-letter.docx"]
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
