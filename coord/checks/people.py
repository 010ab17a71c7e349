"""People and their availability: minors' dates of birth, freelancers' unavailable dates and windows."""

from __future__ import annotations

import datetime as dt

from coord import model as m
from coord.checks import Reporter, check
from coord.plan import available_on, shoot_days


@check("minors", reads=("cast", "days"))
def minors(folder: m.ProductionFolder, out: Reporter) -> None:
    dates = [d.date for d in shoot_days(folder) if d.date]
    first_day = min(dates) if dates else None
    for member in folder.cast:
        if member.minor and member.lacks("date_of_birth"):
            out.error(
                member.at("minor"),
                f"{member.id} is a minor but has no date_of_birth",
                "add 'date_of_birth: YYYY-MM-DD': working-time rules for children depend on age",
            )
        if member.date_of_birth and first_day and not member.minor and age_on(member.date_of_birth, first_day) < 18:
            out.error(
                member.at("date_of_birth"),
                f"{member.id} is under 18 on the first shoot day but not marked as a minor",
                "add 'minor: yes'",
            )


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@check("availability", reads=("crew", "days"))
def availability(folder: m.ProductionFolder, out: Reporter) -> None:
    """Only freelancers who gave dates or windows are looked at, and of them only the days that matter."""
    days = shoot_days(folder)
    on_date: dict[dt.date, list[m.ShootDay]] = {}
    for day in days:
        on_date.setdefault(day.date, []).append(day)
    for member in folder.crew:
        if not member.unavailable and not member.available:
            continue
        booked = None if member.days is None else set(member.days)
        if member.available:
            candidates = days
        else:
            candidates = sorted((d for date in set(member.unavailable) for d in on_date.get(date, ())), key=lambda d: d.day or 0)
        unavailable = set(member.unavailable)
        for day in candidates:
            if day.date is None or (booked is not None and day.day not in booked):
                continue
            if day.date in unavailable:
                out.warning(
                    member.at("unavailable"),
                    f"{member.name} is unavailable on {day.date} (day {day.day}) and is left off that day's call sheet",
                    "book a replacement, or list the days they work under 'days:'",
                )
            elif not available_on(member, day.date):
                out.warning(
                    member.at("available"),
                    f"{member.name} is not available on {day.date} (day {day.day}) and is left off that day's call sheet",
                    "check the availability windows, book a replacement, or list the days they work under 'days:'",
                )
        for window in member.available:
            if window.start and window.end and window.end < window.start:
                out.error(window.at("end"), f"availability ends {window.end}, before it starts {window.start}", "swap the dates")
