"""What the tests of revisions, changes and distribution share: a real git repository, a prepared set of changes, a real SMTP server."""

from __future__ import annotations

import contextlib
import email
import email.policy
import os
import re
import socket
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from coord.revisions import Record

IDENTITY = {
    "GIT_AUTHOR_NAME": "Nadia Rahimi",
    "GIT_AUTHOR_EMAIL": "nadia@harbourlights.example",
    "GIT_COMMITTER_NAME": "Nadia Rahimi",
    "GIT_COMMITTER_EMAIL": "nadia@harbourlights.example",
}


def git(folder: Path, *args: str) -> str:
    env = {**os.environ, **IDENTITY}
    done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def in_git(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make `folder` a git repository with everything committed; coord's own git calls know who commits."""
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)
    git(folder, "init", "-q", "-b", "main")
    (folder / ".gitignore").write_text("out/\n", encoding="utf-8")
    commit(folder, "Start")
    return folder


def commit(folder: Path, message: str) -> str:
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", message)
    return git(folder, "rev-parse", "HEAD").strip()


def edit_day(path: Path, day: int, old: str, new: str) -> None:
    """Replace one exact piece of shoot day `day`'s entry in schedule.yaml."""
    text = path.read_text(encoding="utf-8")
    found = re.search(rf"(?:^|\n)- day: {day}\n", text)
    assert found, f"no day {day} in {path.name}"
    start = found.start()
    end = text.find("\n- ", start + 1)
    end = len(text) if end < 0 else end
    block = text[start:end]
    assert block.count(old) == 1, f"{old!r} is not exactly once in day {day}"
    path.write_text(text[:start] + block.replace(old, new) + text[end:], encoding="utf-8")


def edit_pickup(path: Path, day: int, person: str, old: str, new: str) -> None:
    """Replace one exact piece of `person`'s pickup on `day` in transport.yaml (an empty `new` drops the whole pickup)."""
    text = path.read_text(encoding="utf-8")
    match = re.search(rf"  - day: {day}\n    time: [^\n]+\n    person: {person}\n(?:    [^\n]+\n)*", text)
    assert match, f"no pickup of {person} on day {day}"
    entry = match[0]
    replaced = "" if not new and not old else entry.replace(old, new)
    assert old == "" or entry.count(old) == 1, f"{old!r} is not exactly once in the pickup"
    path.write_text(text[: match.start()] + replaced + text[match.end() :], encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not exactly once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def change_day_3(folder: Path) -> None:
    """A short-notice change of every kind to day 3 of the example production, as a 1st AD would make it."""
    schedule, transport = folder / "schedule.yaml", folder / "transport.yaml"
    edit_day(schedule, 3, 'crew_call: "07:00"', 'crew_call: "06:30"')
    edit_day(schedule, 3, 'scenes: ["38", "21", "17", "39"]', 'scenes: ["38", "41", "21", "17"]')
    edit_day(schedule, 15, 'scenes: ["40", "41", "42"]', 'scenes: ["40", "42"]')
    edit_day(schedule, 5, 'scenes: ["22", "12", "12A", "13"]', 'scenes: ["22", "12", "12A", "13", "39"]')
    edit_day(schedule, 3, "locations: [customs-office, cafe-anker]", "locations: [pilot-house, cafe-anker]")
    edit_day(schedule, 3, 'makeup: "06:30"\n    transport', 'makeup: "06:00"\n    transport')
    edit_day(schedule, 3, 'thea-brandes: "06:30"', 'thea-brandes: "06:00"')
    edit_day(schedule, 3, '- cast: lena\n      pickup: "06:10"', '- cast: lena\n      pickup: "05:40"')
    edit_day(schedule, 3, '- cast: kessler\n      pickup: "06:00"\n      makeup: "07:00"\n      wardrobe: "07:25"\n      on_set: "07:45"',
             '- cast: kessler\n      pickup: "06:00"\n      makeup: "07:00"\n      wardrobe: "07:25"\n      on_set: "08:15"')  # fmt: skip
    edit_day(schedule, 3, '    - cast: marta\n      pickup: "14:30"\n      makeup: "15:00"\n      wardrobe: "15:25"\n      on_set: "15:45"\n'
             "      remarks: Picked up to Café Ankerplatz (second location).\n", "")  # fmt: skip
    edit_day(schedule, 3, "count: 6", "count: 10")
    edit_day(schedule, 3, "(approx. 15:00)", "(approx. 14:00)")
    edit_day(schedule, 3, "  safety:\n", '  safety:\n    - "Wet cobbles at the pilot house: non-slip boots."\n')
    edit_pickup(transport, 3, "lena", 'time: "06:10"', 'time: "05:40"')
    edit_pickup(transport, 3, "lena", "from: home", "from: hotel-elbblick")
    # Lena stays at the hotel the night before, so that the early pickup is from there.
    edit(
        folder / "hotels.yaml",
        "m.soerensen@hotel-elbblick.de\n  bookings:\n",
        "m.soerensen@hotel-elbblick.de\n  bookings:\n    - {guest: lena, check_in: 2027-03-02, check_out: 2027-03-03, room: single}\n",
    )
    edit_pickup(transport, 3, "dries", "vehicle: van-1", "vehicle: car-2")
    edit_pickup(transport, 3, "marta", "", "")
    edit(folder / "crew" / "lighting-grip.yaml", '"+49 172 4410 8863"', '"+49 172 4410 9999"')
    edit(folder / "cast.yaml", '"+49 176 4417 0925"', '"+49 176 0000 0000"')  # Clara's phone is private: never named


# ---- a real SMTP server on loopback ---------------------------------------------------


@dataclass
class Inbox:
    """What the server received, by recipient; `refuse` are addresses it answers 550."""

    refuse: set[str] = field(default_factory=set)
    received: list[tuple[list[str], bytes]] = field(default_factory=list)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append((list(envelope.rcpt_tos), bytes(envelope.content)))
        return "250 Message accepted for delivery"

    def messages(self) -> dict[str, EmailMessage]:
        """Each message by its one recipient (coord sends every recipient their own)."""
        found: dict[str, EmailMessage] = {}
        for recipients, content in self.received:
            assert len(recipients) == 1, recipients
            assert recipients[0] not in found, f"{recipients[0]} got two messages"
            # as a mail program shows it: the wire's CRLF line ends read as plain ones
            found[recipients[0]] = email.message_from_bytes(content.replace(b"\r\n", b"\n"), policy=email.policy.default)  # type: ignore[assignment]
        return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def mail_settings(port: int, security: str = "none", username: str | None = None) -> str:
    """production.yaml's mail: for the loopback server."""
    lines = ["mail:", "  host: 127.0.0.1", f"  port: {port}", f"  security: {security}", "  sender: office@testfilms.example"]
    lines += ["  reply_to: pia@testfilms.example"] + ([f"  username: {username}"] if username else [])
    return "\n" + "\n".join(lines) + "\n"


@contextlib.contextmanager
def smtp_server(
    inbox: Inbox, starttls: ssl.SSLContext | None = None, implicit_tls: ssl.SSLContext | None = None, password: str = ""
) -> Iterator[int]:
    """A real SMTP server (aiosmtpd) on a loopback port, optionally with STARTTLS, implicit TLS and a login; yields the port."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    options: dict[str, Any] = {}
    if password:

        def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
            return AuthResult(success=isinstance(data, LoginPassword) and data.password == password.encode(), handled=False)

        # over implicit TLS aiosmtpd does not know the session is encrypted: it must not hold the login back
        options.update(authenticator=authenticator, auth_require_tls=starttls is not None)
    if starttls is not None:
        options.update(tls_context=starttls, require_starttls=True)
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), ssl_context=implicit_tls, **options)
    controller.start()
    try:
        yield int(controller.port)
    finally:
        controller.stop()


def tag_commit(folder: Path, tag: str) -> str:
    return git(folder, "rev-parse", f"{tag}^{{commit}}").strip()


def revisions(folder: Path, key: str) -> list[int]:
    return [p.number for p in Record(folder).revisions(key)]
