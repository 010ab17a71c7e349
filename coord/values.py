"""Small value types of a production: clock times, lengths of time, ages, page counts, coordinates.

Each has one parse function that raises ValueError with a message written for
a coordinator, and a str() that prints it the way a crew writes it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass

from coord.errors import quoted

#: A shoot day may run past midnight; its times count on (24:00 is midnight,
#: 25:30 is half past one the next morning). 47:59 is the latest we accept.
LATEST_MINUTES = 48 * 60 - 1

_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_EIGHTHS = re.compile(r"^(?:([0-9]+)(?:\s+([0-9]+)/8)?|([0-9]+)/8)$")
#: The longest scene we believe: a scene of more pages is a typo (a whole feature script is about 100 pages).
MAX_PAGES = 100


@dataclass(frozen=True, slots=True, order=True)
class Time:
    """A wall-clock time on a shoot day, in minutes after that day's midnight."""

    minutes: int

    @property
    def next_day(self) -> bool:
        return self.minutes >= 24 * 60

    @property
    def clock(self) -> str:
        """The time as read on a watch: 25:30 is 01:30."""
        hours, minutes = divmod(self.minutes % (24 * 60), 60)
        return f"{hours:02d}:{minutes:02d}"

    def __str__(self) -> str:
        hours, minutes = divmod(self.minutes, 60)
        return f"{hours:02d}:{minutes:02d}"

    def __add__(self, minutes: int) -> Time:
        return Time(self.minutes + minutes)

    def __sub__(self, other: Time) -> int:
        return self.minutes - other.minutes


def parse_time(text: str) -> Time:
    match = _TIME.match(text.strip())
    if not match:
        raise ValueError(f'{quoted(text)} is not a time; write it as HH:MM, e.g. "06:30"')
    hours, minutes = int(match[1]), int(match[2])
    if minutes > 59:
        raise ValueError(f"{quoted(text)} has {minutes} minutes; minutes go from 00 to 59")
    total = hours * 60 + minutes
    if total > LATEST_MINUTES:
        raise ValueError(f"{quoted(text)} is too late; after midnight count on (25:30 is 01:30 the next morning), up to 47:59")
    return Time(total)


def hours(minutes: int) -> str:
    """A length of time as a crew writes it: 11:00, 0:45, 59:00."""
    sign = "-" if minutes < 0 else ""
    return f"{sign}{abs(minutes) // 60}:{abs(minutes) % 60:02d}"


_HOURS = re.compile(r"^(\d{1,3}):([0-5]\d)$")


def parse_hours(text: str) -> int:
    """Minutes from a length written H:MM (11:00, 0:45, 59:00)."""
    match = _HOURS.match(text.strip())
    if not match:
        raise ValueError(f'{quoted(text)} is not a length of time; write hours and minutes as H:MM, e.g. "11:00" or "0:45"')
    return int(match[1]) * 60 + int(match[2])


@dataclass(frozen=True, slots=True, order=True)
class Age:
    """An age as the law writes it: 15 days, 6 months, 16 years."""

    years: int = 0
    months: int = 0
    days: int = 0

    def reached(self, born: dt.date, on: dt.date) -> bool:
        """Whether someone born on `born` is at least this old on `on`."""
        months = born.month - 1 + self.months + 12 * self.years
        year, month = born.year + months // 12, months % 12 + 1
        day = min(born.day, calendar.monthrange(year, month)[1])
        return dt.date(year, month, day) + dt.timedelta(days=self.days) <= on

    def __str__(self) -> str:
        parts = [(self.years, "year"), (self.months, "month"), (self.days, "day")]
        return " ".join(f"{n} {word}{'s' if n != 1 else ''}" for n, word in parts if n) or "0 years"


_AGE = re.compile(r"^(\d{1,3})\s*(years?|months?|days?|y|m|d)$")


def parse_age(text: str) -> Age:
    """An Age from "15 days", "6 months" or "16 years"."""
    match = _AGE.match(text.strip().lower())
    if not match:
        raise ValueError(f'{quoted(text)} is not an age; write a number and days, months or years, e.g. "6 months" or "16 years"')
    number, unit = int(match[1]), match[2][0]
    return Age(years=number) if unit == "y" else Age(months=number) if unit == "m" else Age(days=number)


@dataclass(frozen=True, slots=True, order=True)
class Eighths:
    """A script page count in eighths of a page, as a crew writes it: 1 3/8."""

    eighths: int

    def __str__(self) -> str:
        whole, rest = divmod(self.eighths, 8)
        if not rest:
            return str(whole)
        if not whole:
            return f"{rest}/8"
        return f"{whole} {rest}/8"

    def __add__(self, other: Eighths) -> Eighths:
        return Eighths(self.eighths + other.eighths)


def parse_eighths(text: str) -> Eighths:
    match = _EIGHTHS.match(text.strip())
    if not match:
        raise ValueError(f'{quoted(text)} is not a page count; write eighths like a script: "1 3/8", "4/8" or "2"')
    whole, rest = _small_number(match[1] or "0"), _small_number(match[2] or match[3] or "0")
    if whole is None or rest is None or whole * 8 + rest > MAX_PAGES * 8:
        raise ValueError(f"{quoted(text)} is more than a scene can be: at most {MAX_PAGES} pages; check for a typo")
    if rest > 7:
        raise ValueError(f'{quoted(text)} has {rest}/8; a page has 8 eighths, so write "{Eighths(whole * 8 + rest)}"')
    if whole * 8 + rest == 0:
        raise ValueError(f"{quoted(text)} is zero pages; a scene has at least 1/8")
    return Eighths(whole * 8 + rest)


def _small_number(digits: str) -> int | None:
    """The number the digits 0-9 stand for; None for more than six significant digits (int() refuses 4,300)."""
    significant = digits.lstrip("0") or "0"
    return int(significant) if len(significant) <= 6 else None


@dataclass(frozen=True, slots=True)
class Coordinates:
    """A point on the map, in decimal degrees as copied from a map app."""

    lat: float
    lon: float

    def __str__(self) -> str:
        return f"{self.lat:.5f}, {self.lon:.5f}"


def parse_coordinates(text: str) -> Coordinates:
    parts = [p.strip() for p in text.split(",")]
    try:
        if len(parts) != 2:
            raise ValueError
        lat, lon = float(parts[0]), float(parts[1])
        if not (math.isfinite(lat) and math.isfinite(lon)):  # "nan", "inf", or more digits than a float holds
            raise ValueError
    except ValueError:
        raise ValueError(
            f'{quoted(text)} is not a pair of coordinates; write latitude, longitude in decimal degrees, e.g. "53.54321, 9.98765"'
        ) from None
    if not -90 <= lat <= 90:
        raise ValueError(f"latitude {lat} is outside -90..90; did you swap latitude and longitude?")
    if not -180 <= lon <= 180:
        raise ValueError(f"longitude {lon} is outside -180..180")
    return Coordinates(lat, lon)
