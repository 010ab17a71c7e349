"""Crew availability: the freelancers by department, each shoot day booked with us, free, unavailable or pencilled elsewhere.

For one shoot day it says per department who works, who is free to be called in and
who cannot come, and why. Who can work which date is coord.plan's `absence`, the rule
the call sheet and the checks follow too.
"""

from __future__ import annotations

import math
from typing import Any

from coord import labels as lb
from coord import model as m
from coord import plan
from coord.documents import Context, Document, Item, register
from coord.documents.common import common_context, day_file, find_day, format_date, period, short_date
from coord.documents.contacts import crew_by_department
from coord.documents.dood import DOOD_COLUMNS_PER_PAGE

INPUTS = ("production", "crew", "days")
#: The code of each reason someone cannot work a date (coord.plan.Absence), as the grid prints it.
CODES = {plan.UNAVAILABLE: "U", plan.OUTSIDE_WINDOWS: "O", plan.BOOKED_ELSEWHERE: "X", plan.FIRST_PENCIL: "P1"}
LEGEND = ("B", "F", "U", "O", "X", "P")


def items(folder: m.ProductionFolder, day: str | None = None) -> list[Item]:
    """The grid of every shoot day, or the lists of one."""
    if day is None:
        return [Item("availability", availability_grid(folder))]
    chosen = find_day(folder, day)
    return [Item(day_file(chosen, "-availability"), availability_day(folder, chosen))]


DOCUMENT = register(Document("availability", "crew availability", INPUTS, "availability", items))


def freelancers(folder: m.ProductionFolder) -> list[tuple[str, list[m.CrewMember]]]:
    """The crew who are not staff, interns or office-only, by department."""
    groups = [
        (department, [c for c in members if not c.staff and not c.intern and c.days != ()])
        for department, members in crew_by_department(folder)
    ]
    return [(department, members) for department, members in groups if members]


def cell(member: m.CrewMember, day: m.ShootDay) -> dict[str, Any]:
    """One person on one shoot day: the code, and `clash` where we count on them and something is in the way."""
    absent = plan.absence(member, day.date)
    booked = plan.booked(member, day)
    if absent is not None:
        return {"code": CODES[absent.reason], "booked": False, "clash": booked}
    lower = plan.lower_pencils(member, day.date)
    pencil = f"P{min(h.rank for h in lower)}" if lower else ""
    if booked:
        return {"code": f"B {pencil}".strip(), "booked": True, "clash": any(h.rank == 2 for h in lower)}
    return {"code": pencil or "F", "booked": False, "clash": False}


def availability_grid(folder: m.ProductionFolder) -> Context:
    production = folder.production
    language = production.language
    words = lb.labels(language)
    days = [d for d in plan.shoot_days(folder) if d.date is not None]
    columns = [
        {"day": str(d.day), "weekday": lb.weekday_short(d.date.weekday(), language), "date": short_date(d.date, language)}
        for d in days
    ]
    groups = [
        {
            "department": lb.department(department, language),
            "people": [{"name": c.name, "role": c.role, "cells": [cell(c, d) for d in days]} for c in members],
        }
        for department, members in freelancers(folder)
    ]
    return {
        **common_context(production),
        "period": period(folder, language),
        "blocks": _blocks(columns, groups),
        "legend": [{"code": code, "label": words[f"avail_code_{code}"]} for code in LEGEND],
    }


def _blocks(columns: list[dict[str, str]], groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The grid cut into evenly sized pages of shoot days, as the day-out-of-days is."""
    count = max(1, math.ceil(len(columns) / DOOD_COLUMNS_PER_PAGE))
    size = max(1, math.ceil(len(columns) / count))
    return [
        {
            "columns": columns[start : start + size],
            "groups": [{**g, "people": [{**p, "cells": p["cells"][start : start + size]} for p in g["people"]]} for g in groups],
        }
        for start in range(0, max(len(columns), 1), size)
    ]


def availability_day(folder: m.ProductionFolder, day: m.ShootDay) -> Context:
    """Per department: who works with us that day, who is free to be called in, and who cannot come and why."""
    production = folder.production
    language = production.language
    words = lb.labels(language)
    departments = []
    for department, members in freelancers(folder):
        working, free, missing = [], [], []
        for member in members:
            absent = plan.absence(member, day.date)
            if absent is not None:
                missing.append({"name": member.name, "role": member.role, "why": _why(absent, language)})
            elif plan.booked(member, day):
                working.append({"name": member.name, "role": member.role})
            else:
                free.append({"name": member.name, "role": member.role})
        departments.append(
            {"department": lb.department(department, language), "working": working, "free": free, "missing": missing}
        )
    total = len(plan.shoot_days(folder))
    return {
        **common_context(production),
        "day": {
            "title": words["availability_day"].format(day=day.day, total=total),
            "date": f"{lb.weekday(day.date.weekday(), language)}, {format_date(day.date, language)}",
        },
        "departments": departments,
    }


def _why(absent: plan.Absence, language: str) -> str:
    """`1st pencil elsewhere: Der Kiel-Krimi (NDR), until 5 Mar`."""
    words = lb.labels(language)
    why = words[f"reason_{absent.reason}"]
    hold = absent.hold
    if hold is None:
        return why
    details = [hold.job] if hold.job else []
    if hold.until and hold.status == "pencil":
        details.append(words["until"].format(date=short_date(hold.until, language)))
    return f"{why}: " + ", ".join(details) if details else why
