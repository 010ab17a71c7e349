"""Hotels: bookings whose dates make sense, one room a night per guest, and a room for everyone away from home."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable

from coord import model as m
from coord.checks import Reporter, check
from coord.plan import shoot_days, works_on

ONE_DAY = dt.timedelta(days=1)


@check("bookings", reads=("hotels",))
def bookings(folder: m.ProductionFolder, out: Reporter) -> None:
    for hotel in folder.hotels:
        for booking in hotel.bookings:
            if not (booking.check_in and booking.check_out):
                continue
            if booking.day_room and booking.check_out < booking.check_in:
                out.error(
                    booking.at("check_out"),
                    f"check-out {booking.check_out} of the day room is before check-in {booking.check_in}",
                    "a day room checks out on its check-in date (or later)",
                )
            elif not booking.day_room and booking.check_out <= booking.check_in:
                out.error(
                    booking.at("check_out"),
                    f"check-out {booking.check_out} is not after check-in {booking.check_in}",
                    "check the dates; a room for the day only is written with day_room: yes",
                )


def _dated(folder: m.ProductionFolder) -> list[tuple[m.Hotel, m.Booking]]:
    """Every booking with both dates, beside its hotel."""
    return [(h, b) for h in folder.hotels for b in h.bookings if b.check_in and b.check_out and b.guest]


def _nights(booking: m.Booking) -> tuple[dt.date, dt.date]:
    """The nights a booking covers, as dates of the evenings [first, end): none for a day room."""
    return (booking.check_in, booking.check_in) if booking.day_room else (booking.check_in, booking.check_out)


@check("bookings-overlap", reads=("hotels",))
def bookings_overlap(folder: m.ProductionFolder, out: Reporter) -> None:
    """One guest, one room a night: two bookings sharing a night pay twice."""
    by_guest: dict[str, list[tuple[m.Hotel, m.Booking]]] = {}
    for hotel, booking in _dated(folder):
        if not booking.day_room and booking.check_out > booking.check_in:
            by_guest.setdefault(booking.guest, []).append((hotel, booking))
    for guest, stays in by_guest.items():
        stays.sort(key=lambda s: (s[1].check_in, s[1].check_out))
        latest: tuple[m.Hotel, m.Booking] | None = None
        for hotel, booking in stays:
            if latest is not None and booking.check_in < latest[1].check_out:
                out.error(
                    booking.at("check_in"),
                    f"{guest} is booked twice for the night of {booking.check_in}: here at {hotel.name} and at "
                    f"{latest[0].name} until {latest[1].check_out} ({latest[1].at('check_in')})",
                    "keep one room a night: correct the dates, or remove one of the bookings",
                )
            if latest is None or booking.check_out > latest[1].check_out:
                latest = (hotel, booking)


class WorkDays:
    """The shoot days each person works, by date, and which dates belong to one stretch without a day off."""

    def __init__(self, folder: m.ProductionFolder, people: Iterable[str]):
        wanted = set(people)
        crew = {c.id: c for c in folder.crew}
        dated = [d for d in shoot_days(folder) if d.date is not None]
        by_number = {d.day: d for d in dated}
        self.days: dict[str, list[m.ShootDay]] = {}
        for day in dated:  # cast: their cast calls
            for call in day.cast_calls:
                if call.cast in wanted and call.cast not in crew:
                    self.days.setdefault(call.cast, []).append(day)
        for person in wanted & set(crew):  # crew: the days they are booked for, or every shoot day they are available
            member = crew[person]
            candidates = dated if member.days is None else [by_number[n] for n in member.days if n in by_number]
            self.days[person] = [d for d in candidates if works_on(member, d)]
        for days in self.days.values():
            days.sort(key=lambda d: d.date)
        #: each shoot date's stretch: dates with only shoot dates between them are in one stretch.
        self.stretch: dict[dt.date, int] = {}
        previous: dt.date | None = None
        for date in sorted({d.date for d in dated}):
            number = self.stretch[previous] if previous is not None else 0
            self.stretch[date] = number if previous is not None and date - previous == ONE_DAY else number + 1
            previous = date

    def blocks(self, person: str) -> list[list[m.ShootDay]]:
        """The person's work days cut where a company day off lies between two of them."""
        blocks: list[list[m.ShootDay]] = []
        for day in self.days.get(person, []):
            if blocks and self.stretch[blocks[-1][-1].date] == self.stretch[day.date]:
                blocks[-1].append(day)
            else:
                blocks.append([day])
        return blocks


def _away(person: m.CrewMember | m.CastMember, base: str) -> bool:
    return bool(person.home_base) and (person.home_base or "").strip().casefold() != base.strip().casefold()


@check("rooms-away-from-home", reads=("hotels", "crew", "cast", "days", "production"))
def rooms_away_from_home(folder: m.ProductionFolder, out: Reporter) -> None:
    """Someone whose home base is another city has a room the night before each work day, and between work days."""
    base = (folder.production.transport.base_city if folder.production.transport else None) or ""
    if not base:
        return
    people: list[m.CrewMember | m.CastMember] = [*folder.crew, *folder.cast]
    away = [p for p in people if p.id and _away(p, base)]
    work = WorkDays(folder, (p.id for p in away))
    rooms: dict[str, list[tuple[dt.date, dt.date]]] = {}
    for _hotel, booking in _dated(folder):
        if not booking.day_room:
            rooms.setdefault(booking.guest, []).append(_nights(booking))
    for person in away:
        covered = _merged(rooms.get(person.id, []))
        for block in work.blocks(person.id):
            previous: m.ShootDay | None = None
            for day in block:
                first = previous.date if previous else day.date - ONE_DAY
                for start, end in _uncovered(first, day.date, covered):
                    out.warning(
                        person.at("home_base"),
                        f"{person.id} (home base {person.home_base}) has no room for {_nights_text(start, end)}, "
                        + (
                            f"between day {previous.day} and day {day.day}" if previous else f"before day {day.day} on {day.date}"
                        ),
                        f"book a room in hotels.yaml (check_in: {start}), or correct home_base:",
                    )
                previous = day


def _nights_text(start: dt.date, end: dt.date) -> str:
    return f"the night of {start}" if end - start == ONE_DAY else f"the nights of {start} to {end - ONE_DAY}"


def _merged(intervals: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    merged: list[tuple[dt.date, dt.date]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        elif end > start:
            merged.append((start, end))
    return merged


def _uncovered(start: dt.date, end: dt.date, covered: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """The parts of the nights [start, end) outside the merged, sorted intervals `covered`."""
    gaps = []
    index = max(0, bisect_right(covered, (start, dt.date.max)) - 1)
    cursor = start
    for low, high in covered[index:]:
        if low >= end:
            break
        if high <= cursor:
            continue
        if low > cursor:
            gaps.append((cursor, low))
        cursor = max(cursor, high)
    if cursor < end:
        gaps.append((cursor, end))
    return gaps


@check("booking-dates", reads=("hotels", "crew", "cast", "days"))
def booking_dates(folder: m.ProductionFolder, out: Reporter) -> None:
    """A stay begins by the guest's first work day and ends after the last one it serves; a booking serves some work day.

    Bookings of one guest that follow each other (one's check-out is the next one's check-in,
    at any hotel) are one stay. A night shoot belongs to the date it is written on, so
    checking out the morning after it is in time.
    """
    dated = _dated(folder)
    work = WorkDays(folder, {b.guest for _h, b in dated})
    by_guest: dict[str, list[m.Booking]] = {}
    for _hotel, booking in dated:
        by_guest.setdefault(booking.guest, []).append(booking)
    for guest, bookings in by_guest.items():
        blocks = work.blocks(guest)
        for booking in bookings:
            if not any(_during(day, booking) for block in blocks for day in block):
                out.warning(
                    booking.at("guest"),
                    f"{guest} is called on no day from {booking.check_in} to {booking.check_out}, the dates of this booking",
                    "correct the dates, or remove the booking",
                )
        for stay in _stays(bookings):
            served = [block for block in blocks if any(stay[0].check_in <= d.date <= stay[-1].check_out for d in block)]
            if not served:
                continue
            first, last = served[0][0], served[-1][-1]
            if stay[0].check_in > first.date:
                out.warning(
                    stay[0].at("check_in"),
                    f"check-in {stay[0].check_in} is after {guest}'s first work day of this stay, day {first.day} on {first.date}",
                    f"check in on {first.date} or before",
                )
            if stay[-1].check_out <= last.date:
                out.warning(
                    stay[-1].at("check_out"),
                    f"check-out {stay[-1].check_out} is not after {guest}'s last work day of this stay, "
                    f"day {last.day} on {last.date}: no room after wrap",
                    f"check out on {last.date + ONE_DAY}, the morning after (after a night shoot too)",
                )


def _during(day: m.ShootDay, booking: m.Booking) -> bool:
    """Whether a work day falls in a booking's dates; a day that wraps after midnight also touches the next date."""
    ends = day.date + ONE_DAY if day.wrap is not None and day.wrap.next_day else day.date
    return day.date <= booking.check_out and booking.check_in <= ends


def _stays(bookings: list[m.Booking]) -> list[list[m.Booking]]:
    """A guest's rooms (day rooms aside) joined where one booking ends the day the next begins."""
    stays: list[list[m.Booking]] = []
    for booking in sorted((b for b in bookings if not b.day_room), key=lambda b: b.check_in):
        if stays and booking.check_in <= stays[-1][-1].check_out:
            stays[-1].append(booking)
        else:
            stays.append([booking])
    return stays
