"""The HTML documents printed from a real browser: what comes out of the printer must read as well as the PDF.

A browser prints with background graphics off unless the user ticks a box, and then
greys white text that stood on a dark bar. So each document is printed as the print
dialog would (Chromium, no backgrounds) and looked at as pixels: every text that is
white on a dark bar on screen (table headers, the crew call, the office-copy banner,
the stripboard's day ends) must come out dark on white paper. Chromium's own
`--print-to-pdf` (which prints backgrounds) gives the paper size and a second look.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypdf
import pytest
from browser import SCALE, Browser, Element, Hit, PrintedPdf, chromium, elements, print_to_pdf
from conftest import EXAMPLE, edit, invoke

#: Darker than this is ink; Chromium's greyed white text is about 170.
DARK = 110
#: Lighter than this is paper (zebra stripes and tinted rows included).
LIGHT = 200
#: The documents printed with the print dialog's defaults.
PRINTED = ["callsheet", "personal", "contacts", "contacts-office", "report-1", "report-2", "schedule", "dood"]
#: PDF page sizes in points, portrait, as Chromium writes them (whole CSS pixels).
PAPER = {"a4": (595, 842), "letter": (612, 792)}


@pytest.fixture(scope="module")
def printed(documents: dict[str, Path], browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> dict[str, PrintedPdf]:
    """Each document as its reader prints it: the print dialog's defaults, so no background colours."""
    folder = tmp_path_factory.mktemp("printed")
    pdfs = {}
    for name in PRINTED:
        browser.open(documents[name], 1200, 900)
        pdf = folder / f"{name}.pdf"
        pdf.write_bytes(browser.print_pdf(backgrounds=False))
        pdfs[name] = PrintedPdf(pdf)
    return pdfs


def bare(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def on_dark_bars(page: Path) -> set[str]:
    """The words that are white on a dark bar on screen: table headers, the crew call, the office-copy banner, day ends."""
    texts = [
        e.text
        for e in elements(page)
        if e.tag == "th" or e.classes & {"crewcall", "office-copy"} or (e.tag == "tr" and "end" in e.classes)
    ]
    return {word for text in texts for word in re.findall(r"\w[\w:]+", text)}


def unreadable(pdf: PrintedPdf, words: set[str]) -> list[str]:
    """Each printed place of those words that is not dark ink on light paper, and each word not printed at all."""
    problems = []
    for word in sorted(words):
        hits = list(pdf.find(word, whole_word=True, match_case=False))
        if not hits:
            problems.append(f"{word!r} is not printed")
        for hit in hits:
            ink, paper = pdf.ink_and_paper(hit)
            if ink > DARK or paper < LIGHT:
                problems.append(f"{word!r} on page {hit.page + 1}: ink {ink}, paper {paper}")
    return problems


@pytest.mark.parametrize("name", PRINTED)
def test_text_on_dark_bars_prints_dark_on_white_without_backgrounds(
    name: str, documents: dict[str, Path], printed: dict[str, PrintedPdf]
) -> None:
    words = on_dark_bars(documents[name])
    assert len(words) >= 5, words
    problems = unreadable(printed[name], words)
    assert not problems, f"{name}: {len(problems)} pieces of text do not print dark on white:\n" + "\n".join(problems[:20])


def crew_call(page: Path) -> str:
    (box,) = [e for e in elements(page) if "crewcall" in e.classes]
    (time,) = re.findall(r"\d\d:\d\d", box.text)
    return time


def largest(pdf: PrintedPdf, text: str) -> Hit:
    """Where the text is printed in its biggest type."""
    return max(pdf.find(text, whole_word=True), key=lambda hit: hit.box.top - hit.box.bottom)


def test_crew_call_of_the_busiest_day_prints_big_and_dark_without_backgrounds(
    documents: dict[str, Path], printed: dict[str, PrintedPdf]
) -> None:
    pdf = printed["callsheet"]
    hit = largest(pdf, crew_call(documents["callsheet"]))
    assert hit.page == 0 and hit.box.top - hit.box.bottom > 15, "the crew call is the largest type on the front page"
    ink, paper = pdf.ink_and_paper(hit)
    assert ink <= DARK and paper >= LIGHT, f"crew call: ink {ink}, paper {paper}"


def paper_size(pdf: Path) -> tuple[int, int]:
    box = pypdf.PdfReader(pdf).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def on_paper(size: tuple[int, int], paper: str, landscape: bool = False) -> bool:
    width, height = PAPER[paper]
    expected = (height, width) if landscape else (width, height)
    return abs(size[0] - expected[0]) <= 1 and abs(size[1] - expected[1]) <= 1


def test_busiest_call_sheet_printed_by_chromium_itself_reads_dark_on_white(documents: dict[str, Path], tmp_path: Path) -> None:
    """`chromium --print-to-pdf` prints backgrounds: the dark bars must not come back there either."""
    pdf_path = tmp_path / "callsheet.pdf"
    print_to_pdf(chromium(), documents["callsheet"], pdf_path)
    assert on_paper(paper_size(pdf_path), "a4")
    pdf = PrintedPdf(pdf_path)
    ink, paper = pdf.ink_and_paper(largest(pdf, crew_call(documents["callsheet"])))
    assert ink <= DARK and paper >= LIGHT, f"crew call: ink {ink}, paper {paper}"
    problems = unreadable(pdf, on_dark_bars(documents["callsheet"]))
    assert not problems, "\n".join(problems[:20])


def headings(page: Path) -> set[str]:
    """What a heading looks like when printed: section headings (upper case, as the CSS sets) and table header rows."""
    found = set()
    for e in elements(page):
        if e.tag == "h2":
            found.add(bare(e.text.upper()))
        elif e.tag == "tr" and "thead" in e.parents:
            found.add(bare(e.text))
    return found - {""}


@pytest.mark.parametrize("name", PRINTED)
def test_no_heading_is_left_alone_at_the_bottom_of_a_page(
    name: str, documents: dict[str, Path], printed: dict[str, PrintedPdf]
) -> None:
    pdf, wanted = printed[name], headings(documents[name])
    assert wanted
    alone = []
    for page in range(len(pdf) - 1):
        lines = pdf.lines(page)
        assert lines, f"page {page + 1} of {name} is empty"
        last, last_two = bare(lines[-1].text), bare(" ".join(line.text for line in lines[-2:]))
        if last in wanted or last_two in wanted:
            alone.append(f"page {page + 1} ends with the heading {lines[-1].text!r}")
    assert not alone, f"{name}: " + "; ".join(alone)


def strip_marking(pdf: PrintedPdf, page: int, y: float, start: float, end: float) -> tuple[int, tuple[int, int, int]]:
    """The mark at the left edge of a strip or a key swatch: its number of bars and its colour (in steps of 32).

    Looks along the line at height y from x=start to x=end (points) for the first
    thing that is not paper, then along the next 5 points: the mark is as wide.
    """
    x = start
    while x < end and min(pdf.rgb(page, x, y)) >= 235:
        x += 1 / SCALE
    assert x < end, f"no mark on page {page + 1} at y={y:.0f} between x={start:.0f} and {end:.0f}"
    colours = [pdf.rgb(page, x + i / SCALE, y) for i in range(int(5 * SCALE))]
    inked = [min(c) < 235 for c in colours]
    bars = sum(1 for i, on in enumerate(inked) if on and (i == 0 or not inked[i - 1]))
    solid = sorted((c for c in colours if min(c) < 235), key=sum)
    core = solid[len(solid) // 2]
    return bars, (core[0] // 32, core[1] // 32, core[2] // 32)


def test_stripboard_strips_keep_a_marking_of_their_colour_without_backgrounds(
    documents: dict[str, Path], printed: dict[str, PrintedPdf]
) -> None:
    pdf, kinds = printed["schedule"], ("int-day", "ext-day", "int-night", "ext-night")
    strips = [e for e in elements(documents["schedule"]) if e.tag == "tr" and e.classes & set(kinds)]
    assert len(strips) >= 40
    (heading,) = [line for page in range(len(pdf)) for line in pdf.lines(page) if bare(line.text) == "stripboard"]
    after = [line for line in pdf.lines(heading.page) if line.box.top < heading.box.bottom]
    after += [line for page in range(heading.page + 1, len(pdf)) for line in pdf.lines(page)]
    # First the key ("Strip colours: ▌INT day ▌EXT day ..."), then a line "day scene INT|EXT ..." per strip, in order.
    key, strip_lines = after[0], [line for line in after[1:] if re.search(r"\b(INT|EXT)\b", line.text)]
    assert "intday" in bare(key.text), key.text
    assert len(strip_lines) == len(strips)
    marks: dict[str, set[tuple[int, tuple[int, int, int]]]] = {kind: set() for kind in kinds}
    for strip, line in zip(strips, strip_lines, strict=True):
        assert bare(line.text)[:6] == bare(strip.text)[:6], (line.text, strip.text)
        kind = next(k for k in kinds if k in strip.classes)
        marks[kind].add(strip_marking(pdf, line.page, (line.box.top + line.box.bottom) / 2, 5, line.box.left))
    for kind, found in marks.items():
        assert len(found) == 1, f"the {kind} strips are not all marked alike: {found}"
    assert len({min(found) for found in marks.values()}) == len(kinds), f"two kinds of strip are marked alike: {marks}"
    for kind, label in zip(kinds, ("INT day", "EXT day", "INT night", "EXT night"), strict=True):
        (hit,) = [h for h in pdf.find(label, whole_word=False) if h.page == key.page and abs(h.box.top - key.box.top) < 3]
        swatch = strip_marking(pdf, hit.page, (hit.box.top + hit.box.bottom) / 2 - 1, hit.box.left - 16, hit.box.left)
        assert swatch in marks[kind], f"the key shows {kind} as {swatch}, the strips as {marks[kind]}"


@pytest.mark.parametrize("name", PRINTED)
def test_every_page_is_on_the_productions_paper(name: str, printed: dict[str, PrintedPdf]) -> None:
    pdf = printed[name]  # the example production prints on A4; the day-out-of-days on its side
    sizes = {(round(width), round(height)) for width, height in map(pdf.size, range(len(pdf)))}
    assert all(on_paper(size, "a4", landscape=name == "dood") for size in sizes), sizes


def test_a_production_on_letter_paper_prints_on_letter(tmp_path: Path, browser: Browser) -> None:
    folder = tmp_path / "production"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("out"))
    edit(folder / "production.yaml", "paper: a4", "paper: letter")
    for command in (["callsheet", "1"], ["dood"]):
        assert invoke(*command, "--format", "html", "-C", str(folder), "--out", str(tmp_path)).exit_code == 0
    callsheet = tmp_path / "callsheet.pdf"
    print_to_pdf(chromium(), next(tmp_path.glob("*-day-01.html")), callsheet)
    assert on_paper(paper_size(callsheet), "letter")
    assert "Harbour Lights" in pypdf.PdfReader(callsheet).pages[0].extract_text()
    browser.open(tmp_path / "dood.html", 1200, 900)
    (tmp_path / "dood.pdf").write_bytes(browser.print_pdf())
    assert on_paper(paper_size(tmp_path / "dood.pdf"), "letter", landscape=True)


def test_element_texts_of_a_page(tmp_path: Path) -> None:
    """The HTML reader of these tests: nested text, <br> as a space, void elements."""
    page = tmp_path / "page.html"
    page.write_text('<table><thead><tr><th class="a">One<br>two</th><th>3</th></tr></thead></table><img src="x"><p>after</p>')
    found = {e.tag: e for e in elements(page)}
    assert found["tr"].text.split() == ["One", "two", "3"] and found["tr"].parents == ("table", "thead")
    assert found["th"].classes == set() and isinstance(found["p"], Element) and found["p"].parents == ()
