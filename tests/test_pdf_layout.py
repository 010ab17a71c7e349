"""The PDFs as a coordinator prints them: nobody missing, nothing off the page or over other text.

Text drawn off the page, or on top of other text, still extracts: so besides the text, these tests
read back where every character is drawn (pypdfium2) and check it lies inside its page and over no
other character. Each builds a production from the minimal fixture and renders it with the real
Typst through the CLI.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pypdf
import pytest
import yaml
from conftest import MINIMAL, append, bare, edit, invoke, pdf_text
from pdfpages import assert_all_drawn_on_the_page, assert_all_text_on_the_page, drawn

from coord.kinds import MAX_TEXT
from coord.load import MAX_FILE_BYTES

REPO = Path(__file__).parent.parent
LARGE = 300  # people in one department, cast members in one scene, and so on


def render(folder: Path, out: Path, *command: str, formats: tuple[str, ...] = ("pdf", "md")) -> dict[str, Path]:
    """Run one coord command and return what it wrote, by format."""
    args = [*command, "-C", str(folder), "--out", str(out)]
    for fmt in formats:
        args += ["--format", fmt]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    written = [Path(line.removeprefix("wrote ")) for line in result.output.splitlines() if line.startswith("wrote ")]
    return {path.suffix.lstrip("."): path for path in written}


# ---- 1. every person of a large department is in every PDF ----------------------------------------


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal production with an art department of 300, 300 cast members in one scene, 300 more
    scenes on day 1, and a report of that day with the 300 cast, 300 groups of extras and 300 incidents."""
    folder = tmp_path_factory.mktemp("large") / "production"
    shutil.copytree(MINIMAL, folder)
    append(
        folder / "crew.yaml",
        "".join(
            f'- id: art-{i:03d}\n  name: Dresser Art{i:03d}\n  role: Set Dresser\n  department: art\n  phone: "+49 176 {5000000 + i}"\n'
            for i in range(LARGE)
        ),
    )
    append(
        folder / "cast.yaml",
        "".join(
            f"- id: villager-{i:03d}\n  number: {100 + i}\n  character: Villager {i:03d}\n  actor: Player Cast{i:03d}\n"
            for i in range(LARGE)
        ),
    )
    villagers = [f"villager-{i:03d}" for i in range(LARGE)]
    edit(folder / "scenes.yaml", "  cast: [mira, finn]\n", f"  cast: [mira, finn, {', '.join(villagers)}]\n")
    append(
        folder / "scenes.yaml",
        "".join(
            f"- number: {1000 + i}\n  set: QUAY SCENE {i:03d}\n  int_ext: EXT\n  time_of_day: day\n  pages: 1/8\n  location: harbour\n"
            for i in range(LARGE)
        ),
    )
    edit(folder / "schedule.yaml", "  scenes: [1]\n", f"  scenes: [1, {', '.join(str(1000 + i) for i in range(LARGE))}]\n")
    calls = "".join(f'    - cast: {v}\n      on_set: "09:00"\n' for v in villagers)
    edit(
        folder / "schedule.yaml", '      on_set: "09:00"\n- date: 2027-03-02', f'      on_set: "09:00"\n{calls}- date: 2027-03-02'
    )
    (folder / "reports").mkdir()
    (folder / "reports" / "day-01.yaml").write_text(
        'day: 1\ncrew_call: "07:30"\ncamera_wrap: "18:45"\n'
        'scenes:\n  - scene: "1"\n    result: complete\n    pages: "1 3/8"\n'
        + "cast:\n"
        + "".join(f'  - cast: {v}\n    on_set: "09:00"\n    wrap: "18:00"\n' for v in villagers)
        + "extras:\n"
        + "".join(
            f'  - description: Extras group {i:03d}\n    count: 3\n    call: "07:15"\n    wrap: "18:50"\n' for i in range(LARGE)
        )
        + "incidents:\n"
        + "".join(f'  - "Incident number {i:03d} at the quay."\n' for i in range(LARGE)),
        encoding="utf-8",
    )
    result = invoke("validate", str(folder))
    assert result.exit_code == 0, result.output
    return folder


CREW = [f"Dresser Art{i:03d}" for i in range(LARGE)]
CAST = [f"Player Cast{i:03d}" for i in range(LARGE)]
SCENES = [f"QUAY SCENE {i:03d}" for i in range(LARGE)]
EXTRAS = [f"Extras group {i:03d}" for i in range(LARGE)]
INCIDENTS = [f"Incident number {i:03d}" for i in range(LARGE)]
LISTED = re.compile(r"Dresser Art\d{3}|Player Cast\d{3}|QUAY SCENE \d{3}|Extras group \d{3}|Incident number \d{3}")


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (("callsheet", "1"), CREW + CAST + SCENES),
        (("contacts",), CREW + CAST),
        (("contacts", "--office"), CREW + CAST),
        (("report", "1"), CAST + SCENES + EXTRAS + INCIDENTS),
        (("dood",), CAST),
        (("schedule",), SCENES),
    ],
    ids=["callsheet", "contacts", "contacts-office", "report", "dood", "schedule"],
)
def test_everyone_in_the_markdown_is_drawn_on_a_page_of_the_pdf(
    large: Path, tmp_path: Path, command: tuple[str, ...], expected: list[str]
) -> None:
    """A department of 300 (and a cast, a day's scenes, a report as large) runs on over columns and pages:
    each name the Markdown lists is drawn inside a page of the PDF, none over another."""
    files = render(large, tmp_path / "out", *command)
    markdown = set(LISTED.findall(files["md"].read_text(encoding="utf-8").replace("\\", "")))
    assert markdown == set(expected)
    assert_all_drawn_on_the_page(files["pdf"], markdown)
    assert_all_text_on_the_page(files["pdf"])


def test_a_department_running_on_repeats_its_header_in_each_column(large: Path, tmp_path: Path) -> None:
    files = render(large, tmp_path / "out", "callsheet", "1", formats=("pdf",))
    people = drawn(files["pdf"], CREW)
    columns = {(place.page, place.box[0] > place.page_size[0] / 2) for where in people.values() for place in where}
    assert len(columns) >= 4, "300 people take more than a page of two columns"
    headers = {(place.page, place.box[0] > place.page_size[0] / 2) for place in drawn(files["pdf"], ["ART"])["ART"]}
    assert columns <= headers, f"the art department runs on without its header in {sorted(columns - headers)}"


RUNNERS = 72  # with the coordinator, production then leaves less room in column one than camera takes


def test_a_department_that_fits_in_a_column_is_not_split(minimal: Path, tmp_path: Path) -> None:
    """Production fills most of the first column; camera (12 people) does not fit below it, so it starts
    the second column whole instead of breaking."""
    append(
        minimal / "crew.yaml",
        "".join(
            f"- id: office-{i:02d}\n  name: Office Runner{i:02d}\n  role: Office Runner\n  department: production\n"
            for i in range(RUNNERS)
        )
        + "".join(
            f"- id: camera-{i:02d}\n  name: Camera Assistant{i:02d}\n  role: Camera Assistant\n  department: camera\n"
            for i in range(12)
        ),
    )
    files = render(minimal, tmp_path / "out", "callsheet", "1", formats=("pdf",))
    runners = [
        place for where in drawn(files["pdf"], [f"Office Runner{i:02d}" for i in range(RUNNERS)]).values() for place in where
    ]
    camera = [place for where in drawn(files["pdf"], [f"Camera Assistant{i:02d}" for i in range(12)]).values() for place in where]
    assert len(camera) == 12 and len(runners) == RUNNERS
    assert {(p.page, p.box[0] < p.page_size[0] / 2) for p in runners} == {(2, True)}, "the set-up: production fills column one"
    assert {(p.page, p.box[0] < p.page_size[0] / 2) for p in camera} == {(2, False)}, "camera is kept together in column two"


# ---- 6. a very long word wraps in every PDF -------------------------------------------------------------

#: A letter no other text of the fixture has, so that counting it shows a long word drawn whole.
FILLER = "þ"
LONG = 2_000


#: Where a long word starts: a pasted link, or an e-mail address made of the filler.
HEAD = re.compile(rf"https://example\.org/[a-z-]+/|{FILLER}@example\.org")


def long_word(tag: str) -> str:
    return f"https://example.org/{tag}/{FILLER * LONG}"


@pytest.fixture(scope="module")
def long_values(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal production with a pasted 2,000-character word in a field of every kind of place the
    PDFs print one: table cells, grid cells (the call sheet's top band), boxed notes, the title block."""
    folder = tmp_path_factory.mktemp("long") / "production"
    shutil.copytree(MINIMAL, folder)
    edit(folder / "production.yaml", "  address: Hafenstraße 1, 20457 Hamburg\n", f'  address: "{long_word("office")}"\n')
    edit(folder / "crew.yaml", "  role: Production Coordinator\n", f'  role: "{long_word("role")}"\n')
    edit(folder / "crew.yaml", "  email: pia@testfilms.example\n", f'  email: "{FILLER * LONG}@example.org"\n')
    edit(folder / "locations.yaml", "  name: Old Harbour\n", f'  name: "Old Harbour {long_word("location")}"\n')
    edit(
        folder / "locations.yaml",
        "  address: Kehrwieder 2, 20457 Hamburg\n",
        f'  address: "{long_word("address")}"\n  notes: "{long_word("notes")}"\n',
    )
    edit(folder / "scenes.yaml", "  time_of_day: day\n", f'  time_of_day: day\n  synopsis: "{long_word("synopsis")}"\n')
    edit(folder / "cast.yaml", "  character: Mira\n", f'  character: "{long_word("character")}"\n')
    edit(
        folder / "schedule.yaml",
        "  wrap: 18:45\n",
        f'  wrap: 18:45\n  description: "{long_word("description")}"\n'
        f'  notes:\n    camera: "{long_word("daynote")}"\n  safety:\n    - "{long_word("safety")}"\n'
        f'  weather:\n    forecast: "{long_word("weather")}"\n',
    )
    (folder / "reports").mkdir()
    (folder / "reports" / "day-01.yaml").write_text(
        'day: 1\ncrew_call: "07:30"\ncamera_wrap: "18:45"\n'
        f'scenes:\n  - scene: "1"\n    result: complete\n    pages: "1 3/8"\n    notes: "{long_word("scene-notes")}"\n'
        f'incidents:\n  - "{long_word("incident")}"\nnotes: "{long_word("report-notes")}"\n',
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize(
    "command",
    [
        ("callsheet", "1"),
        ("callsheet", "1", "--for", "mira"),
        ("contacts",),
        ("contacts", "--office"),
        ("report", "1"),
        ("schedule",),
        ("dood",),
    ],
    ids=["callsheet", "personal", "contacts", "contacts-office", "report", "schedule", "dood"],
)
def test_a_very_long_word_wraps_inside_the_page(long_values: Path, tmp_path: Path, command: tuple[str, ...]) -> None:
    """Every long word the Markdown has is drawn whole in the PDF, each of its letters inside the page
    and over no other text: it wraps in its cell or box instead of running off the page or over its neighbours."""
    files = render(long_values, tmp_path / "out", *command)
    markdown = files["md"].read_text(encoding="utf-8").replace("\\", "")
    printed = bare(pdf_text(files["pdf"]))
    wanted = HEAD.findall(markdown)
    assert wanted, "the set-up: the document prints long words"
    for head in set(wanted):
        assert printed.count(head) >= wanted.count(head), f"{head} is missing from the PDF"
    chars = assert_all_text_on_the_page(files["pdf"])
    heads = len(HEAD.findall(printed))
    assert sum(c.char == FILLER for c in chars) == LONG * heads, "each long word is drawn with all its letters"


def test_the_format_reference_states_the_size_limits() -> None:
    text = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    assert f"{MAX_TEXT:,} characters" in text
    assert f"{MAX_FILE_BYTES // 1024 // 1024} MB" in text


# ---- 14. a personal copy takes the pages the general call sheet takes ---------------------------------


def _cover(days: list[dict[str, Any]]) -> dict[str, list[int]]:
    """Cast members whose personal copies together cover every shoot day: per day, the one called first."""
    cover: dict[str, list[int]] = {}
    for day in days:
        cover.setdefault(day["cast_calls"][0]["cast"], []).append(day["day"])
    return cover


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_example_day_has_its_front_on_page_one_general_and_personal(example_copy: Path, tmp_path: Path, paper: str) -> None:
    """Each of the example's 15 shoot days, general and personal (a cast member called that day, whose
    copy has the strip on top), is two pages: all but the crew on page one, the crew on the back."""
    edit(example_copy / "production.yaml", "paper: a4\n", f"paper: {paper}\n")
    days = [d for d in yaml.safe_load((example_copy / "schedule.yaml").read_text(encoding="utf-8")) if "day" in d]
    assert len(days) == 15
    general = tmp_path / "general"
    render(example_copy, general, "callsheet", "--all", formats=("pdf",))
    personal = tmp_path / "personal"
    for cast, numbers in _cover(days).items():
        render(example_copy, personal, "callsheet", *map(str, numbers), "--for", cast, formats=("pdf",))
    for day in days:
        sheet = next(general.glob(f"*-day-{day['day']:02d}.pdf"))
        copy = next(personal.glob(f"*-day-{day['day']:02d}-*.pdf"))
        for path in (sheet, copy):
            pages = pypdf.PdfReader(path).pages
            assert len(pages) == 2, f"{path.name} on {paper}: {len(pages)} pages"
            assert pages[1].extract_text().startswith("CREW"), f"{path.name} on {paper}: page 2 is not the crew list"
        assert "YOUR CALL" in pypdf.PdfReader(copy).pages[0].extract_text().upper()
