"""Shoot-day times as real moments in the production's timezone: the one place durations are computed.

A time in a production file is a wall-clock time on a shoot day, counted on past
midnight (25:30 is 01:30 the next morning). How long a day lasted is real elapsed
time between two such moments, which differs from the wall-clock difference on the
nights the clocks change: a night shoot from 18:00 to 06:00 lasts 11 hours when
the clocks go forward and 13 when they go back. Every duration (hours worked,
extras' hours, when the first meal is due, working-time rules) comes from here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

from coord.values import Time

MISSING = "missing"
REPEATED = "repeated"


@lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def wall(date: dt.date, time: Time) -> dt.datetime:
    """The wall-clock date and time a shoot-day time stands for, without a timezone: 25:30 on 12 March is 13 March 01:30."""
    return dt.datetime.combine(date, dt.time()) + dt.timedelta(minutes=time.minutes)


def moment(date: dt.date, time: Time, timezone: str) -> dt.datetime:
    """The real moment (in UTC) of a shoot-day time.

    A time that happens twice (the hour the clocks go back) counts as the first. One
    that does not exist (the hour the clocks skip) counts as the moment of the change,
    so that later times are never earlier moments and no duration comes out negative.
    """
    local = wall(date, time)
    tz = zone(timezone)
    first = local.replace(tzinfo=tz, fold=0)
    if first.utcoffset() != local.replace(tzinfo=tz, fold=1).utcoffset() and _skipped(local, tz):
        return _first_odd_minute(local, tz).replace(tzinfo=tz, fold=0).astimezone(dt.UTC)
    return first.astimezone(dt.UTC)


def _skipped(local: dt.datetime, tz: ZoneInfo) -> bool:
    """A wall-clock time the clocks jump over: it does not come back from a round trip through UTC."""
    return local.replace(tzinfo=tz, fold=0).astimezone(dt.UTC).astimezone(tz).replace(tzinfo=None) != local


def elapsed(date: dt.date, start: Time, end: Time, timezone: str) -> int:
    """Real minutes from `start` to `end` of the shoot day on `date`, across midnight and clock changes."""
    return minutes_between(moment(date, start, timezone), moment(date, end, timezone))


def minutes_between(start: dt.datetime, end: dt.datetime) -> int:
    """Real minutes from one moment (from `moment`) to another, on the same day or days apart."""
    return round((end - start).total_seconds() / 60)


def later(date: dt.date, time: Time, minutes: int, timezone: str) -> Time:
    """The shoot-day time (counted on past midnight) that the clocks show `minutes` of real time after `time`."""
    local = (moment(date, time, timezone) + dt.timedelta(minutes=minutes)).astimezone(zone(timezone)).replace(tzinfo=None)
    counted = local - dt.datetime.combine(date, dt.time())
    return Time(round(counted.total_seconds() / 60))


@dataclass(frozen=True)
class ClockChange:
    """Why a local time is not one moment: the clocks skip it (MISSING) or show it twice (REPEATED).

    `jump_from` and `jump_to` are the wall-clock times of the change, e.g. 02:00 to 03:00 in spring;
    `minutes` is how far the clocks move (60, or 30 on Lord Howe Island).
    """

    kind: str
    local: dt.datetime
    jump_from: str
    jump_to: str
    minutes: int


def clock_change(date: dt.date, time: Time, timezone: str) -> ClockChange | None:
    """The clock change that makes this shoot-day time skipped or doubled, None for an ordinary time."""
    local = wall(date, time)
    tz = zone(timezone)
    first, second = local.replace(tzinfo=tz, fold=0), local.replace(tzinfo=tz, fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    start = _first_odd_minute(local, tz)
    gap = abs((second.utcoffset() or dt.timedelta()) - (first.utcoffset() or dt.timedelta()))
    other = start + gap
    minutes = round(gap.total_seconds() / 60)
    if _skipped(local, tz):
        return ClockChange(MISSING, local, f"{start:%H:%M}", f"{other:%H:%M}", minutes)
    return ClockChange(REPEATED, local, f"{other:%H:%M}", f"{start:%H:%M}", minutes)


def _first_odd_minute(local: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    """The first wall-clock minute of the skipped or doubled hour that `local` lies in (02:00, usually)."""
    minute = local.replace(second=0, microsecond=0)
    while True:
        earlier = minute - dt.timedelta(minutes=1)
        if earlier.replace(tzinfo=tz, fold=0).utcoffset() == earlier.replace(tzinfo=tz, fold=1).utcoffset():
            return minute
        minute = earlier
