"""`coord calendar`: shoot days as iCalendar files, read back with icalendar and, independently, with vobject."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from conftest import EXAMPLE, edit, invoke, loaded

from coord import exports
from coord import model as m
from coord.documents import calendar as ical
from coord.documents import common
from coord.plan import call_of, shoot_days

BERLIN = ZoneInfo("Europe/Berlin")


def calendar(folder: Path, out: Path, person: str | None = None) -> Path:
    result = invoke("calendar", "--folder", str(folder), "--out", str(out), *(["--for", person] if person else []))
    assert result.exit_code == 0, result.output
    written = [Path(line.removeprefix("wrote ")) for line in result.output.splitlines() if line.startswith("wrote ")]
    assert len(written) == 1, result.output
    return written[0]


def events(path: Path) -> list[icalendar.Event]:
    parsed = icalendar.Calendar.from_ical(path.read_bytes())
    return list(parsed.walk("VEVENT"))


def by_vobject(path: Path) -> list[Any]:
    return list(vobject.readOne(path.read_bytes().decode("utf-8")).vevent_list)


def uids_and_sequences(path: Path) -> dict[str, int]:
    return {str(e["UID"]): int(e["SEQUENCE"]) for e in events(path)}


# ---- the production calendar --------------------------------------------------------------


def test_production_calendar_has_one_event_per_shoot_day_from_crew_call_to_wrap(tmp_path: Path) -> None:
    folder = loaded(EXAMPLE)
    path = calendar(EXAMPLE, tmp_path)
    assert path == tmp_path / "harbour-lights.ics"
    days = shoot_days(folder)
    parsed = events(path)
    assert len(parsed) == len(by_vobject(path)) == len(days)
    for event, day in zip(parsed, days, strict=True):
        assert day.crew_call is not None and day.day is not None
        start = event.decoded("DTSTART")
        assert start == dt.datetime.combine(day.date, dt.time(), BERLIN) + dt.timedelta(minutes=day.crew_call.minutes)
        assert str(event["UID"]) == f"day-{day.day:02d}@harbour-lights.coord"
        assert str(event["SUMMARY"]) == f"Harbour Lights – Day {day.day} – crew call {day.crew_call.clock}"
    night = next(e for e in parsed if str(e["UID"]) == "day-10@harbour-lights.coord")
    assert night.decoded("DTEND") == dt.datetime(2027, 3, 13, 3, 30, tzinfo=BERLIN)  # wrap 27:30


def test_dtstart_carries_the_production_timezone_with_a_vtimezone(tmp_path: Path) -> None:
    path = calendar(EXAMPLE, tmp_path)
    raw = path.read_bytes().decode("utf-8")
    assert re.search(r"^DTSTART;TZID=Europe/Berlin:2027\d{4}T\d{6}\r$", raw, re.M)
    parsed = icalendar.Calendar.from_ical(raw)
    assert [tz["TZID"] for tz in parsed.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert parsed.get_missing_tzids() == set()
    second = vobject.readOne(raw)
    assert second.vtimezone.tzid.value == "Europe/Berlin"
    starts = [e.dtstart.value for e in second.vevent_list]
    assert all(s.utcoffset() == dt.timedelta(hours=1) for s in starts)  # March 2027, before summer time
    assert [s.replace(tzinfo=None) for s in starts] == [e.decoded("DTSTART").replace(tzinfo=None) for e in events(path)]


# ---- a person's calendar -------------------------------------------------------------------


def test_a_cast_member_gets_their_own_calls_and_pickups_on_called_days_only(tmp_path: Path) -> None:
    folder = loaded(EXAMPLE)
    crew = {c.id: c for c in folder.crew}
    path = calendar(EXAMPLE, tmp_path, "henrik")
    assert path.name == "harbour-lights-henrik.ics"
    called = [d for d in shoot_days(folder) if call_of("henrik", d, crew) is not None]
    assert 0 < len(called) < len(shoot_days(folder))
    parsed, second = events(path), by_vobject(path)
    assert (
        [str(e["UID"]) for e in parsed]
        == [e.uid.value for e in second]
        == [f"day-{d.day:02d}-henrik@harbour-lights.coord" for d in called]
    )
    first = parsed[0]
    day = called[0]
    call = call_of("henrik", day, crew)
    assert call is not None
    assert str(first["SUMMARY"]) == f"Harbour Lights – Day {day.day} – call {call.clock}"
    assert second[0].summary.value == str(first["SUMMARY"])
    location = next(loc for loc in folder.locations if loc.id == day.locations[0])
    assert str(first["LOCATION"]) == f"{location.name}, {location.address}"
    description = str(first["DESCRIPTION"])
    assert description.startswith("Scenes:\n")
    for number in day.scenes:
        assert re.search(rf"^{re.escape(number)} ", description, re.M)
    assert "Pickup " in description and "Hotel Elbblick Altona" in description


def test_a_day_player_has_events_only_on_their_days(tmp_path: Path) -> None:
    folder = loaded(EXAMPLE)
    player = next(c for c in folder.crew if c.days)
    assert player.days is not None
    path = calendar(EXAMPLE, tmp_path, player.id)
    assert sorted(int(str(e["UID"])[4:6]) for e in events(path)) == sorted(player.days)


def test_a_pickup_from_a_private_home_reads_home(tmp_path: Path) -> None:
    folder = loaded(EXAMPLE)
    lena = next(c for c in folder.cast if c.id == "lena")
    path = calendar(EXAMPLE, tmp_path, "lena")
    text = "\n".join(str(e.get("DESCRIPTION", "")) for e in events(path))
    assert "· Home" in text
    assert lena.pickup_address and lena.pickup_address not in text


def test_a_call_after_midnight_lands_on_the_next_calendar_date(example_copy: Path, tmp_path: Path) -> None:
    edit(example_copy / "schedule.yaml", '    tim-jaeger: "19:00"\n', '    tim-jaeger: "25:30"\n')
    day = next(d for d in shoot_days(loaded(example_copy)) if d.day == 10)
    assert day.date == dt.date(2027, 3, 12)
    path = calendar(example_copy, tmp_path, "tim-jaeger")
    night = next(e for e in events(path) if str(e["UID"]) == "day-10-tim-jaeger@harbour-lights.coord")
    assert night.decoded("DTSTART") == dt.datetime(2027, 3, 13, 1, 30, tzinfo=BERLIN)
    assert night.decoded("DTEND") == dt.datetime(2027, 3, 13, 3, 30, tzinfo=BERLIN)  # the day's wrap, 27:30
    assert str(night["SUMMARY"]) == "Harbour Lights – Day 10 – call 01:30"
    second = next(e for e in by_vobject(path) if e.uid.value == "day-10-tim-jaeger@harbour-lights.coord")
    assert second.dtstart.value == dt.datetime(2027, 3, 13, 1, 30, tzinfo=second.dtstart.value.tzinfo)
    assert second.dtstart.value.utcoffset() == dt.timedelta(hours=1)
    assert "DTSTART;TZID=Europe/Berlin:20270313T013000\r\n" in path.read_bytes().decode()


def test_without_a_wrap_an_event_lasts_ten_hours(minimal: Path, tmp_path: Path) -> None:
    edit(minimal / "schedule.yaml", "  wrap: 18:45\n", "")
    path = calendar(minimal, tmp_path)
    first = events(path)[0]
    assert first.decoded("DTEND") - first.decoded("DTSTART") == dt.timedelta(hours=10)


# ---- identity across runs and edits -------------------------------------------------------------


def test_uids_and_content_are_stable_across_runs(tmp_path: Path) -> None:
    first = calendar(EXAMPLE, tmp_path / "a", "henrik").read_bytes()
    second = calendar(EXAMPLE, tmp_path / "b", "henrik").read_bytes()
    assert first == second
    result = invoke("calendar", "--folder", str(EXAMPLE), "--out", str(tmp_path / "a"), "--for", "henrik")
    assert (result.exit_code, result.output) == (0, "1 up to date, not rewritten\n")


def test_editing_a_day_keeps_its_uid_and_raises_the_sequence_only_when_the_event_changed(
    example_copy: Path, tmp_path: Path
) -> None:
    before = uids_and_sequences(calendar(example_copy, tmp_path))
    assert set(before.values()) == {0}
    edit(example_copy / "schedule.yaml", "frost possible after 02:00", "rain after midnight")
    unrelated = calendar_or_unchanged(example_copy, tmp_path)
    assert unrelated == before  # the weather is not in the event: nothing changes
    edit(example_copy / "schedule.yaml", '  crew_call: "17:00"\n', '  crew_call: "16:30"\n')
    after = uids_and_sequences(calendar(example_copy, tmp_path))
    assert after.keys() == before.keys()
    assert {uid for uid, sequence in after.items() if sequence} == {"day-10@harbour-lights.coord"}
    assert after["day-10@harbour-lights.coord"] == 1
    again = calendar_or_unchanged(example_copy, tmp_path)
    assert again == after  # a run without a change does not raise it again


def calendar_or_unchanged(folder: Path, out: Path) -> dict[str, int]:
    result = invoke("calendar", "--folder", str(folder), "--out", str(out))
    assert result.exit_code == 0, result.output
    return uids_and_sequences(out / "harbour-lights.ics")


def test_dtstamp_is_fixed_by_the_data() -> None:
    folder = loaded(EXAMPLE)
    data = ical.production_calendar(folder)
    stamps = {e.decoded("DTSTAMP") for e in icalendar.Calendar.from_ical(exports.ics_bytes(data)).walk("VEVENT")}
    first = shoot_days(folder)[0].date
    assert stamps == {dt.datetime.combine(first, dt.time(), dt.UTC)}


# ---- the command ------------------------------------------------------------------------------------


def test_default_output_folder(example_copy: Path) -> None:
    result = invoke("calendar", "--folder", str(example_copy))
    assert (result.exit_code, result.output) == (0, f"wrote {example_copy / 'out' / 'calendar' / 'harbour-lights.ics'}\n")


@pytest.mark.parametrize(
    ("person", "message"),
    [
        ("nobody", 'Error: --for "nobody": there is no crew or cast member with that id\n'),
        ("paul-wendt", "Error: --for paul-wendt: Paul Wendt is not called on any shoot day, so there is no calendar to write\n"),
    ],
)
def test_a_person_without_calls_is_refused(tmp_path: Path, person: str, message: str) -> None:
    result = invoke("calendar", "--folder", str(EXAMPLE), "--out", str(tmp_path), "--for", person)
    assert (result.exit_code, result.output) == (1, message)
    assert not list(tmp_path.iterdir())


def test_slug() -> None:
    assert common.slug("Harbour Lights") == "harbour-lights"
    assert common.slug("Große Freiheit: Nr. 7!") == "grosse-freiheit-nr-7"
    assert common.slug("Ça va") == "ca-va"
    assert common.slug("???") == "production"


def test_every_person_with_calls_gets_a_calendar_that_parses() -> None:
    folder = loaded(EXAMPLE)
    crew = {c.id: c for c in folder.crew}
    members: list[m.CrewMember | m.CastMember] = [*folder.crew, *folder.cast]
    for member in members:
        if not any(call_of(member.id, d, crew) for d in shoot_days(folder)):
            continue
        data = exports.ics_bytes(ical.personal_calendar(folder, member.id))
        assert len(vobject.readOne(data.decode("utf-8")).vevent_list) == len(icalendar.Calendar.from_ical(data).walk("VEVENT"))
