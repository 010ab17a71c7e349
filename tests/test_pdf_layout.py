"""The PDFs as a coordinator prints them: nobody missing, nothing off the page or over other text.

Text drawn off the page, or on top of other text, still extracts: so besides the text, these tests
read back where every character is drawn (pypdfium2) and check it lies inside its page and over no
other character. Each builds a production from the minimal fixture and renders it with the real
Typst through the CLI.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
import pytest
import yaml
from conftest import MINIMAL, append, bare, edit, invoke, pdf_text
from pdfpages import assert_all_drawn_on_the_page, assert_all_text_on_the_page, drawn

from coord.documents import registry
from coord.kinds import MAX_TEXT
from coord.load import MAX_FILE_BYTES

REPO = Path(__file__).parent.parent


def render(folder: Path, out: Path, *command: str, formats: tuple[str, ...] = ("pdf", "md")) -> dict[str, Path]:
    """Run one coord command and return what it wrote, by format."""
    args = [*command, "-C", str(folder), "--out", str(out)]
    for fmt in formats:
        args += ["--format", fmt]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    written = [Path(line.removeprefix("wrote ")) for line in result.output.splitlines() if line.startswith("wrote ")]
    return {path.suffix.lstrip("."): path for path in written}


# ---- the PDFs these tests make, for every registered PDF document ---------------------------------------


@dataclass(frozen=True)
class Large:
    """A PDF of the large production: its command, what its Markdown lists (each must be drawn on a page), and
    the words of the table header that each page listing them repeats (empty: a list without a header)."""

    id: str
    command: tuple[str, ...]
    listed: list[str]
    header: tuple[str, ...] = ()


@dataclass(frozen=True)
class Long:
    """A PDF of the production of long values: its command and the long fields it prints (their tags)."""

    id: str
    command: tuple[str, ...]
    fields: str


def pdf_documents() -> list[str]:
    """Every registered document that is printed as a PDF."""
    return sorted(name for name, document in registry().items() if "pdf" in document.formats)


def each_document(cases: dict[str, list[Any]]) -> list[Any]:
    """One test per case of every registered PDF document; a document without cases is a test that fails."""
    return [
        pytest.param(name, case, id=case.id if case else f"{name}-no-case")
        for name in pdf_documents()
        for case in cases.get(name) or [None]
    ]


# ---- 1. everyone in a large production is in every PDF ---------------------------------------------------

LARGE_COUNT = 300  # people in one department, cast members in one scene, guests in a hotel, items in an order, ...
RUNS = 60  # single runs in the movement order, besides one run of a hundred stops
STOPS = 100
INTERNS = 60  # and one more, taller than a page

CREW = [f"Dresser Art{i:03d}" for i in range(LARGE_COUNT)]
CAST = [f"Player Cast{i:03d}" for i in range(LARGE_COUNT)]
SCENES = [f"QUAY SCENE {i:03d}" for i in range(LARGE_COUNT)]
EXTRAS = [f"Extras group {i:03d}" for i in range(LARGE_COUNT)]
INCIDENTS = [f"Incident number {i:03d}" for i in range(LARGE_COUNT)]
WALKERS = [f"Walker Extra{i:03d}" for i in range(LARGE_COUNT)]
TRAINEES = [f"Trainee Intern{i:02d}" for i in range(INTERNS + 1)]
TUTOR_ROLE = " ".join(["Head of the training programme"] * 140)
SCHOOL = " ".join(["Hamburg School of Film and Media, production management"] * 85)
GOALS = [f"Learning goal {i:03d}" for i in range(LARGE_COUNT)]
ITEMS = [f"Lamp Item{i:03d}" for i in range(LARGE_COUNT)]
ORDERS = [f"hire-{i:03d}" for i in range(LARGE_COUNT)]
LISTED = re.compile(
    r"Dresser Art\d{3}|Player Cast\d{3}|QUAY SCENE \d{3}|Extras group \d{3}|Incident number \d{3}|Walker Extra\d{3}"
    r"|Trainee Intern\d{2}|Learning goal \d{3}|Lamp Item\d{3}|hire-\d{3}"
)

#: Every registered PDF document's PDFs of the large production; a document registered later needs its own.
LARGE: dict[str, list[Large]] = {
    "callsheet": [Large("callsheet", ("callsheet", "1"), CREW + CAST + SCENES + EXTRAS)],
    "contacts": [
        Large("contacts", ("contacts",), CREW + CAST + TRAINEES),
        Large("contacts-office", ("contacts", "--office"), CREW + CAST + TRAINEES),
    ],
    "report": [Large("report", ("report", "1"), CAST + SCENES + EXTRAS + INCIDENTS)],
    "dood": [Large("dood", ("dood",), CAST)],
    "schedule": [Large("schedule", ("schedule",), SCENES)],
    "movement": [
        Large("movement", ("movement", "1"), CAST[: RUNS + STOPS], ("Character",)),
        Large("drivers-sheet", ("movement", "1", "--for", "lea"), CAST[RUNS : RUNS + STOPS], ("Character",)),
    ],
    "rooming": [Large("rooming", ("rooming",), CREW, ("Guest", "Per person"))],
    "orders": [Large("orders", ("orders", "--today", "2027-02-20"), ORDERS, ("Vendor",))],
    "po": [Large("po", ("po", "lamps"), ITEMS, ("Qty",))],
    "availability": [
        Large("availability", ("availability",), CREW, ("Name / Position",)),
        Large("availability-day", ("availability", "1"), CREW, ("Booked with us",)),
    ],
    "extras": [Large("extras", ("extras", "1"), WALKERS + EXTRAS, ("Group",))],
    "interns": [Large("interns", ("interns",), TRAINEES)],
    "agreement": [Large("agreement", ("agreement", "internship-00"), TRAINEES[:1] + GOALS)],
    "hours": [Large("hours", ("hours",), CREW + CAST, ("Planned",))],
}


def _crowd(folder: Path) -> None:
    """An art department of 300 and 60 interns; 300 cast members in one scene of day 1, 300 more scenes that day,
    300 groups of extras called, each with an extra booked; the day's report with the cast, the extras and 300
    incidents."""
    append(
        folder / "crew.yaml",
        "".join(
            f'- id: art-{i:03d}\n  name: {name}\n  role: Set Dresser\n  department: art\n  phone: "+49 176 {5000000 + i}"\n'
            for i, name in enumerate(CREW)
        )
        + "".join(
            f"- id: intern-{i:02d}\n  name: {name}\n  role: Office Intern\n  department: production\n  intern: yes\n  days: []\n"
            for i, name in enumerate(TRAINEES)
        ),
    )
    append(
        folder / "cast.yaml",
        "".join(
            f"- id: villager-{i:03d}\n  number: {100 + i}\n  character: Villager {i:03d}\n  actor: {name}\n"
            for i, name in enumerate(CAST)
        ),
    )
    villagers = [f"villager-{i:03d}" for i in range(LARGE_COUNT)]
    edit(folder / "scenes.yaml", "  cast: [mira, finn]\n", f"  cast: [mira, finn, {', '.join(villagers)}]\n")
    append(
        folder / "scenes.yaml",
        "".join(
            f"- number: {1000 + i}\n  set: {scene}\n  int_ext: EXT\n  time_of_day: day\n  pages: 1/8\n  location: harbour\n"
            for i, scene in enumerate(SCENES)
        ),
    )
    edit(folder / "schedule.yaml", "  scenes: [1]\n", f"  scenes: [1, {', '.join(str(1000 + i) for i in range(LARGE_COUNT))}]\n")
    calls = "".join(f'    - cast: {v}\n      on_set: "09:00"\n' for v in villagers)
    edit(
        folder / "schedule.yaml", '      on_set: "09:00"\n- date: 2027-03-02', f'      on_set: "09:00"\n{calls}- date: 2027-03-02'
    )
    groups = "".join(f'    - {{description: {group}, count: 3, call: "07:15", report_to: Unit base}}\n' for group in EXTRAS)
    edit(folder / "schedule.yaml", "  wrap: 18:45\n", f"  wrap: 18:45\n  background:\n{groups}")
    append(
        folder / "production.yaml",
        "extras:\n  agreement: {signed: 2027-02-20, rate: 100.00, hours: 8, overtime: {rate: 10.00}}\n"
        "interns:\n  minimum_wage: 14.60\n  collective_agreements: None apply.\n",
    )
    (folder / "extras.yaml").write_text(
        "".join(f"- id: ex-{i:03d}\n  name: {name}\n  group: {EXTRAS[i]}\n  days: [1]\n" for i, name in enumerate(WALKERS)),
        encoding="utf-8",
    )
    (folder / "reports").mkdir()
    (folder / "reports" / "day-01.yaml").write_text(
        'day: 1\ncrew_call: "07:30"\ncamera_wrap: "18:45"\n'
        'scenes:\n  - scene: "1"\n    result: complete\n    pages: "1 3/8"\n'
        + "cast:\n"
        + "".join(f'  - cast: {v}\n    on_set: "09:00"\n    wrap: "18:00"\n' for v in villagers)
        + "extras:\n"
        + "".join(f'  - description: {group}\n    count: 3\n    call: "07:15"\n    wrap: "18:50"\n' for group in EXTRAS)
        + "incidents:\n"
        + "".join(f'  - "{incident} at the quay."\n' for incident in INCIDENTS),
        encoding="utf-8",
    )


def _paperwork(folder: Path) -> None:
    """The art department in one hotel; 300 orders, and one of 300 items; 60 internships, one with 300 learning
    goals; 60 single pickups and a van collecting 100 villagers on one run."""
    (folder / "hotels.yaml").write_text(
        '- id: seeblick\n  name: Hotel Seeblick\n  address: Seeweg 1, Hamburg\n  coordinates: "53.56000, 9.97000"\n  bookings:\n'
        + "".join(
            f"    - {{guest: art-{i:03d}, check_in: 2027-02-28, check_out: 2027-03-04, room: Single, confirmation: SB-{i:04d},"
            " rate: 99.00}\n"
            for i in range(LARGE_COUNT)
        ),
        encoding="utf-8",
    )
    append(folder / "production.yaml", "approvers:\n  - crew: pia\n")
    approved = (
        "  history:\n    - {status: requested, date: 2027-02-01, by: lea}\n    - {status: approved, date: 2027-02-02, by: pia}\n"
    )
    rental = "  start: 2027-03-01\n  end: 2027-03-03\n  items:\n"
    (folder / "equipment.yaml").write_text(
        f"- id: lamps\n  department: lighting\n  vendor: {{name: Hamburg Light Rental}}\n{approved}{rental}"
        + "".join(f"    - {{name: {item}, quantity: 2, price: 10.00, per: day}}\n" for item in ITEMS)
        + "".join(
            f"- id: {order}\n  department: camera\n  vendor: {{name: Hamburg Camera Rental}}\n{approved}{rental}"
            "    - {name: Cable, price: 20.00, per: flat}\n"
            for order in ORDERS
        ),
        encoding="utf-8",
    )
    # The last intern's tutor has a role, and her school a name, near the longest a text may be: her internship
    # is taller than a page.
    append(
        folder / "crew.yaml", f'- id: tutor\n  name: Tutor Held\n  role: "{TUTOR_ROLE}"\n  department: production\n  days: []\n'
    )
    goals = "  learning_goals:\n" + "".join(f"    - {goal}\n" for goal in GOALS)
    longest = f'  school: "{SCHOOL}"\n'
    (folder / "interns.yaml").write_text(
        "".join(
            f"- id: internship-{i:02d}\n  crew: intern-{i:02d}\n  kind: mandatory\n  supervisor: {'tutor' if i == INTERNS else 'pia'}\n"
            "  start: 2027-02-22\n  end: 2027-03-26\n  daily_hours: 8\n  hours_per_week: 40\n  leave: 2\n"
            "  stipend: {amount: 600.00, per: month}\n  agreement_signed: 2027-02-03\n"
            + (goals if i == 0 else longest if i == INTERNS else "")
            for i in range(INTERNS + 1)
        ),
        encoding="utf-8",
    )
    where = 'coordinates: "53.56000, 9.97000"'
    append(
        folder / "transport.yaml",
        "".join(
            f'  - {{day: 1, time: "06:{i:02d}", person: villager-{i:03d}, from: "Hafenstraße {i}, Hamburg", {where}}}\n'
            for i in range(RUNS)
        )
        + "".join(
            f'  - {{day: 1, time: "{5 + i // 60:02d}:{i % 60:02d}", person: villager-{RUNS + i:03d}, from: "Seeweg {i}, Hamburg",'
            f" {where}, vehicle: van-1}}\n"
            for i in range(STOPS)
        ),
    )


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal production grown to hundreds of everything every PDF document lists."""
    folder = tmp_path_factory.mktemp("large") / "production"
    shutil.copytree(MINIMAL, folder)
    _crowd(folder)
    _paperwork(folder)
    result = invoke("validate", str(folder))
    assert result.exit_code == 0, result.output
    return folder


@pytest.mark.parametrize(("document", "case"), each_document(LARGE))
def test_everyone_in_the_markdown_is_drawn_on_a_page_of_the_pdf(
    large: Path, tmp_path: Path, document: str, case: Large | None
) -> None:
    """A department of 300 (and a cast, a day's scenes, a report, a hotel, an order as large) runs on over columns
    and pages: each name the Markdown lists is drawn inside a page of the PDF, none over another."""
    assert case is not None, f"the {document} PDF has no large case: add one to LARGE"
    files = render(large, tmp_path / "out", *case.command)
    markdown = set(LISTED.findall(files["md"].read_text(encoding="utf-8").replace("\\", "")))
    assert markdown == set(case.listed)
    # A heading may print a name in capitals.
    assert_all_drawn_on_the_page(files["pdf"], markdown, ignore_case=True)
    assert_all_text_on_the_page(files["pdf"])


@pytest.mark.parametrize(
    ("document", "case"), [p for p in each_document(LARGE) if p.values[1] is not None and p.values[1].header]
)
def test_a_table_running_on_repeats_its_header_on_every_page(large: Path, tmp_path: Path, document: str, case: Large) -> None:
    """Each page a long listing runs on to shows its table's header, so that a page read alone says what it lists."""
    files = render(large, tmp_path / "out", *case.command, formats=("pdf",))
    pages = {place.page for where in drawn(files["pdf"], case.listed).values() for place in where}
    assert len(pages) >= 2, "the set-up: the listing runs on over pages"
    headed = {place.page for where in drawn(files["pdf"], case.header).values() for place in where}
    assert pages <= headed, f"{document}: pages {sorted(pages - headed)} list them without the header"


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
#: The long e-mail address's letter: plain ASCII, as mail needs (other text may have it too).
EMAIL_FILLER = "z"
LONG = 2_000


#: Where a long word starts: a pasted link, or an e-mail address made of its filler.
HEAD = re.compile(rf"https://example\.org/[a-z-]+/|{EMAIL_FILLER}@example\.org")


def long_word(tag: str) -> str:
    return f"https://example.org/{tag}/{FILLER * LONG}"


def tag_of(head: str) -> str:
    """The field a long word was put in: the tag of its link, or `email`."""
    return "email" if head.startswith(EMAIL_FILLER) else head.split("/")[3]


#: The long fields (their tags) the documents of two kinds print alike.
CALLSHEET_FIELDS = (
    "office role location address parking unit-base synopsis character daynote safety weather report-to from vehicle"
)
CONTACTS_FIELDS = "office role email character location address hotel hotel-address vendor vendor-contact vendor-address"
MOVEMENT_FIELDS = "location address parking unit-base directions character from pickup-notes vehicle plate"
ROOMING_FIELDS = "office hotel hotel-address role room confirmation requests"
#: Every registered PDF document's PDFs of the production of long values, with the long fields each prints.
LONG_CASES: dict[str, list[Long]] = {
    "callsheet": [
        Long("callsheet", ("callsheet", "1"), CALLSHEET_FIELDS),
        Long("personal", ("callsheet", "1", "--for", "mira"), CALLSHEET_FIELDS),
    ],
    "contacts": [
        Long("contacts", ("contacts",), CONTACTS_FIELDS),
        Long("contacts-office", ("contacts", "--office"), CONTACTS_FIELDS),
    ],
    "report": [
        Long("report", ("report", "1"), "scene-notes incident report-notes"),
    ],
    "schedule": [
        Long("schedule", ("schedule",), "description location"),
    ],
    "dood": [
        Long("dood", ("dood",), "character"),
    ],
    "movement": [
        Long("movement", ("movement", "1"), MOVEMENT_FIELDS),
        Long("drivers-sheet", ("movement", "1", "--for", "lea"), MOVEMENT_FIELDS),
    ],
    "rooming": [
        Long("rooming", ("rooming",), ROOMING_FIELDS),
        Long("rooming-hotel", ("rooming", "--hotel", "seeblick"), ROOMING_FIELDS),
    ],
    "orders": [
        Long("orders", ("orders", "--today", "2027-02-20"), "vendor vendor-contact step-note"),
    ],
    "po": [
        Long("po", ("po", "lamps"), "office role vendor vendor-contact vendor-address delivery item item-notes order-notes"),
    ],
    "availability": [
        Long("availability", ("availability",), "role"),
        Long("availability-day", ("availability", "2"), "role hold"),
    ],
    "extras": [
        Long("extras", ("extras", "1"), "extra agency report-to"),
    ],
    "interns": [
        Long("interns", ("interns",), "school role"),
    ],
    "agreement": [
        Long("agreement-intern", ("agreement", "intern-lea"), "office role school goal agreements"),
        Long(
            "agreement-extra",
            ("agreement", "ex-anna"),
            "office extra extra-address agency location address report-to fittings cancellation",
        ),
    ],
    "hours": [
        Long("hours", ("hours",), "role character"),
    ],
}


@pytest.fixture(scope="module")
def long_values(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal production with a pasted 2,000-character word in a field of every kind of place the
    PDFs print one: table cells, grid cells (the call sheet's top band), boxed notes, headings, the title
    block and the footer, in every document."""
    folder = tmp_path_factory.mktemp("long") / "production"
    shutil.copytree(MINIMAL, folder)
    edit(folder / "production.yaml", "  address: Hafenstraße 1, 20457 Hamburg\n", f'  address: "{long_word("office")}"\n')
    edit(folder / "crew.yaml", "  role: Production Coordinator\n", f'  role: "{long_word("role")}"\n')
    edit(folder / "crew.yaml", "  email: pia@testfilms.example\n", f'  email: "{EMAIL_FILLER * LONG}@example.org"\n')
    edit(folder / "locations.yaml", "  name: Old Harbour\n", f'  name: "Old Harbour {long_word("location")}"\n')
    edit(
        folder / "locations.yaml",
        "  address: Kehrwieder 2, 20457 Hamburg\n",
        f'  address: "{long_word("address")}"\n  notes: "{long_word("notes")}"\n  parking: "{long_word("parking")}"\n'
        f'  unit_base: "{long_word("unit-base")}"\n  directions: "{long_word("directions")}"\n',
    )
    edit(folder / "scenes.yaml", "  time_of_day: day\n", f'  time_of_day: day\n  synopsis: "{long_word("synopsis")}"\n')
    edit(folder / "cast.yaml", "  character: Mira\n", f'  character: "{long_word("character")}"\n')
    edit(
        folder / "schedule.yaml",
        "  wrap: 18:45\n",
        f'  wrap: 18:45\n  description: "{long_word("description")}"\n'
        f'  notes:\n    camera: "{long_word("daynote")}"\n  safety:\n    - "{long_word("safety")}"\n'
        f'  weather:\n    forecast: "{long_word("weather")}"\n'
        f'  background:\n    - {{description: Dock workers, count: 1, call: "07:15", report_to: "{long_word("report-to")}"}}\n',
    )
    (folder / "reports").mkdir()
    (folder / "reports" / "day-01.yaml").write_text(
        'day: 1\ncrew_call: "07:30"\ncamera_wrap: "18:45"\n'
        f'scenes:\n  - scene: "1"\n    result: complete\n    pages: "1 3/8"\n    notes: "{long_word("scene-notes")}"\n'
        f'incidents:\n  - "{long_word("incident")}"\nnotes: "{long_word("report-notes")}"\n',
        encoding="utf-8",
    )
    _long_paperwork(folder)
    return folder


def _long_paperwork(folder: Path) -> None:
    """Long words in what the movement order, the rooming list, the orders, availability, extras, interns and
    agreements print: Lea (the driver) an intern, a second electrician pencilled elsewhere on day 2, Pia in a hotel,
    an approved order, an extra booked on day 1."""
    w = long_word
    edit(
        folder / "transport.yaml",
        "    type: Minibus 8 seats\n",
        f'    type: "Minibus {w("vehicle")}"\n    plate: "{w("plate")}"\n',
    )
    edit(
        folder / "transport.yaml",
        "    from: Hotel Seeblick, Seeweg 1, Hamburg\n",
        f'    from: "{w("from")}"\n    notes: "{w("pickup-notes")}"\n',
    )
    edit(
        folder / "crew.yaml",
        "  department: transport\n",
        "  department: transport\n  intern: yes\n  address: Weg 1, 20095 Hamburg\n",
    )
    append(
        folder / "crew.yaml",
        "- id: rosa\n  name: Rosa Held\n  role: Electrician\n  department: lighting\n"
        f'  holds:\n    - {{from: 2027-03-03, to: 2027-03-03, rank: 1, for: "{w("hold")}"}}\n',
    )
    append(
        folder / "production.yaml",
        "approvers:\n  - crew: pia\n"
        "extras:\n  agreement:\n    signed: 2027-02-20\n    rate: 100.00\n    hours: 8\n"
        f'    fittings: "{w("fittings")}"\n    cancellation: "{w("cancellation")}"\n'
        f'interns:\n  minimum_wage: 14.60\n  collective_agreements: "{w("agreements")}"\n',
    )
    (folder / "hotels.yaml").write_text(
        f'- id: seeblick\n  name: "Hotel {w("hotel")}"\n  address: "{w("hotel-address")}"\n  bookings:\n'
        f'    - {{guest: pia, check_in: 2027-02-28, check_out: 2027-03-04, room: "{w("room")}", confirmation: "{w("confirmation")}",'
        f' rate: 99.00, notes: "{w("requests")}"}}\n',
        encoding="utf-8",
    )
    (folder / "equipment.yaml").write_text(
        f'- id: lamps\n  department: lighting\n  vendor:\n    name: "Rental {w("vendor")}"\n    contact: "{w("vendor-contact")}"\n'
        f'    address: "{w("vendor-address")}"\n  requested_by: tom\n  history:\n    - {{status: requested, date: 2027-02-01, by: tom}}\n'
        f'    - {{status: approved, date: 2027-02-02, by: pia, note: "{w("step-note")}"}}\n  start: 2027-03-01\n  end: 2027-03-03\n'
        f'  delivery: "{w("delivery")}"\n  notes: "{w("order-notes")}"\n'
        f'  items:\n    - {{name: "Lamp {w("item")}", price: 10.00, per: day, notes: "{w("item-notes")}"}}\n',
        encoding="utf-8",
    )
    (folder / "extras.yaml").write_text(
        f'- id: ex-anna\n  name: "Anna {w("extra")}"\n  group: Dock workers\n  agency: "{w("agency")}"\n'
        f'  address: "{w("extra-address")}"\n  days: [1]\n',
        encoding="utf-8",
    )
    (folder / "interns.yaml").write_text(
        f"- id: intern-lea\n  crew: lea\n  kind: mandatory\n  supervisor: pia\n  start: 2027-03-01\n  end: 2027-03-03\n"
        f'  school: "{w("school")}"\n  learning_goals: ["{w("goal")}"]\n  daily_hours: 8\n  hours_per_week: 40\n  leave: 0\n'
        "  stipend: {amount: 300.00, per: month}\n  agreement_signed: 2027-02-20\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize(("document", "case"), each_document(LONG_CASES))
def test_a_very_long_word_wraps_inside_the_page(long_values: Path, tmp_path: Path, document: str, case: Long | None) -> None:
    """Every long word the Markdown has is drawn whole in the PDF, each of its letters inside the page
    and over no other text: it wraps in its cell or box instead of running off the page or over its neighbours."""
    assert case is not None, f"the {document} PDF has no long-value case: add one to LONG_CASES"
    files = render(long_values, tmp_path / "out", *case.command)
    markdown = files["md"].read_text(encoding="utf-8").replace("\\", "")
    # A heading may print a long word in capitals.
    printed = bare(pdf_text(files["pdf"])).casefold()
    wanted = HEAD.findall(markdown)
    assert {tag_of(head) for head in wanted} >= set(case.fields.split()), "the set-up: the document prints these long fields"
    for head in set(wanted):
        assert printed.count(head) >= wanted.count(head), f"{head} is missing from the PDF"
    chars = assert_all_text_on_the_page(files["pdf"])
    heads = HEAD.findall(printed)
    links, addresses = sum(tag_of(h) != "email" for h in heads), sum(tag_of(h) == "email" for h in heads)
    assert sum(c.char.casefold() == FILLER for c in chars) == LONG * links, "each long word is drawn with all its letters"
    assert sum(c.char.casefold() == EMAIL_FILLER for c in chars) >= LONG * addresses, "each long address with all its letters"


def test_every_pdf_document_has_a_large_and_a_long_value_case() -> None:
    """A document added later is covered here, or this fails (and so do its cases of the tests above)."""
    assert set(LARGE) == set(LONG_CASES) == set(pdf_documents())
    assert len({tag for cases in LONG_CASES.values() for case in cases for tag in case.fields.split()}) >= 14


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
