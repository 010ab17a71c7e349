"""Pickups: never for someone not working that day, never printing a private home, however the address is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import append, edit, invoke, loaded

from coord.checks import validate
from coord.documents import callsheet, common
from coord.load import load_folder
from coord.privacy import Place, places_in, same_place

PICKUP = '  - day: 1\n    time: "06:00"\n    person: {person}\n    from: {origin}\n    vehicle: van-1\n'


def add_pickup(folder: Path, person: str, origin: str = "home") -> None:
    append(folder / "transport.yaml", PICKUP.format(person=person, origin=origin))


def sheet_rows(folder: Path, day: str = "1") -> list[dict[str, str]]:
    """The stops of the transport runs of a day's sheet, made even while validate reports errors."""
    production, _ = load_folder(folder)
    assert production is not None
    runs = callsheet.callsheet(production, common.find_day(production, day))["transport"]["runs"]
    return [stop for run in runs for stop in run["stops"]]


def errors_of(folder: Path, check: str) -> list[tuple[str, str]]:
    return [(str(f.pos), f.message) for f in validate(folder)[1].errors if f.check == check]


# ---- a pickup for someone not working that day ------------------------------------------


def test_a_pickup_for_an_actor_not_called_that_day_is_an_error_and_not_printed(minimal: Path) -> None:
    append(minimal / "transport.yaml", PICKUP.format(person="finn", origin="home").replace("day: 1", "day: 2"))
    assert errors_of(minimal, "pickups-of-the-called") == [
        ("transport.yaml:14:13", "pickup of finn on day 2, who has no cast call that day; the call sheet leaves it out")
    ]
    assert sheet_rows(minimal, "2") == []


def test_a_pickup_for_a_freelancer_left_off_for_an_unavailable_date_is_not_printed(minimal: Path) -> None:
    edit(minimal / "crew.yaml", "      end: 2027-03-31\n", "      end: 2027-03-31\n  unavailable: [2027-03-01]\n")
    add_pickup(minimal, "tom")
    assert errors_of(minimal, "pickups-of-the-called") == [
        ("transport.yaml:14:13", "pickup of tom on day 1, who is unavailable that day; the call sheet leaves it out")
    ]
    assert "Tom Reuter (Gaffer)" not in [r["who"] for r in sheet_rows(minimal)]


def test_a_pickup_for_office_staff_who_are_never_on_set_is_not_printed(minimal: Path) -> None:
    edit(minimal / "crew.yaml", "  email: pia@testfilms.example\n", "  email: pia@testfilms.example\n  days: []\n")
    add_pickup(minimal, "pia")
    assert errors_of(minimal, "pickups-of-the-called") == [
        ("transport.yaml:14:13", "pickup of pia on day 1, who is never on set (days: []); the call sheet leaves it out")
    ]
    assert "Pia Sommer (Production Coordinator)" not in [r["who"] for r in sheet_rows(minimal)]


def test_a_pickup_for_someone_working_that_day_is_printed_without_a_finding(minimal: Path) -> None:
    add_pickup(minimal, "tom")
    assert errors_of(minimal, "pickups-of-the-called") == []
    assert "Tom Reuter (Gaffer)" in [r["who"] for r in sheet_rows(minimal)]


def test_a_personal_copy_never_shows_a_pickup_for_a_day_off(minimal: Path) -> None:
    edit(minimal / "crew.yaml", "      end: 2027-03-31\n", "      end: 2027-03-31\n  unavailable: [2027-03-03]\n")
    append(minimal / "transport.yaml", PICKUP.format(person="tom", origin="home").replace("day: 1", "day: 2"))
    production, _ = load_folder(minimal)
    assert production is not None
    found = common.lookups(production)
    assert common.pickup_of(production.production, common.find_day(production, "2"), "tom", found) == ""


# ---- a private home, however it is written ----------------------------------------------------

TOMS_HOME = "Lindenweg 4, 22085 Hamburg"  # private by the production's default


@pytest.mark.parametrize(
    "written",
    ["Lindenweg 4", "lindenweg 4, hamburg", '"Lindenweg  4 22085"', '"LINDENWEG Nr. 4"', '"22085 Hamburg, Lindenweg 4"'],
)
def test_tom_s_home_written_another_way_is_printed_as_home_and_flagged(minimal: Path, tmp_path: Path, written: str) -> None:
    out = tmp_path / "sheets"
    add_pickup(minimal, "tom", written)
    assert [r["from"] for r in sheet_rows(minimal) if r["who"].startswith("Tom")] == ["Home"]
    _, findings = validate(minimal)
    [warning] = [f for f in findings if f.check == "pickups-from-private-homes"]
    assert (str(warning.pos), warning.hint) == ("transport.yaml:15:11", "write 'from: home' instead of the address")
    assert "Lindenweg" not in warning.message
    result = invoke("callsheet", "1", "-C", str(minimal), "--out", str(out), "--format", "md", "--format", "html")
    assert result.exit_code == 0, result.output
    for path in out.glob("*.*"):
        assert "Lindenweg" not in path.read_text(encoding="utf-8").replace("\\", "")


@pytest.mark.parametrize(
    "written",
    ["Lindenweg 4a", "Lindenweg 14", "Lindenstraße 4", "4 Linden Road", "4a Lindenweg", "14 Lindenweg", "4 Lindenstraße"],
)
def test_a_near_miss_is_another_place_and_printed_as_written(minimal: Path, written: str) -> None:
    add_pickup(minimal, "tom", f'"{written}, 22085 Hamburg"')
    assert [r["from"] for r in sheet_rows(minimal) if r["who"].startswith("Tom")] == [f"{written}, 22085 Hamburg"]
    assert not [f for f in validate(minimal)[1] if f.check == "pickups-from-private-homes"]


def test_someone_else_s_private_home_is_not_printed_either(minimal: Path) -> None:
    edit(minimal / "transport.yaml", "from: Hotel Seeblick, Seeweg 1, Hamburg", "from: Lindenweg 4")  # mira from Tom's home
    assert [r["from"] for r in sheet_rows(minimal) if r["who"].startswith("#1")] == ["Private address"]
    _, findings = validate(minimal)
    [warning] = [f for f in findings if f.check == "pickups-from-private-homes"]
    assert warning.message == (
        "the pickup of mira on day 1 is from the private home address of Tom Reuter; documents print it as Private address"
    )


def test_a_shared_home_address_may_be_printed(minimal: Path) -> None:
    edit(
        minimal / "crew.yaml",
        "  address: Lindenweg 4, 22085 Hamburg\n",
        "  address: Lindenweg 4, 22085 Hamburg\n  public: [address]\n",
    )
    add_pickup(minimal, "tom", "Lindenweg 4")
    assert [r["from"] for r in sheet_rows(minimal) if r["who"].startswith("Tom")] == ["Lindenweg 4"]


def test_a_home_without_a_house_number_is_recognised_by_its_whole_text(minimal: Path) -> None:
    edit(minimal / "crew.yaml", "  address: Lindenweg 4, 22085 Hamburg\n", "  address: Hof Lindenau, 24398 Brodersby\n")
    add_pickup(minimal, "tom", "hof lindenau 24398 brodersby")
    assert [r["from"] for r in sheet_rows(minimal) if r["who"].startswith("Tom")] == ["Home"]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Hauptstraße 12, 10115 Berlin", "Hauptstr. 12"),
        ("Marktplatz 3", "Marktpl. 3"),
        ("Sankt-Pauli-Straße 5", "St.-Pauli-Str. 5"),
        ("12 Baker Street, London NW1 6XE", "12 Baker Street London"),
        ("Flat 3, 12 Baker St.", "12 Baker Street"),
        ("300 West 57th Street", "300 W 57th St"),
        ("Große Elbstraße 145", "Grosse Elbstr 145"),
        ("Lindenweg 4 a", "Lindenweg 4a, Hamburg"),
        ("Stresemannstraße 221, 22769 Hamburg", "221 Stresemannstraße"),  # German order and UK/US order
        ("221 Baker Street, London", "Baker Street 221"),
        ("Lindenweg 4, 22085 Hamburg", "4 Lindenweg Hamburg"),
        ("bei Reuter Lindenweg 4", "4 Lindenweg, Hamburg"),
        ("Stresemannstraße 221", "Stresemannstraße, 221"),  # a comma between street and number
        ("Stresemannstraße 221", "221, Stresemannstraße"),
        ("221 Baker Street", "Baker Street, No. 221"),
        ("Stresemannstraße 221", "221/223 Stresemannstraße"),  # a building of two numbers holds both
        ("Stresemannstraße 223", "Stresemannstraße 221-223"),
        ("Stresemannstraße 221", "Stresemannstr. 219-223"),  # a corner building: every number between the ends
        ("Eppendorfer Landstraße 40", "Eppendorfer Ldstr. 40"),
        ("Elbchaussee 12", "Elbch. 12"),
    ],
)
def test_one_place_written_two_ways(one: str, other: str) -> None:
    assert any(same_place(a, b) for a in places_in(one) for b in places_in(other))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Lindenweg 4", "Lindenweg 14"),
        ("12 Baker Street", "21 Baker Street"),
        ("Hauptstraße 12", "Marktplatz 12"),
        ("Lindenweg 4", "14 Lindenweg"),  # the same street in the other order, another number
        ("14 Lindenweg", "Lindenweg 4"),
        ("221 Baker Street, London", "Baker Street 21"),
        ("221 Baker Street, London", "Baker Road 221"),
        ("Am Markt 4", "4 Marktplatz"),  # part of a word is no street
        ("Stresemannstraße 221, 22769 Hamburg", "223 Stresemannstraße"),
        ("Stresemannstraße 221, 22769 Hamburg", "Stresemannstraße, 222"),
        ("Stresemannstraße 221", "Stresemannstraße 222-226"),
        ("Stresemannstraße 221", "Stresemannstraße 1-300"),  # no building spans 300 numbers: its ends only
    ],
)
def test_two_places(one: str, other: str) -> None:
    assert not any(same_place(a, b) for a in places_in(one) for b in places_in(other))


def test_a_postcode_or_a_flat_number_is_no_house_number() -> None:
    assert places_in("22085 Hamburg") == []
    assert places_in("Flat 3, 12 Baker St.") == [Place("12", "", "baker st")]


@pytest.mark.parametrize(
    "written",
    [
        '"bei Reuter Lindenweg 4"',
        "Linden-Weg 4",
        '"Lindenweg 04"',
        "Lindenw\u0435g 4",  # a Cyrillic e
        "Linden\u200bweg 4",  # a zero-width space
        "Lin\u00adden\u00adweg 4",  # soft hyphens
        '"Tom\'s place: Lindenweg 4"',
        '"2. OG Lindenweg 4"',
        '"Lindenweg Hausnr. 4"',
    ],
)
def test_tricky_spellings_of_a_private_home_never_print(minimal: Path, written: str) -> None:
    add_pickup(minimal, "tom", written)
    assert [r["from"] for r in sheet_rows(minimal) if r["who"].startswith("Tom")] == ["Home"]


@pytest.mark.parametrize(
    "written",
    [
        '"221 Stresemannstraße"',
        '"221 Stresemannstr., Hamburg"',
        '"0221 STRESEMANN-STRASSE"',
        '"221 Stresemannstraße Hinterhaus"',
        '"221/223 Stresemannstraße"',
        '"Stresemannstraße, 221"',
        '"221, Stresemannstraße"',
        '"Stresemannstr. 219-223"',
    ],
)
def test_a_home_with_the_number_on_the_other_side_of_the_street_never_prints(
    example_copy: Path, tmp_path: Path, written: str
) -> None:
    """Jana Petersen lives at Stresemannstraße 221 (private); Tom's day-3 pickup written from her home, either order."""
    edit(
        example_copy / "transport.yaml",
        '    person: tom\n    from: "Bahnhof Altona, main entrance Max-Brauer-Allee"\n    coordinates: "53.55160, 9.93470"\n    to: customs-office\n    vehicle: van-2\n  - day: 3\n    time: "14:30"',
        f'    person: tom\n    from: {written}\n    coordinates: "53.55160, 9.93470"\n    to: customs-office\n    vehicle: van-2\n  - day: 3\n    time: "14:30"',
    )
    _, findings = validate(example_copy)
    [warning] = [f for f in findings if f.check == "pickups-from-private-homes"]
    assert (str(warning.pos), warning.message) == (
        "transport.yaml:102:11",
        "the pickup of tom on day 3 is from the private home address of Jana Petersen; documents print it as Private address",
    )
    out = tmp_path / "out"
    text_formats = ["--format", "md", "--format", "html"]
    for command in (["movement", "3", *text_formats], ["callsheet", "3", *text_formats], ["calendar", "--for", "tom"]):
        result = invoke(*command, "-C", str(example_copy), "--out", str(out))
        assert result.exit_code == 0, result.output
    printed = [p for p in out.rglob("*.*") if p.suffix in {".md", ".html", ".ics"}]
    assert {p.suffix for p in printed} >= {".md", ".html", ".ics"}
    for path in printed:
        assert "Stresemann" not in path.read_text(encoding="utf-8").replace("\\", "").replace("\r\n ", ""), path.name


def test_her_own_home_in_uk_order_is_printed_as_home_with_the_hint(minimal: Path) -> None:
    edit(minimal / "crew.yaml", "  address: Lindenweg 4, 22085 Hamburg\n", "  address: 221 Baker Street, London\n")
    add_pickup(minimal, "tom", '"Baker Street 221"')
    assert [r["from"] for r in sheet_rows(minimal) if r["who"].startswith("Tom")] == ["Home"]
    [warning] = [f for f in validate(minimal)[1] if f.check == "pickups-from-private-homes"]
    assert (str(warning.pos), warning.message, warning.hint) == (
        "transport.yaml:15:11",
        "the pickup of tom on day 1 is from their private home address, written out; documents print it as Home",
        "write 'from: home' instead of the address",
    )


def test_an_extra_s_home_is_private_too(minimal: Path) -> None:
    (minimal / "extras.yaml").write_text("- id: ex-harms\n  name: Uwe Harms\n  address: Rosenweg 7, 22085 Hamburg\n")
    add_pickup(minimal, "tom", '"Rosenweg 7, 22085 Hamburg"')
    assert [r["from"] for r in sheet_rows(minimal) if r["who"].startswith("Tom")] == ["Private address"]


def test_a_usual_pickup_point_that_is_no_home_is_printed(minimal: Path) -> None:
    edit(
        minimal / "cast.yaml", "  date_of_birth: 2015-06-01\n", "  date_of_birth: 2015-06-01\n  pickup_address: Bahnhof Altona\n"
    )
    (minimal / "hotels.yaml").write_text("- id: seeblick\n  name: Hotel Seeblick\n  address: Seeweg 1, Hamburg\n")
    edit(
        minimal / "cast.yaml", '  phone: "+49 171 4444444"\n', '  phone: "+49 171 4444444"\n  pickup_address: Seeweg 1, Hamburg\n'
    )
    append(minimal / "transport.yaml", PICKUP.format(person="finn", origin="Bahnhof Altona").replace("06:00", "07:00"))
    rows = {r["who"]: r["from"] for r in sheet_rows(minimal)}
    assert rows["#2 Ole Hansen"] == "Bahnhof Altona"  # a station, not a home
    assert rows["#1 Jana Falk"] == "Hotel Seeblick, Seeweg 1, Hamburg"  # her pickup address is the hotel's


def test_the_example_sheets_still_print_no_private_address() -> None:
    from conftest import EXAMPLE

    production = loaded(EXAMPLE)
    found = common.lookups(production)
    homes = {p.address for p in [*production.crew, *production.cast] if p.address}
    for day in found.days:
        for run in callsheet.callsheet(production, day, found=found)["transport"]["runs"]:
            assert all(stop["from"] not in homes for stop in run["stops"])


def test_a_cast_call_without_times_is_still_a_call_for_their_copy(minimal: Path, tmp_path: Path) -> None:
    edit(minimal / "schedule.yaml", '      makeup: "08:15"\n      on_set: "09:00"\n', "")  # finn's times on day 1
    _, findings = validate(minimal)
    assert [(str(f.pos), f.message) for f in findings.warnings if f.check == "call-times"] == [
        ("schedule.yaml:13:13", "finn is called on day 1 without a make-up, wardrobe or on-set time")
    ]
    result = invoke("callsheet", "1", "--for", "finn", "-C", str(minimal), "--out", str(tmp_path), "--format", "md")
    assert result.exit_code == 0, result.output
    assert "to follow" in (tmp_path / "2027-03-01-day-01-finn.md").read_text(encoding="utf-8")


def test_an_actor_on_hold_is_not_called_and_gets_no_pickup(minimal: Path) -> None:
    edit(minimal / "schedule.yaml", '    - cast: mira\n      makeup: "17:30"', "    - cast: mira\n      status: H")
    append(minimal / "transport.yaml", PICKUP.format(person="mira", origin="home").replace("day: 1", "day: 2"))
    assert errors_of(minimal, "pickups-of-the-called") == [
        ("transport.yaml:14:13", "pickup of mira on day 2, who is on hold that day (status: H); the call sheet leaves it out")
    ]


@pytest.mark.parametrize(("written", "printed"), [('"Hof Lindenau"', "Home"), ('"Hof Lindenberg"', "Hof Lindenberg")])
def test_a_home_without_a_house_number_is_known_by_its_name(minimal: Path, written: str, printed: str) -> None:
    """A farm or a house with a name has no number to match: the name its address starts with is the home."""
    edit(minimal / "crew.yaml", "  address: Lindenweg 4, 22085 Hamburg\n", "  address: Hof Lindenau, 24398 Brodersby\n")
    add_pickup(minimal, "tom", written)
    assert [r["from"] for r in sheet_rows(minimal) if r["who"].startswith("Tom")] == [printed]


def test_a_pickup_note_that_writes_out_a_private_home_is_an_error_and_no_sheet_prints_it(minimal: Path, tmp_path: Path) -> None:
    add_pickup(minimal, "tom")
    append(minimal / "transport.yaml", "    notes: Ring at Lindenweg 4, 2nd floor\n")
    assert errors_of(minimal, "pickups-from-private-homes") == [
        (
            "transport.yaml:17:12",
            "the notes of tom's pickup on day 1 write out the private home address of Tom Reuter, "
            "which the call sheet and the movement order would print",
        )
    ]
    result = invoke("callsheet", "1", "--format", "md", "-C", str(minimal), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and not (tmp_path / "out").exists()


def test_a_pickup_note_without_a_home_address_prints(minimal: Path) -> None:
    add_pickup(minimal, "tom")
    append(minimal / "transport.yaml", "    notes: Ring the bell twice, 2nd floor\n")
    assert errors_of(minimal, "pickups-from-private-homes") == []
