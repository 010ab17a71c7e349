"""The intern list: each internship with its kind, supervisor, department, period, hours, stipend, leave and signing,
and the intern's set days with their busiest week (from calls and wraps, as the checks count it)."""

from __future__ import annotations

from typing import Any

from coord import agreements, plan
from coord import labels as lb
from coord import model as m
from coord.documents import Context, Document, Item, register
from coord.documents.common import common_context, counted, format_date, hours_in_words, hours_minutes, money, short_date

INPUTS = ("production", "crew", "days", "interns", "reports")


def items(folder: m.ProductionFolder) -> list[Item]:
    return [Item("interns", intern_list(folder))]


DOCUMENT = register(Document("interns", "intern list", INPUTS, "interns", items))


def intern_list(folder: m.ProductionFolder) -> Context:
    production = folder.production
    return {
        **common_context(production),
        "interns": [_row(folder, i) for i in sorted(folder.interns, key=lambda i: (i.start or i.end, i.id))],
    }


def _row(folder: m.ProductionFolder, internship: m.Intern) -> dict[str, Any]:
    language = folder.production.language
    words = lb.labels(language)
    crew = {c.id: c for c in folder.crew}
    member = crew.get(internship.crew)
    supervisor = crew.get(internship.supervisor)
    pay = internship.stipend
    hours = ""
    if internship.daily_hours and internship.hours_per_week:
        daily = hours_in_words(internship.daily_hours, language)
        hours = words["hours_day_week"].format(daily=daily, weekly=internship.hours_per_week)
    weeks = agreements.planned_weeks(folder, member) if member else []
    busiest = max(weeks, key=lambda w: w.minutes, default=None)
    days = [str(d.day) for d in plan.shoot_days(folder) if member and plan.works_on(member, d)]
    return {
        "name": member.name if member else internship.crew,
        "kind": words[f"kind_short_{internship.kind}"] if internship.kind else "",
        "school": internship.school or "",
        "department": lb.department(member.department, language) if member else "",
        "supervisor": f"{supervisor.name} ({supervisor.role})" if supervisor else internship.supervisor,
        "period": f"{format_date(internship.start, language)} – {format_date(internship.end, language)}",
        "length": counted(words, "days_count", agreements.length_in_days(internship) or 0),
        "hours": hours,
        "stipend": f"{money(pay.amount, pay.currency, language)} {words[f'per_{pay.per}']}" if pay else "",
        "leave": counted(words, "leave_days", internship.leave) if internship.leave is not None else "",
        "signed": format_date(internship.agreement_signed, language) if internship.agreement_signed else "",
        "set_days": ", ".join(days),
        "busiest": words["week_of"].format(hours=hours_minutes(busiest.minutes), date=short_date(busiest.monday, language))
        if busiest
        else "",
    }
