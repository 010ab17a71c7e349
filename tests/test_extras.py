"""Extras: agreements with terms set once in production.yaml, the checks, the background summary and the agreement."""

from __future__ import annotations

import datetime as dt
import re
import stat
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest
from conftest import EXAMPLE, append, bare, edit, flat, invoke, loaded, pdf_text

from coord import agreements
from coord.checks import CheckOptions, validate
from coord.documents import agreement, common, extras
from coord.errors import CoordError

SETTINGS = """extras:
  agreement:
    rate: 100.00
    hours: 8
    overtime: {rate: 10.00}
    rights: {media: all media, territory: worldwide}
  groups:
    Dock workers: {signed: 2027-02-25, rate: 110.00}
"""
EXTRAS = """- id: ex-anna
  name: Anna Weiß
  group: Dock workers
  agreement: {signed: 2027-02-20}
  days: [1]
- id: ex-ben
  name: Ben Kurz
  group: Dock workers
  days: [1]
"""
BACKGROUND = '  background:\n    - {description: Dock workers, count: 2, call: "08:00", report_to: Unit base}\n'
REPORT = 'day: 1\nextras:\n  - {description: Dock workers, count: 2, call: "08:00", wrap: "16:00"}\n'


def found(folder: Path, check: str) -> list[tuple[str, str, str]]:
    _, findings = validate(folder, CheckOptions(today=dt.date(2027, 3, 1)))
    return [(str(f.pos), f.level, f.message) for f in findings if f.check == check]


@pytest.fixture
def crowd(minimal: Path) -> Path:
    """The minimal production with two dock workers on day 1, one with an agreement of her own."""
    append(minimal / "production.yaml", SETTINGS)
    (minimal / "extras.yaml").write_text(EXTRAS, encoding="utf-8")
    edit(minimal / "schedule.yaml", "  wrap: 18:45\n", "  wrap: 18:45\n" + BACKGROUND)
    (minimal / "reports").mkdir()
    (minimal / "reports" / "day-01.yaml").write_text(REPORT, encoding="utf-8")
    return minimal


def extra(folder: Path, id: str) -> agreements.m.Extra:
    return next(e for e in loaded(folder).extras if e.id == id)


def terms(folder: Path, id: str) -> agreements.Terms:
    return agreements.terms(extra(folder, id), loaded(folder).production)


# ---- the terms, field by field ---------------------------------------------------------------------


def test_an_extra_s_own_terms_win_over_the_group_s_and_the_production_s(crowd: Path) -> None:
    anna, ben = terms(crowd, "ex-anna"), terms(crowd, "ex-ben")
    assert (anna.signed, str(anna.signed_at)) == (dt.date(2027, 2, 20), "extras.yaml:4:23")
    assert (ben.signed, str(ben.signed_at)) == (dt.date(2027, 2, 25), "production.yaml:19:28")
    assert (anna.rate, anna.per, anna.currency, anna.hours) == (Decimal("110.00"), "day", "EUR", 480)
    assert anna.overtime is not None and (anna.overtime.rate, anna.overtime.per) == (Decimal("10.00"), "half_hour")


def test_rights_apply_field_by_field(crowd: Path) -> None:
    edit(
        crowd / "production.yaml",
        "    Dock workers: {signed: 2027-02-25, rate: 110.00}",
        "    Dock workers: {signed: 2027-02-25, rights: {territory: Germany}}",
    )
    anna = terms(crowd, "ex-anna")
    assert (anna.media, anna.territory, anna.term) == ("all media", "Germany", None)


def test_the_old_pay_and_rights_still_count_over_the_production_s_terms(crowd: Path) -> None:
    edit(
        crowd / "extras.yaml",
        "  name: Ben Kurz\n",
        "  name: Ben Kurz\n  pay: {amount: 80.00, per: day}\n  rights: Cinema only.\n",
    )
    ben = terms(crowd, "ex-ben")
    assert (ben.rate, ben.rights_in_words, ben.media) == (Decimal("80.00"), "Cinema only.", None)
    assert ben.hours == 480  # what the old form did not say still comes from the production


def test_group_names_match_whatever_the_case_and_spacing(crowd: Path) -> None:
    edit(crowd / "production.yaml", "    Dock workers: {", "    dock  WORKERS: {")
    assert terms(crowd, "ex-ben").signed == dt.date(2027, 2, 25)


# ---- signed before the day -------------------------------------------------------------------------


def test_an_agreement_signed_on_the_day_booked_is_enough(crowd: Path) -> None:
    edit(crowd / "production.yaml", "{signed: 2027-02-25,", "{signed: 2027-03-01,")
    assert found(crowd, "extras-agreements") == []


def test_an_extra_booked_before_the_agreement_was_signed_is_an_error(crowd: Path) -> None:
    edit(crowd / "production.yaml", "{signed: 2027-02-25,", "{signed: 2027-03-02,")
    assert found(crowd, "extras-agreements") == [
        (
            "extras.yaml:9:10",
            "error",
            "Ben Kurz is booked on day 1, before the agreement was signed on 2027-03-02 (production.yaml:19:28)",
        )
    ]


def test_an_extra_booked_without_any_signed_agreement_is_an_error(crowd: Path) -> None:
    edit(crowd / "production.yaml", "{signed: 2027-02-25, rate: 110.00}", "{rate: 110.00}")
    edit(crowd / "extras.yaml", "  group: Dock workers\n  days: [1]\n", "  group: Dock workers\n  days: [1, 2]\n")
    assert found(crowd, "extras-agreements") == [
        ("extras.yaml:9:10", "error", "Ben Kurz is booked on days 1 and 2 without a signed agreement")
    ]


# ---- the background the schedule calls, and the extras booked --------------------------------------------


def test_the_count_called_and_the_extras_booked_agree(crowd: Path) -> None:
    assert found(crowd, "background-count") == []


def test_a_count_that_differs_from_the_extras_booked_is_a_warning(crowd: Path) -> None:
    edit(crowd / "schedule.yaml", "count: 2,", "count: 3,")
    assert found(crowd, "background-count") == [
        ("schedule.yaml:9:42", "warning", "day 1 calls 3 Dock workers, but 2 extras of that group are booked for it")
    ]


def test_extras_booked_on_a_day_that_calls_no_such_background_is_a_warning(crowd: Path) -> None:
    edit(crowd / "extras.yaml", "  group: Dock workers\n  days: [1]\n", "  group: Dock workers\n  days: [1, 2]\n")
    assert found(crowd, "background-count") == [
        (
            "extras.yaml:9:13",
            "warning",
            '1 extra in the group "Dock workers" is booked for day 2, but the day calls no such background',
        )
    ]


def test_a_background_line_names_its_group_when_the_description_differs(crowd: Path) -> None:
    edit(crowd / "schedule.yaml", "{description: Dock workers,", "{description: Dock workers (night), group: Dock workers,")
    assert found(crowd, "background-count") == []


def test_a_group_in_production_yaml_that_no_extra_is_in_is_a_warning(crowd: Path) -> None:
    edit(crowd / "production.yaml", "    Dock workers: {", "    Dock worker: {")
    _, findings = validate(crowd)
    [warning] = [f for f in findings if f.check == "extras-groups"]
    assert (str(warning.pos), warning.message, warning.hint) == (
        "production.yaml:19:5",
        'no extra is in the group "Dock worker", so its agreement applies to nobody',
        'did you mean "Dock workers"?',
    )


# ---- overtime from the daily report ---------------------------------------------------------------


def test_background_released_at_the_end_of_the_included_hours_owe_nothing(crowd: Path) -> None:
    assert found(crowd, "extras-overtime") == []


def test_a_minute_beyond_the_included_hours_is_a_started_half_hour_owed(crowd: Path) -> None:
    edit(crowd / "reports" / "day-01.yaml", 'wrap: "16:00"', 'wrap: "16:01"')
    assert found(crowd, "extras-overtime") == [
        (
            "reports/day-01.yaml:3:64",
            "warning",
            "Dock workers worked 8 h 01 on day 1 (08:00–16:01), beyond the 8 h included: "
            "overtime 1 started half hour each, EUR 20.00 owed to 2 extras",
        )
    ]


def test_overtime_per_started_hour(crowd: Path) -> None:
    edit(crowd / "production.yaml", "overtime: {rate: 10.00}", "overtime: {rate: 15.00, per: hour}")
    edit(crowd / "reports" / "day-01.yaml", 'wrap: "16:00"', 'wrap: "17:01"')
    [(_, _, message)] = found(crowd, "extras-overtime")
    assert message.endswith("overtime 2 started hours each, EUR 60.00 owed to 2 extras")


def test_overtime_approved_in_the_report_is_no_longer_a_warning(crowd: Path) -> None:
    edit(crowd / "reports" / "day-01.yaml", 'wrap: "16:00"}', 'wrap: "18:00", approved_by: pia}')
    assert found(crowd, "extras-overtime") == []


def test_overtime_is_real_elapsed_time_across_the_clock_change(crowd: Path) -> None:
    """28 March 2027: the clocks skip 02:00-03:00, so 20:00 to 29:00 (05:00) is 8 hours, not 9."""
    edit(crowd / "schedule.yaml", "  date: 2027-03-01\n", "  date: 2027-03-27\n")
    edit(
        crowd / "schedule.yaml",
        "- date: 2027-03-02\n  type: rest\n- day: 2\n  date: 2027-03-03\n",
        "- day: 2\n  date: 2027-03-29\n",
    )
    edit(crowd / "reports" / "day-01.yaml", 'call: "08:00", wrap: "16:00"', 'call: "20:00", wrap: "29:00"')
    assert found(crowd, "extras-overtime") == []


# ---- minors ----------------------------------------------------------------------------------------


MINOR = "  name: Anna Weiß\n  minor: yes\n  date_of_birth: 2012-05-01\n"


def test_a_minor_without_guardian_or_permit_is_an_error(crowd: Path) -> None:
    edit(crowd / "extras.yaml", "  name: Anna Weiß\n", MINOR)
    assert found(crowd, "minor-extras") == [
        ("extras.yaml:3:10", "error", "Anna Weiß is a minor without a guardian or a work permit")
    ]


def test_a_minor_without_a_permit_is_an_error(crowd: Path) -> None:
    edit(crowd / "extras.yaml", "  name: Anna Weiß\n", MINOR + "  guardian: {name: Eva Weiß}\n")
    assert found(crowd, "minor-extras") == [("extras.yaml:3:10", "error", "Anna Weiß is a minor without a work permit")]


def test_a_minor_with_guardian_and_a_permit_valid_on_the_last_day_booked_is_fine(crowd: Path) -> None:
    edit(
        crowd / "extras.yaml",
        "  name: Anna Weiß\n",
        MINOR + "  guardian: {name: Eva Weiß}\n  permit: {number: AS-27-113, until: 2027-03-01}\n",
    )
    assert found(crowd, "minor-extras") == []


def test_a_permit_running_out_before_the_last_day_booked_is_an_error(crowd: Path) -> None:
    edit(
        crowd / "extras.yaml",
        "  name: Anna Weiß\n",
        MINOR + "  guardian: {name: Eva Weiß}\n  permit: {number: AS-27-113, until: 2027-02-28}\n",
    )
    assert found(crowd, "minor-extras") == [
        ("extras.yaml:6:38", "error", "Anna Weiß's work permit runs out on 2027-02-28, before their last day booked (2027-03-01)")
    ]


def test_an_extra_under_18_who_is_not_marked_a_minor_is_an_error(crowd: Path) -> None:
    edit(crowd / "extras.yaml", "  name: Anna Weiß\n", "  name: Anna Weiß\n  date_of_birth: 2009-03-02\n")
    assert found(crowd, "minor-extras") == [
        ("extras.yaml:3:18", "error", "Anna Weiß is under 18 on the first day booked but not marked as a minor")
    ]
    edit(crowd / "extras.yaml", "2009-03-02", "2009-03-01")  # 18 on the day
    assert found(crowd, "minor-extras") == []


# ---- the background summary ------------------------------------------------------------------------


def test_the_day_s_fees_come_from_the_agreements_and_the_overtime_from_the_report(crowd: Path) -> None:
    edit(crowd / "reports" / "day-01.yaml", 'wrap: "16:00"}', 'wrap: "17:10", approved_by: pia}')
    folder = loaded(crowd)
    [day] = extras.background_summary(folder, [common.find_day(folder, "1")])["days"]
    assert [(e["name"], e["rate"], e["included"], e["fee"]) for e in day["extras"]] == [
        ("Anna Weiß", "EUR 110.00 per day", "8:00 h", "EUR 110.00"),
        ("Ben Kurz", "EUR 110.00 per day", "8:00 h", "EUR 110.00"),
    ]
    assert day["fees"] == "EUR 220.00"
    assert day["overtime"] == [
        {
            "group": "Dock workers",
            "count": "2",
            "times": "08:00 – 17:10",
            "worked": "9:10 h",
            "beyond": "1:10 h",
            "owed": "EUR 60.00",
            "approved": "Pia Sommer",
        }
    ]
    assert day["total"] == "EUR 280.00"


def test_an_hourly_rate_is_paid_for_the_included_hours(crowd: Path) -> None:
    edit(
        crowd / "production.yaml",
        "    Dock workers: {signed: 2027-02-25, rate: 110.00}",
        "    Dock workers: {signed: 2027-02-25, rate: 12.50, per: hour}",
    )
    folder = loaded(crowd)
    [day] = extras.background_summary(folder, [common.find_day(folder, "1")])["days"]
    assert [e["fee"] for e in day["extras"]] == ["EUR 100.00", "EUR 100.00"]


def test_an_extra_paid_per_week_in_the_old_form_is_named_not_dropped(crowd: Path) -> None:
    edit(crowd / "extras.yaml", "  name: Ben Kurz\n", "  name: Ben Kurz\n  pay: {amount: 400.00, per: week}\n")
    folder = loaded(crowd)
    [day] = extras.background_summary(folder, [common.find_day(folder, "1")])["days"]
    assert (day["fees"], day["not_costed"]) == ("EUR 110.00", "Not costed, no day rate agreed: Ben Kurz")


def test_extras_command_writes_one_day_and_every_day(tmp_path: Path) -> None:
    result = invoke("extras", "1", "-C", str(EXAMPLE), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    text = flat(pdf_text(tmp_path / "2027-03-01-day-01-extras.pdf"))
    for expected in (
        "BACKGROUND",
        "DAY 1 OF 15",
        "Birte Claussen",
        "Fees of the day EUR 570.00",
        "EUR 288.00",
        "Jens Oltmanns",
        "EUR 858.00",
    ):
        assert expected in text
    result = invoke("extras", "-C", str(EXAMPLE), "--out", str(tmp_path), "--format", "md")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "extras.md").read_text(encoding="utf-8")
    assert text.count("## Day ") == 9  # every shoot day with background: 1, 3, 4, 5, 6, 9, 10, 13, 15
    assert "**All days: EUR 6,208.00**" in text


# ---- the agreement ---------------------------------------------------------------------------------


def test_an_extra_s_agreement_has_the_days_fee_rights_and_signature_lines() -> None:
    [item] = agreement.items(loaded(EXAMPLE), ["bg-ingeborg-larsen"])
    context = item.context
    assert (item.name, item.private, item.variants) == ("agreement-bg-ingeborg-larsen", True, ("bg-ingeborg-larsen", "extra"))
    assert [p["name"] for p in context["parties"]] == ["Nordlicht Filmproduktion GmbH", "Ingeborg Larsen"]
    assert [c["title"] for c in context["clauses"]] == ["1. Engagement", "2. Fee", "3. Rights", "4. Fittings", "5. Cancellation"]
    assert context["clauses"][0]["table"]["rows"][1] == [
        "4",
        "Thu 4 March 2027",
        "08:15",
        "Extras holding: back room, Café Ankerplatz · Café Ankerplatz, Bernhard-Nocht-Straße 71, 20359 Hamburg",
    ]
    assert context["clauses"][1]["paragraphs"] == [
        "EUR 95.00 per shoot day for up to 10 hours, breaks included.",
        "Beyond that, EUR 12.00 for each started half hour.",
        "For wearing their own clothes: EUR 15.00 per shoot day.",
    ]
    assert context["signatures"] == ["For Nordlicht Filmproduktion GmbH", "Ingeborg Larsen"]


def test_a_minor_s_agreement_is_signed_by_the_guardian_too(crowd: Path) -> None:
    edit(
        crowd / "extras.yaml",
        "  name: Anna Weiß\n",
        MINOR
        + "  guardian: {name: Eva Weiß}\n  permit: {number: AS-27-113, authority: Amt für Arbeitsschutz, until: 2027-06-30}\n",
    )
    context = agreement.extra_agreement(loaded(crowd), loaded(crowd).production, extra(crowd, "ex-anna"))
    assert context["signatures"] == ["For Test Films GmbH", "Anna Weiß", "Eva Weiß (Guardian)"]
    minor = context["clauses"][-1]
    assert minor["title"] == "4. Minor"
    assert minor["paragraphs"] == [
        "Anna Weiß, born on 1 May 2012, is a minor. Eva Weiß agrees to this agreement as their guardian and signs it with them.",
        "Work permit AS-27-113, issued by Amt für Arbeitsschutz, valid until 30 June 2027.",
    ]


def test_rights_not_given_anywhere_read_all_media_worldwide_unlimited(crowd: Path) -> None:
    edit(crowd / "production.yaml", "    rights: {media: all media, territory: worldwide}\n", "")
    context = agreement.extra_agreement(loaded(crowd), loaded(crowd).production, extra(crowd, "ex-anna"))
    assert "in all media, worldwide, unlimited in time. The fee covers this grant." in context["clauses"][2]["paragraphs"][0]


def test_the_old_rights_in_words_are_printed_as_written(crowd: Path) -> None:
    edit(crowd / "extras.yaml", "  name: Ben Kurz\n", "  name: Ben Kurz\n  rights: Cinema and TV, Germany, 10 years.\n")
    context = agreement.extra_agreement(loaded(crowd), loaded(crowd).production, extra(crowd, "ex-ben"))
    assert context["clauses"][2]["paragraphs"] == ["Rights granted: Cinema and TV, Germany, 10 years."]


def test_the_german_agreement(example_copy: Path) -> None:
    [item] = agreement.items(loaded(example_copy), ["bg-ingeborg-larsen"], language="de")
    context = item.context
    assert (context["title"], context["language"]) == ("Komparsenvertrag", "de")
    assert context["clauses"][1]["paragraphs"][0] == "95,00 EUR pro Drehtag für bis zu 10 Stunden einschließlich Pausen."
    assert context["signatures"][0] == "Für Nordlicht Filmproduktion GmbH"


def test_an_unknown_id_is_named_with_a_suggestion() -> None:
    wanted = 'there is no extra or internship "bg-ingeborg-larson"; did you mean "bg-ingeborg-larsen"?'
    with pytest.raises(CoordError, match=re.escape(wanted)):
        agreement.items(loaded(EXAMPLE), ["bg-ingeborg-larson"])


def test_every_agreement_of_the_example_fits_one_page_and_is_for_the_owner_only(tmp_path: Path) -> None:
    result = invoke("agreement", "--all", "-C", str(EXAMPLE), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    pdfs = sorted(tmp_path.glob("agreement-*.pdf"))
    assert len(pdfs) == len(loaded(EXAMPLE).extras) + len(loaded(EXAMPLE).interns) == 30
    for pdf in pdfs:
        assert len(pypdf.PdfReader(pdf).pages) == 1, pdf.name
        assert stat.S_IMODE(pdf.stat().st_mode) == 0o600, pdf.name
    text = pdf_text(tmp_path / "agreement-bg-gerda-pohl.pdf")
    for expected in ("Background Artist Agreement", "Gerda Pohl", "EUR 140.00 per shoot day", "Place, date · Signature"):
        assert bare(expected) in bare(text), expected
    assert "Confidential: contains personal data, for the parties only" in text


def test_a_production_replaces_the_agreement_of_one_kind_or_one_person(example_copy: Path, tmp_path: Path) -> None:
    (example_copy / "templates").mkdir()
    (example_copy / "templates" / "agreement.extra.md.j2").write_text("Our own: {{ title }}\n", encoding="utf-8")
    (example_copy / "templates" / "agreement.bg-gerda-pohl.md.j2").write_text("Gerda's: {{ reference }}\n", encoding="utf-8")
    ids = ["bg-ingeborg-larsen", "bg-gerda-pohl", "mia-kruse"]
    result = invoke("agreement", *ids, "-C", str(example_copy), "--out", str(tmp_path), "--format", "md")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "agreement-bg-ingeborg-larsen.md").read_text(encoding="utf-8") == "Our own: Background Artist Agreement\n"
    assert (tmp_path / "agreement-bg-gerda-pohl.md").read_text(encoding="utf-8") == "Gerda's: bg-gerda-pohl\n"
    assert (tmp_path / "agreement-internship-mia-kruse.md").read_text(encoding="utf-8").startswith("> **Confidential")
