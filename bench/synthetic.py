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
        "key_contacts: [crew-0, crew-1]\n" + (f"working_time: {working_time}\n" if working_time else ""),
        encoding="utf-8",
    )
    lines = []
    for i in range(crew):
        lines += [f"- id: crew-{i}", f"  name: Crew Member {i}", "  role: Assistant", f"  department: {DEPARTMENTS[i % len(DEPARTMENTS)]}",
                  f'  phone: "+49 176 {1000000 + i}"', f"  email: crew{i}@bench.example", "  address: Teststraße 1, 20095 Hamburg",
                  "  available:", "    - start: 2027-01-01", "      end: 2029-12-31"]  # fmt: skip
    (root / "crew.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = []
    for i in range(cast):
        lines += [f"- id: cast-{i}", f"  number: {i + 1}", f"  character: Character {i}", f"  actor: Actor {i}",
                  f'  phone: "+49 171 {2000000 + i}"', "  agent:", f"    name: Agent {i}", '    phone: "+49 30 5555555"']  # fmt: skip
    (root / "cast.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    locations = 20
    lines = []
    for i in range(locations):
        lines += [f"- id: loc-{i}", f"  name: Location {i}", f"  address: Straße {i}, 20095 Hamburg",
                  f'  coordinates: "{53.5 + i / 100:.5f}, {9.9 + i / 100:.5f}"', "  parking: Behind the building",
                  "  contact: {name: Caretaker, phone: \"+49 40 111111\"}",
                  "  hospital: {name: Klinikum, address: Klinikweg 1, 20095 Hamburg, phone: \"+49 40 222222\"}"]  # fmt: skip
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
        for m in members:
            lines += [
                f"    - cast: cast-{m}",
                "      pickup: 5:00",
                "      makeup: 5:45",
                "      wardrobe: 6:30",
                "      on_set: 7:30",
            ]
        date += dt.timedelta(days=1)
    (root / "schedule.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["vehicles:"] + [f"  - {{id: van-{i}, type: Minibus, seats: 8, driver: crew-{i}}}" for i in range(10)]
    lines.append("pickups:")
    for i in range(pickups):
        day = i % days + 1
        lines += [f"  - day: {day}", f"    time: {hhmm(4 * 60 + i % 60)}", f"    person: crew-{i % crew}",
                  "    from: Hotel Seeblick, Seeweg 1, Hamburg", f"    to: loc-{day % locations}", f"    vehicle: van-{i % 10}"]  # fmt: skip
    (root / "transport.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
