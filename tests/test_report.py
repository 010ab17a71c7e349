"""The daily production report: actuals beside the plan, and progress to date against hand-computed figures."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, assert_golden
from pypdf import PdfReader

from coord.checks import validate
from coord.cli import main
from coord.documents import report as dpr
from coord.render import render_text
from coord.values import Eighths, Time


def example_report(day: str) -> dict[str, object]:
    folder, findings = validate(EXAMPLE)
    assert folder is not None and not findings.errors
    shoot_day, day_report = dpr.find_report(folder, day)
    return dpr.daily_report(folder, shoot_day, day_report)


def test_totals_after_a_day_that_went_over() -> None:
    # Day 1 planned scenes 4 (3 pages), 4A (4/8) and 33 (1 7/8): 5 3/8 pages.
    # 4 and 4A were completed (3 4/8), 33 only partly (1 page): 4 4/8 shot, 7/8 behind, one scene behind.
    folder, _ = validate(EXAMPLE)
    assert folder is not None
    totals = dpr.to_date(folder, dpr.find_report(folder, "1")[0])
    assert totals == dpr.ToDate(
        days_done=1, days_left=14, scenes_scheduled=3, scenes_done=2, pages_scheduled=Eighths(43), pages_done=Eighths(36)
    )
    assert (totals.scenes_ahead, totals.pages_ahead) == (-1, -7)
    context = example_report("1")
    assert context["to_date"] == {
        "days": "1 of 15 shoot days done, 14 to go",
        "scenes_scheduled": 3,
        "scenes_done": 2,
        "scenes_ahead": "−1",
        "pages_scheduled": "5 3/8",
        "pages_done": "4 4/8",
        "pages_ahead": "−7/8",
        "status": "Behind schedule",
    }
    assert context["wrap_against_plan"] == "50 min over schedule"
    assert context["hours_worked"] == "12:15 h"


def test_totals_after_a_day_that_finished_early_and_caught_up() -> None:
    # Day 2 planned 16 (1 2/8) and 15 (2 6/8) and also finished the rest of 33: all 5 scenes, 9 3/8 pages, on schedule.
    context = example_report("2")
    assert context["to_date"] == {
        "days": "2 of 15 shoot days done, 13 to go",
        "scenes_scheduled": 5,
        "scenes_done": 5,
        "scenes_ahead": "±0",
        "pages_scheduled": "9 3/8",
        "pages_done": "9 3/8",
        "pages_ahead": "±0",
        "status": "On schedule",
    }
    assert context["wrap_against_plan"] == "1:50 h ahead of schedule"
    rows = {row["number"]: row for row in context["scenes"]}  # type: ignore[attr-defined]
    assert rows["33"]["result"] == "Added" and rows["33"]["planned"] == ""


def test_scene_rows_show_plan_and_result() -> None:
    context = example_report("1")
    rows = context["scenes"]
    assert [(r["number"], r["planned"], r["result"], r["pages"]) for r in rows] == [  # type: ignore[attr-defined]
        ("4", "3", "Complete", "3"),
        ("4A", "4/8", "Complete", "4/8"),
        ("33", "1 7/8", "Part shot → day 2", "1"),
    ]
    assert context["scene_totals"] == {"planned_pages": "5 3/8", "shot_pages": "4 4/8", "setups": "26", "screen_time": "4:47"}
    assert context["delay_total"] == 50


def test_a_partly_shot_scene_counts_its_pages_until_it_is_complete(minimal: Path) -> None:
    (minimal / "reports").mkdir()
    (minimal / "reports" / "day-01.yaml").write_text(
        'day: 1\nscenes:\n  - {scene: "1", result: part, pages: "6/8", moved_to: 2}\n', encoding="utf-8"
    )
    (minimal / "reports" / "day-02.yaml").write_text(
        'day: 2\nscenes:\n  - {scene: "2", result: complete}\n  - {scene: "1", result: complete, pages: "5/8"}\n',
        encoding="utf-8",
    )
    folder, findings = validate(minimal)
    assert folder is not None and not findings.errors, findings
    day1, _ = dpr.find_report(folder, "1")
    day2, _ = dpr.find_report(folder, "2")
    assert (dpr.to_date(folder, day1).pages_done, dpr.to_date(folder, day1).scenes_done) == (Eighths(6), 0)
    assert (dpr.to_date(folder, day2).pages_done, dpr.to_date(folder, day2).scenes_done) == (Eighths(15), 2)


def test_durations_and_signs() -> None:
    day = dt.date(2027, 3, 1)
    assert dpr.duration(day, Time(7 * 60), Time(19 * 60 + 15), "Europe/Berlin") == "12:15 h"
    assert dpr.duration(day, Time(17 * 60), Time(27 * 60 + 30), "Europe/Berlin") == "10:30 h"
    assert dpr.duration(day, None, Time(60), "Europe/Berlin") == ""
    assert (dpr.signed(3), dpr.signed(-1), dpr.signed(0), dpr.signed(-7, Eighths)) == ("+3", "−1", "±0", "−7/8")


@pytest.mark.parametrize(("day", "fmt"), [(day, fmt) for day in ("1", "2") for fmt in ("md", "html")])
def test_report_golden(day: str, fmt: str) -> None:
    rendered = render_text(EXAMPLE, f"report.{'html' if fmt == 'html' else 'md'}.j2", fmt, example_report(day))
    assert_golden(f"report-day-{int(day):02d}.{fmt}", rendered)


def test_report_pdf_is_real_and_complete(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", "1", "--folder", str(EXAMPLE), "--out", str(tmp_path), "--format", "pdf"])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {tmp_path / '2027-03-01-day-01-report.pdf'}\n"
    text = PdfReader(tmp_path / "2027-03-01-day-01-report.pdf").pages[0].extract_text()
    for expected in ("DAILY PRODUCTION REPORT", "DAY 1 OF 15", "50 min over schedule", "Part shot → day 2", "−7/8", "Fire alarm"):
        assert expected in text, expected


def test_a_day_without_a_report_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", "3", "--folder", str(EXAMPLE), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "day 3 has no report yet: add reports/day-03.yaml" in result.output
    assert not any(tmp_path.iterdir())


def test_a_broken_report_blocks_the_report(tmp_path: Path) -> None:
    production = tmp_path / "production"
    shutil.copytree(EXAMPLE, production, ignore=shutil.ignore_patterns("out"))
    path = production / "reports" / "day-01.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('camera_wrap: "18:50"', 'camera_wrap: "18.50"'), encoding="utf-8")
    result = CliRunner().invoke(main, ["report", "1", "--folder", str(production), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "reports/day-01.yaml" in result.output and "coord validate" in result.output


def test_a_completed_scene_without_pages_counts_the_whole_scene_today_and_to_date(minimal: Path) -> None:
    (minimal / "reports").mkdir()
    (minimal / "reports" / "day-01.yaml").write_text('day: 1\nscenes:\n  - {scene: "1", result: complete}\n', encoding="utf-8")
    folder, findings = validate(minimal)
    assert folder is not None and not findings.errors
    day, day_report = dpr.find_report(folder, "1")
    context = dpr.daily_report(folder, day, day_report)
    assert context["scene_totals"]["shot_pages"] == "1 3/8"  # type: ignore[index]
    assert context["to_date"]["pages_done"] == "1 3/8"  # type: ignore[index]
