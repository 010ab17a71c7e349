"""Working-time profiles as data, the example production under them, and one planted breach per rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLE, append, edit, invoke

from coord.checks import validate
from coord.load import load_folder
from coord.workrules import evaluate
from coord.worktime import profiles, shipped


def breaches_of(root: Path) -> set[tuple[str, str, int]]:
    """(rule, person, shoot day) of every breach, accepted ones included."""
    folder, _ = load_folder(root)
    assert folder is not None
    people, days = evaluate(folder)
    return {(b.rule, b.person, b.shift.number) for b in [*(b for who in people for b in who.breaches), *days]}


# ---- the profiles ----------------------------------------------------------------------------


def test_coord_ships_the_profiles_the_issue_asks_for_each_number_with_a_source() -> None:
    assert {"eu", "de-film", "at-film", "uk-pact-bectu", "us-sag-aftra", "us-iatse"} <= set(shipped())
    sag = shipped()["us-sag-aftra"]
    assert sag.meals is not None and [str(p) for p in sag.meals.penalties] == ["25", "35", "50"]
    assert sag.week is not None and (sag.week.rest, sag.week.late_start_rest, sag.week.six_day_rest) == (
        56 * 60,
        54 * 60,
        36 * 60,
    )
    assert [(b.from_age.days, b.from_age.months, b.from_age.years) for b in sag.minors][:2] == [(15, 0, 0), (0, 6, 0)]
    iatse = shipped()["us-iatse"]
    assert iatse.rest is not None and iatse.rest.daily == 10 * 60


def test_each_shipped_profile_is_named_like_its_file() -> None:
    for path in (Path(__file__).parent.parent / "coord" / "profiles").glob("*.yaml"):
        assert shipped()[path.stem].name == path.stem


def test_a_plain_working_time_name_still_works_for_crew_and_cast(example_copy: Path) -> None:
    folder, _ = load_folder(example_copy)
    assert folder is not None and folder.production.working_time is not None
    assert (folder.production.working_time.crew, folder.production.working_time.cast) == ("de-film", "de-film")
    found = profiles(folder)
    assert found.of(next(c for c in folder.cast if c.id == "jonas")) is found.named("DE-FILM")


def test_crew_and_cast_may_work_under_different_profiles_and_a_person_under_their_own(minimal: Path) -> None:
    append(minimal / "production.yaml", "working_time: {crew: us-iatse, cast: us-sag-aftra}\n")
    edit(minimal / "crew.yaml", "  role: Gaffer\n", "  role: Gaffer\n  working_time: uk-pact-bectu\n")
    folder, _ = load_folder(minimal)
    assert folder is not None
    found = profiles(folder)
    by_id = {p.id: p for p in (*folder.crew, *folder.cast)}
    assert [found.name_of(by_id[i]) for i in ("pia", "tom", "mira")] == ["us-iatse", "uk-pact-bectu", "us-sag-aftra"]


def test_validate_profile_checks_everyone_against_another_profile_and_the_files_stay_as_they_are(
    example_copy: Path,
) -> None:
    """`--profile` asks what shooting under another agreement would break: the example, clean under de-film, breaks
    SAG-AFTRA's 12-hour rest, planned and reported, each at its line, while production.yaml still names de-film."""
    before = (example_copy / "production.yaml").read_bytes()
    assert invoke("validate", "--strict", str(example_copy)).exit_code == 0
    result = invoke("validate", str(example_copy), "--profile", "US-SAG-AFTRA", "--format", "json")
    findings = json.loads(result.output)["findings"]
    rest = [f for f in findings if f["check"] == "working-time" and "us-sag-aftra needs 12:00 h" in f["message"]]
    assert {f["file"] for f in rest} >= {"schedule.yaml", "reports/day-02.yaml"}, "planned and reported days"
    assert all(f["line"] > 0 for f in rest)
    assert not any("de-film" in f["message"] for f in findings if f["check"] == "working-time")
    assert (example_copy / "production.yaml").read_bytes() == before
    assert invoke("validate", "--strict", str(example_copy), "--profile", "de-film").exit_code == 0


def test_validate_profile_with_a_name_that_is_no_profile_says_which_there_are(example_copy: Path) -> None:
    result = invoke("validate", str(example_copy), "--profile", "de-flim")
    assert result.exit_code == 1
    assert result.output.startswith('Error: --profile: "de-flim" is not a working-time profile; did you mean "de-film"?')
    assert "coord ships: at-film, de-film, eu" in result.output


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("", "Error: --profile needs the name of a working-time profile, e.g. --profile eu"),
        ("Default", "Error: --profile default checks nobody: it is the numbers the call sheet uses when no profile is named"),
        ("broken", 'Error: --profile: the profile "broken" of working-time.yaml cannot be made: working-time.yaml:2:13: '),
    ],
)
def test_validate_profile_refuses_a_profile_that_checks_nobody_or_cannot_be_made(
    example_copy: Path, name: str, said: str
) -> None:
    (example_copy / "working-time.yaml").write_text("- name: broken\n  based_on: nonexistent\n", encoding="utf-8")
    result = invoke("validate", str(example_copy), "--profile", name)
    assert result.exit_code == 1 and result.output.startswith(said), result.output


def test_a_production_changes_single_numbers_of_a_shipped_profile(minimal: Path) -> None:
    append(minimal / "production.yaml", "working_time: de-film\n")
    (minimal / "working-time.yaml").write_text(
        '- name: de-film\n  rest:\n    daily: "12:00"\n  minors:\n    - {from: 15 years, to: 18 years, latest: "23:00", source: "JArbSchG §14(7); permit 12"}\n',
        encoding="utf-8",
    )
    folder, _ = load_folder(minimal)
    assert folder is not None
    de = profiles(folder).named("de-film")
    assert de is not None and de.rest is not None and de.meals is not None and de.week is not None
    assert (de.rest.daily, de.rest.days_off_rest, de.meals.first_within) == (12 * 60, 59 * 60, 6 * 60)  # one number changed
    assert de.rest.source == "TV FFS TZ 5.9.1, 5.9.3, 5.2.5.4; ArbZG §5; changed in working-time.yaml:3:5"
    assert de.week.max_days == 12  # inherited from eu
    teen = de.minors[-1]
    assert (len(de.minors), str(teen.latest), teen.work, teen.rest) == (3, "23:00", 8 * 60, 12 * 60)  # the band merged by age
    assert teen.source == "JArbSchG §14(7); permit 12; the other numbers: JArbSchG §8, §13, §14"
    _, found = validate(minimal)
    assert [(str(f.pos), f.message) for f in found.warnings if f.check == "working-time-profile"] == [
        ("working-time.yaml:3:5", "profile de-film: the numbers under rest do not say where they come from")
    ]


def test_a_production_profile_of_its_own_is_based_on_another(minimal: Path) -> None:
    append(minimal / "production.yaml", "working_time: {crew: eu, cast: our-cast}\n")
    (minimal / "working-time.yaml").write_text(
        "- name: our-cast\n  based_on: us-sag-aftra\n  meals:\n    penalties: [30, 40, 60]\n    source: deal memo 7\n",
        encoding="utf-8",
    )
    folder, findings = load_folder(minimal)
    assert folder is not None and not findings
    ours = profiles(folder).named("our-cast")
    assert ours is not None and ours.meals is not None and ours.rest is not None
    assert ([str(p) for p in ours.meals.penalties], ours.meals.first_within, ours.rest.daily) == (["30", "40", "60"], 360, 720)


@pytest.mark.parametrize(
    ("text", "place", "message"),
    [
        ("- {name: ours, based_on: de-flim}\n", "working-time.yaml:1:26", 'based_on: "de-flim" is not a working-time profile'),
        (
            "- {name: a, based_on: b}\n- {name: b, based_on: a}\n",
            "working-time.yaml:1:23",
            'profile "a" is based on itself (b → a → b)',
        ),
        (
            "- {name: x, minors: [{from: 16 years, to: 3 years, source: s}]}\n",
            "working-time.yaml:1:43",
            "profile x: a minors' band from 16 years to 3 years",
        ),
        (
            '- {name: x, rest: {daily: "11"}}\n',
            "working-time.yaml:1:27",
            'daily: "11" is not a length of time; write hours and minutes as H:MM, e.g. "11:00" or "0:45"',
        ),
    ],
)
def test_a_broken_profile_file_is_an_error_at_its_line(minimal: Path, text: str, place: str, message: str) -> None:
    (minimal / "working-time.yaml").write_text(text, encoding="utf-8")
    _, found = validate(minimal)
    assert (place, message) in [(str(f.pos), f.message) for f in found.errors]


def test_an_unknown_profile_of_a_person_is_an_error_at_their_entry(minimal: Path) -> None:
    edit(minimal / "crew.yaml", "  role: Gaffer\n", "  role: Gaffer\n  working_time: uk-pact\n")
    _, found = validate(minimal)
    [error] = found.errors
    assert (str(error.pos), error.message) == ("crew.yaml:10:17", 'working_time: "uk-pact" is not a working-time profile')
    assert error.hint.startswith('did you mean "uk-pact-bectu"?')


# ---- the example ----------------------------------------------------------------------------------


def test_the_example_stays_clean_under_its_profile() -> None:
    result = invoke("validate", "--strict", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    # What happened on days 1 and 2 is accepted in their reports; nothing else breaks a rule.
    assert {(rule, number) for rule, _person, number in breaches_of(EXAMPLE)} == {
        ("day", 1),
        ("breaks", 1),
        ("meals", 1),
        ("meals", 2),
    }


def day_block(folder: Path, number: int) -> str:
    text = (folder / "schedule.yaml").read_text(encoding="utf-8")
    return text.split(f"- day: {number}\n")[1].split("\n- ")[0]


def plant(folder: Path, number: int, old: str, new: str) -> None:
    """Change one line inside shoot day `number` of the example's schedule."""
    block = day_block(folder, number)
    assert block.count(old) == 1, (number, old)
    edit(folder / "schedule.yaml", block, block.replace(old, new))


PLANTED = [
    ("rest", lambda f: plant(f, 8, 'lighting: "06:00"', 'lighting: "05:59"'), "schedule.yaml", "10:59 h of rest between day 7"),
    (
        "day",
        lambda f: (
            plant(f, 15, 'wrap: "19:00"', 'wrap: "22:00"'),
            plant(f, 15, 'lunch: "14:00"', 'lunch: "14:00"\n    second_meal: "19:30"'),
        ),
        "schedule.yaml",
        "h of work on day 15 (planned",
    ),
    (
        "breaks",
        lambda f: edit(f / "reports" / "day-02.yaml", 'lunch_end: "14:10"', 'lunch_end: "13:55"'),
        "reports/day-02.yaml",
        "with 0:30 h of breaks",
    ),
    ("meals", lambda f: plant(f, 12, 'lunch: "13:25"', 'lunch: "14:01"'), "schedule.yaml", "planned first meal at 14:01"),
    (
        "meal-penalty",
        lambda f: (
            plant(f, 12, 'lunch: "13:25"', 'lunch: "14:01"'),
            (f / "working-time.yaml").write_text(
                "- {name: de-film, meals: {penalties: [10], currency: EUR, source: deal memo}}\n", encoding="utf-8"
            ),
        ),
        "schedule.yaml",
        "0 owed",
    ),  # EUR 10.00 or 20.00
    (
        "weekly-rest",
        lambda f: (f / "working-time.yaml").write_text(
            '- {name: de-film, week: {rest: "60:00", source: house agreement}}\n', encoding="utf-8"
        ),
        "schedule.yaml",
        "needs a weekly rest of 60:00 h",
    ),
    (
        "days-in-a-row",
        lambda f: (f / "working-time.yaml").write_text(
            "- {name: de-film, week: {max_days: 4, source: house agreement}}\n", encoding="utf-8"
        ),
        "schedule.yaml",
        "is the 5th working day in a row",
    ),
    (
        "average-week",
        lambda f: (f / "working-time.yaml").write_text(
            "- {name: de-film, week: {average_weeks: 1, source: house agreement}}\n", encoding="utf-8"
        ),
        "schedule.yaml",
        "a week on average over the 1 weeks",
    ),
    (
        "minors",
        lambda f: plant(f, 4, 'wrap: "11:30"', 'wrap: "11:31"'),
        "schedule.yaml",
        "Finn Albers (12 years old): planned 3:01 h of work on day 4",
    ),
]


@pytest.mark.parametrize(("rule", "breach", "file", "message"), PLANTED, ids=[p[0] for p in PLANTED])
def test_one_planted_breach_per_rule_triggers_exactly_that_rule(
    example_copy: Path, rule: str, breach: object, file: str, message: str
) -> None:
    breach(example_copy)  # type: ignore[operator]
    planted = breaches_of(example_copy) - breaches_of(EXAMPLE)
    assert {r for r, _person, _day in planted} == {rule}
    _, found = validate(example_copy)
    assert {f.check for f in found} == {"working-time"}, [f"{f.pos} {f.message}" for f in found if f.check != "working-time"]
    assert {f.pos.file for f in found} <= {file, "transport.yaml"}  # where travel counts, a pickup starts the day
    assert file in {f.pos.file for f in found}
    assert all(message in f.message for f in found), [f.message for f in found][:3]


def test_a_planted_breach_in_a_report_is_an_error_there_and_the_report_is_still_made(example_copy: Path, tmp_path: Path) -> None:
    edit(example_copy / "reports" / "day-02.yaml", 'lunch_end: "14:10"', 'lunch_end: "13:55"')
    result = invoke("validate", str(example_copy))
    assert result.exit_code == 1
    assert "reports/day-02.yaml:12:12: error: Birgit Lund: 9:10 h of work on day 2 with 0:30 h of breaks" in result.output
    made = invoke("report", "2", "--folder", str(example_copy), "--format", "md", "--out", str(tmp_path))
    assert made.exit_code == 0, made.output
