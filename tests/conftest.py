"""Shared fixtures: real production folders on disk, copied to a temp dir per test."""

from __future__ import annotations

import os
import re
import shutil
import traceback
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from click.testing import CliRunner, Result

from coord import model as m
from coord.checks import validate
from coord.cli import main

TESTS = Path(__file__).parent
REPO = TESTS.parent
MINIMAL = TESTS / "fixtures" / "minimal"
EXAMPLE = REPO / "examples" / "harbour-lights"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
GOLDEN = TESTS / "golden"


def assert_golden(name: str, rendered: str | bytes) -> None:
    """Compare with tests/golden/NAME; `make golden` (COORD_UPDATE_GOLDEN=1) rewrites it on purpose."""
    data = rendered.encode() if isinstance(rendered, str) else rendered
    golden = GOLDEN / name
    if os.environ.get("COORD_UPDATE_GOLDEN") == "1":
        golden.write_bytes(data)
    assert golden.is_file(), f"{golden} is missing: run `make golden`"
    assert data == golden.read_bytes(), f"{name} differs: review the change, then run `make golden`"


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A copy of the smallest valid production, for a test to break one thing in."""
    target = tmp_path / "production"
    shutil.copytree(MINIMAL, target)
    return target


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A copy of the example production (without its rendered out/), for a test to edit."""
    target = tmp_path / "harbour-lights"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("out"))
    return target


@pytest.fixture(scope="session")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every HTML document of the example, rendered once for the browser tests."""
    from browser import render_documents

    return render_documents(EXAMPLE, tmp_path_factory.mktemp("html"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for all the browser tests."""
    from browser import Browser, chromium

    tab = Browser(chromium())
    yield tab
    tab.close()


# ---- helpers shared by the document tests ----


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of a production file; fail loudly when the fixture changed under us."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not exactly once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def loaded(folder: Path) -> m.ProductionFolder:
    """The production as the call sheet sees it; the test setup itself must be valid."""
    production, findings = validate(folder)
    assert production is not None
    assert not findings.errors, "\n".join(f"{f.pos}: {f.message}" for f in findings.errors)
    return production


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError("coord crashed:\n" + "".join(traceback.format_exception(*result.exc_info)))  # type: ignore[misc]
    return result


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def flat(text: str) -> str:
    """Whitespace collapsed: a table cell wrapped over two lines reads as one."""
    return re.sub(r"\s+", " ", text)


def bare(text: str) -> str:
    """All whitespace removed: for long values a PDF may break anywhere."""
    return re.sub(r"\s+", "", text)


def docx_text(path: Path) -> str:
    """The text of word/document.xml, one line per paragraph (runs of a paragraph joined)."""
    with zipfile.ZipFile(path) as docx:
        root = ET.fromstring(docx.read("word/document.xml"))  # noqa: S314 - our own output
    return "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p"))


def snapshot(directory: Path) -> dict[str, tuple[int, int]]:
    """Each file's inode and mtime: a rewrite (temp file + rename) changes both."""
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in sorted(directory.iterdir())}
