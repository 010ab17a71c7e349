"""`coord schedule` and `coord dood`: the shooting schedule and the cast day-out-of-days.

The example's day-out-of-days below is written by hand from examples/harbour-lights
(which cast member is in which scene of which day), not computed by coord: coord's
codes, its CSV, Markdown and PDF must all equal it.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pypdf
import pytest
from conftest import EXAMPLE, edit, flat, invoke, loaded, pdf_text

from coord import model as m
from coord import plan as sch
from coord.documents import callsheet, dood, schedule
from coord.values import Eighths, parse_eighths

# ---- the example production, by hand -------------------------------------------------------

#: 1 to 20 March 2027: shoot days 1-5, rest 6-7, shoot days 6-10, rest 13-14, shoot days 11-15, travel day 20.
EXAMPLE_DATES = [dt.date(2027, 3, day) for day in range(1, 21)]
# fmt: off
EXAMPLE_DOOD = {
    #           1     2     3     4     5     6    7    8    9    10   11   12   13   14   15   16   17   18   19    20
    "henrik":  ["",   "",   "",   "SW", "W",  "/", "/", "W", "W", "W", "H", "W", "/", "/", "W", "H", "W", "W", "WF", ""],
    "lena":    ["SW", "W",  "W",  "W",  "H",  "/", "/", "H", "W", "W", "W", "W", "/", "/", "W", "W", "W", "W", "WF", ""],
    "jonas":   ["",   "",   "",   "SW", "H",  "/", "/", "W", "W", "W", "H", "H", "/", "/", "WF", "", "",  "",  "",   ""],
    "dries":   ["",   "",   "SW", "H",  "W",  "/", "/", "H", "H", "H", "W", "W", "/", "/", "H", "W", "W", "WF", "",  ""],
    "marta":   ["",   "",   "SW", "W",  "WF", "",  "",  "",  "",  "",  "",  "",  "",  "",  "",  "",  "",  "",  "",   ""],
    "kessler": ["SW", "W",  "W",  "H",  "H",  "/", "/", "H", "W", "H", "H", "H", "/", "/", "H", "H", "W", "H", "WF", ""],
    "tom":     ["SW", "H",  "W",  "W",  "H",  "/", "/", "H", "H", "H", "W", "H", "/", "/", "H", "H", "W", "H", "WF", ""],
    "yusuf":   ["",   "SW", "H",  "H",  "H",  "/", "/", "H", "H", "H", "W", "H", "/", "/", "H", "W", "WF", "", "",   ""],
    "nilsson": ["",   "",   "",   "",   "",   "",  "",  "",  "",  "",  "SW", "W", "/", "/", "H", "H", "WF", "", "",   ""],
}
#: Cast number, actor, character; then work days, hold days, travel days, first and last work day.
EXAMPLE_CAST = {
    "henrik":  (1, "Matthias Lorenzen", "Henrik Vogt",          10, 2, 0, "2027-03-04", "2027-03-19"),
    "lena":    (2, "Clara Sandmann",    "Lena Vogt",            13, 2, 0, "2027-03-01", "2027-03-19"),
    "jonas":   (3, "Finn Albers",       "Jonas Vogt",            5, 3, 0, "2027-03-04", "2027-03-15"),
    "dries":   (4, "Joost Verbeek",     "Dries van Leeuwen",     7, 5, 0, "2027-03-03", "2027-03-18"),
    "marta":   (5, "Ewa Zielińska",     "Marta Kowalczyk",       3, 0, 0, "2027-03-03", "2027-03-05"),
    "kessler": (6, "Rainer Hollweg",    "Rolf Kessler",          6, 9, 0, "2027-03-01", "2027-03-19"),
    "tom":     (7, "Okan Demir",        "Tom Brandt",            6, 9, 0, "2027-03-01", "2027-03-19"),
    "yusuf":   (8, "Cem Yıldız",        "Yusuf Arslan",          4, 8, 0, "2027-03-02", "2027-03-17"),
    "nilsson": (9, "Lars Ekström",      "Captain Sven Nilsson",  3, 2, 0, "2027-03-11", "2027-03-17"),
}
# fmt: on
#: Each shoot day's page total, added up by hand from scenes.yaml.
# fmt: off
EXAMPLE_DAY_PAGES = {
    1: "5 3/8", 2: "4", 3: "4 6/8", 4: "4", 5: "5 1/8", 6: "3 6/8", 7: "5 3/8", 8: "4 7/8",
    9: "3 6/8", 10: "4 7/8", 11: "5", 12: "4 4/8", 13: "5 1/8", 14: "4 5/8", 15: "3 4/8",
}
# fmt: on


def as_grid(table: dict[str, list[str]], dates: list[dt.date]) -> dict[str, dict[dt.date, str]]:
    """A hand-written table as day_out_of_days returns it: blank cells left out."""
    return {member: {date: code for date, code in zip(dates, codes, strict=True) if code} for member, codes in table.items()}


def short(iso: str) -> str:
    date = dt.date.fromisoformat(iso)
    return f"{date.day} {date:%b}"


@pytest.fixture(scope="module")
def example() -> m.ProductionFolder:
    return loaded(EXAMPLE)


def write(folder: Path, command: str, *formats: str, out: Path | None = None) -> list[Path]:
    """Run `coord schedule` or `coord dood`; return the files it says it wrote."""
    args = [command, "--folder", str(folder), *(["--out", str(out)] if out else [])]
    for fmt in formats:
        args += ["--format", fmt]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return [Path(line.removeprefix("wrote ")) for line in result.output.splitlines() if line.startswith("wrote ")]


# ---- the day-out-of-days codes ---------------------------------------------------------------


def test_example_dood_codes_equal_the_hand_made_table(example: m.ProductionFolder) -> None:
    assert [d.date for d in sch.calendar_days(example)] == EXAMPLE_DATES
    assert sch.day_out_of_days(example) == as_grid(EXAMPLE_DOOD, EXAMPLE_DATES)


def test_example_dood_totals_per_actor(example: m.ProductionFolder) -> None:
    rows = {r["actor"]: r for r in dood.dood(example)["rows"]}
    assert [r["number"] for r in rows.values()] == list(range(1, 10))
    for member, (number, actor, character, work, hold, travel, first, last) in EXAMPLE_CAST.items():
        row = rows[actor]
        assert (row["number"], row["character"]) == (number, character), member
        assert (row["work"], row["hold"], row["travel"], row["first_date"], row["last_date"]) == (work, hold, travel, first, last)
        assert (row["first"], row["last"]) == (short(first), short(last))
        codes = EXAMPLE_DOOD[member]
        assert work == sum("W" in c for c in codes) and hold == codes.count("H"), f"the hand-made table of {member} adds up"


def test_example_dood_csv_equals_the_hand_made_table(tmp_path: Path) -> None:
    (path,) = write(EXAMPLE, "dood", "csv", out=tmp_path)
    assert path == tmp_path / "dood.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = ["#", "Actor", "Character", *(d.isoformat() for d in EXAMPLE_DATES)]
    assert rows[0] == [*header, "Work", "Hold", "Travel", "First work", "Last work"]
    assert rows[1:] == [
        [str(number), actor, character, *EXAMPLE_DOOD[member], str(work), str(hold), str(travel), first, last]
        for member, (number, actor, character, work, hold, travel, first, last) in EXAMPLE_CAST.items()
    ]
    assert path.read_bytes().startswith(b"\xef\xbb\xbf"), "a BOM, so spreadsheet apps read the names as UTF-8"


def test_example_dood_markdown_equals_the_hand_made_table(tmp_path: Path) -> None:
    (path,) = write(EXAMPLE, "dood", "md", out=tmp_path)
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0].isdigit():
            rows[int(cells[0])] = cells[1:]
    for member, (number, actor, character, work, hold, travel, first, last) in EXAMPLE_CAST.items():
        assert rows[number] == [
            actor,
            character,
            *EXAMPLE_DOOD[member],
            str(work),
            str(hold),
            str(travel),
            short(first),
            short(last),
        ]


def test_call_sheet_status_is_the_dood_code_of_that_day(example: m.ProductionFolder) -> None:
    grid = as_grid(EXAMPLE_DOOD, EXAMPLE_DATES)
    ids = {c.number: c.id for c in example.cast}
    checked = 0
    for day in sch.shoot_days(example):
        for row in callsheet.callsheet(example, day)["cast"]:
            assert row["status"] == grid[ids[row["number"]]][day.date], f"day {day.day}, cast {row['number']}"
            checked += 1
    assert checked == sum(len(d.cast_calls) for d in sch.shoot_days(example)) == 57


# ---- a small production with a drop, a weekend hold and a travel day -----------------------------

SCENES = """
- {{number: {n}, set: {set}, int_ext: {ie}, time_of_day: {tod}, pages: "{pages}", cast: [{cast}], location: harbour}}"""
DAYS = """
- day: {day}
  date: {date}
  locations: [harbour]
  scenes: [{scene}]
  crew_call: "08:00"
  cast_calls:
    - cast: {cast}
      on_set: "09:00\""""


@pytest.fixture
def breaks(minimal: Path) -> Path:
    """The minimal production (Mira and Finn work Mon 1 and Mira Wed 3 March, a rest day between), plus:

    Thu 4 Finn, Fri 5 Mira, a weekend off, Mon 8 Finn; then nothing until Mira travels
    back on Sun 21 (status T on a travel day) and works Mon 22 and Tue 23: 17 days
    after Fri 5, so she is dropped (WD) and picked up again (PW).
    """
    scenes = [("3", "FERRY", "INT", "day", "1", "finn"), ("4", "PIER", "EXT", "dusk", "2/8", "mira")]
    scenes += [("5", "FERRY", "INT", "night", "6/8", "finn"), ("6", "PIER", "EXT", "day", "1 1/8", "mira")]
    scenes += [("7", "PIER", "EXT", "night", "3/8", "mira")]
    with (minimal / "scenes.yaml").open("a", encoding="utf-8") as handle:
        for n, set_, ie, tod, pages, cast in scenes:
            handle.write(SCENES.format(n=n, set=set_, ie=ie, tod=tod, pages=pages, cast=cast) + "\n")
    days = [(3, "2027-03-04", 3, "finn"), (4, "2027-03-05", 4, "mira")]
    late = [(6, "2027-03-22", 6, "mira"), (7, "2027-03-23", 7, "mira")]
    with (minimal / "schedule.yaml").open("a", encoding="utf-8") as handle:
        handle.writelines(DAYS.format(day=d, date=date, scene=s, cast=c) for d, date, s, c in days)
        handle.write("\n- date: 2027-03-06\n  type: rest\n- date: 2027-03-07\n  type: rest")
        handle.write(DAYS.format(day=5, date="2027-03-08", scene=5, cast="finn"))
        handle.write("\n- date: 2027-03-21\n  type: travel\n  description: Mira flies back in\n")
        handle.write("  cast_calls:\n    - cast: mira\n      status: T")
        handle.writelines(DAYS.format(day=d, date=date, scene=s, cast=c) for d, date, s, c in late)
        handle.write("\n")
    return minimal


BREAKS_DATES = [dt.date(2027, 3, day) for day in (1, 2, 3, 4, 5, 6, 7, 8, 21, 22, 23)]
BREAKS_DOOD = {
    #        Mon 1  Tue 2 Wed 3 Thu 4 Fri 5  Sat 6 Sun 7 Mon 8  Sun 21 Mon 22 Tue 23
    "mira": ["SW", "/", "W", "H", "WD", "", "", "", "T", "PW", "WF"],
    "finn": ["SW", "/", "H", "W", "H", "/", "/", "WF", "", "", ""],
}  # fmt: skip


def test_drop_and_pick_up_weekend_hold_and_manual_travel(breaks: Path) -> None:
    folder = loaded(breaks)
    assert [d.date for d in sch.calendar_days(folder)] == BREAKS_DATES
    assert sch.day_out_of_days(folder) == as_grid(BREAKS_DOOD, BREAKS_DATES)
    rows = {r["actor"]: r for r in dood.dood(folder)["rows"]}
    assert {k: rows["Jana Falk"][k] for k in ("work", "hold", "travel", "first_date", "last_date")} == {
        "work": 5, "hold": 1, "travel": 1, "first_date": "2027-03-01", "last_date": "2027-03-23"
    }  # fmt: skip
    assert (rows["Ole Hansen"]["work"], rows["Ole Hansen"]["hold"], rows["Ole Hansen"]["travel"]) == (3, 2, 0)


def test_drop_needs_more_than_ten_days_off(breaks: Path) -> None:
    edit(breaks / "schedule.yaml", "date: 2027-03-22", "date: 2027-03-15")
    edit(breaks / "schedule.yaml", "date: 2027-03-23", "date: 2027-03-16")
    edit(breaks / "schedule.yaml", "date: 2027-03-21", "date: 2027-03-14")
    assert m.DoodSettings().drop_after_days == 10
    codes = sch.day_out_of_days(loaded(breaks))["mira"]
    assert [codes.get(dt.date(2027, 3, d), "") for d in (5, 6, 7, 8, 14, 15, 16)] == ["W", "/", "/", "H", "T", "W", "WF"]


def test_breaks_call_sheets_agree_with_the_dood(breaks: Path) -> None:
    folder = loaded(breaks)
    grid = as_grid(BREAKS_DOOD, BREAKS_DATES)
    ids = {c.number: c.id for c in folder.cast}
    for day in sch.shoot_days(folder):
        for row in callsheet.callsheet(folder, day)["cast"]:
            assert row["status"] == grid[ids[row["number"]]][day.date]


def test_breaks_dood_shows_every_code_in_markdown_and_pdf(breaks: Path, tmp_path: Path) -> None:
    md, pdf = write(breaks, "dood", "md", "pdf", out=tmp_path)
    text = md.read_text(encoding="utf-8")
    assert "| 1 | Jana Falk | Mira | SW | / | W | H | WD |  |  |  | T | PW | WF | 5 | 1 | 1 | 1 Mar | 23 Mar |" in text
    assert "| 2 | Ole Hansen | Finn | SW | / | H | W | H | / | / | WF |  |  |  | 3 | 2 | 0 | 1 Mar | 8 Mar |" in text
    printed = flat(pdf_text(pdf))
    assert "1 Jana Falk Mira SW / W H WD T PW WF 5 1 1 1 Mar 23 Mar" in printed
    assert "2 Ole Hansen Finn SW / H W H / / WF 3 2 0 1 Mar 8 Mar" in printed


def test_two_units_on_one_date_are_one_column_and_one_work_day(minimal: Path) -> None:
    """Ada works only on 3 March, in both units' scenes: SWF, once; both units' call sheets show the codes."""
    with (minimal / "cast.yaml").open("a", encoding="utf-8") as handle:
        handle.write("- id: ada\n  number: 3\n  character: Ada\n  actor: Ida Berg\n")
    edit(minimal / "scenes.yaml", "cast: [mira]", "cast: [mira, ada]")
    with (minimal / "scenes.yaml").open("a", encoding="utf-8") as handle:
        handle.write(SCENES.format(n="3", set="LIGHTHOUSE", ie="EXT", tod="day", pages="2/8", cast="ada") + "\n")
    with (minimal / "schedule.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            DAYS.format(day=3, date="2027-03-03", scene=3, cast="ada").replace("  locations:", "  unit: 2nd\n  locations:")
        )
    folder = loaded(minimal)
    third = dt.date(2027, 3, 3)
    assert sch.day_out_of_days(folder)["ada"] == {third: "SWF"}
    status = sch.cast_status(folder)
    assert (status["mira", 2], status["ada", 2], status["ada", 3]) == ("WF", "SWF", "SWF")
    context = dood.dood(folder)
    assert [c["iso"] for c in context["columns"]] == ["2027-03-01", "2027-03-02", "2027-03-03"]
    assert [c["day"] for c in context["columns"]] == ["1", "", "2"]
    assert [r["codes"] for r in context["rows"]] == [["SW", "/", "WF"], ["SWF", "", ""], ["", "", "SWF"]]


# ---- the PDFs, read back ------------------------------------------------------------------------


def test_example_dood_pdf_is_one_landscape_page_with_every_row(tmp_path: Path) -> None:
    (path,) = write(EXAMPLE, "dood", "pdf", out=tmp_path)
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == 1
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (842, 595), "A4 landscape"
    text = flat(pdf_text(path))
    for member, (number, actor, character, work, hold, travel, first, last) in EXAMPLE_CAST.items():
        codes = " ".join(c for c in EXAMPLE_DOOD[member] if c)
        assert f"{number} {actor} {character} {codes} {work} {hold} {travel} {short(first)} {short(last)}" in text, member
    for code in ("SW", "WF", "SWF", "WD", "PW", "Hold", "Travel", "Company day off"):
        assert code in text, "the legend"


def test_example_schedule_pdf_shows_every_scene_and_day_total(example: m.ProductionFolder, tmp_path: Path) -> None:
    (path,) = write(EXAMPLE, "schedule", "pdf", out=tmp_path)
    text = flat(pdf_text(path))
    scenes = sch.scenes_by_number(example)
    for day in sch.shoot_days(example):
        assert day.day is not None
        assert f"Total {EXAMPLE_DAY_PAGES[day.day]}" in text, f"day {day.day}"
        assert f"End of day {day.day} · " in text and f" · {EXAMPLE_DAY_PAGES[day.day]} pages" in text
        for number in day.scenes:
            first_word = scenes[number].set.split()[0]
            assert re.search(rf"(?:^| ){re.escape(number)} {re.escape(first_word)}", text), f"scene {number} in the one-liner"
            assert re.search(rf"(?:^| ){day.day} {re.escape(number)} (INT|EXT)", text), f"scene {number} on the stripboard"
    for banner in ("Sat 6 Mar – Rest day", "Sun 14 Mar – Rest day", "Sat 20 Mar – Travel day"):
        assert banner in text
    assert "15 shoot days · 48 scenes · 68 5/8 pages" in text


def test_day_pages_hand_totals_add_up_to_the_summary(example: m.ProductionFolder) -> None:
    scenes = sch.scenes_by_number(example)
    assert {d.day: str(sch.day_pages(d, scenes)) for d in sch.shoot_days(example)} == EXAMPLE_DAY_PAGES
    assert str(sum((parse_eighths(t) for t in EXAMPLE_DAY_PAGES.values()), Eighths(0))) == "68 5/8"


# ---- the schedule's content ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("int_ext", "time_of_day", "key"),
    [
        ("INT", "day", "int-day"), ("INT", "morning", "int-day"), ("EXT", "day", "ext-day"),
        ("INT", "night", "int-night"), ("INT", "evening", "int-night"), ("EXT", "night", "ext-night"),
        ("EXT", "dusk", "ext-night"), ("EXT", "dawn", "ext-night"), ("INT/EXT", "day", "ext-day"),
    ],
)  # fmt: skip
def test_strip_colours(int_ext: str, time_of_day: str, key: str) -> None:
    scene = m.Scene(number="1", set="X", int_ext=int_ext, time_of_day=time_of_day, pages=Eighths(1))
    assert schedule.strip_key(scene) == key


def test_schedule_lists_every_calendar_day_in_date_order(breaks: Path) -> None:
    context = schedule.shooting_schedule(loaded(breaks))
    days = context["days"]
    assert [d["title"] if d["shoot"] else d["banner"] for d in days] == [
        "Day 1 of 7", "Tue 2 Mar – Rest day", "Day 2 of 7", "Day 3 of 7", "Day 4 of 7", "Sat 6 Mar – Rest day",
        "Sun 7 Mar – Rest day", "Day 5 of 7", "Sun 21 Mar – Travel day", "Day 6 of 7", "Day 7 of 7",
    ]  # fmt: skip
    assert days[8]["note"] == "Mira flies back in"
    assert [(s["number"], s["strip"], s["cast"]) for s in days[4]["scenes"]] == [("4", "ext-night", "1")]
    assert [g["end"] for g in context["stripboard"]][:2] == [
        "End of day 1 · Mon 1 Mar · 1 3/8 pages",
        "End of day 2 · Wed 3 Mar · 4/8 pages",
    ]
    assert context["summary"] == "7 shoot days · 7 scenes · 5 3/8 pages"
    assert context["not_scheduled"] == []


def test_unscheduled_scenes_are_listed_after_the_stripboard(minimal: Path, tmp_path: Path) -> None:
    with (minimal / "scenes.yaml").open("a", encoding="utf-8") as handle:
        handle.write(SCENES.format(n="9", set="LIGHTHOUSE", ie="EXT", tod="night", pages="1", cast="mira") + "\n")
    (md,) = write(minimal, "schedule", "md", out=tmp_path)
    text = md.read_text(encoding="utf-8")
    assert "## Not scheduled" in text
    assert "| 9 | EXT | N | LIGHTHOUSE | 1 | 1 |" in text
    assert "2 shoot days · 2 scenes · 1 7/8 pages" in text


def test_german_schedule_and_dood(minimal: Path, tmp_path: Path) -> None:
    (minimal / "production.yaml").write_text(
        (minimal / "production.yaml").read_text(encoding="utf-8") + "language: de\n", encoding="utf-8"
    )
    (schedule,) = write(minimal, "schedule", "md", out=tmp_path)
    text = schedule.read_text(encoding="utf-8")
    assert "**Drehplan**" in text and "**Di 2.3. – Ruhetag**" in text and "Ende Drehtag 1 · Mo 1.3. · 1 3/8 Seiten" in text
    (dood,) = write(minimal, "dood", "md", out=tmp_path)
    text = dood.read_text(encoding="utf-8")
    assert "| Mo 1.3. | Di 2.3. | Mi 3.3. | Dreh | Halten | Reise | Erster Dreh | Letzter Dreh |" in text
    assert "- **/** Drehfrei" in text


def test_long_shoot_splits_the_dood_into_even_landscape_pages(minimal: Path, tmp_path: Path) -> None:
    start = dt.date(2027, 3, 4)
    with (minimal / "schedule.yaml").open("a", encoding="utf-8") as handle:
        for offset in range(37):
            handle.write(f"- date: {start + dt.timedelta(days=offset)}\n  type: rest\n")
    context = dood.dood(loaded(minimal))
    assert [len(b["columns"]) for b in context["blocks"]] == [20, 20]
    assert [b["totals"] for b in context["blocks"]] == [False, True]
    assert [len(r["cells"]) for b in context["blocks"] for r in b["rows"]] == [20, 20, 20, 20]
    (pdf,) = write(minimal, "dood", "pdf", out=tmp_path)
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pypdf.PdfReader(pdf).pages]
    assert sizes and all(size == (842, 595) for size in sizes)


def test_markup_in_values_is_printed_literally(minimal: Path, tmp_path: Path) -> None:
    edit(
        minimal / "scenes.yaml",
        "set: OLD HARBOUR - QUAY\n  int_ext: EXT\n  time_of_day: day",
        "set: '<b>QUAY</b> **x**'\n  int_ext: EXT\n  time_of_day: day",
    )
    edit(minimal / "cast.yaml", "actor: Jana Falk", "actor: '=HYPERLINK(\"http://x\") <i>Jana</i>'")
    md, html = write(minimal, "schedule", "md", "html", out=tmp_path)
    assert r"\<b\>QUAY\</b\> \*\*x\*\*" in md.read_text(encoding="utf-8")
    assert "&lt;b&gt;QUAY&lt;/b&gt; **x**" in html.read_text(encoding="utf-8")
    dood_html, dood_csv = write(minimal, "dood", "csv", "html", out=tmp_path)
    assert "&lt;i&gt;Jana&lt;/i&gt;" in dood_html.read_text(encoding="utf-8")
    with dood_csv.open(encoding="utf-8-sig", newline="") as handle:
        assert next(r for r in csv.reader(handle) if r[0] == "1")[1] == '\'=HYPERLINK("http://x") <i>Jana</i>'


# ---- the commands -------------------------------------------------------------------------------------


def test_default_output_paths_and_pdf_by_default(minimal: Path) -> None:
    result = invoke("schedule", "--folder", str(minimal))
    assert (result.exit_code, result.output) == (0, f"wrote {minimal / 'out' / 'schedule' / 'schedule.pdf'}\n")
    result = invoke("dood", "--folder", str(minimal), "--format", "csv", "--format", "html")
    out = minimal / "out" / "dood"
    assert (result.exit_code, result.output) == (0, f"wrote {out / 'dood.html'}\nwrote {out / 'dood.csv'}\n")
    assert sorted(p.name for p in out.iterdir()) == [".coord-manifest.json", "dood.csv", "dood.html"]


def test_unchanged_documents_are_not_rewritten(minimal: Path, tmp_path: Path) -> None:
    for command, formats in (("schedule", ("md", "html")), ("dood", ("md", "csv"))):
        args = (command, "--folder", str(minimal), "--out", str(tmp_path / command))
        first = invoke(*args, *(x for f in formats for x in ("--format", f)))
        assert first.exit_code == 0 and first.output.count("wrote ") == 2
        again = invoke(*args, *(x for f in formats for x in ("--format", f)))
        assert (again.exit_code, again.output) == (0, "2 up to date, not rewritten\n")
    edit(minimal / "scenes.yaml", 'pages: "1 3/8"', 'pages: "1 4/8"')
    assert invoke("schedule", "--folder", str(minimal), "--out", str(tmp_path / "schedule"), "--format", "md").output == (
        f"wrote {tmp_path / 'schedule' / 'schedule.md'}\n"
    )
    edit(minimal / "scenes.yaml", "cast: [mira]", "cast: [mira, finn]")  # Finn now works day 2 too
    result = invoke("dood", "--folder", str(minimal), "--out", str(tmp_path / "dood"), "--format", "csv", "--format", "md")
    assert result.output == f"wrote {tmp_path / 'dood' / 'dood.md'}\nwrote {tmp_path / 'dood' / 'dood.csv'}\n"
    assert not [p for p in (tmp_path / "dood").iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("command", ["schedule", "dood"])
def test_schedule_with_errors_is_refused(minimal: Path, tmp_path: Path, command: str) -> None:
    edit(minimal / "schedule.yaml", "    - cast: finn", "    - cast: fin")
    result = invoke(command, "--folder", str(minimal), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.output.startswith(
        f"Error: the production has errors; fix them first (coord validate {minimal} lists them all):\n"
    )
    assert 'unknown cast id "fin"' in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["schedule", "dood"])
def test_errors_elsewhere_do_not_block_the_plan(minimal: Path, tmp_path: Path, command: str) -> None:
    edit(minimal / "crew.yaml", "department: lighting", "department: Lightning")
    assert write(minimal, command, "md", out=tmp_path)


@pytest.mark.parametrize("command", ["schedule", "dood"])
def test_nothing_scheduled_is_refused(minimal: Path, tmp_path: Path, command: str) -> None:
    (minimal / "schedule.yaml").write_text("[]\n", encoding="utf-8")
    (minimal / "transport.yaml").unlink()
    result = invoke(command, "--folder", str(minimal), "--out", str(tmp_path / "out"))
    assert (result.exit_code, result.output) == (
        1,
        "Error: nothing is scheduled yet: add days to schedule.yaml (see docs/format.md)\n",
    )


def test_csv_is_only_for_the_dood(minimal: Path) -> None:
    result = invoke("schedule", "--folder", str(minimal), "--format", "csv")
    assert result.exit_code == 2
    assert "'csv' is not one of 'pdf', 'html', 'md', 'docx'" in result.output
