"""Every name is drawn in its own letters: Chinese, Japanese and Korean with a font that has them, emoji
too; and what no font of coord's can draw is a warning naming the person and the field, the PDF still written.

A character a font lacks still extracts from the PDF as text, so these tests look at the fonts the
PDF embeds (their ToUnicode maps) and at the page as pdfium draws it.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from conftest import edit, invoke
from pdfpages import drawn_code_points, glyph_pictures

CHINESE, JAPANESE, KOREAN = "王小明", "山田 花子", "김민준"


def render(folder: Path, out: Path, *command: str, formats: tuple[str, ...] = ("pdf",)) -> tuple[Path, str]:
    """Run one command that writes one file; return the file and what the command said on stderr."""
    args = [*command, "-C", str(folder), "--out", str(out)]
    for fmt in formats:
        args += ["--format", fmt]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    written = [line.removeprefix("wrote ") for line in result.stdout.splitlines() if line.startswith("wrote ")]
    assert len(written) == 1, result.stdout
    return Path(written[0]), result.stderr


@pytest.fixture
def names(minimal: Path) -> Path:
    """The minimal production with a Chinese coordinator, a Korean gaffer and a Japanese lead actor."""
    edit(minimal / "crew.yaml", "  name: Pia Sommer\n", f"  name: {CHINESE}\n")
    edit(minimal / "crew.yaml", "  name: Tom Reuter\n", f"  name: {KOREAN}\n")
    edit(minimal / "cast.yaml", "  actor: Jana Falk\n", f"  actor: {JAPANESE}\n")
    return minimal


def looks_like_letters(pictures: list[tuple[float, ...]]) -> None:
    """Each character has ink, and no two look alike: an empty box, drawn for every missing letter, looks the same each time."""
    for picture in pictures:
        assert sum(picture) / len(picture) > 0.05, "a character is drawn without ink"
    for first, second in itertools.combinations(pictures, 2):
        assert sum(abs(a - b) for a, b in zip(first, second, strict=True)) / len(first) > 0.1, "two characters look alike"


@pytest.mark.parametrize("command", [("callsheet", "1"), ("callsheet", "1", "--for", "mira"), ("contacts",)])
def test_chinese_japanese_and_korean_names_are_drawn(names: Path, tmp_path: Path, command: tuple[str, ...]) -> None:
    pdf, said = render(names, tmp_path / "out", *command)
    drawn = drawn_code_points(pdf)
    for name in (CHINESE, JAPANESE, KOREAN):
        assert {c for c in name if not c.isspace()} <= {chr(c) for c in drawn}, f"{name} is not drawn with a font that has it"
        looks_like_letters(glyph_pictures(pdf, name))
    assert said == ""


def test_an_emoji_is_drawn(minimal: Path, tmp_path: Path) -> None:
    edit(minimal / "crew.yaml", "  name: Pia Sommer\n", "  name: Pia Sommer 🎬\n")
    pdf, said = render(minimal, tmp_path / "out", "contacts")
    assert ord("🎬") in drawn_code_points(pdf)
    assert said == ""


WARNING = (
    "warning: crew › Lighting › 𠮷田 花子 › name: no font of the PDF has 𠮷 (U+20BB7 CJK UNIFIED IDEOGRAPH-20BB7);"
    ' "𠮷田 花子" prints with empty boxes\n'
)


@pytest.mark.parametrize("command", [("callsheet", "1"), ("contacts",)])
def test_a_letter_no_font_has_is_a_warning_naming_the_person_and_the_field(
    minimal: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """𠮷 (a variant of 吉 in Japanese family names) is in no font coord ships: the command says so, naming
    the person and the field, and still writes the PDF."""
    edit(minimal / "crew.yaml", "  name: Tom Reuter\n", "  name: 𠮷田 花子\n")
    pdf, said = render(minimal, tmp_path / "out", *command)
    assert said == WARNING
    assert pdf.suffix == ".pdf" and pdf.stat().st_size > 0
    assert ord("𠮷") not in drawn_code_points(pdf), "the warning tells the truth: 𠮷 is not drawn"
    _, again = render(minimal, tmp_path / "again", *command, formats=("md",))
    assert again == "", "only PDFs are limited to coord's fonts"


def test_the_warning_is_repeated_while_the_pdf_is_unchanged(minimal: Path, tmp_path: Path) -> None:
    edit(minimal / "crew.yaml", "  name: Tom Reuter\n", "  name: 𠮷田 花子\n")
    render(minimal, tmp_path / "out", "contacts")
    result = invoke("contacts", "-C", str(minimal), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert result.stdout == "1 up to date, not rewritten\n"
    assert result.stderr == WARNING
