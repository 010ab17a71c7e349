"""Documents about the plan: the shooting schedule (one-liner and stripboard) and the cast day-out-of-days.

Like coord.documents, each function returns plain JSON-able data with every word
and figure already formatted, so the Markdown, HTML and Typst templates only loop
and print. The day-out-of-days codes come from coord.schedule.day_out_of_days, the
same function the call sheet's status column reads, so the two always agree.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from coord import labels as lb
from coord import model as m
from coord import schedule as sch
from coord.documents import Context, clock, common_context, format_date, scene_row
from coord.values import Eighths

#: Story times shot in low light: their strips take the night colours.
NIGHT_TIMES = ("night", "evening", "dusk", "dawn")
#: Stripboard colour keys, in legend order; the templates give each its colour
#: (int-day white, ext-day yellow, int-night blue, ext-night green).
STRIP_KEYS = ("int-day", "ext-day", "int-night", "ext-night")
#: At most this many date columns side by side on one landscape page of the day-out-of-days.
DOOD_COLUMNS_PER_PAGE = 22


def strip_key(scene: m.Scene) -> str:
    """A scene's stripboard colour: INT/EXT counts as EXT (weather matters), dawn to evening as night."""
    inside = "int" if scene.int_ext == "INT" else "ext"
    light = "night" if scene.time_of_day in NIGHT_TIMES else "day"
    return f"{inside}-{light}"


def shooting_schedule(folder: m.ProductionFolder) -> Context:
    """The one-liner (every calendar day, scenes in shooting order, page totals) and the stripboard."""
    production = folder.production
    language = production.language
    words = lb.labels(language)
    scenes = sch.scenes_by_number(folder)
    cast = {c.id: c for c in folder.cast}
    locations = {loc.id: loc for loc in folder.locations}
    shooting = sch.shoot_days(folder)
    several_units = len({d.unit for d in shooting}) > 1

    def rows(day: m.ShootDay) -> list[dict[str, str]]:
        return [_strip(scenes[n], day, cast, locations, language) for n in day.scenes if n in scenes]

    days: list[dict[str, Any]] = []
    for day in sch.calendar_days(folder):
        if day.type != "shoot":
            days.append({"shoot": False, **_banner(day, language, words)})
            continue
        title = words["day_of"].format(day=day.day, total=len(shooting))
        days.append(
            {
                "shoot": True,
                "title": f"{title} · {words['schedule_unit']} {day.unit}" if several_units else title,
                "date": f"{lb.weekday(day.date.weekday(), language)}, {format_date(day.date, language)}",
                "description": day.description or "",
                "crew_call": clock(day.crew_call),
                "scenes": rows(day),
                "pages_total": str(sch.day_pages(day, scenes)),
            }
        )
    scheduled = {n for day in shooting for n in day.scenes}
    pages = sum((scenes[n].pages for n in scheduled if n in scenes), Eighths(0))
    return {
        **common_context(production),
        "period": _period(folder, language),
        "summary": words["schedule_summary"].format(days=len(shooting), scenes=len(scheduled & set(scenes)), pages=pages),
        "days": days,
        "stripboard": [
            {
                "end": words["end_of_day"].format(
                    day=day.day, date=_weekday_date(day.date, language), pages=sch.day_pages(day, scenes)
                ),
                "strips": rows(day),
            }
            for day in shooting
        ],
        "not_scheduled": [
            _strip(scene, None, cast, locations, language) for scene in folder.scenes if scene.number not in scheduled
        ],
        "strip_colours": [{"key": key, "label": words["strip_" + key.replace("-", "_")]} for key in STRIP_KEYS],
    }


def dood(folder: m.ProductionFolder) -> Context:
    """The cast day-out-of-days: a code per actor and calendar date, per-actor totals, and a legend.

    `columns` and `rows` hold the whole grid (for CSV); `blocks` cut it into pages of at
    most DOOD_COLUMNS_PER_PAGE dates, the totals on the last one.
    """
    production = folder.production
    language = production.language
    grid = sch.day_out_of_days(folder)
    calendar = sch.calendar_days(folder)
    dates = list(dict.fromkeys(d.date for d in calendar))  # two units on one date share a column
    numbers = {d.date: d.day for d in reversed(sch.shoot_days(folder))}
    columns = [
        {
            "iso": date.isoformat(),
            "weekday": lb.weekday_short(date.weekday(), language),
            "date": _short(date, language),
            "day": str(numbers.get(date) or ""),
            "off": date not in numbers,
        }
        for date in dates
    ]
    rows = []
    for member in sorted(folder.cast, key=lambda c: c.number):
        codes = [grid.get(member.id, {}).get(date, "") for date in dates]
        worked = [date for date, code in zip(dates, codes, strict=True) if "W" in code]
        rows.append(
            {
                "number": member.number,
                "actor": member.actor,
                "character": member.character,
                "codes": codes,
                "work": len(worked),
                "hold": codes.count("H"),
                "travel": codes.count("T"),
                "first": _short(worked[0], language) if worked else "",
                "last": _short(worked[-1], language) if worked else "",
                "first_date": worked[0].isoformat() if worked else "",
                "last_date": worked[-1].isoformat() if worked else "",
            }
        )
    return {
        **common_context(production),
        "period": _period(folder, language),
        "columns": columns,
        "rows": rows,
        "blocks": _blocks(columns, rows),
        "legend": [{"code": code, "label": label} for code, label in lb.dood_codes(language)],
    }


def dood_table(context: Context) -> list[list[str]]:
    """The day-out-of-days grid as text for CSV: a header row, then one row per actor; dates as YYYY-MM-DD."""
    words = context["labels"]
    header = ["#", words["actor"], words["character"], *(c["iso"] for c in context["columns"])]
    header += [words["dood_work"], words["dood_hold"], words["dood_travel"], words["dood_first"], words["dood_last"]]
    totals = ("work", "hold", "travel", "first_date", "last_date")
    return [
        header,
        *([str(r["number"]), r["actor"], r["character"], *r["codes"], *(str(r[t]) for t in totals)] for r in context["rows"]),
    ]


def _blocks(columns: list[dict[str, Any]], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The grid cut into evenly sized pages of dates; each row repeats the actor, the last block adds the totals."""
    count = max(1, math.ceil(len(columns) / DOOD_COLUMNS_PER_PAGE))
    size = max(1, math.ceil(len(columns) / count))
    blocks = []
    for start in range(0, max(len(columns), 1), size):
        part = columns[start : start + size]
        blocks.append(
            {
                "columns": part,
                "rows": [
                    {
                        **{k: v for k, v in row.items() if k != "codes"},
                        "cells": [
                            {"code": code, "work": "W" in code, "off": col["off"]}
                            for code, col in zip(row["codes"][start : start + size], part, strict=True)
                        ],
                    }
                    for row in rows
                ],
                "totals": start + size >= len(columns),
            }
        )
    return blocks


def _strip(
    scene: m.Scene, day: m.ShootDay | None, cast: dict[str, m.CastMember], locations: dict[str, m.Location], language: str
) -> dict[str, str]:
    """One scene as a line of the one-liner and a strip of the stripboard."""
    return {**scene_row(scene, cast, locations, language), "day": str(day.day) if day else "", "strip": strip_key(scene)}


def _banner(day: m.ShootDay, language: str, words: Any) -> dict[str, str]:
    """A day without shooting: `Sat 6 Mar – Rest day`, with its description when it says more."""
    kind = words["day_type_" + day.type]
    return {
        "banner": f"{_weekday_date(day.date, language)} – {kind}",
        "note": day.description if day.description and day.description != kind else "",
    }


def _period(folder: m.ProductionFolder, language: str) -> str:
    dates = [d.date for d in sch.calendar_days(folder)]
    return f"{format_date(dates[0], language)} – {format_date(dates[-1], language)}" if dates else ""


def _weekday_date(date: dt.date, language: str) -> str:
    """`Sat 6 Mar`, `Sa 6.3.`."""
    return f"{lb.weekday_short(date.weekday(), language)} {_short(date, language)}"


def _short(date: dt.date, language: str) -> str:
    """A date in a narrow column: `6 Mar`, `6.3.`."""
    return f"{date.day}.{date.month}." if language == "de" else f"{date.day} {date:%b}"
