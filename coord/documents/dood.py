"""The cast day-out-of-days: a code per actor and calendar date, per-actor totals, and a legend.

The codes come from coord.plan.day_out_of_days, the same function the call sheet's
status column reads, so the two always agree.
"""

from __future__ import annotations

import math
from typing import Any

from coord import labels as lb
from coord import model as m
from coord import plan
from coord.documents import Context, Document, Item, register
from coord.documents.common import common_context, period, short_date
from coord.documents.schedule import PLAN_INPUTS, scheduled

#: At most this many date columns side by side on one landscape page of the day-out-of-days.
DOOD_COLUMNS_PER_PAGE = 22


def items(folder: m.ProductionFolder) -> list[Item]:
    """The grid as a document, and as CSV (the bare grid)."""
    context = dood(scheduled(folder))
    return [Item("dood", context, {"csv": dood_table(context)})]


DOCUMENT = register(Document("dood", "day-out-of-days", PLAN_INPUTS, "dood", items, exports=("csv",)))


def dood(folder: m.ProductionFolder) -> Context:
    """The cast day-out-of-days: a code per actor and calendar date, per-actor totals, and a legend.

    `columns` and `rows` hold the whole grid (for CSV); `blocks` cut it into pages of at
    most DOOD_COLUMNS_PER_PAGE dates, the totals on the last one.
    """
    production = folder.production
    language = production.language
    grid = plan.day_out_of_days(folder)
    calendar = plan.calendar_days(folder)
    dates = list(dict.fromkeys(d.date for d in calendar))  # two units on one date share a column
    numbers = {d.date: d.day for d in reversed(plan.shoot_days(folder))}
    columns = [
        {
            "iso": date.isoformat(),
            "weekday": lb.weekday_short(date.weekday(), language),
            "date": short_date(date, language),
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
                "first": short_date(worked[0], language) if worked else "",
                "last": short_date(worked[-1], language) if worked else "",
                "first_date": worked[0].isoformat() if worked else "",
                "last_date": worked[-1].isoformat() if worked else "",
            }
        )
    return {
        **common_context(production),
        "period": period(folder, language),
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
