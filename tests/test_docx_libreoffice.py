"""The DOCX as a word processor lays it out: converted to PDF with LibreOffice, then pages and lines counted.

The example's busiest call sheet, its contact list, a daily report, the schedule and the
day-out-of-days, on A4 and on Letter, each compared with the Typst PDF of the same document.
Without LibreOffice these tests are skipped on a workstation and fail in CI (CI is set).
"""

from __future__ import annotations

import collections
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
from conftest import EXAMPLE, W, docx_text, edit, invoke

#: Page width and height in PDF points.
PAPER = {"a4": (595.3, 841.9), "letter": (612.0, 792.0)}
#: The documents checked: coord command, and whether their pages are landscape.
DOCUMENTS = {
    "callsheet": False,
    "contacts": False,
    "report": False,
    "schedule": False,
    "dood": True,
    "orders": False,
    "po": False,
    "availability": True,
    "extras": False,
    "agreement": False,
    "interns": False,
}
CONVERT_TIMEOUT = 300  # seconds for every document on both paper sizes; LibreOffice's first start is the slow part


@dataclass
class Rendered:
    docx: Path
    typst_pdf: Path
    office_pdf: Path  # the DOCX converted by LibreOffice


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        reason = "LibreOffice (soffice) is not installed; apt-get install libreoffice-writer-nogui to check the DOCX layout"
        if os.environ.get("CI"):
            pytest.fail(reason + " (CI must run these tests: .ci/run installs it)")
        pytest.skip(reason)
    return found


def busiest_day(folder: Path, out: Path) -> str:
    """The shoot day whose call sheet has the most table rows (scenes, cast, background, pickups, crew)."""
    result = invoke("callsheet", "--all", "--folder", str(folder), "--out", str(out), "--format", "md")
    assert result.exit_code == 0, result.output
    rows = {
        path: sum(line.startswith("|") for line in path.read_text(encoding="utf-8").splitlines()) for path in out.glob("*.md")
    }
    busiest = max(rows, key=lambda path: rows[path])
    return str(int(busiest.stem.split("-day-")[1]))  # 2027-03-17-day-13.md


def convert(files: list[Path], out: Path, profile: Path) -> None:
    """DOCX to PDF with LibreOffice, in a fresh profile of its own (a running LibreOffice is not disturbed)."""
    command = [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf", "--outdir", str(out)]
    done = subprocess.run([*command, *map(str, files)], capture_output=True, text=True, timeout=CONVERT_TIMEOUT)
    missing = [f.name for f in files if not (out / f.with_suffix(".pdf").name).is_file()]
    assert done.returncode == 0 and not missing, f"LibreOffice did not convert {missing}: {done.stdout}{done.stderr}"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Rendered]]:
    """Every checked document of the example on each paper size, as DOCX, Typst PDF and LibreOffice PDF."""
    soffice()
    base = tmp_path_factory.mktemp("docx-layout")
    day = busiest_day(EXAMPLE, base / "days")
    commands = {
        "callsheet": ["callsheet", day],
        "contacts": ["contacts"],
        "report": ["report", "2"],
        "schedule": ["schedule"],
        "dood": ["dood"],
        "orders": ["orders", "--today", "2027-03-03"],
        "po": ["po", "cam-main"],
        "availability": ["availability"],
        "extras": ["extras", "1"],
        "agreement": ["agreement", "bg-ingeborg-larsen"],
        "interns": ["interns"],
    }
    found: dict[str, dict[str, Rendered]] = {}
    for paper in PAPER:
        folder = base / paper / "harbour-lights"
        shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("out"))
        edit(folder / "production.yaml", "paper: a4", f"paper: {paper}")
        found[paper] = {}
        for name, command in commands.items():
            out = base / paper / name
            result = invoke(*command, "--folder", str(folder), "--out", str(out), "--format", "docx", "--format", "pdf")
            assert result.exit_code == 0, result.output
            docx = next(out.glob("*.docx"))
            found[paper][name] = Rendered(docx, docx.with_suffix(".pdf"), base / "office" / f"{paper}-{name}.pdf")
    # One LibreOffice run for all (its start is the slow part); each file named for its paper and document.
    inputs = base / "office-in"
    inputs.mkdir()
    for paper, documents in found.items():
        for name, document in documents.items():
            shutil.copy(document.docx, inputs / f"{paper}-{name}.docx")
    convert(sorted(inputs.iterdir()), base / "office", base / "profile")
    return found


def pages(pdf: Path) -> list[pypdf.PageObject]:
    return list(pypdf.PdfReader(pdf).pages)


def lines(pdf: Path) -> list[str]:
    """The PDF's text lines, lower case; a line broken after a hyphen ("close-" "ups") joined again."""
    text = "\n".join(page.extract_text() for page in pages(pdf))
    return re.sub(r"-\n", "-", text).lower().split("\n")


def table_rows(docx: Path) -> list[list[list[str]]]:
    """Each table of the DOCX as rows of cell texts."""
    with zipfile.ZipFile(docx) as archive:
        root = ET.fromstring(archive.read("word/document.xml"))  # noqa: S314 - our own output
    return [
        [["".join(t.text or "" for t in cell.iter(f"{W}t")) for cell in row.iter(f"{W}tc")] for row in table.iter(f"{W}tr")]
        for table in root.iter(f"{W}tbl")
    ]


@pytest.mark.parametrize("paper", sorted(PAPER))
def test_the_busiest_call_sheet_takes_at_most_one_page_more_than_its_pdf(
    rendered: dict[str, dict[str, Rendered]], paper: str
) -> None:
    sheet = rendered[paper]["callsheet"]
    typst, office = len(pages(sheet.typst_pdf)), len(pages(sheet.office_pdf))
    assert office <= typst + 1, f"{paper}: the DOCX call sheet has {office} pages, its PDF {typst}"


@pytest.mark.parametrize("paper", sorted(PAPER))
@pytest.mark.parametrize("name", [n for n in DOCUMENTS if n != "callsheet"])
def test_every_other_document_takes_at_most_one_page_more_than_its_pdf(
    rendered: dict[str, dict[str, Rendered]], paper: str, name: str
) -> None:
    document = rendered[paper][name]
    typst, office = len(pages(document.typst_pdf)), len(pages(document.office_pdf))
    assert office <= typst + 1, f"{paper}: the DOCX {name} has {office} pages, its PDF {typst}"


@pytest.mark.parametrize("paper", sorted(PAPER))
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_docx_pages_come_out_on_the_paper_of_production_yaml(
    rendered: dict[str, dict[str, Rendered]], paper: str, name: str
) -> None:
    width, height = PAPER[paper]
    expected = (height, width) if DOCUMENTS[name] else (width, height)
    for page in pages(rendered[paper][name].office_pdf):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(expected, abs=1), f"{paper}: {name}"


@pytest.mark.parametrize("paper", sorted(PAPER))
def test_every_crew_name_of_the_call_sheet_is_whole_on_one_line(rendered: dict[str, dict[str, Rendered]], paper: str) -> None:
    sheet = rendered[paper]["callsheet"]
    crew = [table for table in table_rows(sheet.docx) if table[0][:2] == ["Position", "Name"]]
    names = [row[1] for table in crew for row in table[1:] if row[1]]
    assert len(names) > 30
    printed = lines(sheet.office_pdf)
    assert [name for name in names if not any(name.lower() in line for line in printed)] == [], paper


@pytest.mark.parametrize("paper", sorted(PAPER))
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_no_word_in_a_table_is_broken_in_the_middle(rendered: dict[str, dict[str, Rendered]], paper: str, name: str) -> None:
    """Each word of a table cell is printed whole as often as the document has it (a broken one is missing)."""
    document = rendered[paper][name]
    words = {word.lower() for table in table_rows(document.docx) for row in table for cell in row for word in cell.split()}
    wanted = collections.Counter(word.lower() for word in docx_text(document.docx).split())
    printed = lines(document.office_pdf)
    broken = [
        (w, wanted[w], n) for w in sorted(words) if len(w) >= 3 and (n := sum(line.count(w) for line in printed)) < wanted[w]
    ]
    assert broken == [], f"{paper}: {name}: (word, times in the DOCX, times whole in print)"
