"""What a hostile tester found in publishing and init: addresses mail cannot carry, a dry run over the published files,
the refusal of documents that have no copy for everyone, and titles a new folder could not hold."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest
import yaml
from conftest import append, edit, invoke, loaded
from revising import Inbox, commit, edit_day, in_git, mail_settings, revisions, smtp_server

from coord import kinds as k
from coord import mail
from coord.documents import registry

# ---- 1. an e-mail address SMTP cannot carry as written ----------------------------------------

ASCII_HINT = "the same domain in the ASCII form every server takes"


def validate(folder: Path) -> tuple[int, str]:
    result = invoke("validate", str(folder))
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("address", "message", "hint"),
    [
        (
            "tom@reuter-désign.de",
            "this e-mail address cannot be mailed as written: the part after the @ has letters outside plain ASCII, "
            "which not every mail server takes",
            f"write the part after the @ as xn--reuter-dsign-ieb.de, {ASCII_HINT}",
        ),
        (
            "tom@reuter.рф",
            "this e-mail address cannot be mailed as written: the part after the @ has letters outside plain ASCII, "
            "which not every mail server takes",
            f"write the part after the @ as reuter.xn--p1ai, {ASCII_HINT}",
        ),
        (
            "bjørn@reuter.de",
            'this e-mail address cannot be mailed as written: before the @ it holds "ø", a letter outside plain ASCII '
            "that most mail servers refuse",
            "ask the person for another address, with only plain letters, digits and . - _ before the @",
        ),
        (
            "tom,reuter@reuter.de",
            'this e-mail address cannot be mailed as written: the part before the @ holds ","',
            "check the address with the person: before the @ only letters, digits and . - _ + are usual",
        ),
        (
            "tom..reuter@reuter.de",
            "this e-mail address cannot be mailed as written: the part before the @ has a dot at its start or end, "
            "or two dots in a row",
            "check the address with the person: before the @ only letters, digits and . - _ + are usual",
        ),
        (
            "tom@reuter_licht.de",
            'this is not an e-mail address: the part after the @ holds "_", which a domain name cannot hold',
            "write it as name@example.com",
        ),
    ],
)
def test_an_address_mail_cannot_carry_is_an_error_at_its_line_with_what_to_write(
    minimal: Path, address: str, message: str, hint: str
) -> None:
    edit(minimal / "crew.yaml", '  phone: "0176 2222222"\n', f"  email: {address}\n")
    code, output = validate(minimal)
    assert code == 1
    assert f"  crew.yaml:11:10: error: email: {message}\n      hint: {hint}\n" in output
    assert address not in output  # a person's address may be private: never repeated


@pytest.mark.parametrize(
    "address", ["tom@xn--reuter-dsign-ieb.de", "tom@reuter.xn--p1ai", "tom.reuter+set@reuter-licht.de", "o'neil@reuter.de"]
)
def test_the_ascii_form_and_the_usual_signs_are_an_address(minimal: Path, address: str) -> None:
    edit(minimal / "crew.yaml", '  phone: "0176 2222222"\n', f'  email: "{address}"\n')
    code, output = validate(minimal)
    assert code == 0, output
    assert k.Email.check(address) == address


@pytest.mark.parametrize(
    ("domain", "ascii_form"),
    [("straße.de", "xn--strae-oqa.de"), ("bücher.example", "xn--bcher-kva.example"), ("Reuter.РФ", "reuter.xn--p1ai")],
)
def test_the_hint_gives_the_domain_in_its_ascii_form_of_today(domain: str, ascii_form: str) -> None:
    """IDNA 2008, as mail servers take it: ß stays ß (Python's own idna codec, of 2003, would make it ss, which is
    another domain, someone else's)."""
    with pytest.raises(k.Invalid) as caught:
        k.Email.check(f"birgit@{domain}")
    assert f"write the part after the @ as {ascii_form}, " in caught.value.hint


def test_an_address_in_distribution_follows_the_same_rule(minimal: Path) -> None:
    (minimal / "distribution.yaml").write_text(
        "send:\n  - documents: [callsheet]\n    to: [pia, bond@garant-ø.de, bond@garant.example]\n", encoding="utf-8"
    )
    code, output = validate(minimal)
    assert code == 1
    assert (
        '  distribution.yaml:3:15: error: "bond@garant-ø.de": this e-mail address cannot be mailed as written: the part '
        "after the @ has letters outside plain ASCII, which not every mail server takes\n"
        f"      hint: write the part after the @ as xn--garant--w1a.de, {ASCII_HINT}\n"
    ) in output
    assert output.count("error:") == 1  # the plain address beside it is fine


def test_the_testers_address_is_refused_by_validate_and_publish_says_so_without_a_traceback(
    example_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(example_copy / "crew" / "art-costume-makeup.yaml", "email: birgit@lund-design.dk", "email: birgit@lund-désign.dk")
    in_git(example_copy, monkeypatch)
    code, output = validate(example_copy)
    assert code == 1
    assert (
        "  crew/art-costume-makeup.yaml:11:10: error: email: this e-mail address cannot be mailed as written: "
        "the part after the @ has letters outside plain ASCII"
    ) in output
    assert f"hint: write the part after the @ as xn--lund-dsign-g7a.dk, {ASCII_HINT}" in output
    result = invoke("publish", "callsheet", "3", "--dry-run", "--format", "md", "-C", str(example_copy))
    assert result.exit_code == 1
    assert "Error: the production has errors; fix them first" in result.output
    assert "crew/art-costume-makeup.yaml:11:10: email: this e-mail address cannot be mailed as written" in result.output


def test_mail_refuses_to_make_a_message_to_an_address_it_cannot_encode_saying_why() -> None:
    server = mail.Server("127.0.0.1", 25, "none", "office@testfilms.example", "Office")
    letter = mail.Letter("Birgit Lund", "birgit@lund-désign.dk", "Day 3", "text", "<p>text</p>")
    with pytest.raises(mail.Undelivered, match=r"^the recipient's address has characters outside plain ASCII, which mail"):
        mail.message(letter, server)
    sender = mail.Server("127.0.0.1", 25, "none", "büro@testfilms.example", "Office")
    with pytest.raises(mail.Undelivered, match=r"^the sender's address has characters outside plain ASCII"):
        mail.message(mail.Letter("Birgit Lund", "birgit@lund.example", "Day 3", "text", "<p>text</p>"), sender)


def test_an_address_that_reaches_mail_unencodable_fails_for_that_recipient_and_the_others_arrive(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should an address get past the loader (a folder checked by an older coord), mail reports it, never a traceback."""
    monkeypatch.setattr(k.Email, "check", classmethod(lambda _cls, text: text.strip()))
    inbox = Inbox()
    with smtp_server(inbox) as port:
        edit(minimal / "crew.yaml", "- id: tom\n", "- id: tom\n  email: tom@reuter-désign.de\n")
        (minimal / "distribution.yaml").write_text(
            "send:\n  - documents: [callsheet]\n    to: [pia, tom, bond@guarantors.example]\n", encoding="utf-8"
        )
        append(minimal / "production.yaml", mail_settings(port))
        in_git(minimal, monkeypatch)
        result = invoke("publish", "callsheet", "1", "--format", "md", "--send", "-C", str(minimal))
    assert result.exit_code == 1
    assert (
        "not sent to Tom Reuter <tom@reuter-désign.de>: the recipient's address has characters outside plain ASCII, "
        "which mail cannot carry as written"
    ) in result.output
    assert "Error: 1 of 3 messages were not sent" in result.output
    assert sorted(address for to, _ in inbox.received for address in to) == ["bond@guarantors.example", "pia@testfilms.example"]
    log = yaml.safe_load((minimal / "sent" / "callsheet" / "day-01" / "rev-1.yaml").read_text(encoding="utf-8"))
    (tom,) = [r for r in log if r["to"] == "tom"]
    assert tom["status"] == "failed" and tom["reason"].startswith("the recipient's address has characters outside")


# ---- 2. a dry run leaves the published documents alone ------------------------------------------


@pytest.fixture
def distributed(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    edit(minimal / "cast.yaml", "  actor: Jana Falk\n", "  actor: Jana Falk\n  email: jana@falk.example\n")
    (minimal / "distribution.yaml").write_text("send:\n  - documents: [callsheet]\n    to: [pia, mira]\n", encoding="utf-8")
    return in_git(minimal, monkeypatch)


def test_a_dry_run_writes_its_documents_and_messages_apart_and_the_published_ones_stay(distributed: Path) -> None:
    repo = distributed
    assert invoke("publish", "callsheet", "1", "--format", "md", "-C", str(repo)).exit_code == 0
    published = repo / "out" / "callsheets"
    before = {p.name: p.read_bytes() for p in published.iterdir()}
    assert "- Revision: Rev 1 · White" in (published / "2027-03-01-day-01.md").read_text(encoding="utf-8")
    edit_day(repo / "schedule.yaml", 1, "crew_call: 7:30", "crew_call: 7:00")
    commit(repo, "Crew call earlier")

    result = invoke("publish", "callsheet", "1", "--format", "md", "--dry-run", "-C", str(repo))
    assert result.exit_code == 0, result.output
    assert {p.name: p.read_bytes() for p in published.iterdir()} == before  # nothing of rev 1 replaced, nothing added
    dry = repo / "out" / "dry-run"
    assert f"dry run: written to {dry} only; nothing tagged, sent or replaced of what was published" in result.output
    sheet = (dry / "callsheets" / "2027-03-01-day-01.md").read_text(encoding="utf-8")
    assert "- Revision: Rev 2 · Blue" in sheet and "- Crew call 07:30 → 07:00" in sheet
    assert (dry / "callsheets" / "2027-03-01-day-01-mira.md").is_file()
    mails = dry / "mail" / "callsheet" / "day-01" / "rev-2"
    assert result.output.splitlines()[-1] == f"wrote 2 messages to {mails} (nothing sent)"
    message = email.message_from_bytes((mails / "mira.eml").read_bytes(), policy=email.policy.default)
    assert message["Subject"] == "Day 1 call sheet rev 2 (BLUE): your call 07:15"
    assert revisions(repo, "callsheet/day-01") == [1] and not (repo / "sent").exists()

    result = invoke("publish", "callsheet", "1", "--format", "md", "-C", str(repo))  # the real rev 2 afterwards
    assert result.exit_code == 0, result.output
    assert "- Revision: Rev 2 · Blue" in (published / "2027-03-01-day-01.md").read_text(encoding="utf-8")


def test_a_dry_run_with_out_writes_into_a_dry_run_folder_there(distributed: Path, tmp_path: Path) -> None:
    printed = tmp_path / "print"
    result = invoke("publish", "callsheet", "1", "--format", "md", "--dry-run", "--out", str(printed), "-C", str(distributed))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (printed / "dry-run" / "callsheets").glob("*.md")) == [
        "2027-03-01-day-01-mira.md",
        "2027-03-01-day-01-pia.md",
        "2027-03-01-day-01.md",
    ]
    assert sorted(p.name for p in (printed / "dry-run" / "mail").rglob("*.eml")) == ["mira.eml", "pia.eml"]
    assert [p.name for p in printed.iterdir()] == ["dry-run"]


# ---- 3. what a document with no copy for everyone is refused with -----------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("hours", "--send"),
            "Error: the hours report is never sent by e-mail: it lists people's hours and pay for the office and payroll "
            "only. Publish it without --send or --dry-run to record its revision, then give its files (the CSV for "
            "payroll) to payroll yourself\n",
        ),
        (
            ("agreement", "--all", "--dry-run"),
            "Error: the agreement is never sent by e-mail: it holds the person's home address and is theirs alone. Publish "
            "it without --send or --dry-run to record its revision, then print it for them to sign, or give it to them "
            "yourself\n",
        ),
        (
            ("contacts", "--office", "--send"),
            "Error: this contact list is the office copy, with private data, and is never sent: leave out --office to "
            "send the copy for everyone\n",
        ),
        (
            ("callsheet", "3", "--office", "--dry-run"),
            "Error: this call sheet is the office copy, with private data, and is never sent: leave out --office to "
            "send the copy for everyone\n",
        ),
    ],
)
def test_a_private_document_is_refused_with_what_can_be_done_instead(
    example_copy: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], message: str
) -> None:
    in_git(example_copy, monkeypatch)
    result = invoke("publish", *args, "--format", "md", "-C", str(example_copy))
    assert result.exit_code == 1
    assert result.output == message
    assert "copy for everyone" not in message or "--office" in args  # no such copy of the hours or an agreement


def test_what_the_refusal_offers_works(example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    in_git(example_copy, monkeypatch)
    for args, tag in ((("hours",), "hours/rev-1"), (("agreement", "bg-birte-claussen"), "agreement/bg-birte-claussen/rev-1")):
        result = invoke("publish", *args, "--format", "md", "-C", str(example_copy))
        assert result.exit_code == 0, result.output
        assert f"tagged {tag}" in result.output
    result = invoke("publish", "contacts", "--format", "md", "--dry-run", "-C", str(example_copy))
    assert result.exit_code == 0, result.output


# ---- 4. a title the new folder could not hold ---------------------------------------------------


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("   ", 'Error: cannot use --title: it is empty; give the production\'s title, e.g. --title "Harbour Lights"\n'),
        ("", 'Error: cannot use --title: it is empty; give the production\'s title, e.g. --title "Harbour Lights"\n'),
        ("x" * 6000, "Error: cannot use --title: text is 6,000 characters long; the limit is 5,000; shorten it\n"),
        ("x" * 5001, "Error: cannot use --title: text is 5,001 characters long; the limit is 5,000; shorten it\n"),
        (
            "Harbour \u202eLights",
            "Error: cannot use --title: character 9 is a right-to-left override (U+202E), an invisible control that can "
            "make the printed text read differently from what is stored; delete it (retype the text around it); it "
            "usually comes with text copied from a web page or a chat\n",
        ),
        (
            "Harbour\x1bLights",
            "Error: cannot use --title: character 8 is a control character (U+001B), which has no place in text; delete "
            "it; in double quotes a backslash makes one (\\e, \\x1b): write \\\\ for a backslash itself\n",
        ),
        (
            "Harbour\u200bLights",
            "Error: cannot use --title: character 8 is an invisible zero-width space (U+200B); delete it (retype the title)\n",
        ),
    ],
)
def test_init_refuses_a_title_production_yaml_could_not_hold_and_writes_nothing(tmp_path: Path, title: str, message: str) -> None:
    folder = tmp_path / "shoot"
    result = invoke("init", str(folder), "--title", title)
    assert result.exit_code == 1
    assert result.output == message
    assert not folder.exists()


@pytest.mark.parametrize("title", ["x" * 5000, "  Harbour Lights  ", "Hafen\u200dlichter ‏(2)", "Line\nbreak"])
def test_init_takes_a_title_up_to_the_limit_and_the_folder_validates_strictly(tmp_path: Path, title: str) -> None:
    folder = tmp_path / "shoot"
    result = invoke("init", str(folder), "--title", title)
    assert result.exit_code == 0, result.output
    result = invoke("validate", str(folder), "--strict")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(title.strip())


def test_init_refuses_a_folder_name_that_cannot_be_the_title(tmp_path: Path) -> None:
    folder = tmp_path / "shoot\u202e"
    result = invoke("init", str(folder))
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot use the folder's name as the title: character 6 is a right-to-left")
    assert "give one with --title" in result.output
    assert not folder.exists()


# ---- every document that is sent can be mailed -----------------------------------------------------

#: The arguments that publish each document of the example (a shoot day, an approved order).
PUBLISHED = {
    "callsheet": ("3",),
    "report": ("1",),
    "movement": ("3",),
    "extras": ("1",),
    "po": ("cam-main",),
    "availability": ("3",),
}


@pytest.mark.parametrize("name", sorted(n for n, d in registry().items() if not d.unsent and d.formats))
def test_every_document_that_is_sent_makes_a_message_with_its_essentials(
    example_copy: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """The mail's body is one template for every document: a report, whose times are a table, or a list without a
    shoot day makes its message as a call sheet does (the day and crew call where the document has them)."""
    (example_copy / "distribution.yaml").write_text(
        f"send:\n  - documents: [{name}]\n    to: [katrin-mahler]\n", encoding="utf-8"
    )
    repo = in_git(example_copy, monkeypatch)
    result = invoke("publish", name, *PUBLISHED.get(name, ()), "--format", "md", "--dry-run", "-C", str(repo))
    assert result.exit_code == 0, result.output
    [eml] = (repo / "out" / "dry-run" / "mail").rglob("*.eml")
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert text.startswith("Hello Katrin Mahler,") and "(Rev 1 · White)" in text
    days = {"callsheet": "Day 3", "movement": "Day 3", "report": "Day 1"}
    if name in days:
        assert f"- {days[name]} of 15" in text, text
    if name == "callsheet":
        assert "- Crew call: **" in text


@pytest.mark.parametrize(
    ("host", "message"),
    [
        ("smtp..example.de", '"smtp..example.de" is not a server name'),
        ("smtp." + "a" * 64 + ".de", "is not a server name"),
        ("-smtp.example.de", '"-smtp.example.de" is not a server name'),
        ("smtp.exämple.de", '"smtp.exämple.de" has letters outside plain ASCII'),
    ],
)
def test_a_mail_host_no_resolver_takes_is_an_error_in_validate(minimal: Path, host: str, message: str) -> None:
    """A typo in mail: host was found only by --send, after the revision was tagged, as a traceback."""
    append(minimal / "production.yaml", f"mail: {{host: '{host}', sender: office@testfilms.example}}\n")
    code, output = validate(minimal)
    assert code == 1 and message in output, output


@pytest.mark.parametrize("host", ["smtp.example.de", "mail-1.example.co.uk", "127.0.0.1", "::1", "localhost", "smtp.example.de."])
def test_a_mail_host_that_is_a_name_or_an_address_is_taken(minimal: Path, host: str) -> None:
    append(minimal / "production.yaml", f"mail: {{host: '{host}', sender: office@testfilms.example}}\n")
    folder = loaded(minimal)
    assert folder.production.mail is not None and folder.production.mail.host == host
