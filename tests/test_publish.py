"""coord publish: revision numbers and colours, git as the record, the label and changes printed, refusals."""

from __future__ import annotations

import email
import email.policy
import itertools
import shutil
from pathlib import Path

import pytest
from conftest import MINIMAL, edit, invoke, pdf_text
from revising import commit, edit_day, git, in_git, revisions, tag_commit

from coord import documents, publish
from coord.documents import Document, Item
from coord.revisions import revision


@pytest.fixture
def repo(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The smallest production in a git repository of its own, everything committed."""
    return in_git(minimal, monkeypatch)


def publish_cli(folder: Path, *args: str) -> tuple[int, str]:
    result = invoke("publish", *args, "-C", str(folder))
    return result.exit_code, result.output


# ---- numbers and colours -------------------------------------------------------------------


def test_revisions_follow_the_industrys_colours_then_double_then_triple() -> None:
    names = [revision(n).colour_name("en") for n in (1, 2, 3, 9, 10, 11, 12, 21, 31)]
    assert names == ["White", "Blue", "Pink", "Cherry", "Tan", "Double White", "Double Blue", "Triple White", "White ×4"]
    assert revision(2).label("en") == "Rev 2 · Blue"
    assert revision(12).label("de") == "Rev. 12 · Doppel-Blau"
    assert revision(3, ["white", "yellow"]).colour_name("en") == "Double White"


def test_the_colour_sequence_is_a_setting_of_the_production(repo: Path) -> None:
    edit(repo / "production.yaml", "key_contacts: [pia]\n", "key_contacts: [pia]\nrevision_colours: [white, yellow]\n")
    commit(repo, "Our own colours")
    labels = []
    calls = ("7:30", "7:00", "6:45", "6:30")
    for was, now in itertools.pairwise(calls):
        code, output = publish_cli(repo, "callsheet", "1", "--format", "md")
        assert code == 0, output
        labels.append(output.splitlines()[0])
        edit_day(repo / "schedule.yaml", 1, f"crew_call: {was}", f"crew_call: {now}")
        commit(repo, "Crew call moved")
    assert labels == [
        "callsheet/day-01: Rev 1 · White, tagged callsheet/day-01/rev-1",
        "callsheet/day-01: Rev 2 · Yellow, tagged callsheet/day-01/rev-2",
        "callsheet/day-01: Rev 3 · Double White, tagged callsheet/day-01/rev-3",
    ]


# ---- the record in git -----------------------------------------------------------------------


def test_a_revision_is_an_annotated_tag_on_its_commit_and_a_change_makes_the_next_one(repo: Path) -> None:
    code, output = publish_cli(repo, "callsheet", "1", "--format", "md")
    assert code == 0, output
    assert output.splitlines()[0] == "callsheet/day-01: Rev 1 · White, tagged callsheet/day-01/rev-1"
    first = git(repo, "rev-parse", "HEAD").strip()
    assert tag_commit(repo, "callsheet/day-01/rev-1") == first
    assert git(repo, "cat-file", "-t", "callsheet/day-01/rev-1").strip() == "tag"  # annotated, with who and when
    sheet = (repo / "out" / "callsheets" / "2027-03-01-day-01.md").read_text(encoding="utf-8")
    assert "- Revision: Rev 1 · White" in sheet and "Changes since" not in sheet

    edit_day(repo / "schedule.yaml", 1, "crew_call: 7:30", "crew_call: 7:00")
    second = commit(repo, "Crew call half an hour earlier")
    code, output = publish_cli(repo, "callsheet", "1", "--format", "md")
    assert code == 0, output
    assert output.splitlines()[:3] == [
        "callsheet/day-01: Rev 2 · Blue, tagged callsheet/day-01/rev-2",
        "  Changes since revision 1:",
        "  - Crew call 07:30 → 07:00",
    ]
    assert tag_commit(repo, "callsheet/day-01/rev-2") == second
    message = git(repo, "tag", "-l", "--format=%(contents)", "callsheet/day-01/rev-2")
    assert message.startswith("call sheet callsheet/day-01: Rev 2 · Blue\n\nChanges since revision 1:\n- Crew call 07:30 → 07:00")
    sheet = (repo / "out" / "callsheets" / "2027-03-01-day-01.md").read_text(encoding="utf-8")
    assert "- Revision: Rev 2 · Blue\n\n**Changes since revision 1**\n\n- Crew call 07:30 → 07:00\n" in sheet


def test_publishing_again_unchanged_is_the_same_revision_also_after_unrelated_commits(repo: Path) -> None:
    assert publish_cli(repo, "callsheet", "1", "--format", "md")[0] == 0
    code, output = publish_cli(repo, "callsheet", "1", "--format", "md")
    assert code == 0
    assert output.splitlines()[0] == (
        "callsheet/day-01: Rev 1 · White, as published before (callsheet/day-01/rev-1), nothing changed since"
    )
    (repo / "equipment.yaml").write_text("- id: cam\n  department: camera\n  vendor: {name: Rental}\n", encoding="utf-8")
    edit(repo / "crew.yaml", "  role: Driver\n", "  role: Driver\n  notes: Only drives automatic cars.\n")
    commit(repo, "Orders, and a note the sheet does not print")
    assert "as published before" in publish_cli(repo, "callsheet", "1", "--format", "md")[1]
    assert revisions(repo, "callsheet/day-01") == [1]
    code, output = publish_cli(repo, "callsheet", "2", "--format", "md")
    assert code == 0 and "callsheet/day-02: Rev 1 · White" in output  # each day is counted on its own


def test_a_change_to_the_next_day_is_a_change_of_the_sheets_advance_schedule(repo: Path) -> None:
    assert publish_cli(repo, "callsheet", "1", "--format", "md")[0] == 0
    edit_day(repo / "schedule.yaml", 2, 'crew_call: "17:00"', 'crew_call: "16:00"')
    commit(repo, "Day 2 earlier")
    code, output = publish_cli(repo, "callsheet", "1", "--format", "md")
    assert code == 0
    assert output.splitlines()[:3] == [
        "callsheet/day-01: Rev 2 · Blue, tagged callsheet/day-01/rev-2",
        "  Changes since revision 1:",
        "  - Advance schedule, day 2: Crew call 17:00 → 16:00",
    ]


def test_uncommitted_changes_are_refused_with_what_to_do(repo: Path) -> None:
    edit_day(repo / "schedule.yaml", 1, "crew_call: 7:30", "crew_call: 7:00")
    (repo / "hotels.yaml").write_text("[]\n", encoding="utf-8")  # new and not in git: also not in the commit
    code, output = publish_cli(repo, "callsheet", "1", "--format", "md")
    assert code == 1
    assert output == (
        f"Error: hotels.yaml, schedule.yaml in {repo} have changes that are not committed, and a revision must be "
        'reproducible from its commit: commit them (git add . && git commit -m "what changed"), or put them aside '
        "(git stash), then publish again\n"
    )
    assert revisions(repo, "callsheet/day-01") == []
    assert not (repo / "out").exists()


def test_what_coord_writes_itself_does_not_count_as_a_change(repo: Path) -> None:
    (repo / ".gitignore").unlink()  # out/ not ignored: still not a source
    commit(repo, "No ignore file")
    (repo / "sent").mkdir()
    (repo / "sent" / "note.yaml").write_text("[]\n", encoding="utf-8")
    assert publish_cli(repo, "callsheet", "1", "--format", "md")[0] == 0
    assert publish_cli(repo, "callsheet", "2", "--format", "md")[0] == 0  # out/ now holds day 1's sheet


def test_outside_git_or_before_the_first_commit_is_a_message(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, output = publish_cli(minimal, "callsheet", "1")
    assert code == 1 and "is not in a git repository, and coord publish records every revision in git" in output
    assert "git init && git add . && git commit" in output
    git(minimal, "init", "-q")
    code, output = publish_cli(minimal, "callsheet", "1")
    assert code == 1 and "has no commit yet: commit the production's files first" in output


def test_a_production_in_a_sub_folder_puts_its_path_in_front_of_its_tags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "office"
    production = repo / "productions" / "Test Shoot"
    shutil.copytree(MINIMAL, production)
    in_git(repo, monkeypatch)
    code, output = publish_cli(production, "callsheet", "1", "--format", "md")
    assert code == 0, output
    assert "tagged productions/Test-Shoot/callsheet/day-01/rev-1" in output


def test_every_document_of_the_registry_is_published_with_its_own_arguments(
    example_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_git(example_copy, monkeypatch)
    for args, tag in [
        (("callsheet", "3", "10"), "callsheet/day-10/rev-1"),
        (("report", "2"), "report/day-02/rev-1"),
        (("contacts",), "contacts/rev-1"),
        (("schedule",), "schedule/rev-1"),
        (("dood",), "dood/rev-1"),
        (("calendar",), "calendar/harbour-lights/rev-1"),
    ]:
        code, output = publish_cli(example_copy, *args, *(("--format", "md") if args[0] != "calendar" else ()))
        assert code == 0, output
        assert f"tagged {tag}" in output
    assert revisions(example_copy, "callsheet/day-03") == [1]  # each day of one command is a revision of its own


def test_a_document_added_later_is_published_without_touching_publishing(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    registry = dict(documents.registry())
    monkeypatch.setattr(documents, "_DOCUMENTS", registry)

    def rooming(folder: object, hotel: str = "seeblick") -> list[Item]:
        crew = getattr(folder, "crew")  # noqa: B009 - any document reads the folder as it likes
        return [Item(f"rooming-{hotel}", {"guests": [c.name for c in crew]}, variants=(f"hotel-{hotel}",))]

    documents.register(Document("rooming", "rooming list", ("production", "crew"), "rooming", rooming, formats=("md",)))
    (repo / "templates").mkdir()
    (repo / "templates" / "rooming.md.j2").write_text(
        "{% for g in guests %}- {{ g }}\n{% endfor %}{% include 'revision.md.j2' %}\n", encoding="utf-8"
    )
    commit(repo, "A rooming list")
    run = publish.publish(repo, "rooming", ("md",), None, {"hotel": "seeblick"})
    assert [(i.key, i.revision.number, i.published.tag if i.published else "") for i in run.issues] == [
        ("rooming/hotel-seeblick", 1, "rooming/hotel-seeblick/rev-1")
    ]
    edit(repo / "crew.yaml", "name: Tom Reuter", "name: Tom Reuter-Lund")
    commit(repo, "Tom's name")
    publish.publish(repo, "rooming", ("md",), None, {"hotel": "seeblick"})
    listed = (repo / "out" / "rooming" / "rooming-seeblick.md").read_text(encoding="utf-8")
    assert "**Rev 2 · Blue**" in listed
    assert "- Tom Reuter-Lund (Gaffer): Name Tom Reuter → Tom Reuter-Lund" in listed


# ---- what the document prints ----------------------------------------------------------------


def test_the_label_colour_and_changes_are_on_the_pdf_html_and_markdown(repo: Path) -> None:
    assert publish_cli(repo, "callsheet", "1", "--format", "md")[0] == 0
    edit_day(repo / "schedule.yaml", 1, "crew_call: 7:30", "crew_call: 7:00")
    commit(repo, "Day 1 earlier")
    code, output = publish_cli(repo, "callsheet", "1", "--format", "pdf", "--format", "html", "--format", "md")
    assert code == 0, output
    out = repo / "out" / "callsheets"
    text = pdf_text(out / "2027-03-01-day-01.pdf")
    assert text.count("REV 2 · BLUE") == 3  # on both pages at the top, and in the band
    assert "CHANGES SINCE REVISION 1" in text and "Crew call 07:30 → 07:00" in text
    html = (out / "2027-03-01-day-01.html").read_text(encoding="utf-8")
    assert '<span style="background: #a9cbef">Rev 2 · Blue</span>' in html
    assert '<div class="changes" style="border-left-color: #a9cbef"><b>CHANGES SINCE REVISION 1</b>' in html
    assert "<li>Crew call 07:30 → 07:00</li>" in html
    for document, args in (("contacts", ()), ("schedule", ())):
        assert publish_cli(repo, document, *args, "--format", "pdf", "--format", "md")[0] == 0
        assert "REV 1 · WHITE" in pdf_text(repo / "out" / document / f"{document}.pdf")


def test_the_dry_run_shows_each_recipient_their_own_copy_and_records_nothing(repo: Path) -> None:
    for name in ("tom", "lea"):
        edit(repo / "crew.yaml", f"- id: {name}\n", f"- id: {name}\n  email: {name}@testfilms.example\n")
    edit(repo / "cast.yaml", "  actor: Jana Falk\n", "  actor: Jana Falk\n  email: jana@falk.example\n")
    (repo / "distribution.yaml").write_text("send:\n  - documents: [callsheet]\n    to: [all crew, mira]\n", encoding="utf-8")
    commit(repo, "Distribution")
    assert publish_cli(repo, "callsheet", "1", "--format", "md")[0] == 0
    edit_day(repo / "schedule.yaml", 1, "crew_call: 7:30", "crew_call: 7:00")
    edit_day(repo / "schedule.yaml", 1, 'makeup: "07:15"', 'makeup: "07:00"')
    code, output = publish_cli(repo, "callsheet", "1", "--format", "md", "--dry-run")  # uncommitted is fine: nothing is recorded
    assert code == 0, output
    assert "callsheet/day-01: Rev 2 · Blue, not tagged (dry run)" in output
    mails = repo / "out" / "dry-run" / "mail" / "callsheet" / "day-01" / "rev-2"
    assert output.splitlines()[-1] == f"wrote 4 messages to {mails} (nothing sent)"
    assert sorted(p.name for p in mails.iterdir()) == ["lea.eml", "mira.eml", "pia.eml", "tom.eml"]
    message = email.message_from_bytes((mails / "mira.eml").read_bytes(), policy=email.policy.default)
    assert message["Subject"] == "Day 1 call sheet rev 2 (BLUE): your call 07:00"
    assert message["To"] == "Jana Falk <jana@falk.example>"
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    # her own change first, then the crew's
    assert text.index("- **#1 Jana Falk: MU/Hair 07:15 → 07:00**") < text.index("- Crew call 07:30 → 07:00")
    copy = (repo / "out" / "dry-run" / "callsheets" / "2027-03-01-day-01-mira.md").read_text(encoding="utf-8")
    assert copy.index("- **\\#1 Jana Falk: MU/Hair 07:15 → 07:00**") < copy.index("- Crew call 07:30 → 07:00")
    assert revisions(repo, "callsheet/day-01") == [1] and not (repo / "sent").exists()


def test_for_and_the_office_copy_are_refused_when_publishing(repo: Path) -> None:
    code, output = publish_cli(repo, "callsheet", "1", "--for", "mira")
    assert code == 1 and "--send (or --dry-run) makes each recipient's own copy" in output
    code, output = publish_cli(repo, "contacts", "--office", "--send")
    assert code == 1 and output == (
        "Error: this contact list is the office copy, with private data, and is never sent: leave out --office to send "
        "the copy for everyone\n"
    )


def test_the_arguments_of_the_document_are_its_own(repo: Path) -> None:
    code, output = publish_cli(repo, "callsheet", "9")
    assert code == 1 and 'there is no shoot day "9"' in output
    result = invoke("publish", "callsheet", "--bogus")
    assert result.exit_code == 2 and "Usage: main publish callsheet [OPTIONS] [DAYS]..." in result.output
    assert "No such option '--bogus'" in result.output
    result = invoke("publish", "callshet", "1")
    assert result.exit_code == 2 and "'callshet' is not one of" in result.output


def test_diff_without_a_revision_says_how_to_make_one_and_takes_any_git_revision(repo: Path) -> None:
    result = invoke("diff", "callsheet", "1", "-C", str(repo))
    assert result.exit_code == 1 and "callsheet/day-01 has no published revision yet" in result.output
    edit_day(repo / "schedule.yaml", 1, "crew_call: 7:30", "crew_call: 7:00")
    result = invoke("diff", "callsheet", "1", "--since", "HEAD", "-C", str(repo))
    assert result.exit_code == 0, result.output
    assert result.output == "callsheet/day-01, since HEAD\n  Changes since HEAD:\n  - Crew call 07:30 → 07:00\n"
    result = invoke("diff", "callsheet", "1", "--since", "2", "-C", str(repo))
    assert result.exit_code == 1 and "has no published revision yet" in result.output
    result = invoke("diff", "callsheet", "1", "--since", "no-such-tag", "-C", str(repo))
    assert result.exit_code == 1 and 'there is no revision "no-such-tag"' in result.output


def test_several_days_at_once_are_a_revision_each_and_a_message_each(repo: Path) -> None:
    edit(repo / "cast.yaml", "  actor: Ole Hansen\n", "  actor: Ole Hansen\n  email: ole@hansen.example\n")
    (repo / "distribution.yaml").write_text("send:\n  - documents: [callsheet]\n    to: [pia, finn]\n", encoding="utf-8")
    commit(repo, "Distribution")
    code, output = publish_cli(repo, "callsheet", "--all", "--format", "md", "--dry-run")
    assert code == 0, output
    assert "callsheet/day-01: Rev 1 · White, not tagged (dry run)" in output and "callsheet/day-02: Rev 1 · White" in output
    mails = repo / "out" / "dry-run" / "mail" / "callsheet"
    subjects = {
        path.relative_to(mails).as_posix(): email.message_from_bytes(path.read_bytes(), policy=email.policy.default)["Subject"]
        for path in sorted(mails.rglob("*.eml"))
    }
    assert subjects == {
        "day-01/rev-1/finn.eml": "Day 1 call sheet rev 1 (WHITE): your call 08:15",
        "day-01/rev-1/pia.eml": "Day 1 call sheet rev 1 (WHITE): your call 07:30",
        "day-02/rev-1/finn.eml": "Day 2 call sheet rev 1 (WHITE)",  # not called that day: everyone's copy
        "day-02/rev-1/pia.eml": "Day 2 call sheet rev 1 (WHITE): your call 17:00",
    }
