"""Headless Chromium for the HTML tests: print a page as a person would, look at it at phone width, read the PDF back.

Chromium is Debian's (`apt-get install chromium`; .ci/run installs it). It is driven
over the DevTools protocol through a pipe (`--remote-debugging-pipe`): no port, no
browser download, no extra package. The PDFs are read back with pypdf (text, page
size) and pypdfium2 (text positions and the page as pixels), so that a test checks
what a person holding the paper sees: dark ink on white paper.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

#: Chromium on this machine and in CI: no sandbox as root, no network of its own, and a fresh profile every run.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
TIMEOUT = 60.0
#: The width of a common phone (iPhone 12 to 15) in CSS pixels.
PHONE = (390, 844)
#: Pixels per PDF point when a printed page is looked at (216 dpi).
SCALE = 3.0


def chromium() -> str:
    """Debian's chromium; without it a browser test is skipped here, but fails in CI, which must install it."""
    path = shutil.which("chromium")
    if path is None:
        reason = "chromium is not installed (apt-get install -y chromium); the HTML browser tests need it"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: .ci/run must install it before the tests run")
        pytest.skip(reason)
    return path


def print_to_pdf(executable: str, page: Path, pdf: Path) -> None:
    """Print a page to PDF as Chromium's own command line does (the CSS @page size, no header or footer)."""
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                executable,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--print-to-pdf={pdf}",
                "--no-pdf-header-footer",
                page.resolve().as_uri(),
            ],
            capture_output=True,
            timeout=TIMEOUT * 2,
            check=False,
        )
    assert done.returncode == 0 and pdf.is_file(), f"chromium could not print {page}:\n{done.stderr.decode()[-2000:]}"


def _moved_above_4(fd: int) -> int:
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 5)
    os.close(fd)
    return moved


class Browser:
    """One headless Chromium and one tab, spoken to in DevTools protocol messages (JSON, each ended by NUL) over two pipes."""

    def __init__(self, executable: str) -> None:
        self._profile = tempfile.mkdtemp(prefix="coord-chromium-")
        to_browser, self._in = os.pipe()
        self._out, from_browser = os.pipe()
        # Above 4, so that putting one on 3 in the child cannot overwrite the other.
        to_browser, from_browser = (_moved_above_4(fd) for fd in (to_browser, from_browser))

        def on_fds_3_and_4() -> None:  # where --remote-debugging-pipe reads and writes
            os.dup2(to_browser, 3)
            os.dup2(from_browser, 4)

        self._process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self._profile}", "--remote-debugging-pipe", "about:blank"],
            pass_fds=(3, 4),
            preexec_fn=on_fds_3_and_4,  # the tests start no threads
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self._session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.send("Page.enable")

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._out], [], [], left)[0]:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self._out, 1 << 16)
            if not chunk:
                raise EOFError("chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        result: dict[str, Any] = json.loads(message)
        return result

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its answer; events that come in between are kept for wait_for()."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._in, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            answer = self._receive(deadline)
            if answer.get("id") != self._next_id:
                self._events.append(answer)
                continue
            if "error" in answer:
                raise RuntimeError(f"{method}: {answer['error']}")
            result: dict[str, Any] = answer["result"]
            return result

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """A command to the tab."""
        return self.call(method, self._session, **params)

    def wait_for(self, event: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while True:
            while self._events:
                if self._events.pop(0).get("method") == event:
                    return
            self._events.append(self._receive(deadline))

    def open(self, page: Path, width: int, height: int, mobile: bool = False) -> None:
        """Load a page in a viewport of that size; `mobile` as on a phone (the page's viewport meta tag counts)."""
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)
        self._events.clear()
        self.send("Page.navigate", url=page.resolve().as_uri())
        self.wait_for("Page.loadEventFired")
        self.evaluate("document.fonts.ready.then(() => true)")

    def evaluate(self, expression: str) -> Any:
        answer = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in answer:
            raise RuntimeError(f"{expression}: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    def print_pdf(self, backgrounds: bool = False) -> bytes:
        """Print as from the browser's print dialog; its default leaves out background colours and images."""
        answer = self.send("Page.printToPDF", printBackground=backgrounds, preferCSSPageSize=True)
        return base64.b64decode(answer["data"])

    def screenshot(self) -> bytes:
        """The whole page as a PNG, at the viewport's width."""
        return base64.b64decode(self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"])

    def close(self) -> None:
        with contextlib.suppress(EOFError, TimeoutError, RuntimeError, OSError):
            self.call("Browser.close")
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._in)
        os.close(self._out)
        shutil.rmtree(self._profile, ignore_errors=True)


@dataclass(frozen=True)
class Box:
    """A rectangle on a PDF page in points, origin at the bottom left as in PDF."""

    left: float
    bottom: float
    right: float
    top: float

    def grown(self, by: float) -> Box:
        return Box(self.left - by, self.bottom - by, self.right + by, self.top + by)


@dataclass(frozen=True)
class Hit:
    """Where a piece of text was found: page number (from 0) and the box around its glyphs."""

    page: int
    box: Box


@dataclass(frozen=True)
class Line:
    """One line of printed text: its page, the box around it, and its text."""

    page: int
    box: Box
    text: str


class PrintedPdf:
    """A printed PDF for looking at: where a text is, and how dark the ink and the paper around it are."""

    def __init__(self, path: Path) -> None:
        self.document = pdfium.PdfDocument(path)
        self.pages = [self.document[number] for number in range(len(self.document))]  # loading a page is slow: once
        self.textpages = [page.get_textpage() for page in self.pages]
        self._lines: dict[int, list[Line]] = {}
        self._pixels: dict[int, tuple[int, int, bytes]] = {}
        self._greys: dict[int, tuple[int, int, bytes]] = {}

    def __len__(self) -> int:
        return len(self.pages)

    def size(self, page: int) -> tuple[float, float]:
        width, height = self.pages[page].get_size()
        return width, height

    def text(self, page: int) -> str:
        return str(self.textpages[page].get_text_range())

    def find(self, text: str, whole_word: bool = True, match_case: bool = True) -> Iterator[Hit]:
        """Every place the text is printed (as CSS text-transform made it: case matters unless told otherwise)."""
        for number, textpage in enumerate(self.textpages):
            searcher = textpage.search(text, match_case=match_case, match_whole_word=whole_word)
            while (found := searcher.get_next()) is not None:
                first, count = found
                boxes = [textpage.get_charbox(i) for i in range(first, first + count)]
                boxes = [b for b in boxes if b[2] > b[0] and b[3] > b[1]]  # spaces have no box
                if boxes:
                    yield Hit(
                        number,
                        Box(
                            min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)
                        ),
                    )

    def lines(self, page: int) -> list[Line]:
        """The page's text line by line, top down: pieces of text whose boxes share a height are one line."""
        if page in self._lines:
            return self._lines[page]
        textpage = self.textpages[page]
        pieces = []
        for index in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(index)
            pieces.append((Box(left, bottom, right, top), str(textpage.get_text_bounded(left, bottom, right, top))))
        lines: list[list[tuple[Box, str]]] = []
        for box, text in sorted(pieces, key=lambda piece: -piece[0].top):
            middle = (box.top + box.bottom) / 2
            line = next((line for line in lines if line[0][0].bottom <= middle <= line[0][0].top), None)
            if line is None:
                lines.append([(box, text)])
            else:
                line.append((box, text))
        self._lines[page] = [
            Line(
                page,
                Box(
                    min(b.left for b, _ in line),
                    min(b.bottom for b, _ in line),
                    max(b.right for b, _ in line),
                    max(b.top for b, _ in line),
                ),
                " ".join(text for _, text in sorted(line, key=lambda piece: piece[0].left)),
            )
            for line in sorted(lines, key=lambda line: -line[0][0].top)
        ]
        return self._lines[page]

    def _page_pixels(self, page: int) -> tuple[int, int, bytes]:
        if page not in self._pixels:
            bitmap = self.pages[page].render(scale=SCALE, rev_byteorder=True)  # RGB
            assert bitmap.n_channels == 3
            self._pixels[page] = (bitmap.width, bitmap.stride, bytes(bitmap.buffer))
        return self._pixels[page]

    def rgb(self, page: int, x: float, y: float) -> tuple[int, int, int]:
        """The colour at a point of the page (in points, origin at the bottom left)."""
        width, stride, data = self._page_pixels(page)
        height = len(data) // stride
        column = min(max(int(x * SCALE), 0), width - 1)
        row = min(max(int((self.size(page)[1] - y) * SCALE), 0), height - 1)
        offset = row * stride + column * 3
        red, green, blue = data[offset : offset + 3]
        return red, green, blue

    def _grey(self, page: int) -> tuple[int, int, bytes]:
        if page not in self._greys:
            bitmap = self.pages[page].render(scale=SCALE, force_bitmap_format=pdfium_c.FPDFBitmap_Gray)
            assert bitmap.n_channels == 1
            self._greys[page] = (bitmap.width, bitmap.stride, bytes(bitmap.buffer))
        return self._greys[page]

    def _lightness(self, page: int, box: Box, hole: Box | None = None) -> bytes:
        """The lightness (0 black to 255 white) of every pixel in the box, less those in the hole."""
        width, stride, data = self._grey(page)
        rows, height = len(data) // stride, self.size(page)[1]

        def span(b: Box) -> tuple[int, int, int, int]:
            x0, x1 = max(int(b.left * SCALE), 0), min(int(b.right * SCALE) + 1, width)
            y0, y1 = max(int((height - b.top) * SCALE), 0), min(int((height - b.bottom) * SCALE) + 1, rows)
            return x0, x1, y0, y1

        x0, x1, y0, y1 = span(box)
        hx0, hx1, hy0, hy1 = span(hole) if hole else (x0, x0, y0, y0)
        values = bytearray()
        for row in range(y0, y1):
            line = row * stride
            if hy0 <= row < hy1:
                values += data[line + x0 : line + hx0] + data[line + hx1 : line + x1]
            else:
                values += data[line + x0 : line + x1]
        return bytes(values)

    def ink_and_paper(self, hit: Hit) -> tuple[int, int]:
        """How dark the text is (its darkest pixel) and how light the paper right around it is (the median), 0 to 255.

        Dark text on white paper reads about (0, 255); white text on a black bar (0, 0);
        white text whose bar was not printed, which Chromium then greys, about (170, 255).
        """
        ink = min(self._lightness(hit.page, hit.box))
        ring = self._lightness(hit.page, hit.box.grown(3.0), hole=hit.box)
        paper = sorted(ring)[len(ring) // 2]
        return ink, paper


# ---- the documents under test, and what their HTML says they contain ----


def render_documents(folder: Path, out: Path) -> dict[str, Path]:
    """Every HTML document of a production as coord renders it: name → file.

    "callsheet" is the busiest shoot day's call sheet (the most table rows),
    "callsheet-<n>" each day's, "personal" a cast member's copy of the busiest day.
    """
    from conftest import invoke

    def render(*args: str) -> None:
        result = invoke(*args, "--format", "html", "-C", str(folder), "--out", str(out))
        assert result.exit_code == 0, result.output

    render("callsheet", "--all")
    days = sorted(out.glob("*-day-[0-9][0-9].html"))
    documents = {f"callsheet-{int(p.stem[-2:])}": p for p in days}
    busiest = max(days, key=lambda p: p.read_text(encoding="utf-8").count("<tr"))
    documents["callsheet"] = busiest
    render("callsheet", str(int(busiest.stem[-2:])), "--for", "henrik")
    documents["personal"] = next(out.glob("*-henrik.html"))
    render("contacts")
    render("contacts", "--office")
    render("report", "1")
    render("report", "2")
    render("schedule")
    render("dood")
    documents |= {
        "contacts": out / "contacts.html",
        "contacts-office": out / "contacts-office.html",
        "report-1": next(out.glob("*-day-01-report.html")),
        "report-2": next(out.glob("*-day-02-report.html")),
        "schedule": out / "schedule.html",
        "dood": out / "dood.html",
    }
    for path in documents.values():
        assert path.is_file(), path
    return documents


#: The void elements of HTML, which have no end tag.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    """An element of a rendered page, as far as the tests need one: tag, classes, attributes, text."""

    def __init__(self, tag: str, attrs: dict[str, str], parents: tuple[str, ...]) -> None:
        self.tag, self.attrs, self.parents = tag, attrs, parents
        self.classes = set(attrs.get("class", "").split())
        self.text = ""
        self.children: list[Element] = []

    def all(self, tag: str) -> list[Element]:
        """The elements with that tag inside this one, in document order."""
        found = []
        for child in self.children:
            found += [child, *child.all(tag)] if child.tag == tag else child.all(tag)
        return found


def elements(page: Path) -> list[Element]:
    """Every element of a page in document order, each with its text (that of its children included, a space between elements)."""
    from html.parser import HTMLParser

    found: list[Element] = []
    open_elements: list[Element] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            element = Element(tag, {k: v or "" for k, v in attrs}, tuple(e.tag for e in open_elements))
            found.append(element)
            if open_elements:
                open_elements[-1].children.append(element)
            self.handle_data(" ")  # words in two elements are two words (or one, for bare())
            if tag not in _VOID:
                open_elements.append(element)

        def handle_endtag(self, tag: str) -> None:
            self.handle_data(" ")
            while open_elements and open_elements.pop().tag != tag:
                pass

        def handle_data(self, data: str) -> None:
            for element in open_elements:
                element.text += data

    Parser(convert_charrefs=True).feed(page.read_text(encoding="utf-8"))
    return [e for e in found if e.tag not in ("style", "title")]
