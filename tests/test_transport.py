"""Runs, arrivals and the transport and hotel checks: each rule at its boundary, on both sides, with file, line and message."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from conftest import append, edit

from coord import model as m
from coord.checks import validate
from coord.load import load_folder
from coord.runs import Places, day_runs, drive_minutes, production_runs
from coord.values import Coordinates, Time

VEHICLES = (
    "vehicles:\n"
    "  - {id: van-1, type: Minibus, seats: 2, driver: lea}\n"
    "  - {id: van-2, type: Minibus, seats: 8, driver: lea}\n"
    "  - {id: car-1, type: Car, seats: 3, driver: tom}\n"
    "pickups:\n"
)
FIRST_PICKUP_LINE = 6
DEPOT = '- id: depot\n  name: Depot\n  address: Ring 2, 22041 Hamburg\n  coordinates: "53.57500, 10.07500"\n'


def write_pickups(folder: Path, *pickups: str) -> list[str]:
    """transport.yaml with the test's vehicles and one pickup per line (flow style); returns the lines."""
    lines = [f"  - {{{p}}}" for p in pickups]
    (folder / "transport.yaml").write_text(VEHICLES + "\n".join(lines) + "\n", encoding="utf-8")
    return lines


def at(lines: list[str], index: int, key: str, file: str = "transport.yaml") -> str:
    """Where `key`'s value is written on the index-th pickup line."""
    return f"{file}:{FIRST_PICKUP_LINE + index}:{lines[index].index(key + ': ') + len(key) + 3}"


def found(folder: Path, check: str) -> list[tuple[str, str, str]]:
    _, findings = validate(folder)
    return [(str(f.pos), f.level, f.message) for f in findings if f.check == check]


def hints(folder: Path, check: str) -> list[str]:
    return [f.hint for f in validate(folder)[1] if f.check == check]


MIRA = 'day: 1, person: mira, from: "Seeweg 1, Hamburg", coordinates: "53.56000, 9.97000"'


# ---- arrival against the call, by the margin ------------------------------------------------


@pytest.mark.parametrize(
    ("arrive", "expected"),
    [
        ("07:00", None),  # exactly the 15-minute margin before her 07:15 make-up call
        (
            "07:01",
            (
                "warning",
                "mira arrives at Old Harbour at 07:01 (as written) on day 1, 14 min before their call at 07:15; the margin is 15 min",
            ),
        ),
        (
            "07:15",
            (
                "warning",
                "mira arrives at Old Harbour at 07:15 (as written) on day 1, 0 min before their call at 07:15; the margin is 15 min",
            ),
        ),
        ("07:16", ("error", "mira arrives at Old Harbour at 07:16 (as written) on day 1, after their call at 07:15")),
    ],
)
def test_an_arrival_is_checked_against_the_persons_own_call_and_the_margin(
    minimal: Path, arrive: str, expected: tuple[str, str] | None
) -> None:
    lines = write_pickups(minimal, f'{MIRA}, time: "06:30", vehicle: van-1, arrive: "{arrive}"')
    assert found(minimal, "arrival-before-call") == ([(at(lines, 0, "time"), *expected)] if expected else [])


def test_the_margin_is_the_productions_setting(minimal: Path) -> None:
    append(minimal / "production.yaml", "transport:\n  minimum_margin: 5\n")
    write_pickups(minimal, f'{MIRA}, time: "06:30", vehicle: van-1, arrive: "07:10"')
    assert found(minimal, "arrival-before-call") == []
    write_pickups(minimal, f'{MIRA}, time: "06:30", vehicle: van-1, arrive: "07:11"')
    assert [level for _, level, _ in found(minimal, "arrival-before-call")] == ["warning"]


def test_a_crew_members_arrival_is_checked_against_their_department_call(minimal: Path) -> None:
    edit(minimal / "schedule.yaml", "  wrap: 18:45\n", '  wrap: 18:45\n  department_calls: {lighting: "07:00"}\n')
    lines = write_pickups(minimal, 'day: 1, time: "06:20", person: tom, from: "Ring 9, Hamburg", vehicle: car-1, arrive: "06:50"')
    assert found(minimal, "arrival-before-call") == [
        (
            at(lines, 0, "time"),
            "warning",
            "tom arrives at Old Harbour at 06:50 (as written) on day 1, 10 min before their call at 07:00; the margin is 15 min",
        )
    ]


def test_an_estimate_is_the_straight_line_times_the_road_factor_at_the_average_speed_rounded_up(minimal: Path) -> None:
    # Seeweg 1 to Old Harbour: 2.1 km as the crow flies, x 1.3 = 2.8 km at 25 km/h = 6.6 min, rounded up to 10.
    write_pickups(minimal, f'{MIRA}, time: "06:30", vehicle: van-1')
    folder, _ = load_folder(minimal)
    assert folder is not None
    [run] = production_runs(folder)
    assert (run.arrival, run.estimated, run.drive) == (Time(6 * 60 + 40), True, 10)


KM_PER_DEGREE = 6371.0088 * math.pi / 180  # the mean earth radius haversine uses


@pytest.mark.parametrize(("kilometres", "minutes"), [(10.0, 10), (10.1, 15), (0.0, 5)])
def test_an_estimate_is_rounded_up_to_five_minutes_and_is_at_least_five(kilometres: float, minutes: int) -> None:
    settings = m.TransportSettings(road_factor=1.0, average_speed=60)
    start = Coordinates(53.0, 10.0)
    assert drive_minutes(start, Coordinates(53.0 + kilometres / KM_PER_DEGREE, 10.0), settings) == minutes


def test_an_estimated_arrival_across_the_spring_clock_change_is_real_time(minimal: Path) -> None:
    """01:50 on the night the clocks go forward, plus a 20-minute drive, is 03:10 on the clock (27:10 of the shoot day)."""
    edit(minimal / "schedule.yaml", "date: 2027-03-03", "date: 2027-03-27")
    folder, _ = load_folder(minimal)
    assert folder is not None
    places = Places.of(folder)
    night = next(d for d in folder.days if d.day == 2)
    pickup = m.Pickup(
        day=2, time=Time(25 * 60 + 50), person="mira", origin="x", coordinates=Coordinates(53.5, 10.0), to="harbour"
    )
    [run] = day_runs(night, [pickup], places)
    assert run.drive is not None
    assert run.arrival == Time(25 * 60 + 50 + run.drive + 60)


def test_an_unknown_arrival_says_which_field_would_settle_it(minimal: Path) -> None:
    lines = write_pickups(minimal, 'day: 1, time: "06:30", person: mira, from: "Seeweg 1, Hamburg", vehicle: van-1')
    assert found(minimal, "arrival-before-call") == [
        (
            at(lines, 0, "time"),
            "warning",
            "the arrival of van-1's run of day 1 from 06:30 at Old Harbour is unknown, so it cannot be checked against the calls",
        )
    ]
    assert hints(minimal, "arrival-before-call") == [
        'give the last pickup arrive: "HH:MM", or coordinates: of where it starts to this pickup'
    ]
    edit(minimal / "locations.yaml", '  coordinates: "53.54321, 9.98765"\n', "")
    (minimal / "hotels.yaml").write_text("- {id: seeblick, name: Hotel Seeblick, address: Seeweg 1}\n", encoding="utf-8")
    write_pickups(minimal, 'day: 1, time: "06:30", person: mira, from: seeblick, vehicle: van-1')
    assert hints(minimal, "arrival-before-call") == [
        'give the last pickup arrive: "HH:MM", or coordinates: to hotel seeblick in hotels.yaml and coordinates: to location harbour in locations.yaml'
    ]


# ---- runs: grouping, arrive: once, seats ---------------------------------------------------


@pytest.mark.parametrize(("third", "runs"), [("07:14", [["mira", "tom", "pia"]]), ("07:15", [["mira", "tom"], ["pia"]])])
def test_pickups_in_one_vehicle_to_one_place_form_a_run_until_its_first_call(
    minimal: Path, third: str, runs: list[list[str]]
) -> None:
    """Mira's call is 07:15: a pickup at 07:15 in the same van cannot be on her run."""
    where = 'from: "Seeweg 1, Hamburg", coordinates: "53.56000, 9.97000", vehicle: van-2'
    write_pickups(
        minimal,
        f'{MIRA}, time: "06:30", vehicle: van-2',
        f'day: 1, time: "06:39", person: tom, {where}',
        f'day: 1, time: "{third}", person: pia, {where}',
    )
    folder, _ = load_folder(minimal)
    assert folder is not None
    made = production_runs(folder)
    assert [[p.person for p in run.pickups] for run in made] == runs
    assert str(made[-1].arrival) == str(Time(int(third[:2]) * 60 + int(third[3:]) + 10))  # 10 min from the last stop


def test_a_written_arrival_ends_the_run(minimal: Path) -> None:
    write_pickups(minimal, f'{MIRA}, time: "06:30", vehicle: van-2, arrive: "06:50"', passenger("tom", "06:50", "van-2"))
    folder, _ = load_folder(minimal)
    assert folder is not None
    assert [[p.person for p in run.pickups] for run in production_runs(folder)] == [["mira"], ["tom"]]


def test_two_different_arrivals_in_one_run_and_one_before_the_last_pickup_are_findings(minimal: Path) -> None:
    lines = write_pickups(
        minimal,
        f'{MIRA}, time: "06:30", vehicle: van-2, arrive: "06:50"',
        'day: 1, time: "06:40", person: tom, from: "Ring 9, Hamburg", vehicle: van-2, arrive: "06:55"',
    )
    assert found(minimal, "run-arrival") == [
        (
            at(lines, 0, "arrive"),
            "warning",
            "arrive: 06:50 differs from 06:55, written later in the same run (van-2's run of day 1 from 06:30)",
        )
    ]
    lines = write_pickups(minimal, f'{MIRA}, time: "06:30", vehicle: van-2, arrive: "06:30"')
    assert found(minimal, "run-arrival") == [
        (
            at(lines, 0, "arrive"),
            "error",
            "arrive: 06:30 is not after the last pickup of van-2's run of day 1 from 06:30 at 06:30",
        )
    ]


def passenger(person: str, time: str, vehicle: str = "van-1", day: int = 1) -> str:
    return f'day: {day}, time: "{time}", person: {person}, from: "Ring 9, Hamburg", vehicle: {vehicle}, arrive: "07:00"'


def test_a_run_may_fill_its_seats_but_not_one_more(minimal: Path) -> None:
    write_pickups(minimal, passenger("mira", "06:30"), passenger("tom", "06:35"))  # van-1 has 2 seats
    assert found(minimal, "run-seats") == []
    lines = write_pickups(minimal, passenger("mira", "06:30"), passenger("tom", "06:35"), passenger("pia", "06:40"))
    assert found(minimal, "run-seats") == [
        (
            at(lines, 2, "vehicle"),
            "error",
            "van-1's run of day 1 from 06:30 carries 3 passengers from the 06:40 pickup of pia on; van-1 has 2 seats",
        )
    ]


# ---- one vehicle, one driver, one run at a time --------------------------------------------


def to_depot(person: str, time: str, vehicle: str, arrive: str = "07:20") -> str:
    return f'day: 1, time: "{time}", person: {person}, from: "Ring 9, Hamburg", to: depot, vehicle: {vehicle}, arrive: "{arrive}"'


@pytest.mark.parametrize(("start", "clash"), [("07:00", False), ("06:59", True)])
def test_a_vehicle_may_start_a_run_when_its_last_one_arrives_not_before(minimal: Path, start: str, clash: bool) -> None:
    append(minimal / "locations.yaml", DEPOT)
    lines = write_pickups(minimal, passenger("mira", "06:30", "van-2"), to_depot("tom", start, "van-2"))
    expected = [
        (
            at(lines, 1, "vehicle"),
            "error",
            f"van-2 is on two runs at once: day 1 06:30-07:00 to harbour and day 1 {start}-07:20 to depot",
        )
    ]
    assert found(minimal, "runs-overlap") == (expected if clash else [])


@pytest.mark.parametrize(("start", "clash"), [("07:00", False), ("06:59", True)])
def test_a_driver_drives_one_vehicle_at_a_time(minimal: Path, start: str, clash: bool) -> None:
    append(minimal / "locations.yaml", DEPOT)
    lines = write_pickups(minimal, passenger("mira", "06:30", "van-1"), to_depot("tom", start, "van-2"))  # lea drives both
    expected = [
        (
            at(lines, 1, "vehicle"),
            "error",
            f"lea drives van-1 (day 1 06:30-07:00) and van-2 (day 1 {start}-07:20) at the same time",
        )
    ]
    assert found(minimal, "runs-overlap") == (expected if clash else [])


@pytest.mark.parametrize(("start", "clash"), [("07:00", False), ("06:59", True)])
def test_a_driver_is_not_a_passenger_while_driving(minimal: Path, start: str, clash: bool) -> None:
    append(minimal / "locations.yaml", DEPOT)
    lines = write_pickups(minimal, passenger("mira", "06:30", "van-1"), to_depot("lea", start, "car-1"))  # tom drives car-1
    expected = [
        (at(lines, 1, "person"), "error", f"lea is picked up at {start} on day 1 (car-1) while driving van-1 (day 1 06:30-07:00)")
    ]
    assert found(minimal, "runs-overlap") == (expected if clash else [])


NEXT_NIGHT = '- day: 3\n  date: 2027-03-04\n  locations: [harbour]\n  crew_call: "18:00"\n  wrap: "23:00"\n'


@pytest.mark.parametrize(("arrive", "clash"), [("25:00", False), ("25:01", True)])
def test_a_run_after_midnight_is_on_the_next_date(minimal: Path, arrive: str, clash: bool) -> None:
    """Day 2's run at 24:30 is 00:30 on 4 March, when day 3's run of the same van starts at 01:00 (written 01:00 on day 3)."""
    append(
        minimal / "schedule.yaml",
        NEXT_NIGHT.replace('crew_call: "18:00"', 'crew_call: "02:00"').replace('wrap: "23:00"', 'wrap: "12:00"'),
    )
    lines = write_pickups(
        minimal,
        f'day: 2, time: "24:30", person: tom, from: "Ring 9, Hamburg", vehicle: van-2, arrive: "{arrive}"',
        'day: 3, time: "01:00", person: pia, from: "Ring 9, Hamburg", vehicle: van-2, arrive: "01:30"',
    )
    expected = [
        (
            at(lines, 1, "vehicle"),
            "error",
            f"van-2 is on two runs at once: day 2 24:30-{arrive} to harbour and day 3 01:00-01:30 to harbour",
        )
    ]
    assert found(minimal, "runs-overlap") == (expected if clash else [])


# ---- who is collected -----------------------------------------------------------------------


def test_a_cast_member_called_without_a_pickup_is_a_warning_unless_they_drive_themself(minimal: Path) -> None:
    assert found(minimal, "cast-without-pickup") == []  # finn and mira drive themselves
    edit(minimal / "cast.yaml", "  date_of_birth: 2015-06-01\n  self_drive: yes\n", "  date_of_birth: 2015-06-01\n")
    assert found(minimal, "cast-without-pickup") == [
        ("schedule.yaml:13:13", "warning", "finn is called on day 1 but has no pickup and does not drive themself")
    ]
    append(minimal / "transport.yaml", '  - {day: 1, time: "07:00", person: finn, from: home, vehicle: van-1, arrive: "07:30"}\n')
    assert found(minimal, "cast-without-pickup") == []


HOTEL = "- id: seeblick\n  name: Hotel Seeblick\n  address: Seeweg 1, Hamburg\n  bookings:\n"


def bookings(folder: Path, *rows: str) -> None:
    (folder / "hotels.yaml").write_text(HOTEL + "".join(f"    - {{{r}}}\n" for r in rows), encoding="utf-8")


@pytest.mark.parametrize(("check_in", "check_out", "booked"), [
    ("2027-02-28", "2027-03-01", True),  # checks out the morning of the pickup
    ("2027-03-01", "2027-03-02", True),  # checked in that day
    ("2027-02-27", "2027-02-28", False),
    ("2027-03-02", "2027-03-04", False),
])  # fmt: skip
def test_a_pickup_from_a_hotel_needs_a_booking_there_that_day(minimal: Path, check_in: str, check_out: str, booked: bool) -> None:
    bookings(minimal, f"guest: mira, check_in: {check_in}, check_out: {check_out}")
    lines = write_pickups(minimal, 'day: 1, time: "06:30", person: mira, from: seeblick, vehicle: van-1, arrive: "07:00"')
    expected = [
        (
            at(lines, 0, "from"),
            "error",
            "mira is picked up at Hotel Seeblick on 2027-03-01 (day 1) but has no booking there that day",
        )
    ]
    assert found(minimal, "pickup-from-booked-hotel") == ([] if booked else expected)


def test_a_hotel_pickup_after_midnight_needs_the_booking_of_the_next_date(minimal: Path) -> None:
    bookings(minimal, "guest: tom, check_in: 2027-03-02, check_out: 2027-03-03")
    lines = write_pickups(minimal, 'day: 2, time: "24:30", person: tom, from: seeblick, vehicle: van-1, arrive: "24:50"')
    assert [(p, msg) for p, _l, msg in found(minimal, "pickup-from-booked-hotel")] == [
        (at(lines, 0, "from"), "tom is picked up at Hotel Seeblick on 2027-03-04 (day 2) but has no booking there that day")
    ]
    bookings(minimal, "guest: tom, check_in: 2027-03-02, check_out: 2027-03-04")
    assert found(minimal, "pickup-from-booked-hotel") == []


# ---- rooms for people away from home ----------------------------------------------------------


def away_from_home(folder: Path) -> None:
    """Finn lives in Berlin; the production is based in Hamburg; finn works day 1 (1 March) and day 3 (4 March... see below)."""
    append(folder / "production.yaml", "transport:\n  base_city: hamburg\n")
    edit(folder / "cast.yaml", "  date_of_birth: 2015-06-01\n", "  date_of_birth: 2015-06-01\n  home_base: Berlin\n")


def test_someone_away_from_home_needs_the_night_before_each_work_day(minimal: Path) -> None:
    away_from_home(minimal)
    bookings(minimal, "guest: finn, check_in: 2027-02-28, check_out: 2027-03-02")
    assert found(minimal, "rooms-away-from-home") == []
    bookings(minimal, "guest: finn, check_in: 2027-03-01, check_out: 2027-03-02")
    assert found(minimal, "rooms-away-from-home") == [
        (
            "cast.yaml:17:14",
            "warning",
            "finn (home base Berlin) has no room for the night of 2027-02-28, before day 1 on 2027-03-01",
        )
    ]
    assert hints(minimal, "rooms-away-from-home") == ["book a room in hotels.yaml (check_in: 2027-02-28), or correct home_base:"]


def test_someone_at_home_or_without_a_home_base_needs_no_room(minimal: Path) -> None:
    away_from_home(minimal)
    edit(minimal / "cast.yaml", "  home_base: Berlin\n", "  home_base: Hamburg\n")
    assert found(minimal, "rooms-away-from-home") == []


def test_nights_between_two_work_days_need_a_room_unless_a_day_off_lies_between(minimal: Path) -> None:
    """Finn works day 1 (1 March) and day 3 (4 March); 2 March is a rest day, so he may go home; 3 March is a shoot day."""
    away_from_home(minimal)
    append(minimal / "schedule.yaml", NEXT_NIGHT + '  cast_calls:\n    - {cast: finn, makeup: "18:30"}\n')
    bookings(
        minimal,
        "guest: finn, check_in: 2027-02-28, check_out: 2027-03-02",
        "guest: finn, check_in: 2027-03-03, check_out: 2027-03-05",
    )
    assert found(minimal, "rooms-away-from-home") == []  # home on the rest day 2 March; the night before day 3 is booked
    edit(minimal / "schedule.yaml", "- date: 2027-03-02\n  type: rest\n", "")  # day 2 moves to 2 March, day 3 to 3 March:
    edit(minimal / "schedule.yaml", "date: 2027-03-03", "date: 2027-03-02")  # no day off between day 1 and day 3 now
    edit(minimal / "schedule.yaml", "date: 2027-03-04", "date: 2027-03-03")
    assert found(minimal, "rooms-away-from-home") == [
        ("cast.yaml:17:14", "warning", "finn (home base Berlin) has no room for the night of 2027-03-02, between day 1 and day 3")
    ]


# ---- bookings ----------------------------------------------------------------------------------


def booked(folder: Path, index: int, key: str) -> str:
    """Where `key`'s value is written in the index-th booking of hotels.yaml (one booking a line from line 5)."""
    row = (folder / "hotels.yaml").read_text(encoding="utf-8").splitlines()[4 + index]
    return f"hotels.yaml:{5 + index}:{row.index(key + ': ') + len(key) + 3}"


def test_bookings_of_one_guest_may_follow_each_other_but_not_overlap(minimal: Path) -> None:
    bookings(
        minimal,
        "guest: mira, check_in: 2027-02-28, check_out: 2027-03-02",
        "guest: mira, check_in: 2027-03-02, check_out: 2027-03-04",
    )
    assert found(minimal, "bookings-overlap") == []
    bookings(
        minimal,
        "guest: mira, check_in: 2027-02-28, check_out: 2027-03-02",
        "guest: mira, check_in: 2027-03-01, check_out: 2027-03-04",
    )
    assert found(minimal, "bookings-overlap") == [
        (
            booked(minimal, 1, "check_in"),
            "error",
            f"mira is booked twice for the night of 2027-03-01: here at Hotel Seeblick and at Hotel Seeblick until 2027-03-02 ({booked(minimal, 0, 'check_in')})",
        )
    ]


@pytest.mark.parametrize(("check_out", "warned"), [("2027-03-01", True), ("2027-03-02", False)])
def test_a_stay_ends_the_morning_after_the_last_work_day_not_that_morning(minimal: Path, check_out: str, warned: bool) -> None:
    bookings(minimal, f"guest: finn, check_in: 2027-02-28, check_out: {check_out}")
    expected = [
        (
            booked(minimal, 0, "check_out"),
            "warning",
            f"check-out {check_out} is not after finn's last work day of this stay, day 1 on 2027-03-01: no room after wrap",
        )
    ]
    assert found(minimal, "booking-dates") == (expected if warned else [])


@pytest.mark.parametrize(("check_out", "warned"), [("2027-03-03", True), ("2027-03-04", False)])
def test_checking_out_the_morning_after_a_night_shoot_is_in_time(minimal: Path, check_out: str, warned: bool) -> None:
    """Day 2 (3 March) wraps at 25:30, 01:30 on 4 March: the night shoot belongs to 3 March, so 4 March is the morning after."""
    bookings(minimal, f"guest: mira, check_in: 2027-03-02, check_out: {check_out}")
    expected = [
        (
            booked(minimal, 0, "check_out"),
            "warning",
            f"check-out {check_out} is not after mira's last work day of this stay, day 2 on 2027-03-03: no room after wrap",
        )
    ]
    assert found(minimal, "booking-dates") == (expected if warned else [])


@pytest.mark.parametrize(("check_in", "warned"), [("2027-03-03", False), ("2027-03-04", True)])
def test_a_stay_begins_by_the_first_work_day(minimal: Path, check_in: str, warned: bool) -> None:
    append(minimal / "schedule.yaml", NEXT_NIGHT + '  cast_calls:\n    - {cast: mira, makeup: "18:30"}\n')  # mira: 3 and 4 March
    bookings(minimal, f"guest: mira, check_in: {check_in}, check_out: 2027-03-05")
    expected = [
        (
            booked(minimal, 0, "check_in"),
            "warning",
            f"check-in {check_in} is after mira's first work day of this stay, day 2 on 2027-03-03",
        )
    ]
    assert found(minimal, "booking-dates") == (expected if warned else [])


def test_two_bookings_that_follow_each_other_are_one_stay(minimal: Path) -> None:
    append(minimal / "schedule.yaml", NEXT_NIGHT + '  cast_calls:\n    - {cast: mira, makeup: "18:30"}\n')
    bookings(
        minimal,
        "guest: mira, check_in: 2027-03-02, check_out: 2027-03-04",
        "guest: mira, check_in: 2027-03-04, check_out: 2027-03-05",
    )
    assert found(minimal, "booking-dates") == []


@pytest.mark.parametrize(("date", "warned"), [("2027-03-04", False), ("2027-03-05", True)])
def test_a_booking_on_no_work_day_is_a_warning_and_a_day_room_after_a_night_shoot_is_not(
    minimal: Path, date: str, warned: bool
) -> None:
    bookings(minimal, f"guest: mira, check_in: {date}, check_out: {date}, day_room: yes")
    expected = [
        (booked(minimal, 0, "guest"), "warning", f"mira is called on no day from {date} to {date}, the dates of this booking")
    ]
    assert found(minimal, "booking-dates") == (expected if warned else [])
    assert found(minimal, "bookings") == []  # a day room checks out on its check-in date


def test_a_room_that_is_no_day_room_checks_out_after_it_checks_in(minimal: Path) -> None:
    bookings(minimal, "guest: mira, check_in: 2027-03-01, check_out: 2027-03-01")
    assert found(minimal, "bookings") == [
        (booked(minimal, 0, "check_out"), "error", "check-out 2027-03-01 is not after check-in 2027-03-01")
    ]


def test_the_example_production_is_clean_and_has_what_these_checks_need() -> None:
    from conftest import EXAMPLE

    folder, findings = validate(EXAMPLE)
    assert folder is not None and list(findings) == []
    runs = production_runs(folder)
    assert any(len({p.origin for p in run.pickups}) > 1 for run in runs)  # a run with several stops
    assert any(run.pickups[0].origin in {h.id for h in folder.hotels} for run in runs)  # a hotel pickup
    by_driver_day: dict[tuple[str, int | None], int] = {}
    drivers = {v.id: v.driver for v in folder.transport.vehicles}
    for run in runs:
        key = (drivers.get(run.vehicle or "") or "", run.day.day)
        by_driver_day[key] = by_driver_day.get(key, 0) + 1
    assert max(by_driver_day.values()) >= 2  # a driver with two runs on one day
    assert all(h.coordinates for h in folder.hotels)
    assert any(b.day_room for h in folder.hotels for b in h.bookings)
    birgit = next(c for c in folder.crew if c.id == "birgit-lund")  # the production designer, from Copenhagen
    assert birgit.home_base == "Copenhagen" and any(b.guest == "birgit-lund" for h in folder.hotels for b in h.bookings)
    assert dt.date(2027, 3, 1) in {r.day.date for r in runs}
