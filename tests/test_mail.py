"""coord publish --send: a real SMTP server on loopback receives each recipient's own copy; the log; failures; locks."""

from __future__ import annotations

import os
import ssl
import subprocess
import sys
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
import yaml
from conftest import append, edit, invoke, pdf_text
from revising import IDENTITY, Inbox, change_day_3, commit, edit_day, git, in_git, mail_settings, smtp_server, tag_commit

from coord.revisions import Record

#: Everyone the smallest production sends its call sheet to, with their own call on day 1.
CALLS = {
    "pia@testfilms.example": ("pia", "Pia Sommer", "07:30"),
    "tom@testfilms.example": ("tom", "Tom Reuter", "07:30"),
    "lea@testfilms.example": ("lea", "Lea Wolf", "07:30"),
    "jana@falk.example": ("mira", "Jana Falk", "07:15"),
    "ole@hansen.example": ("finn", "Ole Hansen", "08:15"),
}
GUARANTOR = "bond@guarantors.example"


def prepare(folder: Path, monkeypatch: pytest.MonkeyPatch, mail: str) -> Path:
    """The smallest production, everyone with an address, Lea's phone private, sending to the loopback server."""
    edit(folder / "crew.yaml", "- id: tom\n", "- id: tom\n  email: tom@testfilms.example\n")
    edit(folder / "crew.yaml", "- id: lea\n", "- id: lea\n  email: lea@testfilms.example\n  private: [phone]\n")
    edit(folder / "cast.yaml", "  actor: Jana Falk\n", "  actor: Jana Falk\n  email: jana@falk.example\n")
    edit(folder / "cast.yaml", "  actor: Ole Hansen\n", "  actor: Ole Hansen\n  email: ole@hansen.example\n")
    (folder / "distribution.yaml").write_text(
        f"send:\n  - documents: [callsheet]\n    to: [all crew, all cast, {GUARANTOR}]\n", encoding="utf-8"
    )
    append(folder / "production.yaml", mail)
    return in_git(folder, monkeypatch)


@pytest.fixture
def office(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Inbox]]:
    inbox = Inbox()
    with smtp_server(inbox) as port:
        yield prepare(minimal, monkeypatch, mail_settings(port)), inbox


def send(folder: Path, *args: str) -> tuple[int, str]:
    result = invoke("publish", "callsheet", "1", *args, "--send", "-C", str(folder))
    return result.exit_code, result.output


def texts(message: EmailMessage, tmp_path: Path) -> str:
    """Everything a recipient can read: the plain and HTML parts and the text of every PDF attached."""
    parts = [part.get_content() for part in (message.get_body(("plain",)), message.get_body(("html",))) if part is not None]
    for attachment in message.iter_attachments():
        path = tmp_path / str(attachment.get_filename())
        path.write_bytes(attachment.get_content())
        parts.append(pdf_text(path))
    return "\n".join(parts)


def plain_text(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def test_every_recipient_gets_their_own_copy_with_their_call_in_the_subject_body_and_pdf(
    office: tuple[Path, Inbox], tmp_path: Path
) -> None:
    folder, inbox = office
    code, output = send(folder)
    assert code == 0, output
    assert output.splitlines()[-1] == "sent 6 messages"
    messages = inbox.messages()
    assert set(messages) == {*CALLS, GUARANTOR}
    for address, (person, name, call) in CALLS.items():
        message = messages[address]
        assert message["To"] == f"{name} <{address}>"
        assert message["From"] == "Test Shoot production office <office@testfilms.example>"
        assert message["Reply-To"] == "pia@testfilms.example"
        assert message["Subject"] == f"Day 1 call sheet rev 1 (WHITE): your call {call}"
        assert message["X-Coord-Revision"] == "callsheet/day-01/rev-1"  # for a mail filter
        plain, html = message.get_body(("plain",)), message.get_body(("html",))
        assert plain is not None and html is not None
        assert plain.get_content().startswith(f"Hello {name},\n\nAttached: 2027-03-01-day-01-{person}.pdf (Rev 1 · White)\n\n")
        assert f"**Your call {call}**" in plain.get_content()
        assert f"<strong>Your call {call}</strong>" in html.get_content()
        (attachment,) = message.iter_attachments()
        assert attachment.get_content_type() == "application/pdf"
        assert attachment.get_filename() == f"2027-03-01-day-01-{person}.pdf"
        pdf = tmp_path / f"{person}.pdf"
        pdf.write_bytes(attachment.get_content())
        assert pdf.read_bytes().startswith(b"%PDF") and f"YOUR CALL {call}" in pdf_text(pdf)
    outsider = messages[GUARANTOR]
    assert outsider["Subject"] == "Day 1 call sheet rev 1 (WHITE)"  # everyone's copy: no call of their own
    assert [a.get_filename() for a in outsider.iter_attachments()] == ["2027-03-01-day-01.pdf"]
    assert "YOUR CALL" not in texts(outsider, tmp_path)


def test_a_copy_holds_only_what_its_recipient_may_see(office: tuple[Path, Inbox], tmp_path: Path) -> None:
    folder, inbox = office
    assert send(folder)[0] == 0
    for address, message in inbox.messages().items():
        readable = texts(message, tmp_path)
        assert "Lindenweg" not in readable  # Tom's home address: private by default
        assert "3333333" not in readable  # Lea's phone: private
        assert readable.count("YOUR CALL") <= 1 and "Ole Hansen ·" not in readable.split("Hello")[0]
        if address != "ole@hansen.example":
            assert "YOUR CALL 08:15" not in readable  # nobody gets someone else's strip


def test_the_log_says_who_got_which_revision_and_is_committed(office: tuple[Path, Inbox]) -> None:
    folder, inbox = office
    assert send(folder)[0] == 0
    log = folder / "sent" / "callsheet" / "day-01" / "rev-1.yaml"
    text = log.read_text(encoding="utf-8")
    assert text.startswith("# What coord sent of the call sheet callsheet/day-01, Rev 1 · White, made from commit ")
    records = yaml.safe_load(text)
    assert len(text.splitlines()) == 2 + len(records)  # one line per delivery: two offices' logs merge line by line
    ids = {message["Message-ID"] for message in inbox.messages().values()}
    assert {r["to"] for r in records} == {"pia", "tom", "lea", "mira", "finn", GUARANTOR}
    assert {r["status"] for r in records} == {"sent"} and {r["message_id"] for r in records} == ids
    assert git(folder, "status", "--porcelain") == ""
    assert git(folder, "log", "-1", "--format=%s").strip() == "Sent call sheet callsheet/day-01: 6 delivered"
    assert git(folder, "log", "-1", "--name-only", "--format=").split() == ["sent/callsheet/day-01/rev-1.yaml"]


def test_a_refused_recipient_is_reported_the_others_arrive_and_a_re_run_sends_only_to_them(office: tuple[Path, Inbox]) -> None:
    folder, inbox = office
    inbox.refuse.add("tom@testfilms.example")
    code, output = send(folder)
    assert code == 1
    assert "not sent to Tom Reuter <tom@testfilms.example>: 550 5.1.1 mailbox unavailable" in output
    assert output.splitlines()[-1] == (
        "Error: 1 of 6 messages were not sent (listed above): fix what is said and run the same command again; "
        "it sends only to those not yet served"
    )
    assert set(inbox.messages()) == {*CALLS, GUARANTOR} - {"tom@testfilms.example"}
    records = yaml.safe_load((folder / "sent" / "callsheet" / "day-01" / "rev-1.yaml").read_text(encoding="utf-8"))
    (tom,) = [r for r in records if r["to"] == "tom"]
    assert tom["status"] == "failed" and tom["reason"] == "550 5.1.1 mailbox unavailable"

    inbox.refuse.clear()
    code, output = send(folder)
    assert code == 0, output
    assert "callsheet/day-01: Rev 1 · White, as published before" in output
    assert output.splitlines()[-2:] == ["sent 1 messages", "5 already had this revision (see the log in sent/): not sent again"]
    assert set(inbox.messages()) == {*CALLS, GUARANTOR}  # Tom's arrived; nobody got a second one

    code, output = send(folder)
    assert code == 0 and output.splitlines()[-1] == "6 already had this revision (see the log in sent/): not sent again"
    assert len(inbox.received) == 6


def test_a_new_revision_goes_to_everyone_again_with_a_log_of_its_own(office: tuple[Path, Inbox]) -> None:
    folder, inbox = office
    assert send(folder)[0] == 0
    edit_day(folder / "schedule.yaml", 1, 'makeup: "07:15"', 'makeup: "07:05"')
    commit(folder, "Mira earlier in make-up")
    code, output = send(folder)
    assert code == 0, output
    assert len(inbox.received) == 12
    latest = {tuple(r): m for r, m in inbox.received[6:]}
    mira = next(content for (to,), content in latest.items() if to == "jana@falk.example")
    assert b"Day 1 call sheet rev 2 (BLUE): your call 07:05" in mira
    assert sorted(p.name for p in (folder / "sent" / "callsheet" / "day-01").iterdir()) == ["rev-1.yaml", "rev-2.yaml"]


def test_someone_without_an_address_is_reported_not_skipped(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox = Inbox()
    with smtp_server(inbox) as port:
        folder = prepare(minimal, monkeypatch, mail_settings(port))
        edit(folder / "cast.yaml", "  email: ole@hansen.example\n", "")
        commit(folder, "Ole has no e-mail")
        result = invoke("validate", str(folder))
        assert "warning: Ole Hansen has no e-mail address, so the callsheet of this rule cannot reach them" in result.output
        code, output = send(folder)
    assert code == 1
    assert "not sent to Ole Hansen: no e-mail address: add email: to finn in cast.yaml" in output
    assert "Error: 1 of 6 messages were not sent" in output
    assert len(inbox.messages()) == 5


def test_uncommitted_changes_are_refused_before_anything_is_sent(office: tuple[Path, Inbox]) -> None:
    folder, inbox = office
    edit_day(folder / "schedule.yaml", 1, "crew_call: 7:30", "crew_call: 7:00")
    code, output = send(folder)
    assert code == 1 and "schedule.yaml in" in output and "have changes that are not committed" in output.replace("has", "have")
    assert inbox.received == [] and not (folder / "sent").exists()


def test_two_runs_at_once_send_every_message_once(office: tuple[Path, Inbox]) -> None:
    """Both wait while the lock is held elsewhere, then race for it: one sends, the other finds everyone served."""
    folder, inbox = office
    command = [sys.executable, "-m", "coord", "publish", "callsheet", "1", "--send", "-C", str(folder)]
    env = {**os.environ, **IDENTITY}
    with Record(folder).lock():
        runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env) for _ in range(2)]
        for run in runs:
            assert run.stdout is not None
            assert run.stdout.readline() == "another coord publish is running in this repository; waiting for it to finish ...\n"
        assert inbox.received == []
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert set(inbox.messages()) == {*CALLS, GUARANTOR}  # each once: messages() fails on a second one
    assert sorted(o.splitlines()[-1] for o in outputs) == [
        "6 already had this revision (see the log in sent/): not sent again",
        "sent 6 messages",
    ]


def test_the_password_comes_from_the_environment(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox = Inbox()
    with smtp_server(inbox, password="harbour-7") as port:
        folder = prepare(minimal, monkeypatch, mail_settings(port, username="office@testfilms.example"))
        monkeypatch.setitem(sys.modules, "keyring", None)  # no keyring installed: the environment only
        monkeypatch.delenv("COORD_SMTP_PASSWORD", raising=False)
        code, output = send(folder)
        assert code == 1 and output == (
            "Error: there is no password for office@testfilms.example at 127.0.0.1: set it in the environment "
            "(export COORD_SMTP_PASSWORD=...) or store it in the system keyring "
            "(keyring set coord-smtp:127.0.0.1 office@testfilms.example)\n"
        )
        monkeypatch.setenv("COORD_SMTP_PASSWORD", "wrong")
        code, output = send(folder)
        assert (
            code == 1 and "refused the login of office@testfilms.example (535 5.7.8 Authentication credentials invalid)" in output
        )
        assert inbox.received == []
        monkeypatch.setenv("COORD_SMTP_PASSWORD", "harbour-7")
        code, output = send(folder)
    assert code == 0, output
    assert len(inbox.messages()) == 6


def test_the_password_comes_from_the_system_keyring(minimal: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("COORD_SMTP_PASSWORD", raising=False)
    before = keyring.get_keyring()
    keyring.set_keyring(PlaintextKeyring())
    inbox = Inbox()
    try:
        with smtp_server(inbox, password="from-the-keyring") as port:
            keyring.set_password("coord-smtp:127.0.0.1", "office@testfilms.example", "from-the-keyring")
            folder = prepare(minimal, monkeypatch, mail_settings(port, username="office@testfilms.example"))
            code, output = send(folder)
    finally:
        keyring.set_keyring(before)
    assert code == 0, output
    assert len(inbox.messages()) == 6


def test_a_password_in_production_yaml_is_refused_at_its_line(minimal: Path) -> None:
    append(minimal / "production.yaml", mail_settings(25) + "  password: hunter2\n")
    result = invoke("validate", str(minimal), "--format", "json")
    found = [f for f in yaml.safe_load(result.output)["findings"] if f["level"] == "error"]
    assert [(f["file"], f["line"], f["message"]) for f in found] == [
        ("production.yaml", 19, "password: a password must never be written into a file of the production's repository")
    ]
    assert found[0]["hint"] == (
        "set the environment variable named by password_env (COORD_SMTP_PASSWORD), or store it in the system keyring"
    )
    assert "hunter2" not in result.output


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, made with openssl."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def server_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    return context


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_starttls_and_ssl_with_a_login(
    security: str, certificate: tuple[Path, Path], minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))  # the client trusts our own certificate, as it would a real one
    monkeypatch.setenv("COORD_SMTP_PASSWORD", "harbour-7")
    inbox = Inbox()
    tls = {"starttls": server_context(certificate)} if security == "starttls" else {"implicit_tls": server_context(certificate)}
    with smtp_server(inbox, password="harbour-7", **tls) as port:
        folder = prepare(minimal, monkeypatch, mail_settings(port, security, "office@testfilms.example"))
        code, output = send(folder)
    assert code == 0, output
    assert len(inbox.messages()) == 6


def test_an_untrusted_certificate_or_a_server_without_starttls_is_a_clear_error(
    certificate: tuple[Path, Path], minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = Inbox()
    with smtp_server(inbox, implicit_tls=server_context(certificate)) as first:
        folder = prepare(minimal, monkeypatch, mail_settings(first, "ssl"))
        code, output = send(folder)
    assert code == 1 and f"no secure connection to the mail server 127.0.0.1:{first}: " in output
    assert "CERTIFICATE_VERIFY_FAILED" in output
    with smtp_server(inbox) as second:
        edit(folder / "production.yaml", f"  port: {first}\n  security: ssl", f"  port: {second}\n  security: starttls")
        commit(folder, "STARTTLS")
        code, output = send(folder)
    assert code == 1 and output.startswith(f"Error: the mail server 127.0.0.1:{second} does not offer STARTTLS")
    assert inbox.received == []


def test_typed_values_stay_text_in_both_parts_and_cannot_add_a_header(office: tuple[Path, Inbox]) -> None:
    folder, inbox = office
    edit(folder / "locations.yaml", "  name: Old Harbour\n", '  name: "Old <b>Harbour</b> & *Pier 7*"\n')
    edit(folder / "cast.yaml", "  actor: Jana Falk\n", '  actor: "Jana Falk\\nBcc: spy@example.com"\n')
    commit(folder, "Odd values")
    assert send(folder)[0] == 0
    message = inbox.messages()["jana@falk.example"]
    assert message["Bcc"] is None and message["To"] == '"Jana Falk Bcc: spy@example.com" <jana@falk.example>'
    plain, html = message.get_body(("plain",)), message.get_body(("html",))
    assert plain is not None and html is not None
    assert "Location: Old <b>Harbour</b> & *Pier 7*, Kehrwieder 2" in plain.get_content()
    assert "Location: Old &lt;b&gt;Harbour&lt;/b&gt; &amp; *Pier 7*, Kehrwieder 2" in html.get_content()
    assert "<b>Harbour" not in html.get_content()


def test_the_message_is_a_template_the_production_can_replace(office: tuple[Path, Inbox]) -> None:
    folder, inbox = office
    (folder / "templates").mkdir()
    (folder / "templates" / "mail.callsheet.md.j2").write_text(
        "Moin {{ mail.greeting }}\n\n{% if personal %}**{{ personal.call }}** *bitte pünktlich*{% endif %}\n", encoding="utf-8"
    )
    commit(folder, "Our own message")
    assert send(folder)[0] == 0
    message = inbox.messages()["jana@falk.example"]
    plain, html = message.get_body(("plain",)), message.get_body(("html",))
    assert plain is not None and html is not None
    assert plain.get_content() == "Moin Hello Jana Falk,\n\n**07:15** *bitte pünktlich*\n"
    assert "<p><strong>07:15</strong> <em>bitte pünktlich</em></p>" in html.get_content()


def test_the_short_notice_change_of_day_3_reaches_everyone_as_revision_2_with_their_changes_first(
    example_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole story on the example: rev 1 sent, the schedule changes, committed, rev 2 sent: colour, tag, changes, order, log."""
    inbox = Inbox()
    with smtp_server(inbox) as port:
        edit(
            example_copy / "production.yaml",
            "  host: smtp.harbourlights-film.de\n  port: 587\n  security: starttls\n",
            f"  host: 127.0.0.1\n  port: {port}\n  security: none\n",
        )
        edit(example_copy / "production.yaml", "  username: office@harbourlights-film.de\n", "")
        in_git(example_copy, monkeypatch)
        first = invoke("publish", "callsheet", "3", "--format", "md", "--send", "-C", str(example_copy))
        assert first.exit_code == 0, first.output
        change_day_3(example_copy)
        changed = commit(example_copy, "Day 3: the pilot's house instead of the customs office")
        second = invoke("publish", "callsheet", "3", "--format", "md", "--send", "-C", str(example_copy))
    assert second.exit_code == 0, second.output
    lines = second.output.splitlines()
    assert lines[0] == "callsheet/day-03: Rev 2 · Blue, tagged callsheet/day-03/rev-2"
    assert tag_commit(example_copy, "callsheet/day-03/rev-2") == changed
    assert lines[1:3] == ["  Changes since revision 1:", "  - Crew call 07:00 → 06:30"]
    for kind in ("  - Scene 41 added (moved from day 15)", "  - Scene 39 moved to day 5", "  - Location: Henrik's house",
                 "  - Thea Brandes (Props Master): call 06:30 → 06:00", "  - Pickup for #2 Clara Sandmann now 05:40 from Hotel Elbblick Altona"):  # fmt: skip
        assert any(line.startswith(kind) for line in lines), kind
    recipients = 46 + 9  # all crew and all cast of the example
    assert len(inbox.received) == 2 * recipients
    latest = Inbox(received=inbox.received[recipients:]).messages()
    clara = latest["clara.sandmann@posteo.de"]
    assert clara["Subject"] == "Day 3 call sheet rev 2 (BLUE): your call 06:45"
    text = plain_text(clara)
    mine = text.index("- **Pickup for #2 Clara Sandmann now 05:40 from Hotel Elbblick Altona**")
    assert mine < text.index("- Crew call 07:00 → 06:30")  # hers first, the crew's after
    text = plain_text(latest["ralf.janssen@licht-janssen.de"])
    assert text.index("- **Crew call 07:00 → 06:30**") < text.index("- Scene 41 added")  # he follows the crew call
    log = example_copy / "sent" / "callsheet" / "day-03"
    assert sorted(p.name for p in log.iterdir()) == ["rev-1.yaml", "rev-2.yaml"]
    records = yaml.safe_load((log / "rev-2.yaml").read_text(encoding="utf-8"))
    assert len(records) == recipients and {r["status"] for r in records} == {"sent"}
    assert git(example_copy, "status", "--porcelain") == ""
