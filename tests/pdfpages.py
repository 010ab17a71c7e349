"""Where a PDF draws its text and what its pages look like, read back with pypdfium2 (the PDF engine of Chrome).

Text drawn off the page or on top of other text still extracts, so layout tests look at positions:
each occurrence of a word as the box it is drawn in, in PDF points, origin at the bottom left.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pypdfium2 as pdfium

Box = tuple[float, float, float, float]  # left, bottom, right, top


@dataclass(frozen=True)
class Drawn:
    """One occurrence of a text on a page: the page (1-based), the box it is drawn in, the page's size."""

    text: str
    page: int
    box: Box
    page_size: tuple[float, float]

    def on_page(self) -> bool:
        left, bottom, right, top = self.box
        width, height = self.page_size
        return left >= 0 and right <= width and bottom >= 0 and top <= height


def drawn(path: Path, texts: Iterable[str], ignore_case: bool = False) -> dict[str, list[Drawn]]:
    """Every place each of `texts` is drawn in the PDF (an empty list for one that is drawn nowhere).

    `ignore_case` finds a text in a heading that prints it in capitals, too."""
    wanted = list(dict.fromkeys(" ".join(t.split()) for t in texts))
    found: dict[str, list[Drawn]] = {t: [] for t in wanted}
    key = str.casefold if ignore_case else str
    named = {key(t): t for t in wanted}
    # A cell wraps at a space: the words of a text may stand on two lines.
    pattern = re.compile(
        "|".join(r"\s+".join(map(re.escape, t.split())) for t in sorted(wanted, key=len, reverse=True)),
        re.IGNORECASE if ignore_case else 0,
    )
    document = pdfium.PdfDocument(path)
    try:
        for number, page in enumerate(document, start=1):
            size = page.get_size()
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            for match in pattern.finditer(text):
                words = named[key(" ".join(match.group().split()))]
                found[words].append(Drawn(words, number, _span_box(textpage, match.start(), match.end()), size))
    finally:
        document.close()
    return found


def _span_box(textpage: pdfium.PdfTextPage, start: int, end: int) -> Box:
    text = textpage.get_text_range(start, end - start)
    boxes = [textpage.get_charbox(start + i) for i, char in enumerate(text) if not char.isspace()]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def overlaps(a: Box, b: Box) -> bool:
    """Two boxes share area (touching edges do not count)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def drawn_on_top_of_each_other(places: Iterable[Drawn]) -> Iterator[tuple[Drawn, Drawn]]:
    """Pairs of texts drawn over one another on the same page."""
    by_page: dict[int, list[Drawn]] = {}
    for place in places:
        by_page.setdefault(place.page, []).append(place)
    for on_page in by_page.values():
        on_page.sort(key=lambda d: -d.box[3])  # top down, then only neighbours in height need a look
        for i, first in enumerate(on_page):
            for second in on_page[i + 1 :]:
                if second.box[3] <= first.box[1]:
                    break
                if overlaps(first.box, second.box):
                    yield first, second


def assert_all_drawn_on_the_page(path: Path, texts: Iterable[str], ignore_case: bool = False) -> None:
    """Each text is drawn somewhere, every time inside the page, and never over another of them."""
    places = drawn(path, texts, ignore_case)
    missing = [t for t, where in places.items() if not where]
    assert not missing, f"{path.name}: {len(missing)} not drawn at all, e.g. {missing[:3]}"
    every = [place for where in places.values() for place in where]
    off = [place for place in every if not place.on_page()]
    assert not off, f"{path.name}: {len(off)} drawn off the page, e.g. {off[:2]}"
    clash = next(drawn_on_top_of_each_other(every), None)
    assert clash is None, f"{path.name}: drawn on top of each other: {clash}"


def page_count(path: Path) -> int:
    return len(pypdf.PdfReader(path).pages)


@dataclass(frozen=True)
class Char:
    char: str
    page: int
    box: Box
    page_size: tuple[float, float]


def drawn_chars(path: Path) -> list[Char]:
    """Every character the PDF draws, in the order it draws them, without the spaces and line ends."""
    chars = []
    document = pdfium.PdfDocument(path)
    try:
        for number, page in enumerate(document, start=1):
            size = page.get_size()
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            for index, char in enumerate(text):
                if not char.isspace():
                    chars.append(Char(char, number, textpage.get_charbox(index), size))
    finally:
        document.close()
    return chars


def overlapping_chars(chars: list[Char]) -> Iterator[tuple[Char, Char]]:
    """Pairs of characters drawn over one another."""
    buckets: dict[tuple[int, int, int], list[int]] = {}
    for index, char in enumerate(chars):
        for key in _keys(char):
            for other in buckets.get(key, ()):
                ligature = other == index - 1 and chars[other].box == char.box  # "ff" is one glyph, two letters
                if not ligature and overlaps(_shrunk(char.box), _shrunk(chars[other].box)):
                    yield chars[other], char
            buckets.setdefault(key, []).append(index)


def assert_all_text_on_the_page(path: Path) -> list[Char]:
    """Every character is drawn inside its page and over no other; returns them, for a test to look further."""
    chars = drawn_chars(path)
    outside = [c for c in chars if not _inside(c)]
    assert not outside, f"{path.name}: {len(outside)} characters drawn off the page, e.g. {outside[:2]}"
    clash = next(overlapping_chars(chars), None)
    assert clash is None, f"{path.name}: characters drawn over one another: {clash}"
    return chars


def _inside(char: Char) -> bool:
    left, bottom, right, top = char.box
    return left >= 0 and right <= char.page_size[0] and bottom >= 0 and top <= char.page_size[1]


def _shrunk(box: Box, by: float = 0.6) -> Box:
    """A glyph's box less a little on each side: kerning draws "LY" or "AT" a little into each other."""
    return (box[0] + by, box[1] + by, box[2] - by, box[3] - by)


BUCKET = 5.0  # points: about a letter


def _keys(char: Char) -> Iterator[tuple[int, int, int]]:
    left, bottom, right, top = char.box
    for x in range(int(left // BUCKET), int(right // BUCKET) + 1):
        for y in range(int(bottom // BUCKET), int(top // BUCKET) + 1):
            yield char.page, x, y


def drawn_code_points(path: Path) -> set[int]:
    """The characters the PDF's embedded fonts draw with a glyph of their own, read from each font's
    ToUnicode map. A character no font has is drawn as glyph 0, the empty box, and is not among them."""
    found: set[int] = set()
    for page in pypdf.PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            to_unicode = font.get_object().get("/ToUnicode")
            if to_unicode is not None:
                found |= _mapped(to_unicode.get_object().get_data().decode("latin-1"))
    return found


def _mapped(cmap: str) -> set[int]:
    """The targets of a ToUnicode CMap's bfchar and bfrange entries, less those of glyph 0."""
    found: set[int] = set()
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for source, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            if int(source, 16):
                found.update(map(ord, bytes.fromhex(target).decode("utf-16-be")))
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = ord(bytes.fromhex(target).decode("utf-16-be")[0])
            found.update(first + i for i in range(int(high, 16) - int(low, 16) + 1) if int(low, 16) + i)
    return found


def glyph_pictures(path: Path, text: str, scale: float = 8.0, grid: int = 8) -> list[tuple[float, ...]]:
    """How each character of `text` (but spaces) looks where the PDF draws it first: the ink (0 white ..
    1 black) in each of grid x grid squares of its box, from a page image rendered by pdfium."""
    document = pdfium.PdfDocument(path)
    try:
        for page in document:
            textpage = page.get_textpage()
            start = textpage.get_text_range().find(text)
            if start < 0:
                continue
            bitmap = page.render(scale=scale, grayscale=True)
            pixels, stride = bytes(bitmap.buffer), bitmap.stride
            height = page.get_size()[1]
            pictures = []
            for index in (start + i for i, char in enumerate(text) if not char.isspace()):
                left, bottom, right, top = textpage.get_charbox(index)
                x0, x1 = int(left * scale), max(int(left * scale) + grid, int(right * scale))
                y0, y1 = int((height - top) * scale), max(int((height - top) * scale) + grid, int((height - bottom) * scale))
                cells = []
                for gy in range(grid):
                    for gx in range(grid):
                        xs = range(x0 + (x1 - x0) * gx // grid, x0 + (x1 - x0) * (gx + 1) // grid)
                        ys = range(y0 + (y1 - y0) * gy // grid, y0 + (y1 - y0) * (gy + 1) // grid)
                        values = [255 - pixels[y * stride + x] for y in ys for x in xs]
                        cells.append(sum(values) / (255 * max(len(values), 1)))
                pictures.append(tuple(cells))
            return pictures
    finally:
        document.close()
    raise AssertionError(f"{path.name}: {text} is not drawn")
