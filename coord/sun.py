"""Dawn, sunrise, sunset and dusk for a place and date, computed offline (astral)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from coord.values import Coordinates


@dataclass(frozen=True)
class SunTimes:
    """Local wall-clock times as HH:MM; None where the sun does not rise or set that day (polar summer or winter)."""

    dawn: str | None
    sunrise: str | None
    sunset: str | None
    dusk: str | None


def sun_times(where: Coordinates, date: dt.date, timezone: str) -> SunTimes:
    from astral import Observer
    from astral import sun as astral_sun

    observer = Observer(latitude=where.lat, longitude=where.lon)
    tz = ZoneInfo(timezone)

    def local(event: str) -> str | None:
        try:
            moment: dt.datetime = getattr(astral_sun, event)(observer, date, tzinfo=tz)
        except ValueError:  # the sun never reaches that angle on this day here
            return None
        return f"{moment + dt.timedelta(seconds=30):%H:%M}"  # to the nearest minute, as almanacs print

    return SunTimes(local("dawn"), local("sunrise"), local("sunset"), local("dusk"))
