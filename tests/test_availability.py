"""Crew availability and holds: who can work which date, the checks, the call sheet leaving people off, the grid."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import EXAMPLE, edit, flat, invoke, loaded, pdf_text

from coord import plan
from coord.checks import CheckOptions, validate
from coord.documents import availability, callsheet, common
from coord.load import load_folder

#: Tom, the minimal production's only gaffer, is available all March; day 2 is 3 March.
TOMS_WINDOW = "      end: 2027-03-31\n"
PICKUP = '  - {day: 2, time: "16:00", person: tom, from: home}\n'


def found(folder: Path, check: str, today: dt.date | None = None) -> list[tuple[str, str, str]]:
    _, findings = validate(folder, CheckOptions(today=today))
    return [(str(f.pos), f.level, f.message) for f in findings if f.check == check]


def hold(folder: Path, text: str) -> None:
    """Give Tom holds (the lines under `holds:`)."""
    edit(folder / "crew.yaml", TOMS_WINDOW, TOMS_WINDOW + "  holds:\n" + text)


def personal_call(folder: Path) -> None:
    edit(folder / "schedule.yaml", '  crew_call: "17:00"\n', '  crew_call: "17:00"\n  calls:\n    tom: "16:30"\n')


def tom(folder: Path) -> plan.m.CrewMember:
    production, _ = load_folder(folder)
    assert production is not None
    return next(c for c in production.crew if c.id == "tom")


def day_two(folder: Path) -> plan.m.ShootDay:
    production, _ = load_folder(folder)
    assert production is not None
    return common.find_day(production, "2")


def sheet_names(folder: Path, day: str) -> list[str]:
    production = loaded(folder) if not found(folder, "department-cover") else load_folder(folder)[0]
    assert production is not None
    context = callsheet.callsheet(production, common.find_day(production, day))
    return [p["name"] for group in context["crew"] for p in group["people"]]


# ---- who can work which date --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("holds", "works", "reason"),
    [
        ("    - {from: 2027-03-03, to: 2027-03-03, rank: 1, for: Tatort}\n", False, plan.FIRST_PENCIL),
        ("    - {from: 2027-03-03, to: 2027-03-03, rank: 2, for: Tatort}\n", True, None),
        ("    - {from: 2027-03-03, to: 2027-03-03, rank: 3, for: Tatort, status: confirmed}\n", False, plan.BOOKED_ELSEWHERE),
        ("    - {from: 2027-03-03, to: 2027-03-03, rank: 1, for: Tatort, status: released}\n", True, None),
        ("    - {from: 2027-03-04, to: 2027-03-09, rank: 1, for: Tatort}\n", True, None),
    ],
)
def test_a_first_pencil_or_a_confirmed_hold_elsewhere_takes_the_date(
    minimal: Path, holds: str, works: bool, reason: str | None
) -> None:
    hold(minimal, holds)
    member, day = tom(minimal), day_two(minimal)
    assert plan.works_on(member, day) is works
    absent = plan.absence(member, day.date)
    assert (absent.reason if absent else None) == reason


def test_an_unavailable_date_is_the_first_reason_given(minimal: Path) -> None:
    edit(
        minimal / "crew.yaml",
        TOMS_WINDOW,
        TOMS_WINDOW + "  unavailable: [2027-03-03]\n  holds:\n    - {from: 2027-03-03, to: 2027-03-03, rank: 1}\n",
    )
    absent = plan.absence(tom(minimal), dt.date(2027, 3, 3))
    assert absent is not None and absent.reason == plan.UNAVAILABLE


# ---- personal call or department call on a date they cannot work -----------------------------------


def test_a_personal_call_on_an_unavailable_date_is_an_error(minimal: Path) -> None:
    edit(minimal / "crew.yaml", TOMS_WINDOW, TOMS_WINDOW + "  unavailable: [2027-03-03]\n")
    personal_call(minimal)
    assert found(minimal, "availability") == [
        ("schedule.yaml:25:5", "error", "Tom Reuter has a personal call on day 2 (2027-03-03) but is unavailable that date")
    ]


def test_a_personal_call_on_a_first_pencil_elsewhere_is_an_error(minimal: Path) -> None:
    hold(minimal, "    - {from: 2027-03-03, to: 2027-03-05, rank: 1, for: Tatort Kiel}\n")
    personal_call(minimal)
    assert found(minimal, "availability") == [
        (
            "schedule.yaml:25:5",
            "error",
            'Tom Reuter has a personal call on day 2 (2027-03-03) but has a first pencil for "Tatort Kiel"',
        )
    ]


def test_a_personal_call_on_a_date_booked_elsewhere_is_an_error(minimal: Path) -> None:
    hold(minimal, "    - {from: 2027-03-03, to: 2027-03-05, rank: 2, for: Tatort Kiel, status: confirmed}\n")
    personal_call(minimal)
    assert found(minimal, "availability") == [
        (
            "schedule.yaml:25:5",
            "error",
            'Tom Reuter has a personal call on day 2 (2027-03-03) but is booked elsewhere ("Tatort Kiel" confirmed its pencil)',
        )
    ]


def test_a_personal_call_on_a_free_date_is_fine(minimal: Path) -> None:
    hold(minimal, "    - {from: 2027-03-04, to: 2027-03-05, rank: 1, for: Tatort Kiel}\n")
    personal_call(minimal)
    assert found(minimal, "availability") == []


def test_a_department_call_reaching_a_first_pencil_is_a_warning_and_they_are_left_off_with_their_pickup(minimal: Path) -> None:
    hold(minimal, "    - {from: 2027-03-03, to: 2027-03-05, rank: 1, for: Tatort Kiel}\n")
    (minimal / "transport.yaml").write_text((minimal / "transport.yaml").read_text(encoding="utf-8") + PICKUP, encoding="utf-8")
    assert found(minimal, "availability") == [
        (
            "crew.yaml:17:7",
            "warning",
            'Tom Reuter has a first pencil for "Tatort Kiel" on 2027-03-03 (day 2) and is left off that day\'s call sheet',
        )
    ]
    assert found(minimal, "pickups-of-the-called") == [
        ("transport.yaml:12:37", "error", "pickup of tom on day 2, who is unavailable that day; the call sheet leaves it out")
    ]
    assert "Tom Reuter" not in sheet_names(minimal, "2")
    assert "Tom Reuter" in sheet_names(minimal, "1")


def test_outside_the_windows_is_a_warning_even_with_a_personal_call(minimal: Path) -> None:
    edit(minimal / "crew.yaml", TOMS_WINDOW, "      end: 2027-03-02\n")
    personal_call(minimal)
    assert found(minimal, "availability") == [
        ("crew.yaml:14:5", "warning", "Tom Reuter is not available on 2027-03-03 (day 2) and is left off that day's call sheet")
    ]


def test_a_second_pencil_on_a_day_they_work_for_us_is_a_warning(minimal: Path) -> None:
    hold(minimal, "    - {from: 2027-03-03, to: 2027-03-05, rank: 2, for: Tatort Kiel}\n")
    assert found(minimal, "availability") == [
        (
            "crew.yaml:17:7",
            "warning",
            'Tom Reuter has a second pencil for "Tatort Kiel" on 2027-03-03 (day 2), a day they work for us',
        )
    ]
    assert "Tom Reuter" in sheet_names(minimal, "2")


def test_a_third_pencil_is_no_finding(minimal: Path) -> None:
    hold(minimal, "    - {from: 2027-03-03, to: 2027-03-05, rank: 3, for: Tatort Kiel}\n")
    assert found(minimal, "availability") == []


def test_a_second_pencil_on_a_day_they_do_not_work_for_us_is_no_finding(minimal: Path) -> None:
    edit(
        minimal / "crew.yaml",
        TOMS_WINDOW,
        TOMS_WINDOW + "  days: [1]\n  holds:\n    - {from: 2027-03-03, to: 2027-03-05, rank: 2}\n",
    )
    assert found(minimal, "availability") == []


# ---- holds: in order, decided in time ----------------------------------------------------------


def test_a_pencil_still_open_on_its_date_is_fine(minimal: Path) -> None:
    hold(minimal, "    - {from: 2027-04-05, to: 2027-04-09, rank: 1, for: Tatort Kiel, until: 2027-03-02}\n")
    assert found(minimal, "holds", dt.date(2027, 3, 2)) == []


def test_a_pencil_still_open_after_its_date_is_a_warning(minimal: Path) -> None:
    hold(minimal, "    - {from: 2027-04-05, to: 2027-04-09, rank: 1, for: Tatort Kiel, until: 2027-03-02}\n")
    assert found(minimal, "holds", dt.date(2027, 3, 3)) == [
        (
            "crew.yaml:17:76",
            "warning",
            'Tom Reuter\'s pencil for "Tatort Kiel" (2027-04-05 to 2027-04-09) was to be confirmed or released by 2027-03-02',
        )
    ]


@pytest.mark.parametrize("status", ["confirmed", "released"])
def test_a_decided_pencil_is_not_chased(minimal: Path, status: str) -> None:
    hold(minimal, f"    - {{from: 2027-04-05, to: 2027-04-09, rank: 1, until: 2027-03-02, status: {status}}}\n")
    assert found(minimal, "holds", dt.date(2027, 3, 3)) == []


def test_without_a_date_to_judge_by_pencils_are_not_chased(minimal: Path) -> None:
    hold(minimal, "    - {from: 2027-04-05, to: 2027-04-09, rank: 1, until: 2027-03-02}\n")
    assert found(minimal, "holds") == []


def test_a_pencil_ending_before_it_starts_is_an_error(minimal: Path) -> None:
    hold(minimal, "    - {from: 2027-04-05, to: 2027-04-04, rank: 1}\n")
    assert found(minimal, "holds") == [("crew.yaml:17:30", "error", "the pencil ends 2027-04-04, before it starts 2027-04-05")]


def test_a_pencil_rank_is_1_2_or_3(minimal: Path) -> None:
    hold(minimal, "    - {from: 2027-04-05, to: 2027-04-09, rank: 4}\n")
    _, findings = validate(minimal)
    assert [(str(f.pos), f.message) for f in findings.errors] == [
        ("crew.yaml:17:48", "rank: 4 is out of range; it must be from 1 to 3")
    ]


# ---- a department with nobody who can work ------------------------------------------------------


def test_a_department_whose_only_member_cannot_work_is_an_error(minimal: Path) -> None:
    hold(minimal, "    - {from: 2027-03-03, to: 2027-03-03, rank: 1, for: Tatort Kiel}\n")
    assert found(minimal, "department-cover") == [
        (
            "schedule.yaml:19:3",
            "error",
            "nobody in lighting can work on day 2 (2027-03-03), which calls them: Tom Reuter (first pencil elsewhere)",
        )
    ]


def test_the_error_points_at_the_department_s_own_call(minimal: Path) -> None:
    hold(minimal, "    - {from: 2027-03-03, to: 2027-03-03, rank: 1}\n")
    edit(
        minimal / "schedule.yaml", '  crew_call: "17:00"\n', '  crew_call: "17:00"\n  department_calls:\n    lighting: "16:00"\n'
    )
    assert [f[0] for f in found(minimal, "department-cover")] == ["schedule.yaml:25:5"]


def test_a_department_with_someone_who_can_work_is_fine(minimal: Path) -> None:
    hold(minimal, "    - {from: 2027-03-03, to: 2027-03-03, rank: 1}\n")
    edit(
        minimal / "crew.yaml",
        "- id: lea\n",
        "- id: ben\n  name: Ben Otto\n  role: Electrician\n  department: lighting\n- id: lea\n",
    )
    assert found(minimal, "department-cover") == []


def test_a_department_not_called_that_day_needs_nobody(minimal: Path) -> None:
    edit(
        minimal / "crew.yaml",
        TOMS_WINDOW,
        TOMS_WINDOW + "  days: [1]\n  holds:\n    - {from: 2027-03-03, to: 2027-03-03, rank: 1}\n",
    )
    assert found(minimal, "department-cover") == []


# ---- the grid and one day's cover --------------------------------------------------------------------


def codes(context: dict[str, object], name: str) -> list[str]:
    for block in context["blocks"]:  # type: ignore[attr-defined]
        for group in block["groups"]:
            for person in group["people"]:
                if person["name"] == name:
                    return [c["code"] for c in person["cells"]]
    raise AssertionError(f"{name} is not in the grid")


def test_the_example_grid_shows_booked_free_unavailable_and_pencils() -> None:
    context = availability.availability_grid(loaded(EXAMPLE))
    #                                    1    2    3    4    5    6    7     8     9     10    11   12    13   14   15
    assert codes(context, "Kai Behrens") == ["O", "O", "F", "B", "B", "U", "P1", "P1", "P1", "P1", "O", "O", "O", "O", "O"]
    assert codes(context, "Rosa Lehmann") == ["O", "O", "O", "O", "O", "O", "O", "F", "F", "B", "U", "P2", "B", "F", "O"]
    assert codes(context, "Ben Schröder").count("B") == 2
    names = {p["name"] for block in context["blocks"] for g in block["groups"] for p in g["people"]}
    assert not names & {"Jens Oltmanns", "Katrin Mahler", "Nadia Rahimi", "Paul Wendt"}  # staff
    assert not names & {"Mia Kruse", "Leon Fischer", "Jan Baumann"}  # interns, office only
    assert [e["code"] for e in context["legend"]] == ["B", "F", "U", "O", "X", "P"]


def test_a_clash_is_marked_where_we_count_on_someone(minimal: Path) -> None:
    hold(minimal, "    - {from: 2027-03-01, to: 2027-03-01, rank: 2}\n    - {from: 2027-03-03, to: 2027-03-03, rank: 1}\n")
    cells = availability.availability_grid(load_folder(minimal)[0])["blocks"][0]["groups"][1]["people"][0]["cells"]  # type: ignore[index]
    assert cells == [{"code": "B P2", "booked": True, "clash": True}, {"code": "P1", "booked": False, "clash": True}]


def test_one_day_lists_per_department_who_works_who_is_free_and_who_cannot_come() -> None:
    context = availability.availability_day(loaded(EXAMPLE), common.find_day(loaded(EXAMPLE), "8"))
    grip = next(d for d in context["departments"] if d["department"] == "Grip")
    assert [p["name"] for p in grip["working"]] == ["Henning Wulf", "Piotr Nowak"]
    assert grip["missing"] == [
        {"name": "Kai Behrens", "role": "Grip (day player)", "why": "1st pencil elsewhere: Der Kiel-Krimi (NDR), until 5 Mar"}
    ]
    lighting = next(d for d in context["departments"] if d["department"] == "Lighting")
    assert [p["name"] for p in lighting["free"]] == ["Ben Schröder"]
    assert context["day"] == {"title": "Day 8 of 15", "date": "Wednesday, 10 March 2027"}


def test_availability_command_writes_the_grid_on_one_landscape_page(tmp_path: Path) -> None:
    import pypdf

    result = invoke("availability", "-C", str(EXAMPLE), "--out", str(tmp_path), "--format", "pdf", "--format", "html")
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(tmp_path / "availability.pdf")
    assert len(reader.pages) == 1
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height
    text = flat(pdf_text(tmp_path / "availability.pdf"))
    for expected in ("CREW AVAILABILITY", "Kai Behrens", "P1", "Rosa Lehmann", "P2", "booked with us", "pencilled elsewhere"):
        assert expected in text


def test_availability_of_one_day_names_the_file_by_the_day(tmp_path: Path) -> None:
    result = invoke("availability", "8", "-C", str(EXAMPLE), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    text = flat(pdf_text(tmp_path / "2027-03-10-day-08-availability.pdf"))
    assert "DAY 8 OF 15" in text and "1st pencil elsewhere: Der Kiel-Krimi (NDR), until 5 Mar" in text
