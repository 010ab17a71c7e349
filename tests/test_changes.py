"""What changed between two loads of a production, in a crew member's words (coord.changes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import assert_golden, edit, invoke, loaded
from revising import change_day_3, commit, edit_day, edit_pickup, in_git

from coord import model as m
from coord.changes import Change, box, changes
from coord.documents import document
from coord.documents.common import DAY_INPUTS

CALLSHEET = DAY_INPUTS


def day_changes(before: m.ProductionFolder, after: m.ProductionFolder, day: int = 3) -> dict[str, Change]:
    return {c.text: c for c in changes(before, after, CALLSHEET, day)}


def test_every_kind_of_change_to_a_shoot_day_is_said_in_a_crew_members_words(example_copy: Path) -> None:
    before = loaded(example_copy)
    change_day_3(example_copy)
    found = day_changes(before, loaded(example_copy))
    assert list(found) == [
        "Crew call 07:00 → 06:30",
        "Location: Henrik's house (old pilot's house, Övelgönne) instead of Customs Investigation Office (Kontorhaus Kehrwieder)",
        "Scene 41 added (moved from day 15)",
        "Scene 39 moved to day 5",
        "Make-up call 06:30 → 06:00",
        "Thea Brandes (Props Master): call 06:30 → 06:00",
        "#2 Clara Sandmann: Pickup 06:10 → 05:40",
        "#6 Rainer Hollweg: On set 07:45 → 08:15",
        "#5 Ewa Zielińska: no longer called",
        "Pickup for #2 Clara Sandmann now 05:40 from Hotel Elbblick Altona",
        "Pickup for #4 Joost Verbeek: Volvo XC90 (cast car, child seat on request) · Uwe Stender "
        "instead of Mercedes-Benz Sprinter minibus · Dennis Kuhn",
        "No pickup for #5 Ewa Zielińska any more",
        "Production note: Company move to Café Ankerplatz after scene 17 (approx. 14:00). Unit base stays at Auf dem Sande.",
        "Safety: Wet cobbles at the pilot house: non-slip boots.",
        "Café guests (background): Count 6 → 10",
        "Ralf Janssen (Gaffer): Phone +49 172 4410 8863 → +49 172 4410 9999",
    ]
    # whom each concerns: a personal copy lists theirs first
    crew_call = found["Crew call 07:00 → 06:30"].people
    assert "ralf-janssen" in crew_call and "thea-brandes" not in crew_call and "eva-lang" not in crew_call
    assert found["Make-up call 06:30 → 06:00"].people == {"eva-lang", "nina-berger"}
    assert found["Thea Brandes (Props Master): call 06:30 → 06:00"].people == {"thea-brandes"}
    assert found["Scene 41 added (moved from day 15)"].people == {"kessler", "lena"}
    assert found["Scene 39 moved to day 5"].people == {"marta", "tom", "lena"}
    assert found["Pickup for #2 Clara Sandmann now 05:40 from Hotel Elbblick Altona"].people == {"lena", "ali-hassan"}
    assert found["No pickup for #5 Ewa Zielińska any more"].people == {"marta", "ali-hassan"}
    assert (
        found[
            "Location: Henrik's house (old pilot's house, Övelgönne) instead of Customs Investigation Office (Kontorhaus Kehrwieder)"
        ].people
        == set()
    )


def test_a_private_phone_is_never_named_and_people_following_the_crew_call_are_not_listed_one_by_one(example_copy: Path) -> None:
    before = loaded(example_copy)
    change_day_3(example_copy)
    texts = "\n".join(day_changes(before, loaded(example_copy)))
    assert "0000" not in texts and "Clara Sandmann: Phone" not in texts  # private: [phone]
    assert "Ralf Janssen (Gaffer): call" not in texts  # he follows the crew call, which says it once


def test_the_same_production_written_differently_has_no_changes(example_copy: Path) -> None:
    before = loaded(example_copy)
    text = (example_copy / "schedule.yaml").read_text(encoding="utf-8")
    (example_copy / "schedule.yaml").write_text(
        "# reordered by a comment\n\n" + text.replace('"07:00"', "7:00"), encoding="utf-8"
    )
    after = loaded(example_copy)
    assert changes(before, after, CALLSHEET, 3) == []
    assert changes(before, after, document("schedule").inputs) == []


def test_a_pickup_from_a_private_home_reads_home(example_copy: Path) -> None:
    before = loaded(example_copy)
    edit_pickup(example_copy / "transport.yaml", 3, "dries", "from: hotel-speicherstadt", "from: home")
    found = list(day_changes(before, loaded(example_copy)))
    assert found == ["Pickup for #4 Joost Verbeek now 06:15 from Home"]


def test_a_dropped_scene_a_new_order_a_location_added_and_a_safety_note_reworded(example_copy: Path) -> None:
    before = loaded(example_copy)
    schedule = example_copy / "schedule.yaml"
    edit_day(schedule, 3, 'scenes: ["38", "21", "17", "39"]', 'scenes: ["21", "38", "39"]')
    edit_day(schedule, 3, "locations: [customs-office, cafe-anker]", "locations: [pilot-house, customs-office, cafe-anker]")
    edit_day(schedule, 3, '  safety:\n    - "Company move', '  safety:\n    - "A company move')
    found = list(day_changes(before, loaded(example_copy)))
    assert found == [
        "Location added: Henrik's house (old pilot's house, Övelgönne)",
        "Scene 17 no longer scheduled",
        "Shooting order now 21, 38, 39",
        "Safety: A company move: no equipment on the pavement of Bernhard-Nocht-Straße outside the marked area.",
        "Safety note dropped: Company move: no equipment on the pavement of Bernhard-Nocht-Straße outside the marked area.",
    ]


def test_a_day_player_moved_to_another_day_and_an_actor_called_for_the_first_time(minimal: Path) -> None:
    edit(minimal / "crew.yaml", "  role: Driver\n", "  role: Driver\n  days: [1]\n")
    before = loaded(minimal)
    edit(minimal / "crew.yaml", "  days: [1]\n", "  days: [2]\n")
    edit(minimal / "scenes.yaml", "  cast: [mira]\n", "  cast: [mira, finn]\n")
    edit_day(minimal / "schedule.yaml", 2, "  cast_calls:\n", '  cast_calls:\n    - cast: finn\n      on_set: "17:30"\n')
    after = loaded(minimal)
    assert list(day_changes(before, after, 1)) == ["Lea Wolf (Driver): no longer called"]
    assert list(day_changes(before, after, 2)) == [
        "Lea Wolf (Driver): now called, 17:00",
        "#2 Ole Hansen: now called, 17:30",
        "Scene 2: Cast #1 Jana Falk → #1 Jana Falk, #2 Ole Hansen",
    ]


def test_the_box_of_a_personal_copy_lists_that_persons_changes_first_and_marks_them() -> None:
    found = [
        Change("Crew call 07:00 → 06:30", frozenset({"tom"})),
        Change("Pickup for #1 Jana Falk now 06:00", frozenset({"mira"})),
    ]
    assert box(found, 1, "en", "mira") == {
        "title": "Changes since revision 1",
        "lines": [
            {"text": "Pickup for #1 Jana Falk now 06:00", "mine": True},
            {"text": "Crew call 07:00 → 06:30", "mine": False},
        ],
        "none": "Reissued without a change to its content",
    }
    assert [line["mine"] for line in box(found, 1, "en")["lines"]] == [False, False]
    assert box(found, "HEAD~2", "de")["title"] == "Änderungen seit HEAD~2"


def test_the_changes_are_in_the_productions_language(minimal: Path) -> None:
    before = loaded(minimal)
    edit(minimal / "production.yaml", "country: DE\n", "country: DE\nlanguage: de\n")
    edit_day(minimal / "schedule.yaml", 1, "crew_call: 7:30", "crew_call: 7:00")
    edit_day(minimal / "schedule.yaml", 1, '- cast: mira\n      pickup: "06:45"', '- cast: mira\n      pickup: "06:30"')
    edit_pickup(minimal / "transport.yaml", 1, "mira", 'time: "06:45"', 'time: "06:30"')
    assert [c.text for c in changes(before, loaded(minimal), CALLSHEET, 1)] == [
        "Drehbeginn Team 07:30 → 07:00",
        "#1 Jana Falk: Abholung 06:45 → 06:30",
        "Abholung #1 Jana Falk jetzt 06:30 ab Hotel Seeblick, Seeweg 1, Hamburg",
    ]


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_document_of_the_whole_production_names_entries_added_dropped_and_changed(minimal: Path, language: str) -> None:
    edit(minimal / "production.yaml", "country: DE\n", f"country: DE\nlanguage: {language}\n")
    before = loaded(minimal)
    edit(minimal / "crew.yaml", '"0176 3333333"', '"0176 3333000"')
    edit(minimal / "crew.yaml", "  role: Driver\n", "  role: Driver\n  notes: Only drives automatic cars.\n")
    (minimal / "crew.yaml").write_text(
        (minimal / "crew.yaml").read_text(encoding="utf-8")
        + "- {id: ute, name: Ute Kramer, role: Best Boy, department: lighting}\n",
        encoding="utf-8",
    )
    (minimal / "equipment.yaml").write_text("- id: cam\n  department: camera\n  vendor: {name: Rental}\n", encoding="utf-8")
    found = [c.text for c in changes(before, loaded(minimal), document("contacts").inputs)]
    if language == "en":
        assert found == [
            "Lea Wolf (Driver): Phone 0176 3333333 → 0176 3333000",
            "New: Ute Kramer (Best Boy)",
            "Other changes in equipment.yaml",
        ]
    else:
        assert found == [
            "Lea Wolf (Driver): Telefon 0176 3333333 → 0176 3333000",
            "Neu: Ute Kramer (Best Boy)",
            "Weitere Änderungen in equipment.yaml",
        ]
    assert not any("automatic" in text for text in found)  # the office's notes are never named


def test_a_crew_members_notes_alone_are_named_only_as_other_changes(minimal: Path) -> None:
    before = loaded(minimal)
    edit(minimal / "crew.yaml", "  role: Driver\n", "  role: Driver\n  notes: Only drives automatic cars.\n")
    assert [c.text for c in changes(before, loaded(minimal), document("contacts").inputs)] == ["Other changes in crew.yaml"]


def test_a_schedule_names_each_days_changes_with_its_number(minimal: Path) -> None:
    before = loaded(minimal)
    schedule = minimal / "schedule.yaml"
    edit_day(schedule, 2, 'crew_call: "17:00"', 'crew_call: "16:00"')
    edit_day(schedule, 1, "scenes: [1]", "scenes: [1, 2]")
    edit_day(schedule, 2, "scenes: [2]", "scenes: []")
    edit_day(schedule, 2, "    - cast: mira\n", "    - cast: mira\n      status: H\n")
    assert [c.text for c in changes(before, loaded(minimal), document("schedule").inputs)] == [
        "Day 1: Scene 2 added (moved from day 2)",
        "Day 2: Crew call 17:00 → 16:00",
        "Day 2: Scene 2 moved to day 1",
        "Day 2: #1 Jana Falk: Status – → H",
    ]


def test_the_change_list_of_a_prepared_pair_of_revisions(example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Golden text: coord diff between revision 1 of day 3 and the production after the short-notice change."""
    in_git(example_copy, monkeypatch)
    assert invoke("publish", "callsheet", "3", "-C", str(example_copy), "--format", "md").exit_code == 0
    change_day_3(example_copy)
    result = invoke("diff", "callsheet", "3", "-C", str(example_copy))
    assert result.exit_code == 0, result.output
    assert_golden("changes-callsheet-day-03.txt", result.output)
    personal = invoke("diff", "callsheet", "3", "--for", "lena", "-C", str(example_copy))
    assert_golden("changes-callsheet-day-03-lena.txt", personal.output)
    commit(example_copy, "Day 3 changed")
    assert invoke("diff", "callsheet", "3", "-C", str(example_copy)).output == result.output  # committed or not, the same
