"""Checks that catch what a crew would otherwise find on set, one mistake at a time."""

from __future__ import annotations

from pathlib import Path

from conftest import append, edit, invoke

from coord.checks import validate


def findings_of(folder: Path, level: str = "error", check: str | None = None) -> list[tuple[str, str]]:
    _, findings = validate(folder)
    return [(str(f.pos), f.message) for f in findings if f.level == level and check in (None, f.check)]


def test_on_set_before_make_up_is_an_error_even_with_wardrobe_between(minimal: Path) -> None:
    edit(
        minimal / "schedule.yaml",
        '      makeup: "07:15"\n      on_set: "08:30"',
        '      makeup: "09:00"\n      wardrobe: "07:10"\n      on_set: "07:45"',
    )
    assert findings_of(minimal) == [("schedule.yaml:13:15", "mira's on_set 07:45 is before their makeup 09:00")]


def test_make_up_and_wardrobe_may_come_in_either_order(minimal: Path) -> None:
    edit(
        minimal / "schedule.yaml",
        '      makeup: "07:15"\n      on_set: "08:30"',
        '      makeup: "07:40"\n      wardrobe: "07:10"\n      on_set: "08:30"',
    )
    assert findings_of(minimal) == []


def test_cast_call_and_transport_pickup_must_agree(minimal: Path) -> None:
    edit(minimal / "transport.yaml", 'time: "06:45"', 'time: "06:15"')
    assert findings_of(minimal, "warning") == [
        ("transport.yaml:7:11", "mira's pickup on day 1 is 06:15 here but 06:45 in the cast call")
    ]


def test_report_times_out_of_order_point_at_the_midnight_rule(minimal: Path) -> None:
    (minimal / "reports").mkdir()
    (minimal / "reports" / "day-02.yaml").write_text('day: 2\ncrew_call: "17:00"\ncamera_wrap: "01:10"\n', encoding="utf-8")
    _, findings = validate(minimal)
    [error] = findings.errors
    assert (str(error.pos), error.message, error.hint) == (
        "reports/day-02.yaml:3:14",
        "camera_wrap 01:10 is before crew_call 17:00",
        "after midnight count on: write 01:10 the next morning as 25:10",
    )


def test_internship_without_a_signed_agreement_is_flagged(minimal: Path) -> None:
    edit(minimal / "crew.yaml", "  role: Driver\n", "  role: Driver\n  intern: yes\n")
    (minimal / "interns.yaml").write_text(
        "- id: intern-lea\n  crew: lea\n  supervisor: pia\n  start: 2027-02-22\n  end: 2027-03-26\n", encoding="utf-8"
    )
    assert findings_of(minimal, "warning", "interns") == [("interns.yaml:1:3", "the internship of lea has no signed agreement")]
    append(minimal / "interns.yaml", "  agreement_signed: 2027-03-01\n")
    assert findings_of(minimal, "warning", "interns") == [
        ("interns.yaml:6:21", "the agreement of lea was signed 2027-03-01, after the internship started")
    ]


def test_a_timezone_that_is_a_folder_name_is_a_finding_not_a_crash(minimal: Path) -> None:
    edit(minimal / "production.yaml", "timezone: Europe/Berlin", "timezone: Europe")
    assert findings_of(minimal) == [("production.yaml:6:11", 'timezone: "Europe" is not a known timezone')]


def test_an_absurdly_long_number_is_a_finding_not_a_crash(minimal: Path) -> None:
    edit(minimal / "cast.yaml", "  number: 1\n", "  number: " + "9" * 5000 + "\n")
    [(where, message)] = findings_of(minimal)
    assert where == "cast.yaml:2:11" and message.startswith("number: ") and message.endswith("is not a whole number")


def test_a_folder_named_production_is_not_read(minimal: Path) -> None:
    (minimal / "production").mkdir()
    (minimal / "production" / "notes.yaml").write_text("title: Stray\n", encoding="utf-8")
    assert findings_of(minimal) == []


def test_a_hotel_id_with_a_space_gives_findings_not_a_crash(minimal: Path) -> None:
    (minimal / "hotels.yaml").write_text("- id: hotel seeblick\n  name: Seeblick\n  address: Seeweg 1\n", encoding="utf-8")
    edit(minimal / "transport.yaml", "from: Hotel Seeblick, Seeweg 1, Hamburg", "from: seeblick")
    result = invoke("validate", str(minimal))
    assert result.exit_code == 1
    assert 'hotels.yaml:1:7: error: id: "hotel seeblick" is not a usable id' in result.output


def test_an_unknown_working_time_profile_is_an_error_with_a_suggestion(minimal: Path) -> None:
    append(minimal / "production.yaml", "working_time: de-flim\n")
    _, findings = validate(minimal)
    [error] = findings.errors
    assert (str(error.pos), error.message) == ("production.yaml:12:15", 'working_time: "de-flim" is not a working-time profile')
    assert error.hint.startswith('did you mean "de-film"? coord ships: at-film, de-film, eu,')


def test_an_empty_value_counts_as_not_given(minimal: Path) -> None:
    """`crew_call:` with nothing after it is as missing as no line at all; a value that failed to load is not."""
    edit(minimal / "schedule.yaml", "  crew_call: 7:30\n", "  crew_call:\n")
    edit(minimal / "cast.yaml", "  date_of_birth: 2015-06-01\n", "  date_of_birth: ~\n")
    assert findings_of(minimal) == [
        ("cast.yaml:15:10", "finn is a minor but has no date_of_birth"),
        ("schedule.yaml:5:13", "shoot day 1 has no crew call"),
    ]
    edit(minimal / "schedule.yaml", "  crew_call:\n", "  crew_call: half past seven\n")
    assert [m for _, m in findings_of(minimal)] == [
        "finn is a minor but has no date_of_birth",
        'crew_call: "half past seven" is not a time; write it as HH:MM, e.g. "06:30"',
    ]


def test_a_shoot_day_with_an_empty_number_is_an_error(minimal: Path) -> None:
    edit(minimal / "schedule.yaml", "- day: 1\n", "- day:\n")
    assert ("schedule.yaml:1:7", "the shoot day on 2027-03-01 has no day number") in findings_of(minimal)


def test_a_timezone_in_the_wrong_case_gets_the_right_spelling_and_the_computer_s_own_is_refused(minimal: Path) -> None:
    edit(minimal / "production.yaml", "timezone: Europe/Berlin", "timezone: europe/berlin")
    [error] = validate(minimal)[1].errors
    assert (error.message, error.hint) == ('timezone: "europe/berlin" is not a known timezone', 'did you mean "Europe/Berlin"?')
    edit(minimal / "production.yaml", "timezone: europe/berlin", "timezone: localtime")
    [error] = validate(minimal)[1].errors
    assert error.message == 'timezone: "localtime" is not a place: times would depend on the computer that reads them'
