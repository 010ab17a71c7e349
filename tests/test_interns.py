"""Interns: called within the signed agreement, with their supervisor, within their hours, for at least minimum wage
where the law says so; the intern list and the agreement German law requires in writing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import EXAMPLE, append, bare, edit, invoke, loaded, pdf_text

from coord import agreements
from coord.checks import CheckOptions, validate
from coord.documents import agreement, interns

#: Lea, the minimal production's driver, as an intern supervised by Pia; she works day 1 (1 March) and day 2 (3 March).
INTERNSHIP = """- id: intern-lea
  crew: lea
  kind: mandatory
  supervisor: pia
  start: 2027-03-01
  end: 2027-03-03
  learning_goals: [Driving the cast safely]
  daily_hours: 8
  hours_per_week: 20
  leave: 0
  stipend: {amount: 300.00, per: month}
  agreement_signed: 2027-02-20
"""
SETTINGS = "interns:\n  minimum_wage: 14.60\n  collective_agreements: None apply.\n"


def found(folder: Path, check: str) -> list[tuple[str, str, str]]:
    _, findings = validate(folder, CheckOptions(today=dt.date(2027, 3, 1)))
    return [(str(f.pos), f.level, f.message) for f in findings if f.check == check]


@pytest.fixture
def intern(minimal: Path) -> Path:
    edit(
        minimal / "crew.yaml",
        '  phone: "0176 3333333"\n',
        '  phone: "0176 3333333"\n  intern: yes\n  address: Weg 1, 20095 Hamburg\n',
    )
    (minimal / "interns.yaml").write_text(INTERNSHIP, encoding="utf-8")
    append(minimal / "production.yaml", SETTINGS)
    return minimal


def internship(folder: Path) -> agreements.m.Intern:
    return loaded(folder).interns[0]


# ---- within the agreement ---------------------------------------------------------------------------


def test_an_intern_called_on_the_first_and_last_day_of_the_signed_agreement_is_fine(intern: Path) -> None:
    assert found(intern, "intern-days") == []


def test_an_intern_called_before_the_internship_starts_is_an_error(intern: Path) -> None:
    edit(intern / "interns.yaml", "  start: 2027-03-01", "  start: 2027-03-02")
    assert found(intern, "intern-days") == [
        ("interns.yaml:5:10", "error", "Lea Wolf is called on day 1, before the internship starts on 2027-03-02")
    ]


def test_an_intern_called_after_the_internship_ends_is_an_error(intern: Path) -> None:
    edit(intern / "interns.yaml", "  end: 2027-03-03", "  end: 2027-03-02")
    assert found(intern, "intern-days") == [
        ("interns.yaml:6:8", "error", "Lea Wolf is called on day 2, after the internship ends on 2027-03-02")
    ]


def test_an_intern_called_before_the_agreement_was_signed_is_an_error(intern: Path) -> None:
    edit(intern / "interns.yaml", "  agreement_signed: 2027-02-20", "  agreement_signed: 2027-03-02")
    assert found(intern, "intern-days") == [
        ("interns.yaml:12:21", "error", "Lea Wolf is called on day 1 before the agreement was signed on 2027-03-02")
    ]


def test_an_agreement_signed_on_the_first_day_is_in_time(intern: Path) -> None:
    edit(intern / "interns.yaml", "  agreement_signed: 2027-02-20", "  agreement_signed: 2027-03-01")
    assert found(intern, "intern-days") == []


def test_an_intern_called_without_a_signed_agreement_is_an_error(intern: Path) -> None:
    edit(intern / "interns.yaml", "  agreement_signed: 2027-02-20\n", "")
    assert found(intern, "intern-days") == [
        ("interns.yaml:1:3", "error", "Lea Wolf is called on days 1 and 2 and the agreement is not signed")
    ]


def test_an_intern_kept_off_set_outside_the_period_is_fine(intern: Path) -> None:
    edit(intern / "interns.yaml", "  end: 2027-03-03", "  end: 2027-03-02")
    edit(intern / "crew.yaml", "  intern: yes\n", "  intern: yes\n  days: [1]\n")
    assert found(intern, "intern-days") == []


# ---- with their supervisor, within their hours -----------------------------------------------------------


def test_a_supervisor_who_does_not_work_the_day_the_intern_does_is_a_warning(intern: Path) -> None:
    edit(intern / "crew.yaml", "  email: pia@testfilms.example\n", "  email: pia@testfilms.example\n  days: [1]\n")
    assert found(intern, "intern-supervisor") == [
        ("interns.yaml:4:15", "warning", "Pia Sommer, who supervises Lea Wolf, does not work on day 2, when Lea Wolf is called")
    ]


def test_a_supervisor_working_every_day_the_intern_does_is_fine(intern: Path) -> None:
    assert found(intern, "intern-supervisor") == []


def wrap_day_two(folder: Path, wrap: str) -> None:
    edit(folder / "schedule.yaml", '  wrap: "25:30"', f'  wrap: "{wrap}"')


def test_a_week_of_exactly_the_agreed_hours_is_fine(intern: Path) -> None:
    wrap_day_two(intern, "25:45")  # 7:30-18:45 is 11 h 15, 17:00-01:45 is 8 h 45: 20 h
    assert found(intern, "intern-hours") == []


def test_a_minute_beyond_the_agreed_hours_a_week_is_a_warning(intern: Path) -> None:
    wrap_day_two(intern, "25:46")
    assert found(intern, "intern-hours") == [
        (
            "interns.yaml:9:19",
            "warning",
            "Lea Wolf is called for 20 h 01 in the week of 2027-03-01 (days 1 and 2), beyond the 20 h a week agreed",
        )
    ]


def test_the_reported_crew_wrap_counts_instead_of_the_planned_one(intern: Path) -> None:
    wrap_day_two(intern, "25:45")
    (intern / "reports").mkdir()
    (intern / "reports" / "day-01.yaml").write_text('day: 1\ncrew_wrap: "18:46"\n', encoding="utf-8")
    [(_, _, message)] = found(intern, "intern-hours")
    assert message.startswith("Lea Wolf is called for 20 h 01 in the week of 2027-03-01")


def test_weeks_run_from_monday() -> None:
    mia = next(c for c in loaded(EXAMPLE).crew if c.id == "mia-kruse")
    weeks = agreements.planned_weeks(loaded(EXAMPLE), mia)
    # Day 1 from the daily report: 07:00-19:15; days 3, 5, 8: 11 h; day 10: 17:00-03:30; days 12 and 14: 11 h.
    assert [(w.monday, w.days, w.minutes) for w in weeks] == [
        (dt.date(2027, 3, 1), [1, 3, 5], (12 * 60 + 15) + 2 * 11 * 60),
        (dt.date(2027, 3, 8), [8, 10], 11 * 60 + 10 * 60 + 30),
        (dt.date(2027, 3, 15), [12, 14], 2 * 11 * 60),
    ]


# ---- the minimum wage (MiLoG §22(1)) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "last"),
    [
        (dt.date(2027, 2, 22), 3, dt.date(2027, 5, 21)),
        (dt.date(2027, 1, 1), 3, dt.date(2027, 3, 31)),
        (dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28)),
        (dt.date(2027, 11, 15), 3, dt.date(2028, 2, 14)),
    ],
)
def test_a_period_of_months_ends_as_the_civil_code_counts_it(start: dt.date, months: int, last: dt.date) -> None:
    assert agreements.period_end(start, months) == last


def orientation(folder: Path, end: str, pay: str = "{amount: 0.00, per: month}") -> None:
    edit(folder / "interns.yaml", "  kind: mandatory", "  kind: orientation")
    edit(folder / "interns.yaml", "  start: 2027-03-01\n  end: 2027-03-03", f"  start: 2027-01-01\n  end: {end}")
    edit(folder / "interns.yaml", "  stipend: {amount: 300.00, per: month}", f"  stipend: {pay}")


def test_an_orientation_internship_of_three_months_owes_no_minimum_wage(intern: Path) -> None:
    orientation(intern, "2027-03-31")
    assert found(intern, "intern-minimum-wage") == []


def test_an_orientation_internship_a_day_over_three_months_owes_the_minimum_wage(intern: Path) -> None:
    orientation(intern, "2027-04-01")
    assert found(intern, "intern-minimum-wage") == [
        (
            "interns.yaml:11:12",
            "warning",
            "the internship of lea: an orientation internship longer than three months owes the minimum wage for the whole "
            "internship (MiLoG §22(1) nos. 2 and 3) of EUR 14.60 an hour, but pays EUR 0.00 an hour",
        )
    ]


@pytest.mark.parametrize(("per_hour", "warned"), [("14.60", False), ("14.59", True)])
def test_pay_at_the_minimum_wage_is_enough(intern: Path, per_hour: str, warned: bool) -> None:
    orientation(intern, "2027-04-01", f"{{amount: {per_hour}, per: hour}}")
    assert bool(found(intern, "intern-minimum-wage")) is warned


def test_a_voluntary_internship_owes_the_minimum_wage_from_the_first_day(intern: Path) -> None:
    edit(intern / "interns.yaml", "  kind: mandatory", "  kind: voluntary")
    [(_, _, message)] = found(intern, "intern-minimum-wage")
    assert message == (
        "the internship of lea: a voluntary internship owes the minimum wage from the first day (MiLoG §22(1)) "
        "of EUR 14.60 an hour, but pays EUR 3.46 an hour"  # 300.00 a month for 20 h a week: 300 / (20 × 13 / 3)
    )


def test_a_mandatory_internship_never_owes_the_minimum_wage(intern: Path) -> None:
    edit(intern / "interns.yaml", "  start: 2027-03-01\n  end: 2027-03-03", "  start: 2027-01-01\n  end: 2027-12-31")
    assert found(intern, "intern-minimum-wage") == []


def test_without_the_minimum_wage_setting_the_pay_cannot_be_checked(intern: Path) -> None:
    orientation(intern, "2027-04-01")
    edit(intern / "production.yaml", "  minimum_wage: 14.60\n", "")
    [(_, level, message)] = found(intern, "intern-minimum-wage")
    assert level == "warning" and message.endswith("owes the minimum wage for the whole internship (MiLoG §22(1) nos. 2 and 3)")


def test_the_minimum_wage_is_checked_only_under_german_law(intern: Path) -> None:
    orientation(intern, "2027-04-01")
    edit(intern / "production.yaml", "country: DE", "country: AT")
    assert found(intern, "intern-minimum-wage") == []


def test_pay_per_month_without_weekly_hours_cannot_be_turned_into_an_hourly_rate(intern: Path) -> None:
    orientation(intern, "2027-04-01")
    edit(intern / "interns.yaml", "  hours_per_week: 20\n", "")
    [(_, _, message)] = found(intern, "intern-minimum-wage")
    assert message.endswith("and its pay per hour cannot be worked out")


def test_hourly_pay_from_the_agreed_hours(intern: Path) -> None:
    assert agreements.hourly_pay(internship(intern)) == Decimal("300.00") / (Decimal(20) * 13 / 3)


# ---- what NachwG §2(1a) requires in writing ---------------------------------------------------------


def test_an_agreement_with_every_element_the_law_requires_is_fine(intern: Path) -> None:
    assert found(intern, "intern-agreement-elements") == []


def test_an_agreement_missing_elements_the_law_requires_is_a_warning(intern: Path) -> None:
    edit(intern / "interns.yaml", "  learning_goals: [Driving the cast safely]\n", "")
    edit(intern / "interns.yaml", "  leave: 0\n", "")
    edit(intern / "crew.yaml", "  address: Weg 1, 20095 Hamburg\n", "")
    assert found(intern, "intern-agreement-elements") == [
        (
            "interns.yaml:1:3",
            "warning",
            "the agreement of Lea Wolf lacks what NachwG §2(1a) requires in writing before the start: "
            "Lea Wolf's address (address: in crew.yaml), the learning goals, the leave",
        )
    ]


# ---- the intern list and the agreement ----------------------------------------------------------------


def test_the_intern_list_of_the_example() -> None:
    rows = interns.intern_list(loaded(EXAMPLE))["interns"]
    assert [(r["name"], r["kind"], r["supervisor"], r["period"], r["hours"], r["stipend"]) for r in rows] == [
        (
            "Mia Kruse",
            "mandatory",
            "Nadia Rahimi (Production Coordinator)",
            "22 February 2027 – 26 March 2027",
            "8 hours a day, 40 hours a week",
            "EUR 600.00 per month",
        ),
        (
            "Leon Fischer",
            "alongside studies",
            "Jana Petersen (1st Assistant Camera)",
            "26 February 2027 – 20 March 2027",
            "10 hours a day, 40 hours a week",
            "EUR 450.00 per month",
        ),
    ]
    assert (rows[0]["set_days"], rows[0]["busiest"], rows[1]["leave"]) == (
        "1, 3, 5, 8, 10, 12, 14",
        "34:15 h, week of 1 Mar",
        "1 day",
    )


def test_interns_command_writes_the_list(tmp_path: Path) -> None:
    result = invoke("interns", "-C", str(EXAMPLE), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    text = pdf_text(tmp_path / "interns.pdf")
    for expected in (
        "INTERNS",
        "MIA KRUSE",
        "Nadia Rahimi (Production Coordinator)",
        "EUR 450.00 per month",
        "34:15 h, week of 1 Mar",
    ):
        assert bare(expected) in bare(text), expected


def test_the_agreement_states_the_seven_elements_nachwg_requires(intern: Path) -> None:
    [item] = agreement.items(loaded(intern), ["lea"])
    context = item.context
    assert (item.name, item.variants) == ("agreement-intern-lea", ("intern-lea", "intern"))
    assert [p["lines"] for p in context["parties"]] == [["Hafenstraße 1, 20457 Hamburg"], ["Weg 1, 20095 Hamburg"]]
    assert [(c["title"], c["paragraphs"], c["bullets"]) for c in context["clauses"]] == [
        ("1. Learning and training goals", [], ["Driving the cast safely"]),
        (
            "2. Start and duration",
            [
                "The mandatory internship starts on 1 March 2027 and ends on 3 March 2027 (3 days).",
                "Pia Sommer (Production Coordinator) supervises the intern in the Production department.",
            ],
            [],
        ),
        ("3. Working hours", ["The regular working time is 8 hours a day and 20 hours a week."], []),
        ("4. Pay", ["The intern is paid EUR 300.00 per month."], []),
        ("5. Leave", ["0 days of paid leave."], []),
        ("6. Applicable agreements", ["None apply."], []),
    ]


def test_the_german_agreement_of_an_unpaid_internship(intern: Path) -> None:
    edit(intern / "interns.yaml", "  stipend: {amount: 300.00, per: month}", "  stipend: {amount: 0.00, per: month}")
    edit(intern / "interns.yaml", "  leave: 0", "  leave: 1")
    context = agreement.items(loaded(intern), ["intern-lea"], language="de")[0].context
    assert context["title"] == "Praktikumsvertrag"
    paragraphs = [p for c in context["clauses"] for p in c["paragraphs"]]
    assert "Das Pflichtpraktikum beginnt am 1.3.2027 und endet am 3.3.2027 (3 Tage)." in paragraphs
    assert "Die regelmäßige Praktikumszeit beträgt 8 Stunden täglich und 20 Stunden wöchentlich." in paragraphs
    assert "Das Praktikum ist unvergütet." in paragraphs
    assert "1 Tag bezahlter Urlaub." in paragraphs
    assert context["intro"].startswith("Dieser Vertrag hält die wesentlichen Bedingungen des Praktikums nach § 2 Abs. 1a NachwG")


def test_the_example_intern_agreement_in_german_reads_back_from_its_pdf(tmp_path: Path) -> None:
    result = invoke("agreement", "internship-leon-fischer", "--language", "de", "-C", str(EXAMPLE), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    text = pdf_text(tmp_path / "agreement-internship-leon-fischer.pdf")
    for expected in (
        "Praktikumsvertrag",
        "Lern- und Ausbildungsziele",
        "Das studienbegleitende Praktikum beginnt am 26.2.2027 und endet am 20.3.2027 (23 Tage).",
        "Die regelmäßige Praktikumszeit beträgt 10 Stunden täglich und 40 Stunden wöchentlich.",
        "Der/Die Praktikant/in erhält 450,00 EUR pro Monat.",
        "1 Tag bezahlter Urlaub.",
        "Anwendbare Vereinbarungen",
        "Stellinger Weg 48, 20255 Hamburg",
        "Vertraulich: enthält personenbezogene Daten",
        "Ort, Datum · Unterschrift",
    ):
        assert bare(expected) in bare(text), expected
