"""The movement order, a driver's sheet and the rooming list: golden Markdown and HTML, PDFs read back, CLI and privacy."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import EXAMPLE, GOLDEN, assert_golden, bare, flat, invoke, loaded, pdf_text

from coord.documents import common, movement, rooming
from coord.render import render_text

#: Day 3: a run with two stops (home, then a hotel), a driver (Ali Hassan, van-2) with three runs, a company move.
CASES = [
    (name, fmt)
    for name in ("movement-day-03", "movement-day-03-ali-hassan", "rooming", "rooming-hotel-speicherstadt")
    for fmt in ("md", "html")
]


def context(name: str) -> dict:  # type: ignore[type-arg]
    folder = loaded(EXAMPLE)
    if name.startswith("movement"):
        driver = "ali-hassan" if name.endswith("ali-hassan") else None
        return movement.movement_order(folder, common.find_day(folder, "3"), driver=driver)
    hotels = [h for h in folder.hotels if name == "rooming" or name.endswith(h.id)]
    return rooming.rooming_list(folder, hotels, accounts=name == "rooming")


@pytest.mark.parametrize(("name", "fmt"), CASES)
def test_matches_golden_file(name: str, fmt: str) -> None:
    document = name.split("-")[0]
    rendered = render_text(EXAMPLE, f"{document}.{fmt}.j2", fmt, context(name))
    assert_golden(f"{name}.{fmt}", rendered)


def test_movement_and_rooming_golden_files_are_all_in_use() -> None:
    expected = {f"{name}.{fmt}" for name, fmt in CASES}
    assert {p.name for p in GOLDEN.glob("movement-*")} | {p.name for p in GOLDEN.glob("rooming*")} == expected


def test_the_movement_order_lists_every_run_with_its_stops_arrival_and_each_call() -> None:
    md = (GOLDEN / "movement-day-03.md").read_text(encoding="utf-8")
    assert "## Mercedes-Benz Sprinter minibus · HH-NL 201 · 8 seats · Dennis Kuhn +49 172 9086 3317" in md
    assert "**Run 1: 06:00 → Customs Investigation Office (Kontorhaus Kehrwieder)** · Arrival 06:20 est." in md
    assert "| 06:00 | \\#6 Rainer Hollweg | Rolf Kessler | Home | 06:20 est. | 07:00 |" in md
    assert "| 06:15 | \\#4 Joost Verbeek | Dries van Leeuwen | Speicherstadt Kontorhotel | 06:20 est. | 06:45 |" in md
    assert md.count("VW Crafter minibus | Ali Hassan |") == 3  # his three runs in the summary
    assert "est. = estimated from the straight-line distance × 1.3 at 25 km/h, rounded up to 5 minutes." in md
    assert "Drivers: B4 Willy-Brandt-Straße" in md  # directions from locations.yaml
    assert "- Johanna Weiß (Script Supervisor)" in md  # she drives herself: parking


def test_the_drivers_sheet_has_their_runs_only_and_only_shareable_phones() -> None:
    md = (GOLDEN / "movement-day-03-ali-hassan.md").read_text(encoding="utf-8")
    assert "**Driver:** Ali Hassan (Driver) · +49 176 4439 1782" in md
    assert "Dennis Kuhn" not in md and "Summary" not in md
    assert (
        "| 12:30 | \\#7 Okan Demir | Tom Brandt | Bahnhof Altona, main entrance Max-Brauer-Allee | 12:45 est. | 13:00 | +49 157 2231 9940 |"
        in md
    )
    assert "4417 0925" not in md  # Clara Sandmann's phone is private
    assert "| 06:10 | \\#2 Clara Sandmann | Lena Vogt | Home | 06:30 est. | 06:45 |  |" in md


def test_the_rooming_list_for_a_hotel_carries_no_private_guest_data() -> None:
    folder = loaded(EXAMPLE)
    private = {v for p in [*folder.crew, *folder.cast] for v in (p.phone, p.email, p.address) if v}
    for name in ("rooming-hotel-speicherstadt.md", "rooming-hotel-speicherstadt.html", "rooming.md"):
        text = (GOLDEN / name).read_text(encoding="utf-8").replace("\\", "")
        assert not [v for v in private if v in text], name
    hotel = (GOLDEN / "rooming-hotel-speicherstadt.md").read_text(encoding="utf-8")
    assert "Hotel Elbblick" not in hotel and "For the accounts" not in hotel
    assert "| Joost Verbeek | Cast \\#4 | 2 Mar | 6 Mar | 4 | Double for single use | Double | KH-88213 |" in hotel
    assert "### Day rooms\n\n| Guest | Position | Date |" in hotel
    assert "| Rosa Lehmann | VFX Supervisor | 13 Mar | Single | Single | KH-88232 |" in hotel


def test_the_rooming_list_is_sorted_by_arrival_with_nights_and_cost_per_hotel_and_person() -> None:
    folder = loaded(EXAMPLE)
    data = rooming.rooming_list(folder, list(folder.hotels))
    arrivals = [r["check_in_iso"] for h in data["hotels"] for r in h["rooms"] if h["id"] == "hotel-speicherstadt"]
    assert arrivals == sorted(arrivals)
    # Joost Verbeek: three blocks of 4, 3 and 4 nights at 119.00 EUR; Rosa Lehmann: 2 + 2 nights at 109.00 and a 65.00 day room.
    people = {p["guest"]: (p["nights"], p["cost"]) for p in data["accounts"]["people"]}
    assert people["Joost Verbeek"] == (11, "1,309.00 EUR")
    assert people["Rosa Lehmann"] == (4, "501.00 EUR")
    assert data["accounts"]["nights"] == sum(h["nights"] for h in data["hotels"])


def test_commands_write_pdfs_that_read_back_and_a_csv(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for args in (
        ("movement", "3"),
        ("movement", "3", "--for", "ali-hassan"),
        ("rooming",),
        ("rooming", "--hotel", "hotel-elbblick"),
    ):
        result = invoke(
            *args, "-C", str(EXAMPLE), "--out", str(out), "--format", "pdf", "--format", "csv" if args[0] == "rooming" else "pdf"
        )
        assert result.exit_code == 0, result.output
    order = flat(pdf_text(out / "2027-03-03-day-03.pdf"))
    assert "MOVEMENT ORDER · DAY 3 OF 15" in order
    assert "Run 1: 06:00 → Customs Investigation Office" in order and "06:20 est." in order
    assert "SUMMARY FOR THE TRANSPORTATION CAPTAIN" in order
    sheet = flat(pdf_text(out / "2027-03-03-day-03-ali-hassan.pdf"))
    assert "DRIVER'S SHEET" in sheet and "+49 157 2231 9940" in sheet and "Dennis Kuhn" not in sheet
    rooms = bare(pdf_text(out / "rooming.pdf"))
    assert bare("ROOMING LIST") in rooms and bare("KH-88232") in rooms and bare("15,428.00 EUR") in rooms
    hotel = bare(pdf_text(out / "rooming-hotel-elbblick.pdf"))
    assert bare("EB-27-11805") in hotel and bare("Kontorhotel") not in hotel
    rows = list(csv.reader(io.StringIO((out / "rooming.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0] == list(rooming.CSV_COLUMNS)
    assert rows[-3][:7] == ["Speicherstadt Kontorhotel", "Rosa Lehmann", "VFX Supervisor", "2027-03-13", "2027-03-13", "0", "yes"]
    assert len(rows) == 1 + sum(len(h.bookings) for h in loaded(EXAMPLE).hotels)  # every booking, none lost


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("movement", "3", "--for", "nobody"), 'Error: --for "nobody": there is no crew member with that id\n'),
        (
            ("movement", "3", "--for", "anja-krause"),
            "Error: --for anja-krause: Anja Krause drives none of the vehicles in transport.yaml\n",
        ),
        (("movement", "3", "--for", "marek-zielinski"), "Error: --for marek-zielinski: Marek Zieliński has no runs on day 3\n"),
        (
            ("movement", "99"),
            'Error: there is no shoot day "99"; shoot days are 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 (or give a date YYYY-MM-DD)\n',
        ),
        (
            ("rooming", "--hotel", "hotel-elbblik"),
            'Error: --hotel "hotel-elbblik": there is no such hotel; did you mean "hotel-elbblick"?\n',
        ),
    ],
)
def test_a_wrong_day_driver_or_hotel_is_a_message(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = invoke(*args, "-C", str(EXAMPLE), "--out", str(tmp_path), "--format", "md")
    assert (result.exit_code, result.output) == (1, message)
