"""A large, valid synthetic production for benchmarks: a 60-day feature.

Deterministic (seeded) so that figures from two runs compare.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

DEPARTMENTS = ["production", "direction", "camera", "lighting", "grip", "sound", "art", "costume", "makeup",
               "locations", "transport", "catering", "vfx"]  # fmt: skip


def hhmm(minutes: int) -> str:
    return f'"{minutes // 60:02d}:{minutes % 60:02d}"'


def generate(
    root: Path,
    days: int = 60,
    crew: int = 250,
    cast: int = 80,
    scenes: int = 400,
    pickups: int = 3000,
    scale: int = 1,
    working_time: str | None = None,
) -> None:
    """The production, `scale` times as large in every part (days, people, scenes, pickups); `working_time` names a profile."""
    days, crew, cast, scenes, pickups = (n * scale for n in (days, crew, cast, scenes, pickups))
    rng = random.Random(7)
    root.mkdir(parents=True, exist_ok=True)
    (root / "production.yaml").write_text(
        "title: Synthetic Feature\ncompany: Bench Films GmbH\ntype: feature\ncountry: DE\ntimezone: Europe/Berlin\n"
        'office:\n  address: Hafenstraße 1, 20457 Hamburg\n  phone: "+49 40 1234567"\n  email: office@bench.example\n'
        "key_contacts: [crew-0, crew-1]\ntransport: {base_city: Hamburg}\n"
        + (f"working_time: {working_time}\n" if working_time else ""),
        encoding="utf-8",
    )
    dates = _shoot_dates(days)
    away = {i: (i * 7) % (days - 4) + 1 for i in range(VEHICLES, crew) if i % 10 == 5}  # day players from Berlin: first day
    lines = []
    for i in range(crew):
        lines += [f"- id: crew-{i}", f"  name: Crew Member {i}", "  role: Assistant", f"  department: {DEPARTMENTS[i % len(DEPARTMENTS)]}",
                  f'  phone: "+49 176 {1000000 + i}"', f"  email: crew{i}@bench.example", "  address: Teststraße 1, 20095 Hamburg",
                  "  available:", "    - start: 2027-01-01", "      end: 2029-12-31"]  # fmt: skip
        if i in away:
            lines += ["  home_base: Berlin", f"  days: [{', '.join(str(away[i] + n) for n in range(5))}]"]
        else:
            lines.append("  home_base: Hamburg")
    (root / "crew.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = []
    for i in range(cast):
        lines += [f"- id: cast-{i}", f"  number: {i + 1}", f"  character: Character {i}", f"  actor: Actor {i}",
                  f'  phone: "+49 171 {2000000 + i}"', f"  email: cast{i}@bench.example", "  agent:", f"    name: Agent {i}",
                  '    phone: "+49 30 5555555"']  # fmt: skip
    (root / "cast.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    locations = 20
    lines = []
    for i in range(locations):
        lines += [f"- id: loc-{i}", f"  name: Location {i}", f"  address: Straße {i}, 20095 Hamburg",
                  f'  coordinates: "{53.55 + i % 5 / 200:.5f}, {9.95 + i // 5 / 200:.5f}"', "  parking: Behind the building",
                  "  contact: {name: Caretaker, phone: \"+49 40 111111\"}",
                  "  hospital: {name: Klinikum, address: \"Klinikweg 1, 20095 Hamburg\", phone: \"+49 40 222222\"}"]  # fmt: skip
    (root / "locations.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    scene_days: dict[int, list[int]] = {d: [] for d in range(1, days + 1)}
    lines = []
    for i in range(scenes):
        day = i * days // scenes + 1
        scene_days[day].append(i)
        members = sorted({(day * 3 + j) % cast for j in range(3)})
        lines += [f"- number: {i + 1}", f"  set: SET {i % 50}", f"  int_ext: {rng.choice(['INT', 'EXT'])}",
                  f"  time_of_day: {rng.choice(['day', 'night', 'dusk'])}", f'  pages: "{rng.randint(0, 2)} {rng.randint(1, 7)}/8"',
                  f"  cast: [{', '.join(f'cast-{m}' for m in members)}]", f"  extras: {rng.randint(0, 20)}",
                  f"  location: loc-{day % locations}", f"  synopsis: Something happens in scene {i + 1}."]  # fmt: skip
    (root / "scenes.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = []
    start = dt.date(2027, 3, 1)
    date = start
    for day in range(1, days + 1):
        while date.weekday() >= 5:
            date += dt.timedelta(days=1)
        members = sorted({(day * 3 + j) % cast for j in range(3)})
        lines += [f"- day: {day}", f"  date: {date}", f"  locations: [loc-{day % locations}]",
                  f"  scenes: [{', '.join(str(s + 1) for s in scene_days[day])}]", "  crew_call: 7:00", "  shooting_call: 8:00",
                  "  wrap: 18:00", "  department_calls: {makeup: 5:30, catering: 6:00}", "  calls: {crew-2: 6:30}",
                  "  meals: {breakfast: 6:30, lunch: 13:00}", "  notes: {camera: Steadicam all day}",
                  "  weather: {forecast: Cloudy, high: 12, low: 4}", "  cast_calls:"]  # fmt: skip
        for j, m in enumerate(members):
            lines += [
                f"    - cast: cast-{m}",
                f"      pickup: {hhmm(FIRST_PICKUP + 5 * j)}",
                "      makeup: 5:45",
                "      wardrobe: 6:30",
                "      on_set: 7:30",
            ]
        date += dt.timedelta(days=1)
    (root / "schedule.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _hotels(root, away, dates, scale)
    _transport(root, days, cast, crew, pickups // days, away, locations)


#: Vans, each with a crew driver (crew-0 to crew-9, never picked up themselves); each makes one run of 5 stops a day.
VEHICLES = 10
FIRST_PICKUP = 4 * 60 + 40


def _shoot_dates(days: int) -> dict[int, dt.date]:
    """Shoot-day numbers on weekdays from 1 March 2027, as the schedule writes them."""
    dates, date = {}, dt.date(2027, 3, 1)
    for day in range(1, days + 1):
        while date.weekday() >= 5:
            date += dt.timedelta(days=1)
        dates[day] = date
        date += dt.timedelta(days=1)
    return dates


def _hotels(root: Path, away: dict[int, int], dates: dict[int, dt.date], scale: int) -> None:
    """Three hotels in town; each day player from out of town has a room from the night before to the morning after."""
    lines = []
    for h in range(3 * scale):
        lines += [f"- id: hotel-{h}", f"  name: Hotel {h}", f"  address: Hotelweg {h + 1}, 20095 Hamburg",
                  f'  coordinates: "{53.555 + h % 3 / 300:.5f}, {9.96 + h % 3 / 300:.5f}"', "  bookings:"]  # fmt: skip
        for i, first in away.items():
            if i % (3 * scale) == h:
                check_in, check_out = dates[first] - dt.timedelta(days=1), dates[first + 4] + dt.timedelta(days=1)
                lines.append(f"    - {{guest: crew-{i}, check_in: {check_in}, check_out: {check_out}, bed: single, rate: 99.00}}")
    (root / "hotels.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _transport(root: Path, days: int, cast: int, crew: int, per_day: int, away: dict[int, int], locations: int) -> None:
    """Each day: the day's cast first (their cast calls give the same times), the day players from their hotels, then crew from home."""
    lines = ["vehicles:"] + [f"  - {{id: van-{i}, type: Minibus, seats: 8, driver: crew-{i}}}" for i in range(VEHICLES)]
    lines.append("pickups:")
    local = [i for i in range(VEHICLES, crew) if i not in away]
    for day in range(1, days + 1):
        location = day % locations
        home = f'"{53.55 + location % 5 / 200 + 0.004:.5f}, {9.95 + location // 5 / 200:.5f}"'
        riders = [(f"cast-{m}", "home") for m in sorted({(day * 3 + j) % cast for j in range(3)})]
        riders += [(f"crew-{i}", f"hotel-{i % (3 * (crew // 250))}") for i, first in away.items() if first <= day < first + 5]
        riders += [(f"crew-{local[(day * per_day + j) % len(local)]}", "home") for j in range(per_day - len(riders))]
        for index, (person, origin) in enumerate(riders):
            van, stop = divmod(index, 5)
            lines += [f"  - day: {day}", f"    time: {hhmm(FIRST_PICKUP + 5 * stop)}", f"    person: {person}", f"    from: {origin}",
                      f"    to: loc-{location}", f"    vehicle: van-{van % VEHICLES}"]  # fmt: skip
            if origin == "home":
                lines.append(f"    coordinates: {home}")
    (root / "transport.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
