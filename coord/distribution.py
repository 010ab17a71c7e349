"""Who receives which document (distribution.yaml), and the log of what was sent to whom, kept in the repository.

A rule of distribution.yaml names documents and who gets them: crew or cast ids,
departments, groups and plain e-mail addresses. The built-in groups come from the
data: all cast, all crew, heads of department (`head_of_department: yes` in
crew.yaml), producers (a role with "producer" in it) and drivers (the drivers of the
vehicles in transport.yaml, and crew whose role says driver); `groups:` may add
groups or redefine these.

The log of a revision is one file, `sent/<document>/<item>/rev-N.yaml`, one line per
delivery appended as it happens (flushed to disk before the next message), so a
run that stops half-way knows whom it served, two offices' logs of different
revisions never touch, and the record is in git for a fresh clone.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from coord import kinds as k
from coord import model as m
from coord.errors import CoordError
from coord.findings import Pos

#: The groups every production has, worked out from its files.
BUILT_IN = ("all cast", "all crew", "heads of department", "producers", "drivers")
#: Where the logs are kept, inside the production folder.
LOG_FOLDER = "sent"
SENT = "sent"
FAILED = "failed"


@dataclass(frozen=True)
class Recipient:
    """Someone a document goes to: a crew or cast member (`person`, for their own copy) or an address from outside."""

    id: str
    name: str
    address: str | None
    channel: str
    person: str | None = None


@dataclass(frozen=True)
class Problem:
    """A name in distribution.yaml that means nobody, where it was written, and what to do."""

    pos: Pos
    message: str
    hint: str


def group_key(name: str) -> str:
    """Group and department names compare without regard to case or spacing: `All Crew` is `all crew`."""
    return " ".join(name.split()).casefold()


@dataclass
class Resolver:
    """Turns the names of distribution.yaml into the people (crew and cast ids) and addresses they stand for."""

    folder: m.ProductionFolder
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        folder = self.folder
        self.crew = {c.id: c for c in folder.crew}
        self.cast = {c.id: c for c in folder.cast}
        drivers = {v.driver for v in folder.transport.vehicles if v.driver}
        self.built_in: dict[str, list[str]] = {
            "all cast": [c.id for c in folder.cast],
            "all crew": [c.id for c in folder.crew],
            "heads of department": [c.id for c in folder.crew if c.head_of_department],
            "producers": [c.id for c in folder.crew if re.search(r"producer|produzent", c.role or "", re.I)],
            "drivers": [c.id for c in folder.crew if c.id in drivers or re.search(r"driver|fahrer", c.role or "", re.I)],
        }
        self.groups = {group_key(name): (name, members) for name, members in folder.distribution.groups.items()}
        self.departments = {group_key(d): d for d in m.DEPARTMENTS}

    def members(self, name: str, pos: Pos, seen: tuple[str, ...] = ()) -> list[str]:
        """The crew and cast ids and e-mail addresses `name` stands for; a name that means nobody is a Problem."""
        if name in self.crew or name in self.cast:
            return [name]
        key = group_key(name)
        if "@" in name and key not in self.groups:
            try:
                return [k.Email.check(name)]
            except k.Invalid as err:  # one the mail could not carry, or no address at all
                self.problems.append(Problem(pos, f'"{name}": {err.message}', err.hint))
                return []
        if key in self.groups:
            written, entries = self.groups[key]
            where = self.folder.distribution.at("groups", written)
            if key in seen:
                chain = " → ".join([*seen, key])
                self.problems.append(Problem(where, f'the group "{written}" contains itself ({chain})', "remove the loop"))
                return []
            return [member for entry in entries for member in self.members(entry, where, (*seen, key))]
        if key in self.built_in:
            return self.built_in[key]
        if key in self.departments:
            return [c.id for c in self.folder.crew if c.department == self.departments[key]]
        known = [n for n in (*self.crew, *self.cast, *BUILT_IN, *(n for n, _ in self.groups.values()), *m.DEPARTMENTS) if n]
        close = k.suggest(name, known)
        self.problems.append(
            Problem(
                pos,
                f'"{name}" is no crew or cast id, department, group or e-mail address',
                f'did you mean "{close}"?'
                if close
                else "write a crew or cast id, a department, a group (" + ", ".join(BUILT_IN) + ") or an address",
            )
        )
        return []

    def recipients(self, rule: m.Send) -> list[Recipient]:
        """Everyone a rule sends to, each once, in the order written."""
        found: dict[str, Recipient] = {}
        for name in rule.to:
            for member in self.members(name, rule.at("to", name)):
                if member not in found:
                    found[member] = self.recipient(member, rule.channel)
        return list(found.values())

    def recipient(self, member: str, channel: str) -> Recipient:
        if member in self.crew:
            crew = self.crew[member]
            return Recipient(member, crew.name or member, crew.email, channel, member)
        if member in self.cast:
            cast = self.cast[member]
            return Recipient(member, cast.actor or member, cast.email, channel, member)
        return Recipient(member, member, member, channel)


def recipients(folder: m.ProductionFolder, document: str) -> list[Recipient]:
    """Everyone `document` goes to by distribution.yaml, each once (its names were checked with the file).

    A plain address is one mailbox however its letters are cased, and is left out when it is a crew or cast
    member's own address: they get their own copy, once.
    """
    resolver = Resolver(folder)
    found: dict[str, Recipient] = {}
    for rule in folder.distribution.send:
        if document in rule.documents:
            for recipient in resolver.recipients(rule):
                key = recipient.id if recipient.person else (recipient.address or recipient.id).casefold()
                found.setdefault(key, recipient)
    own = {r.address.casefold() for r in found.values() if r.person and r.address}
    return [r for r in found.values() if r.person or (r.address or "").casefold() not in own]


# ---- the log ------------------------------------------------------------------------


def log_path(root: Path, key: str, number: int) -> Path:
    """`sent/callsheet/day-03/rev-2.yaml`: the log of one revision."""
    return root / LOG_FOLDER / key / f"rev-{number}.yaml"


def logged(path: Path) -> list[dict[str, Any]]:
    """The deliveries a log records, oldest first; none when there is no log yet."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    try:
        records = yaml.load(text, Loader=yaml.CSafeLoader) or []
    except yaml.YAMLError as err:
        raise CoordError(
            f"{path} cannot be read ({err}); it is coord's record of what was sent: restore it with git checkout -- {path}"
        ) from None
    if not isinstance(records, list) or not all(isinstance(r, dict) and "to" in r for r in records):
        raise CoordError(f"{path} is not a log of deliveries; restore it with git checkout -- {path}")
    return records


def served(path: Path) -> set[str]:
    """Whom a revision has already reached: they are not sent it again."""
    return {str(r["to"]) for r in logged(path) if r.get("status") == SENT}


def append(path: Path, record: dict[str, Any], header: str) -> None:
    """Add one delivery to the log, on its own line, and make sure it is on disk before the next message goes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists()
    with path.open("a", encoding="utf-8") as handle:
        if new:
            handle.write("".join(f"# {line}\n" for line in header.splitlines()))
        handle.write("- " + json.dumps(record, ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
