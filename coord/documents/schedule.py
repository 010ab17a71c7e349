"""The shooting schedule: the one-liner (every calendar day, scenes in shooting order) and the stripboard.

Like every document, it returns plain data with every word and figure formatted,
so the Markdown, HTML and Typst templates only loop and print.
"""

from __future__ import annotations

from typing import Any

from coord import labels as lb
from coord import model as m
from coord import plan
from coord.documents import Context, Document, Item, register
from coord.documents.common import clock, common_context, format_date, period, scene_row, weekday_date
from coord.errors import CoordError
from coord.values import Eighths

#: The inputs the shooting schedule and the day-out-of-days are made from.
PLAN_INPUTS = ("production", "cast", "locations", "scenes", "days")
#: Story times shot in low light: their strips take the night colours.
NIGHT_TIMES = ("night", "evening", "dusk", "dawn")
#: Stripboard colour keys, in legend order; the templates give each its colour
#: (int-day white, ext-day yellow, int-night blue, ext-night green).
STRIP_KEYS = ("int-day", "ext-day", "int-night", "ext-night")


def scheduled(folder: m.ProductionFolder) -> m.ProductionFolder:
    """The production, refused when nothing is scheduled yet: a schedule or day-out-of-days of nothing helps nobody."""
    if not plan.calendar_days(folder):
        raise CoordError("nothing is scheduled yet: add days to schedule.yaml (see docs/format.md)")
    return folder


def items(folder: m.ProductionFolder) -> list[Item]:
    return [Item("schedule", shooting_schedule(scheduled(folder)))]


DOCUMENT = register(Document("schedule", "shooting schedule", PLAN_INPUTS, "schedule", items))


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
    scenes = plan.scenes_by_number(folder)
    cast = {c.id: c for c in folder.cast}
    locations = {loc.id: loc for loc in folder.locations}
    shooting = plan.shoot_days(folder)
    several_units = len({d.unit for d in shooting}) > 1

    def rows(day: m.ShootDay) -> list[dict[str, str]]:
        return [_strip(scenes[n], day, cast, locations, language) for n in day.scenes if n in scenes]

    days: list[dict[str, Any]] = []
    for day in plan.calendar_days(folder):
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
                "pages_total": str(plan.day_pages(day, scenes)),
            }
        )
    scheduled = {n for day in shooting for n in day.scenes}
    pages = sum((scenes[n].pages for n in scheduled if n in scenes), Eighths(0))
    return {
        **common_context(production),
        "period": period(folder, language),
        "summary": words["schedule_summary"].format(days=len(shooting), scenes=len(scheduled & set(scenes)), pages=pages),
        "days": days,
        "stripboard": [
            {
                "end": words["end_of_day"].format(
                    day=day.day, date=weekday_date(day.date, language), pages=plan.day_pages(day, scenes)
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


def _strip(
    scene: m.Scene, day: m.ShootDay | None, cast: dict[str, m.CastMember], locations: dict[str, m.Location], language: str
) -> dict[str, str]:
    """One scene as a line of the one-liner and a strip of the stripboard."""
    return {**scene_row(scene, cast, locations, language), "day": str(day.day) if day else "", "strip": strip_key(scene)}


def _banner(day: m.ShootDay, language: str, words: Any) -> dict[str, str]:
    """A day without shooting: `Sat 6 Mar – Rest day`, with its description when it says more."""
    kind = words["day_type_" + day.type]
    return {
        "banner": f"{weekday_date(day.date, language)} – {kind}",
        "note": day.description if day.description and day.description != kind else "",
    }
