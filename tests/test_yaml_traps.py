"""YAML 1.1 traps and hostile input: values are read as written, and nothing hangs or crashes."""

from __future__ import annotations

from pathlib import Path

import pytest

from coord.checks import validate
from coord.load import load_folder
from coord.values import Time


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def day_with(minimal: Path, line: str) -> str:
    """schedule.yaml of the minimal production with day 1's crew_call line replaced."""
    text = (minimal / "schedule.yaml").read_text(encoding="utf-8")
    return text.replace("  crew_call: 7:30\n", f"  {line}\n", 1)


@pytest.mark.parametrize(
    ("written", "minutes"),
    [("7:30", 7 * 60 + 30), ("10:00", 600), ("18:45", 18 * 60 + 45), ("07:30", 450), ('"6:15"', 375), ("25:30", 25 * 60 + 30)],
)
def test_call_times_are_clock_times_not_base_60_numbers(minimal: Path, written: str, minutes: int) -> None:
    write(
        minimal,
        "schedule.yaml",
        day_with(minimal, f"crew_call: {written}")
        .replace('shooting_call: "08:30"', 'shooting_call: "25:59"')
        .replace("wrap: 18:45", 'wrap: "26:00"'),
    )
    folder, findings = load_folder(minimal)
    assert folder is not None
    assert folder.days[0].crew_call == Time(minutes)
    assert not findings.errors


def test_unquoted_times_print_as_written(minimal: Path) -> None:
    folder, _ = load_folder(minimal)
    assert folder is not None
    day1 = folder.days[0]
    assert (str(day1.crew_call), str(day1.wrap)) == ("07:30", "18:45")
    night = folder.days[2]
    assert str(night.wrap) == "25:30" and night.wrap is not None and night.wrap.clock == "01:30" and night.wrap.next_day


def test_country_no_stays_text(minimal: Path) -> None:
    text = (minimal / "production.yaml").read_text(encoding="utf-8").replace("country: DE", "country: NO")
    write(minimal, "production.yaml", text)
    folder, findings = load_folder(minimal)
    assert folder is not None and folder.production.country == "NO"
    assert not findings


def test_quoted_phone_keeps_its_leading_zero(minimal: Path) -> None:
    folder, _ = load_folder(minimal)
    assert folder is not None
    assert [c.phone for c in folder.crew if c.id == "tom"] == ["0176 2222222"]


@pytest.mark.parametrize("phone", ["01761234567", "+4917612345", "0049176123"])
def test_unquoted_phone_number_is_refused_with_quote_it(minimal: Path, phone: str) -> None:
    text = (minimal / "crew.yaml").read_text(encoding="utf-8").replace('"0176 2222222"', phone)
    write(minimal, "crew.yaml", text)
    _, findings = load_folder(minimal)
    [error] = findings.errors
    assert (error.pos.file, error.pos.line, error.pos.col) == ("crew.yaml", 11, 10)
    assert error.message == (
        "phone: the number is not in quotes, so YAML reads it as a number and it would lose its leading 0 or +"
    )
    assert error.hint == 'put it in quotes, e.g. phone: "0176 1234567"'
    assert phone not in error.message + error.hint  # a phone number may be private


def test_text_with_leading_zero_must_be_quoted_but_plain_numbers_are_fine(minimal: Path) -> None:
    text = (minimal / "transport.yaml").read_text(encoding="utf-8")
    write(minimal, "transport.yaml", text.replace("    driver: lea\n", "    driver: lea\n    plate: 0123\n"))
    _, findings = load_folder(minimal)
    assert [(f.pos.line, f.message, f.hint) for f in findings.errors] == [
        (5, "plate: 0123 is read by YAML as a number, not as text", 'quote it: "0123"')
    ]
    write(minimal, "transport.yaml", text.replace("    driver: lea\n", "    driver: lea\n    plate: 4711\n"))
    folder, findings = load_folder(minimal)
    assert folder is not None and folder.transport.vehicles[0].plate == "4711" and not findings


def test_duplicate_key_is_an_error_not_an_overwrite(minimal: Path) -> None:
    text = (minimal / "crew.yaml").read_text(encoding="utf-8").replace("  role: Gaffer\n", "  role: Gaffer\n  role: Best Boy\n")
    write(minimal, "crew.yaml", text)
    folder, findings = load_folder(minimal)
    assert [(str(f.pos), f.message) for f in findings.errors] == [
        ("crew.yaml:10:3", '"role" is given twice in this entry (first on line 9)')
    ]
    assert folder is not None and [c.role for c in folder.crew if c.id == "tom"] == ["Gaffer"]


def test_impossible_date_names_the_month(minimal: Path) -> None:
    write(minimal, "schedule.yaml", (minimal / "schedule.yaml").read_text(encoding="utf-8").replace("2027-03-01", "2027-02-29"))
    _, findings = load_folder(minimal)
    assert [(str(f.pos), f.message) for f in findings.errors] == [
        ("schedule.yaml:2:9", "date: 2027-02-29 does not exist in the calendar (February 2027 has 28 days)")
    ]


def test_alias_bomb_is_refused_quickly(minimal: Path) -> None:
    bomb = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    bomb += [f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    text = (minimal / "production.yaml").read_text(encoding="utf-8").replace("key_contacts: [pia]", "key_contacts: *a11")
    write(minimal, "production.yaml", "\n".join(bomb) + "\n" + text)
    _, findings = validate(minimal)
    assert [(str(f.pos), f.message) for f in findings.errors] == [
        ("production.yaml:1:7", "anchors and aliases (&name, *name) are not supported")
    ]


def test_custom_tag_is_refused(minimal: Path) -> None:
    text = (
        (minimal / "production.yaml")
        .read_text(encoding="utf-8")
        .replace("title: Test Shoot", 'title: !!python/object/apply:os.system ["echo pwned"]')
    )
    write(minimal, "production.yaml", text)
    _, findings = load_folder(minimal)
    assert [(str(f.pos), f.message) for f in findings.errors] == [
        ("production.yaml:2:8", "the tag !!python/object/apply:os.system is not allowed")
    ]


def test_deep_nesting_gives_a_finding_not_a_crash(minimal: Path) -> None:
    write(minimal, "crew.yaml", "[" * 5000 + "]" * 5000 + "\n")
    _, findings = validate(minimal)
    assert findings.errors and findings.errors[0].pos.file == "crew.yaml"


def test_oversized_file_is_refused_without_reading_it(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("coord.load.MAX_FILE_BYTES", 100)
    _, findings = load_folder(minimal)
    assert any(f.pos.file == "crew.yaml" and "larger than" in f.message for f in findings.errors)


def test_huge_text_value_is_refused(minimal: Path) -> None:
    text = (minimal / "crew.yaml").read_text(encoding="utf-8").replace("name: Tom Reuter", "name: " + "x" * 6000)
    write(minimal, "crew.yaml", text)
    _, findings = load_folder(minimal)
    assert [f.message for f in findings.errors] == ["name: text is 6,000 characters long; the limit is 5,000"]


def test_a_single_value_where_a_list_is_expected_is_a_list_of_one(minimal: Path) -> None:
    text = (minimal / "schedule.yaml").read_text(encoding="utf-8").replace("scenes: [2]", "scenes: 2")
    write(minimal, "schedule.yaml", text)
    folder, findings = validate(minimal)
    assert folder is not None and folder.days[2].scenes == ("2",)
    assert not findings


def test_a_file_that_cannot_be_read_does_not_make_its_ids_unknown_elsewhere(minimal: Path) -> None:
    write(minimal, "crew.yaml", (minimal / "crew.yaml").read_text(encoding="utf-8").replace("  name: Tom", "\tname: Tom"))
    _, findings = validate(minimal)
    assert [(str(f.pos), f.message) for f in findings.errors] == [("crew.yaml:8:1", "a tab character is used for indentation")]


@pytest.mark.parametrize(
    ("encoding", "named"),
    [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32"), ("utf-32-le", "UTF-32")],
)
def test_a_file_saved_as_utf_16_or_32_says_save_it_as_utf_8(minimal: Path, encoding: str, named: str) -> None:
    """Windows editors save "Unicode" as UTF-16, with or without a byte-order mark: the error names it, not a NUL."""
    text = (minimal / "cast.yaml").read_text(encoding="utf-8")
    (minimal / "cast.yaml").write_bytes(text.encode(encoding))
    _, findings = validate(minimal)
    [error] = [f for f in findings.errors if f.pos.file == "cast.yaml"]
    assert error.message == f"the file is saved as {named} text, which coord cannot read"
    assert "save it as UTF-8" in error.hint


def test_utf_8_with_a_byte_order_mark_and_non_latin_names_still_reads(minimal: Path) -> None:
    text = (minimal / "cast.yaml").read_text(encoding="utf-8").replace("actor: ", "actor: 王小明 ", 1)
    (minimal / "cast.yaml").write_bytes(text.encode("utf-8-sig"))
    folder, findings = load_folder(minimal)
    assert folder is not None and not findings.errors
    assert folder.cast[0].actor.startswith("王小明 ")
