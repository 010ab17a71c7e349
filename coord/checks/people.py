"""People and their availability: minors' dates of birth, freelancers' unavailable dates, windows and pencils, departments left without anyone."""

from __future__ import annotations

import datetime as dt

from coord import model as m
from coord import plan
from coord.checks import Reporter, check
from coord.plan import shoot_days


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
    """Freelancers called on a date they cannot work: an error with a personal call, else left off with a warning."""
    days = [d for d in shoot_days(folder) if d.date is not None]
    for member in folder.crew:
        if not member.unavailable and not member.available and not member.holds:
            continue
        for day in days:
            if plan.booked(member, day):
                _one_day(member, day, out)
        for window in member.available:
            if window.start and window.end and window.end < window.start:
                out.error(window.at("end"), f"availability ends {window.end}, before it starts {window.start}", "swap the dates")


def _one_day(member: m.CrewMember, day: m.ShootDay, out: Reporter) -> None:
    absent = plan.absence(member, day.date)
    if absent is None:
        for hold in plan.lower_pencils(member, day.date):
            if hold.rank == 2:
                out.warning(
                    hold.pos,
                    f"{member.name} has a second pencil for {_job(hold)} on {day.date} (day {day.day}), a day they work for us",
                    "ask them to keep the day for us: the other job may still challenge",
                )
        return
    if member.id in day.calls and absent.reason != plan.OUTSIDE_WINDOWS:
        out.error(
            day.at("calls", member.id),
            f"{member.name} has a personal call on day {day.day} ({day.date}) but {_why(absent)}",
            "remove the call and book a replacement, or correct their dates in crew.yaml",
        )
    elif absent.reason == plan.UNAVAILABLE:
        out.warning(
            member.at("unavailable"),
            f"{member.name} is unavailable on {day.date} (day {day.day}) and is left off that day's call sheet",
            "book a replacement, or list the days they work under 'days:'",
        )
    elif absent.reason == plan.OUTSIDE_WINDOWS:
        out.warning(
            member.at("available"),
            f"{member.name} is not available on {day.date} (day {day.day}) and is left off that day's call sheet",
            "check the availability windows, book a replacement, or list the days they work under 'days:'",
        )
    else:
        out.warning(
            absent.hold.pos if absent.hold else member.pos,
            f"{member.name} {_why(absent)} on {day.date} (day {day.day}) and is left off that day's call sheet",
            "book a replacement, or list the days they work under 'days:'",
        )


def _job(hold: m.Hold) -> str:
    return f'"{hold.job}"' if hold.job else "another job"


def _why(absent: plan.Absence) -> str:
    """Why someone cannot work, as the end of a sentence about them."""
    if absent.reason == plan.UNAVAILABLE:
        return "is unavailable that date"
    if absent.reason == plan.OUTSIDE_WINDOWS:
        return "is outside their availability"
    hold = absent.hold
    job = _job(hold) if hold else "another job"
    if absent.reason == plan.BOOKED_ELSEWHERE:
        return f"is booked elsewhere ({job} confirmed its pencil)"
    return f"has a first pencil for {job}"


@check("holds", reads=("crew",))
def holds(folder: m.ProductionFolder, out: Reporter) -> None:
    """Pencils in order, and decided in time: an open pencil past its date is judged from --today."""
    today = out.options.today
    for member in folder.crew:
        for hold in member.holds:
            if hold.start and hold.end and hold.end < hold.start:
                out.error(hold.at("end"), f"the pencil ends {hold.end}, before it starts {hold.start}", "swap the dates")
            if today and hold.until and hold.status == "pencil" and hold.until < today:
                out.warning(
                    hold.at("until"),
                    f"{member.name}'s pencil for {_job(hold)} ({hold.start} to {hold.end}) was to be confirmed or released "
                    f"by {hold.until}",
                    "ask them, then write 'status: confirmed' or 'status: released'",
                )


#: Why someone cannot work, in a few words.
REASONS = {
    plan.UNAVAILABLE: "unavailable",
    plan.OUTSIDE_WINDOWS: "outside their availability",
    plan.BOOKED_ELSEWHERE: "booked elsewhere",
    plan.FIRST_PENCIL: "first pencil elsewhere",
}


@check("department-cover", reads=("crew", "days"))
def department_cover(folder: m.ProductionFolder, out: Reporter) -> None:
    """A department the day calls (a department call, a personal call, or people booked) must have someone who can work."""
    by_department: dict[str, list[m.CrewMember]] = {}
    for member in folder.crew:
        by_department.setdefault(member.department, []).append(member)
    for day in shoot_days(folder):
        if day.date is None:
            continue
        for department, members in by_department.items():
            booked = [c for c in members if plan.booked(c, day)]
            called = department in day.department_calls or any(c.id in day.calls for c in members) or booked
            if not called or any(plan.works_on(c, day) for c in members):
                continue
            absent = ((c, plan.absence(c, day.date)) for c in booked)
            missing = ", ".join(f"{c.name} ({REASONS[a.reason]})" for c, a in absent if a) or "nobody is booked"
            out.error(
                day.at("department_calls", department) if department in day.department_calls else day.pos,
                f"nobody in {department} can work on day {day.day} ({day.date}), which calls them: {missing}",
                "book someone for the day (a day player with days:), or move the department's work",
            )
