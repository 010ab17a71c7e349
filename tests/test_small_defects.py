"""Small defects of issue #7, each fixed as a class: the case reported and its relatives."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO, append, edit, invoke, loaded
from hypothesis import given, settings
from hypothesis import strategies as st

from coord import exports, plan
from coord import kinds as k
from coord import model as m
from coord.checks import validate
from coord.findings import Findings
from coord.load import Reader, SafeLoader
from coord.render import jinja_environment
from coord.values import Eighths, parse_eighths

# ---- 7. values on the command line -----------------------------------------------------------


@pytest.mark.parametrize("command", ["callsheet", "report"])
@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("²", 'Error: "²" is not a shoot-day number: write it with the digits 0-9, e.g. 3, or as a date YYYY-MM-DD; shoot days are 1, 2\n'),
        ("፩", 'Error: "፩" is not a shoot-day number: write it with the digits 0-9, e.g. 3, or as a date YYYY-MM-DD; shoot days are 1, 2\n'),
        ("３", 'Error: "３" is not a shoot-day number: write it with the digits 0-9, e.g. 3, or as a date YYYY-MM-DD; shoot days are 1, 2\n'),
        (
            "1" * 5000,
            'Error: there is no shoot day "1111111111111111111111111111111111111111…" (5,000 characters); '
            "shoot days are 1, 2 (or give a date YYYY-MM-DD)\n",
        ),
        ("0" * 4999 + "7", 'Error: there is no shoot day "0000000000000000000000000000000000000000…" (5,000 characters); '
         "shoot days are 1, 2 (or give a date YYYY-MM-DD)\n"),
        ("\u202e1", 'Error: there is no shoot day "\\u202e1"; shoot days are 1, 2 (or give a date YYYY-MM-DD)\n'),
        ("", 'Error: there is no shoot day ""; shoot days are 1, 2 (or give a date YYYY-MM-DD)\n'),
    ],
)  # fmt: skip
def test_a_day_that_is_no_number_is_refused_with_a_message(minimal: Path, command: str, day: str, message: str) -> None:
    result = invoke(command, "-C", str(minimal), "--format", "md", "--", day)
    assert result.exit_code == 1
    assert result.output == message


@pytest.mark.parametrize("day", ["02", "0002", " 2", "2027-03-03"])
def test_a_day_with_leading_zeros_or_by_its_date_is_found(minimal: Path, tmp_path: Path, day: str) -> None:
    result = invoke("callsheet", "-C", str(minimal), "--format", "md", "--out", str(tmp_path), day)
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {tmp_path / '2027-03-03-day-02.md'}\n"


def test_all_days_for_someone_called_on_none_says_so(minimal: Path, tmp_path: Path) -> None:
    edit(minimal / "crew.yaml", '  phone: "0176 3333333"\n', '  phone: "0176 3333333"\n  days: []\n')
    result = invoke("callsheet", "-C", str(minimal), "--all", "--for", "lea", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.output == (
        "Error: --for lea: Lea Wolf (Driver) is not called on any shoot day, so there is no call sheet to write\n"
    )
    assert not (tmp_path / "out").exists()


def test_all_days_for_an_unknown_id_names_the_id(minimal: Path) -> None:
    result = invoke("callsheet", "-C", str(minimal), "--all", "--for", "nobody\x1b[2J")
    assert result.exit_code == 1
    assert result.output == 'Error: --for "nobody\\u001b[2J": there is no crew or cast member with that id\n'


def test_calendar_for_an_unknown_id_of_thousands_of_digits_is_cut_short(minimal: Path) -> None:
    result = invoke("calendar", "-C", str(minimal), "--for", "9" * 5000)
    assert result.exit_code == 1
    assert result.output == (
        'Error: --for "9999999999999999999999999999999999999999…" (5,000 characters): there is no crew or cast member with that id\n'
    )


@pytest.mark.parametrize("name", ["../cli.py", "../README.md", "/etc/hostname", "."])
def test_templates_copy_takes_template_names_not_paths(minimal: Path, name: str) -> None:
    result = invoke("templates", "-C", str(minimal), "--copy", name)
    assert result.exit_code == 1
    assert result.output.startswith(f'Error: no packaged template named "{name}"; the templates are: ')
    assert " base.html.j2, " in result.output
    assert not (minimal / "templates").exists()


@pytest.mark.parametrize(
    ("args", "label"),
    [(("schedule", "--out"), "'--out'"), (("schedule", "--folder"), "'--folder' / '-C'"), (("validate",), "'[FOLDER]'")],
)
def test_a_nul_character_in_a_folder_name_is_a_usage_error(args: tuple[str, ...], label: str) -> None:
    result = invoke(*args, "x\x00y")
    assert result.exit_code == 2
    assert result.output.endswith(
        f"Error: Invalid value for {label}: a folder name cannot hold a NUL character (\\x00); check what was pasted\n"
    )


# ---- 10. page counts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hint"), [("8/8", "1"), ("0 8/8", "1"), ("12/8", "1 4/8"), ("16/8", "2"), ("1 9/8", "2 1/8"), ("2 15/8", "3 7/8")]
)
def test_too_many_eighths_suggest_the_page_count_they_add_up_to(text: str, hint: str) -> None:
    with pytest.raises(ValueError) as raised:
        parse_eighths(text)
    assert str(raised.value) == f'"{text}" has {text.split()[-1].split("/")[0]}/8; a page has 8 eighths, so write "{hint}"'


@pytest.mark.parametrize(("text", "eighths"), [("100", 800), ("99 7/8", 799), ("007", 56), ("1 0/8", 8)])
def test_page_counts_up_to_the_limit_are_accepted(text: str, eighths: int) -> None:
    assert parse_eighths(text) == Eighths(eighths)


@pytest.mark.parametrize("text", ["100 1/8", "101", "801/8", "100000", "9" * 4301, "1 " + "1" * 5000 + "/8"])
def test_page_counts_beyond_the_limit_are_a_typo(text: str) -> None:
    with pytest.raises(ValueError, match=r"is more than a scene can be: at most 100 pages; check for a typo$"):
        parse_eighths(text)


def _scalar_kinds() -> list[k.Scalar]:
    found: dict[str, k.Scalar] = {}
    for cls in vars(m).values():
        if isinstance(cls, type) and issubclass(cls, m.Entry):
            for _key, _attr, meta in m.schema_fields(cls):
                kind = meta["kind"]
                for part in (kind, getattr(kind, "item", None), getattr(kind, "key", None), getattr(kind, "value", None)):
                    if isinstance(part, k.Scalar):
                        found.setdefault(f"{type(part).__name__} {part.label}", part)
    return [found[name] for name in sorted(found)]


SCALAR_KINDS = _scalar_kinds()
HUGE = st.sampled_from(
    ["1" * 5000, "9" * 4301, "-" + "1" * 5000, "1 " + "1" * 5000 + "/8", "1" * 5000 + ":00", "0." + "1" * 5000]
)


def test_every_kind_of_value_is_covered() -> None:
    assert {type(kind).__name__ for kind in SCALAR_KINDS} >= {"Text", "Id", "Phone", "Email", "Integer", "Pages", "Time", "Date"}


@settings(max_examples=150, deadline=None)
@given(
    kind=st.sampled_from(SCALAR_KINDS),
    text=st.one_of(HUGE, st.text(max_size=30), st.text(st.characters(categories=["Nd", "No", "Nl", "Zs"]), max_size=8)),
    style=st.sampled_from(['"', ""]),
)
def test_no_value_gets_an_internal_message(kind: k.Scalar, text: str, style: str) -> None:
    """Whatever is written, a kind returns a value or says what is wrong in a short message of its own."""
    node = yaml.ScalarNode(k.STR, text, style=style or None)
    try:
        kind.convert(node)
    except k.Invalid as err:
        assert len(err.message) <= 600 and len(err.hint) <= 300, err.message  # a value is quoted cut short
        assert "int()" not in err.message and "Exceeds the limit" not in err.message and "literal" not in err.message


# ---- 10. private values are not repeated in messages ---------------------------------------------


#: The kinds of the fields a person may keep private, and of the cast's pickup address.
PRIVATE_KINDS = [
    meta["kind"]
    for cls in (m.CrewMember, m.CastMember)
    for key, _attr, meta in m.schema_fields(cls)
    if key in (*m.PRIVATE_FIELDS, "pickup_address")
]


@settings(max_examples=200, deadline=None)
@given(
    kind=st.sampled_from(PRIVATE_KINDS),
    text=st.text(st.sampled_from("0123456789 +-()/.@xO#,\t"), min_size=4, max_size=24).filter(lambda t: len(t.strip()) >= 4),
    style=st.sampled_from(['"', ""]),
)
def test_a_message_about_a_private_value_never_repeats_it(kind: k.Scalar, text: str, style: str) -> None:
    node = yaml.ScalarNode(k.INT if not style and text.isdigit() else k.STR, text, style=style or None)
    try:
        kind.convert(node)
    except k.Invalid as err:
        assert text.strip() not in err.message + err.hint


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('  phone: "0176 12x"', 'phone: this is not a phone number: it holds a letter'),
        ('  phone: "0176 12#4567"', 'phone: this is not a phone number: it holds "#", which is not part of a phone number'),
        ('  phone: "0176+1234567"', "phone: this is not a phone number: a + may only come first"),
        ('  phone: "01"', "phone: this is not a phone number: it has only 2 digits"),
        ("  phone: 01761234567", "phone: the number is not in quotes, so YAML reads it as a number and it would lose its leading 0 or +"),
        ("  email: tom@reuter", "email: this is not an e-mail address: the part after the @ needs a domain ending such as .com or .de"),
        ("  email: tom@@reuter.de", "email: this is not an e-mail address: it has more than one @"),
        ("  email: tom reuter@mail.de", "email: this is not an e-mail address: it holds a space"),
        ("  address: 0123", "address: this is read by YAML as a number, not as text"),
    ],
)  # fmt: skip
def test_validate_says_what_is_wrong_with_a_private_value_and_where(minimal: Path, line: str, message: str) -> None:
    """Tom's phone, e-mail and address; the message names the field and the place, never the value."""
    edit(minimal / "crew.yaml", '  phone: "0176 2222222"\n', f"{line}\n")
    result = invoke("validate", str(minimal))
    assert result.exit_code == 1
    value = line.split(": ", 1)[1].strip('"')
    assert f"crew.yaml:11:{line.index(':') + 3}: error: {message}\n" in result.output
    assert value not in result.output


# ---- 10. required text must not be empty ---------------------------------------------------


REQUIRED_TEXT = [
    (cls, key)
    for cls in vars(m).values()
    if isinstance(cls, type) and issubclass(cls, m.Entry) and cls is not m.Entry
    for key, _attr, meta in m.schema_fields(cls)
    if meta["required"] and type(meta["kind"]) is k.Text
]


def test_there_are_required_text_fields_to_check() -> None:
    assert (m.CrewMember, "role") in REQUIRED_TEXT and (m.CastMember, "actor") in REQUIRED_TEXT


@pytest.mark.parametrize("written", ['""', "''", '"   "', '" \\t "'])
@pytest.mark.parametrize(("cls", "key"), REQUIRED_TEXT, ids=[f"{c.__name__}.{key}" for c, key in REQUIRED_TEXT])
def test_a_required_text_given_as_empty_quotes_is_empty(cls: type, key: str, written: str) -> None:
    findings = Findings()
    node = yaml.compose(f"{key}: {written}\n", Loader=SafeLoader)
    Reader("test.yaml", findings).record(cls, node, "test")
    [empty] = [f for f in findings.errors if f.pos.line == 1 and key in f.message]
    assert (empty.pos.col, empty.message, empty.hint) == (
        len(key) + 3,
        f'"{key}" is empty: {_doc(cls, key)}',
        f"fill in '{key}:'",
    )


def _doc(cls: type, key: str) -> str:
    return next(meta["doc"] for name, _attr, meta in m.schema_fields(cls) if name == key)


def test_an_optional_text_given_as_empty_quotes_is_not_given(minimal: Path) -> None:
    edit(minimal / "schedule.yaml", "  scenes: [1]\n", '  scenes: [1]\n  unit: ""\n  description: "  "\n')
    folder, findings = validate(minimal)
    assert folder is not None and not findings.errors
    assert (folder.days[0].unit, folder.days[0].description) == ("main", None)


# ---- 10. invisible characters in text ---------------------------------------------------------

BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]


def _read(cls: type, yaml_text: str) -> Findings:
    findings = Findings()
    Reader("test.yaml", findings).record(cls, yaml.compose(yaml_text, Loader=SafeLoader), "test")
    return findings


@pytest.mark.parametrize("char", BIDI, ids=[f"U+{ord(c):04X}" for c in BIDI])
@pytest.mark.parametrize(
    ("cls", "key"), [(m.CrewMember, "name"), (m.CastMember, "character"), (m.Location, "address"), (m.Office, "email")]
)
def test_a_bidirectional_control_in_any_text_is_refused_at_its_place(cls: type, key: str, char: str) -> None:
    value = "ab" + char + "c@example.com"
    [error] = [f for f in _read(cls, f"{key}: {value}\n").errors if key in f.message]
    assert (error.pos.line, error.pos.col) == (1, len(key) + 5)
    assert error.message.startswith(f"{key}: character 3 is a ")
    assert error.message.endswith(
        f" (U+{ord(char):04X}), an invisible control that can make the printed text read differently from what is stored"
    )


def test_every_bidirectional_control_is_named() -> None:
    assert set(BIDI) == set(k.BIDI_CONTROLS)


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\r", "\x7f", "\x85"])
def test_a_control_character_written_as_an_escape_is_refused(char: str) -> None:
    escaped = f'"x\\u{ord(char):04x}"'
    [error] = [f for f in _read(m.CrewMember, f"name: {escaped}\n").errors if "name" in f.message]
    assert (error.pos.col, error.message) == (
        7,
        f"name: character 2 is a control character (U+{ord(char):04X}), which has no place in text",
    )


@pytest.mark.parametrize("char", sorted(k.INVISIBLE))
def test_an_invisible_character_without_a_use_is_a_warning(char: str) -> None:
    findings = _read(m.CrewMember, f"role: 'Gaf{char}fer'\n")
    assert not findings.errors or all("role" not in f.message for f in findings.errors)
    [warning] = findings.warnings
    assert (warning.pos.line, warning.pos.col) == (1, 11)
    assert warning.message == f"role: character 4 is an invisible {k.INVISIBLE[char]} (U+{ord(char):04X})"


@pytest.mark.parametrize(
    "text", ["Mehr\u200cdad", "👩\u200d🚀", "שלום\u200e Film", "co\u00adordinator", "Tab\there", "\u0645\u061c1"]
)
def test_joiners_marks_and_soft_hyphens_are_text(text: str) -> None:
    findings = _read(m.CrewMember, f"role: {json.dumps(text, ensure_ascii=False)}\n")
    assert [f for f in findings if "role" in f.message] == []
    assert _read(m.CrewMember, f"role: {json.dumps(text + chr(0x202E), ensure_ascii=False)}\n").errors  # the same, read


# ---- 10. no empty emphasis in Markdown -----------------------------------------------------------

#: Emphasis with nothing inside (`****`, `** **`, `__`): Markdown prints the markers themselves.
EMPTY_EMPHASIS = re.compile(r"(?<![\\*])\*\*[ \t]*\*\*(?!\*)|(?<![\\\w])__(?!\w)|(?<![\\\w])_[ \t]+_(?!\w)")


def test_the_report_without_screen_time_prints_no_asterisks(example_copy: Path, tmp_path: Path) -> None:
    for report in (example_copy / "reports").glob("*.yaml"):
        text = report.read_text(encoding="utf-8")
        report.write_text(re.sub(r"\n *screen_time: .*", "", text), encoding="utf-8")
    result = invoke("report", "1", "-C", str(example_copy), "--format", "md", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    markdown = (tmp_path / "out" / "2027-03-01-day-01-report.md").read_text(encoding="utf-8")
    total_row = next(line for line in markdown.splitlines() if line.startswith("| | **Total**"))
    assert total_row == "| | **Total** | **5 3/8** | | **4 4/8** | **26** |  | |"
    assert "****" not in markdown


def test_no_markdown_document_has_empty_emphasis_when_values_are_missing(example_copy: Path, tmp_path: Path) -> None:
    """Every document of the example with the optional values that are printed in bold or italics left out."""
    for path in [*(example_copy / "reports").glob("*.yaml"), example_copy / "schedule.yaml"]:
        text = path.read_text(encoding="utf-8")
        for field in ("screen_time", "crew_wrap", "camera_wrap", "setups", "description", "wrap", "shooting_call"):
            text = re.sub(rf"\n *{field}: .*", "", text)
        path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    for command in (
        ["callsheet", "--all"],
        ["report", "1"],
        ["report", "2"],
        ["contacts"],
        ["contacts", "--office"],
        ["schedule"],
        ["dood"],
    ):
        result = invoke(*command, "-C", str(example_copy), "--format", "md", "--out", str(out))
        assert result.exit_code == 0, result.output
    written = sorted(out.glob("*.md"))
    assert len(written) >= 15 + 2 + 2 + 2
    for path in written:
        found = EMPTY_EMPHASIS.search(path.read_text(encoding="utf-8"))
        assert found is None, f"{path.name}: {found.group()!r}"


@pytest.mark.parametrize("template", sorted(p.name for p in (REPO / "templates").glob("*.md.j2")))
def test_markdown_templates_put_values_in_bold_or_italics_only_through_the_filters(template: str) -> None:
    """`**{{ value }}**` prints `****` when the value is empty; `{{ value | strong }}` prints nothing. Labels are never empty."""
    text = (REPO / "templates" / template).read_text(encoding="utf-8")
    assert not re.findall(r"(?:\*\*|(?<![\w\\])_)\{[{%](?!\s*labels\.)", text)


@pytest.mark.parametrize(
    ("source", "printed"),
    [
        ("{{ v | strong }}", "**1:45**"),
        ("{{ e | strong }}", ""),
        ("{{ s | strong }}", " "),  # blanks are collapsed to one, without markers
        ("{{ v | em }}", "_1:45_"),
        ("{{ v | em(False) }}", "1:45"),
        ("{{ e | em(True) }}", ""),
        ("{{ m | strong }}", "**a\\*b**"),
    ],
)
def test_the_emphasis_filters(source: str, printed: str) -> None:
    env = jinja_environment(REPO, "md")
    assert env.from_string(source).render(v="1:45", e="", s="  ", m="a*b") == printed


# ---- 15. phone numbers in the contacts CSV ----------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "cell"),
    [
        ("01761234567", "0176 1234567"),
        ("+4917612345678", "+49 17612345678"),
        ("+12125550100", "+1 2125550100"),
        ("+79161234567", "+7 9161234567"),
        ("+35312345678", "+353 12345678"),
        ("+4369912345678", "+43 69912345678"),
        ("004917612345678", "0049 17612345678"),
        ("0123", "01 23"),
        ("0176 1234567", "0176 1234567"),
        ("+49 176 1234567", "+49 176 1234567"),
        ("0176-1234567", "0176-1234567"),
        ("112", "112"),
        ("4711", "4711"),
    ],
)
def test_a_compact_phone_number_gets_one_space_and_nothing_else(typed: str, cell: str) -> None:
    assert exports.phone_cell(typed) == cell
    assert cell.replace(" ", "") == typed.replace(" ", "")  # the same digits and +, in the same order


def test_the_contacts_csv_keeps_compact_phone_numbers_as_text(minimal: Path, tmp_path: Path) -> None:
    edit(minimal / "crew.yaml", '  phone: "0176 2222222"\n', '  phone: "01762222222"\n')
    edit(minimal / "cast.yaml", '  phone: "+49 171 4444444"\n', '  phone: "+491714444444"\n')
    edit(minimal / "cast.yaml", '    phone: "+49 30 5555555"\n', '    phone: "+49305555555"\n')
    out = tmp_path / "out"
    result = invoke("contacts", "-C", str(minimal), "--office", "--format", "csv", "--format", "vcf", "--out", str(out))
    assert result.exit_code == 0, result.output
    lines = (out / "contacts-office.csv").read_bytes().decode("utf-8-sig").splitlines()
    rows = {row["name"]: row for row in csv.DictReader(lines[1:])}
    assert rows["Tom Reuter"]["phone"] == "0176 2222222"
    assert rows["Jana Falk"]["phone"] == "+49 1714444444"
    assert rows["Ute Brandt"]["phone"] == "+49 305555555"
    assert rows["Pia Sommer"]["phone"] == "+49 176 1111111"  # written with spaces: as typed
    for row in rows.values():
        assert not row["phone"].startswith(("'", "=")), row
    cards = (out / "contacts-office.vcf").read_text(encoding="utf-8")
    assert "TEL;TYPE=CELL:01762222222" in cards  # a vCard's number is text: as typed


# ---- 16. one drop and pick-up per engagement on the day-out-of-days ------------------------------

LATER_DAYS = """
- day: {day}
  date: {date}
  locations: [harbour]
  scenes: [{scene}]
  crew_call: "08:00"
"""
LATER_SCENE = "- {{number: {n}, set: PIER, int_ext: EXT, time_of_day: day, pages: 1, cast: [{cast}], location: harbour}}\n"


@pytest.fixture
def two_gaps(minimal: Path) -> Path:
    """Mira works Mon 1 and Wed 3 March (a rest day between), Sat 20 March, then Sat 10 and Mon 12 April;
    Finn works Mon 1 and Tue 30 March. Mira's gaps: 17 days, then 21 (with Finn's day 30 March inside it)."""
    later = [(3, "2027-03-20", "mira"), (4, "2027-03-30", "finn"), (5, "2027-04-10", "mira"), (6, "2027-04-12", "mira")]
    with (minimal / "scenes.yaml").open("a", encoding="utf-8") as scenes:
        scenes.writelines(LATER_SCENE.format(n=day, cast=cast) for day, _date, cast in later)
    with (minimal / "schedule.yaml").open("a", encoding="utf-8") as schedule:
        schedule.writelines(LATER_DAYS.format(day=day, date=date, scene=day) for day, date, _cast in later)
    edit(minimal / "crew.yaml", "      end: 2027-03-31\n", "      end: 2027-04-30\n")  # the gaffer is there in April too
    return minimal


TWO_GAPS_DATES = [dt.date(2027, 3, 1), dt.date(2027, 3, 2), dt.date(2027, 3, 3), dt.date(2027, 3, 20),
                  dt.date(2027, 3, 30), dt.date(2027, 4, 10), dt.date(2027, 4, 12)]  # fmt: skip


def _codes(folder: m.ProductionFolder, member: str) -> list[str]:
    grid = plan.day_out_of_days(folder)[member]
    return [grid.get(date, "") for date in TWO_GAPS_DATES]


def test_an_actor_is_dropped_once_at_the_first_long_gap_and_held_through_later_ones(two_gaps: Path) -> None:
    folder = loaded(two_gaps)
    assert [d.date for d in plan.calendar_days(folder)] == TWO_GAPS_DATES
    #                                 Mar 1 Mar 2 Mar 3  Mar 20 Mar 30 Apr 10 Apr 12
    assert _codes(folder, "mira") == ["SW", "/", "WD", "PW", "H", "W", "WF"]
    assert _codes(folder, "finn") == ["SWD", "", "", "", "PWF", "", ""]


def test_the_drop_threshold_is_a_production_setting(two_gaps: Path) -> None:
    append(two_gaps / "production.yaml", "dood:\n  drop_after_days: 20\n")
    folder = loaded(two_gaps)
    assert folder.production.dood is not None and folder.production.dood.drop_after_days == 20
    # 17 days (3 to 20 March) are held now; 21 days (20 March to 10 April) are the drop.
    assert _codes(folder, "mira") == ["SW", "/", "W", "WD", "", "PW", "WF"]
    assert _codes(folder, "finn") == ["SWD", "", "", "", "PWF", "", ""]


def test_the_day_out_of_days_document_shows_the_single_drop(two_gaps: Path, tmp_path: Path) -> None:
    result = invoke("dood", "-C", str(two_gaps), "--format", "csv", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    rows = list(csv.reader((tmp_path / "out" / "dood.csv").read_text(encoding="utf-8-sig").splitlines()))
    mira = next(row for row in rows if row[1] == "Jana Falk")
    assert mira[3:10] == ["SW", "/", "WD", "PW", "H", "W", "WF"]
    assert mira[10:12] == ["5", "1"]  # five work days, one hold


@pytest.mark.parametrize(
    ("days", "message"), [("0", "0 is out of range; it must be from 1 to 365"), ("ten", '"ten" is not a whole number')]
)
def test_a_drop_threshold_out_of_range_is_refused(minimal: Path, days: str, message: str) -> None:
    append(minimal / "production.yaml", f"dood:\n  drop_after_days: {days}\n")
    _folder, findings = validate(minimal)
    assert [(f.pos.file, f.pos.line, f.pos.col, f.message) for f in findings.errors] == [
        ("production.yaml", 13, 20, f"drop_after_days: {message}")
    ]
