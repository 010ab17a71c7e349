"""distribution.yaml: who receives which document, and the checks that every name in it means someone."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE, append, invoke, loaded
from revising import in_git

from coord import distribution as dist
from coord.checks import validate


def names(folder: Path, document: str) -> list[str]:
    return [r.id for r in dist.recipients(loaded(folder), document)]


def test_one_mailbox_gets_one_message_however_its_address_is_cased(minimal: Path) -> None:
    """Pia is named by her id and by her address in capitals, the guarantor twice in different cases: Pia gets her
    own copy once, the guarantor one message."""
    (minimal / "distribution.yaml").write_text(
        "send:\n  - documents: [callsheet]\n    to: [pia, PIA@TestFilms.example, bond@guarantors.example]\n"
        "  - documents: [callsheet]\n    to: [Bond@Guarantors.EXAMPLE]\n",
        encoding="utf-8",
    )
    assert names(minimal, "callsheet") == ["pia", "bond@guarantors.example"]


def test_the_built_in_groups_come_from_the_productions_own_files() -> None:
    folder = loaded(EXAMPLE)
    resolver = dist.Resolver(folder)
    members = {group: resolver.members(group, folder.distribution.pos) for group in dist.BUILT_IN}
    assert len(members["all crew"]) == len(folder.crew) and len(members["all cast"]) == len(folder.cast)
    assert members["producers"] == ["katrin-mahler"]
    assert sorted(members["drivers"]) == ["ali-hassan", "dennis-kuhn", "marek-zielinski", "uwe-stender"]
    assert "daniel-lindqvist" in members["heads of department"] and "jana-petersen" not in members["heads of department"]
    assert len(members["heads of department"]) == 13


def test_recipients_by_person_department_group_and_address_each_once(minimal: Path) -> None:
    (minimal / "distribution.yaml").write_text(
        "groups:\n  Office: [pia, accounts@testfilms.example]\n  night unit: [office, Lighting]\n"
        "send:\n  - documents: [callsheet]\n    to: [mira, LIGHTING, night  unit, pia]\n"
        "  - documents: [callsheet, schedule]\n    to: [drivers, bond@guarantors.example]\n",
        encoding="utf-8",
    )
    assert names(minimal, "callsheet") == ["mira", "tom", "pia", "accounts@testfilms.example", "lea", "bond@guarantors.example"]
    assert names(minimal, "schedule") == ["lea", "bond@guarantors.example"]
    assert names(minimal, "contacts") == []
    people = {r.id: r for r in dist.recipients(loaded(minimal), "callsheet")}
    assert (people["pia"].name, people["pia"].address, people["pia"].person) == ("Pia Sommer", "pia@testfilms.example", "pia")
    assert (people["mira"].name, people["mira"].address) == ("Jana Falk", None)
    outsider = people["bond@guarantors.example"]
    assert (outsider.name, outsider.address, outsider.person) == ("bond@guarantors.example", "bond@guarantors.example", None)


def test_a_group_of_your_own_may_redefine_a_built_in_one(minimal: Path) -> None:
    (minimal / "distribution.yaml").write_text(
        "groups:\n  Producers: [pia]\nsend:\n  - {documents: [report], to: [producers]}\n", encoding="utf-8"
    )
    assert names(minimal, "report") == ["pia"]


def findings_of(folder: Path, level: str = "") -> list[tuple[str, str, str, str]]:
    _, found = validate(folder)
    return [(str(f.pos), f.level, f.message, f.hint) for f in found if f.check == "distribution" and level in ("", f.level)]


def test_a_name_that_means_nobody_is_an_error_at_its_place_with_a_suggestion(minimal: Path) -> None:
    (minimal / "distribution.yaml").write_text(
        "send:\n  - documents: [callsheet]\n    to: [all crew, mria, heads of departments, someone]\n", encoding="utf-8"
    )
    assert findings_of(minimal, "error") == [
        (
            "distribution.yaml:3:20",
            "error",
            '"mria" is no crew or cast id, department, group or e-mail address',
            'did you mean "mira"?',
        ),
        (
            "distribution.yaml:3:26",
            "error",
            '"heads of departments" is no crew or cast id, department, group or e-mail address',
            'did you mean "heads of department"?',
        ),
        (
            "distribution.yaml:3:48",
            "error",
            '"someone" is no crew or cast id, department, group or e-mail address',
            "write a crew or cast id, a department, a group (all cast, all crew, heads of department, producers, drivers) "
            "or an address",
        ),
    ]


def test_a_group_that_contains_itself_is_an_error(minimal: Path) -> None:
    (minimal / "distribution.yaml").write_text("groups:\n  a: [b]\n  b: [pia, a]\nsend: []\n", encoding="utf-8")
    assert [(pos, message) for pos, _, message, _ in findings_of(minimal, "error")] == [
        ("distribution.yaml:2:3", 'the group "a" contains itself (a → b → a)'),
        ("distribution.yaml:3:3", 'the group "b" contains itself (b → a → b)'),
    ]


def test_people_without_an_address_and_a_production_without_mail_settings_are_warned_about(minimal: Path) -> None:
    (minimal / "distribution.yaml").write_text("send:\n  - documents: [callsheet]\n    to: [pia, finn]\n", encoding="utf-8")
    assert findings_of(minimal) == [
        (
            "distribution.yaml:2:5",
            "warning",
            "distribution.yaml says who gets what, but production.yaml has no mail: settings, so coord publish --send cannot send",
            "add mail: with host, port, security and sender to production.yaml (see docs/format.md)",
        ),
        (
            "distribution.yaml:3:9",
            "warning",
            "Ole Hansen has no e-mail address, so the callsheet of this rule cannot reach them",
            "add 'email:' to finn at cast.yaml:11:3, or take them out of this rule",
        ),
    ]
    append(minimal / "production.yaml", "mail: {host: smtp.example.com, sender: office@testfilms.example}\n")
    assert [level for _, level, _, _ in findings_of(minimal)] == ["warning"]


def test_an_unknown_document_is_found_by_validate_with_its_place_and_blocks_sending(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (minimal / "distribution.yaml").write_text("send:\n  - documents: [callshet]\n    to: [pia]\n", encoding="utf-8")
    append(minimal / "production.yaml", "mail: {host: 127.0.0.1, port: 9, security: none, sender: office@testfilms.example}\n")
    validated = invoke("validate", str(minimal))
    assert validated.exit_code == 1
    assert 'distribution.yaml:2:17: error: there is no document "callshet"' in validated.output
    assert 'hint: did you mean "callsheet"?' in validated.output
    in_git(minimal, monkeypatch)
    result = invoke("publish", "callsheet", "1", "--dry-run", "-C", str(minimal))
    assert result.exit_code == 1 and "distribution.yaml:2:17: " in result.output


def test_errors_in_distribution_yaml_block_sending_but_not_the_documents(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (minimal / "distribution.yaml").write_text("send:\n  - documents: [callsheet]\n    to: [nobody]\n", encoding="utf-8")
    in_git(minimal, monkeypatch)
    assert invoke("callsheet", "1", "-C", str(minimal), "--format", "md").exit_code == 0
    assert invoke("publish", "callsheet", "1", "-C", str(minimal), "--format", "md").exit_code == 0
    result = invoke("publish", "callsheet", "1", "--dry-run", "-C", str(minimal), "--format", "md")
    assert result.exit_code == 1 and "distribution.yaml:3:10: " in result.output


def test_publishing_a_document_nobody_receives_says_so(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (minimal / "distribution.yaml").write_text("send:\n  - documents: [callsheet]\n    to: [pia]\n", encoding="utf-8")
    in_git(minimal, monkeypatch)
    result = invoke("publish", "schedule", "--dry-run", "--format", "md", "-C", str(minimal))
    assert result.exit_code == 0
    assert "Warning: distribution.yaml sends this document to nobody: add a rule under send: naming it" in result.output
    result = invoke("publish", "callsheet", "1", "--dry-run", "--format", "md", "-C", str(minimal))
    assert "to nobody" not in result.output and "wrote 1 messages to" in result.output
