"""Publishing a document: a numbered, coloured revision, recorded in git, saying what changed, sent to the right people.

`coord publish DOCUMENT [ARGS]` works for every document of the registry, with the
arguments of the document's own command. Each item the document makes (the call
sheet of one day, the contact list) is a revision unit of its own, named by its
day variant (`callsheet/day-03`) or its name. A run:

1. refuses while the production's files differ from their commit (a revision must
   be made again from its commit alone), holding the repository's publish lock
   throughout, so two runs at once neither number nor send twice;
2. makes the items from the files as they are, and compares each with the same item
   made from the production at its last revision's commit: unchanged, this is that
   revision again (a re-run); changed, it is the next revision, with the changes
   since the last one (coord.changes);
3. renders it with the revision's label, colour and changes, tags the commit
   (`callsheet/day-03/rev-2`, an annotated tag whose message lists the changes);
4. with `--send`, e-mails everyone distribution.yaml names their own copy and
   appends each delivery to the revision's log (coord.distribution), which is then
   committed; those the log says were served are not sent it again. `--dry-run`
   records nothing and leaves the published files alone: it writes the documents
   and the messages (.eml files) to a folder of its own, `out/dry-run/`.

This is the only module besides the CLI that runs the build; only the CLI imports it.
"""

from __future__ import annotations

import datetime as dt
import inspect
import mimetypes
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coord import changes as ch
from coord import distribution as dist
from coord import labels as lb
from coord import mail
from coord import model as m
from coord.build import Outcome, load_for, write
from coord.documents import Context, Document, Item, document
from coord.documents.common import common_context
from coord.errors import CoordError
from coord.load import load_folder
from coord.render import Renderer
from coord.revisions import Published, Record, Revision, revision
from coord.sources import GitSource

#: What a publish run never counts as a source: what coord writes itself.
WRITTEN_BY_COORD = ("out", dist.LOG_FOLDER)
#: The folder in the output folder a dry run writes to, so that the published documents stay as published.
DRY_RUN_FOLDER = "dry-run"


@dataclass
class Issue:
    """One item of a document as this run publishes it: its revision, what it is since, and the changes."""

    key: str
    item: Item
    revision: Revision
    new: bool
    since: int | None
    changes: list[ch.Change]
    day: int | None
    published: Published | None = None
    label: str = ""
    box: Context | None = None


@dataclass
class Delivery:
    """What became of one recipient's copy: sent, failed (with the reason), served before, unreachable, or written."""

    key: str
    recipient: dist.Recipient
    status: str
    reason: str = ""
    path: Path | None = None


SERVED_BEFORE = "served before"
WRITTEN = "written"


@dataclass
class Run:
    """What a publish run did: the revisions, the files written, every delivery, and a log that could not be committed."""

    issues: list[Issue]
    outcome: Outcome
    deliveries: list[Delivery] = field(default_factory=list)
    log_problem: str = ""
    #: How many distribution.yaml names for the document (when sending or writing messages at all).
    recipients: int | None = None
    #: Where a dry run wrote its documents and messages.
    dry_run_folder: Path | None = None


def publish(
    root: Path,
    name: str,
    formats: tuple[str, ...],
    out_dir: Path | None,
    options: dict[str, Any],
    send: bool = False,
    dry_run: bool = False,
    waiting: Callable[[], None] = lambda: None,
    progress: Callable[[Delivery], None] = lambda _d: None,
) -> Run:
    """Publish the items of document `name` made with `options`; `send` e-mails them, `dry_run` writes .eml files."""
    doc = document(name)
    if options.get("person"):
        raise CoordError(
            "coord publish makes the revision everyone gets, so --for is not used here: "
            "--send (or --dry-run) makes each recipient's own copy"
        )
    record = Record(root)
    dry_run_folder = (out_dir or root / "out") / DRY_RUN_FOLDER if dry_run else None
    target = dry_run_folder / doc.out if dry_run_folder else out_dir or root / "out" / doc.out
    with record.lock(waiting):
        head = record.head()
        if not dry_run:
            record.require_committed([*WRITTEN_BY_COORD, *_inside(root, target)])
        mailing = send or dry_run
        folder = load_for(root, (*doc.inputs, "distribution") if mailing else doc.inputs)
        issues = _issues(root, record, doc, folder, options)
        if mailing and any(issue.item.private for issue in issues):
            raise CoordError(_never_sent(doc, options))
        server = _server(folder.production, for_sending=send) if mailing else None
        secret = mail.password(server) if send and server else None
        recipients = dist.recipients(folder, doc.name) if mailing else []
        copies, served_before = _copies(root, doc, folder, options, issues, recipients)
        general = [_with_revision(issue.item, issue, folder.production) for issue in issues]
        own = {copy.item.name: copy.item for copy in copies if copy.item.name not in {g.name for g in general}}
        outcome = write(root, doc, [*general, *own.values()], formats, target)
        if not dry_run:
            for issue in issues:
                if issue.published is None:
                    issue.published = record.tag(issue.key, issue.revision.number, head, _tag_message(doc, issue, folder))
        run = Run(issues, outcome, served_before, recipients=len(recipients) if mailing else None, dry_run_folder=dry_run_folder)
        if server is not None:
            _deliver(_Mailing(root, doc, folder, server, formats, target), secret, copies, run, dry_run, progress)
            if send:
                _commit_logs(record, root, doc, run)
        return run


def _never_sent(doc: Document, options: dict[str, Any]) -> str:
    """Why a private item is not e-mailed, and what the office can do instead: its copy for everyone, or hand it on."""
    if options.get("office"):
        return f"this {doc.title} is the office copy, with private data, and is never sent: leave out --office to send the copy for everyone"
    reason = doc.unsent or (
        "it holds private data. Publish it without --send or --dry-run to record its revision, then hand its files on yourself"
    )
    return f"the {doc.title} is never sent by e-mail: {reason}"


def _inside(root: Path, target: Path) -> list[str]:
    """The output folder as a path in the production folder, when it is inside it."""
    try:
        return [target.resolve().relative_to(root.resolve()).as_posix()]
    except ValueError:
        return []


def revision_key(doc: Document, item: Item) -> str:
    """What an item's revisions are counted by: its day variant (`callsheet/day-03`), else its name (`contacts`)."""
    part = item.variants[0] if item.variants else item.name
    return doc.name if part == doc.name else f"{doc.name}/{part}"


def shoot_day(item: Item) -> int | None:
    """The shoot day an item is of, by its `day-NN` variant: its changes are that day's."""
    for variant in item.variants:
        match = re.fullmatch(r"day-(\d+)", variant)
        if match:
            return int(match[1])
    return None


class _Loads:
    """The production at each commit it is compared at, loaded once."""

    def __init__(self, root: Path):
        self.root = root
        self._at: dict[str, m.ProductionFolder] = {}

    def at(self, commit: str) -> m.ProductionFolder:
        if commit not in self._at:
            folder, _findings = load_folder(GitSource(self.root, commit))
            if folder is None:
                raise CoordError(f"the production cannot be read at commit {commit[:10]}: its production.yaml is unusable there")
            self._at[commit] = folder
        return self._at[commit]


def _issues(root: Path, record: Record, doc: Document, folder: m.ProductionFolder, options: dict[str, Any]) -> list[Issue]:
    """Each item's revision: the last one again when the item is as it was then, else the next one."""
    loads = _Loads(root)
    colours = folder.production.revision_colours
    issues = []
    for item in doc.make(folder, **options):
        key, day = revision_key(doc, item), shoot_day(item)
        history = record.revisions(key)
        if not history:
            issues.append(Issue(key, item, revision(1, colours), True, None, [], day))
            continue
        last = history[-1]
        then = loads.at(last.commit)
        if _same(doc, item, key, then, options):
            before = history[-2] if len(history) > 1 else None
            found = ch.changes(loads.at(before.commit), then, doc.inputs, day) if before else []
            issue = Issue(key, item, revision(last.number, colours), False, before.number if before else None, found, day, last)
        else:
            found = ch.changes(then, folder, doc.inputs, day)
            issue = Issue(key, item, revision(last.number + 1, colours), True, last.number, found, day)
        issues.append(issue)
    for issue in issues:
        shown = revision_context(issue, folder.production)
        issue.label, issue.box = shown["revision"], shown["changes"]
    return issues


def _same(doc: Document, item: Item, key: str, then: m.ProductionFolder, options: dict[str, Any]) -> bool:
    """Whether the item made from the production at the last revision is the same as now: then it is that revision."""
    try:
        earlier = doc.make(then, **options)
    except CoordError:  # the day or person asked for did not exist then
        return False
    match = next((e for e in earlier if revision_key(doc, e) == key), None)
    return match is not None and (match.context, dict(match.exports)) == (item.context, dict(item.exports))


def revision_context(issue: Issue, production: m.Production, person: str | None = None) -> Context:
    """What a document prints of its revision: the label, the colour, the changes box (theirs first in a personal copy)."""
    language = production.language
    changes = ch.box(issue.changes, issue.since, language, person) if issue.since is not None else None
    return {"revision": issue.revision.label(language), "revision_colour": issue.revision.hex, "changes": changes}


def _with_revision(item: Item, issue: Issue, production: m.Production, person: str | None = None) -> Item:
    return Item(
        item.name, {**item.context, **revision_context(issue, production, person)}, item.exports, item.private, item.variants
    )


def _tag_message(doc: Document, issue: Issue, folder: m.ProductionFolder) -> str:
    language = folder.production.language
    lines = [f"{doc.title} {issue.key}: {issue.revision.label(language)}"]
    if issue.since is not None:
        lines += ["", lb.labels(language)["changes_since"].format(number=issue.since) + ":"]
        lines += [f"- {change.text}" for change in issue.changes] or [f"- {lb.labels(language)['changes_none']}"]
    return "\n".join(lines)


def _server(production: m.Production, for_sending: bool) -> mail.Server:
    settings = production.mail
    title = production.title
    name = lb.labels(production.language)["mail_sender"].format(title=title)
    if settings is not None:
        return mail.Server(
            host=settings.host,
            port=settings.port or mail.DEFAULT_PORTS[settings.security],
            security=settings.security,
            sender=settings.sender,
            sender_name=settings.sender_name or name,
            reply_to=settings.reply_to,
            username=settings.username,
            password_env=settings.password_env,
        )
    office = production.office.email if production.office else None
    if for_sending or not office:
        raise CoordError(
            "production.yaml has no mail: settings, so coord cannot send e-mail: add mail: with host, port, security and "
            "sender (see docs/format.md), or use --dry-run to write the messages as .eml files"
        )
    return mail.Server(host="", port=0, security="none", sender=office, sender_name=name)


# ---- each recipient's copy ----------------------------------------------------------------


@dataclass(frozen=True)
class Copy:
    """What one recipient gets of one item: their own copy or everyone's, and whose changes come first in the message."""

    issue: Issue
    recipient: dist.Recipient
    item: Item
    reader: str | None


def _copies(
    root: Path,
    doc: Document,
    folder: m.ProductionFolder,
    options: dict[str, Any],
    issues: list[Issue],
    recipients: list[dist.Recipient],
) -> tuple[list[Copy], list[Delivery]]:
    """The copy each recipient not yet served gets of each item (their own where the document makes one), and those served."""
    personal = "person" in inspect.signature(doc.make).parameters
    own: dict[str, dict[str, Item]] = {}
    copies, served_before = [], []
    for issue in issues:
        done = dist.served(dist.log_path(root, issue.key, issue.revision.number))
        everyone = _with_revision(issue.item, issue, folder.production)
        for recipient in recipients:
            if recipient.id in done:
                served_before.append(Delivery(issue.key, recipient, SERVED_BEFORE))
                continue
            person = recipient.person
            theirs = None
            if personal and person and recipient.address:
                if person not in own:
                    own[person] = _own_copies(doc, folder, options, issues, person)
                theirs = own[person].get(issue.key)
            item = _with_revision(theirs, issue, folder.production, person) if theirs else everyone
            copies.append(Copy(issue, recipient, item, person))
    return copies, served_before


def _own_copies(
    doc: Document, folder: m.ProductionFolder, options: dict[str, Any], issues: list[Issue], person: str
) -> dict[str, Item]:
    """The person's own copy of each item, by revision key; none where the document has none for them (not called that day)."""
    try:
        made = doc.make(folder, **{**options, "person": person})
    except CoordError:
        return {}
    if len(made) == len(issues) == 1:
        return {issues[0].key: made[0]}  # one item each, told apart by name only (the calendar)
    return {revision_key(doc, item): item for item in made}


def _files(doc: Document, copy: Item, formats: tuple[str, ...], target: Path) -> list[mail.Attachment]:
    attached = []
    for fmt in dict.fromkeys(formats):
        if fmt in doc.offered:
            path = target / f"{copy.name}.{fmt}"
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            attached.append(mail.Attachment(path.name, path.read_bytes(), mime))
    return attached


def _subject(doc: Document, issue: Issue, copy: Item, language: str) -> str:
    """What a phone shows of the message: `Day 3 call sheet rev 2 (BLUE): your call 06:15`."""
    words = lb.labels(language)
    title = words.get(f"document_{doc.name}", doc.title)
    what = words["mail_subject_day"].format(day=issue.day, document=title) if issue.day else title[:1].upper() + title[1:]
    colour = issue.revision.colour_name(language).upper()
    subject = words["mail_subject"].format(what=what, number=issue.revision.number, colour=colour)
    personal = copy.context.get("personal")
    if isinstance(personal, dict) and personal.get("call"):
        subject += ": " + words["mail_your_call"].format(call=personal["call"])
    return subject


def essentials(context: Context) -> dict[str, Any]:
    """What a message says of a shoot day's document beside the attachment: the day, the crew call and where.

    Read from the document's context for every document alike (the call sheet's times are a record, the
    report's a table), so that the mail template only prints what is there.
    """
    day, times, locations = context.get("day"), context.get("times"), context.get("locations")
    if not (isinstance(day, dict) and day.get("of")):
        return {"day": "", "crew_call": "", "locations": []}
    return {
        "day": f"{day['of']} · {day['weekday']}, {day['date']}",
        "crew_call": (times.get("crew_call") or "") if isinstance(times, dict) else "",
        "locations": [
            {"name": loc["name"], "address": loc.get("address") or "", "map_url": loc.get("map_url") or ""}
            for loc in locations or []
            if isinstance(loc, dict) and loc.get("name")
        ],
    }


@dataclass
class _Mailing:
    """What building and sending the messages of a run needs."""

    root: Path
    doc: Document
    folder: m.ProductionFolder
    server: mail.Server
    formats: tuple[str, ...]
    target: Path

    def letter(self, renderer: Renderer, template: str, copy: Copy) -> mail.Letter:
        production = self.folder.production
        language = production.language
        words = lb.labels(language)
        issue, recipient = copy.issue, copy.recipient
        attached = _files(self.doc, copy.item, self.formats, self.target)
        subject = _subject(self.doc, issue, copy.item, language)
        context = {
            **common_context(production),
            **copy.item.context,
            **revision_context(issue, production, copy.reader),
            "mail": {
                "subject": subject,
                "greeting": words["mail_greeting"].format(name=recipient.name),
                "attached": words["mail_attached"].format(files=", ".join(a.filename for a in attached)) if attached else "",
                "revision": issue.revision.label(language),
                **essentials(copy.item.context),
            },
        }
        text, html = mail.body(renderer, template, context)
        tag = issue.published.tag if issue.published else f"{issue.key}/rev-{issue.revision.number}"
        return mail.Letter(recipient.name, recipient.address or "", subject, text, html, tuple(attached), tag)

    def log(self, delivery: Delivery, issue: Issue, message_id: str) -> None:
        published = issue.published
        assert published is not None  # noqa: S101 - a sending run has tagged every revision
        label = issue.revision.label(self.folder.production.language)
        header = (
            f"What coord sent of the {self.doc.title} {issue.key}, {label}, made from commit {published.commit}.\n"
            "One line per delivery; coord publish --send appends to it. Keep it in git."
        )
        recipient = delivery.recipient
        record = {
            "to": recipient.id,
            "name": recipient.name,
            "address": recipient.address,
            "channel": recipient.channel,
            "status": delivery.status,
            "at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "message_id": message_id,
        }
        if delivery.reason:
            record["reason"] = delivery.reason
        dist.append(dist.log_path(self.root, issue.key, issue.revision.number), record, header)

    def unreachable(self, recipient: dist.Recipient) -> str:
        people: list[m.CrewMember | m.CastMember] = [*self.folder.crew, *self.folder.cast]
        entry = next((p for p in people if p.id == recipient.person), None)
        where = f" to {recipient.person} in {entry.pos.file}" if entry else ""
        return f"no e-mail address: add email:{where}"


def _deliver(
    mailing: _Mailing, secret: str | None, copies: list[Copy], run: Run, dry_run: bool, progress: Callable[[Delivery], None]
) -> None:
    """Build every message; write them as .eml (dry run) or hand them to the server one by one, logging each."""
    renderer = Renderer(mailing.root)
    template = renderer.template("mail", "md", (mailing.doc.name,))
    letters = []
    for copy in copies:
        try:
            if copy.recipient.address is None:
                raise mail.Undelivered(mailing.unreachable(copy.recipient))
            letters.append((copy, mail.message(mailing.letter(renderer, template, copy), mailing.server)))
        except mail.Undelivered as err:  # no address, or one mail cannot carry: this one fails, the others still go
            delivery = Delivery(copy.issue.key, copy.recipient, dist.FAILED, str(err))
            if not dry_run:
                mailing.log(delivery, copy.issue, "")
            run.deliveries.append(delivery)
            progress(delivery)
    if dry_run:
        for copy, msg in letters:
            issue = copy.issue
            folder = mailing.target.parent / "mail" / issue.key / f"rev-{issue.revision.number}"
            path = folder / f"{_file_name(copy.recipient.id)}.eml"
            mail.write_eml(path, msg)
            delivery = Delivery(issue.key, copy.recipient, WRITTEN, path=path)
            run.deliveries.append(delivery)
            progress(delivery)
        return
    if not letters:
        return
    with mail.Outbox(mailing.server, secret) as outbox:
        for copy, msg in letters:
            try:
                outbox.send(msg, copy.recipient.address or "")
                delivery = Delivery(copy.issue.key, copy.recipient, dist.SENT)
            except mail.Undelivered as err:
                delivery = Delivery(copy.issue.key, copy.recipient, dist.FAILED, str(err))
            mailing.log(delivery, copy.issue, str(msg["Message-ID"]))
            run.deliveries.append(delivery)
            progress(delivery)


def _file_name(recipient: str) -> str:
    return re.sub(r"[^A-Za-z0-9._@-]+", "-", recipient)


def _commit_logs(record: Record, root: Path, doc: Document, run: Run) -> None:
    """Commit the logs this run added to, so that the record is in git for a fresh clone; say so when git will not."""
    keys = {d.key for d in run.deliveries if d.status in (dist.SENT, dist.FAILED)}
    paths = [dist.log_path(root, i.key, i.revision.number) for i in run.issues if i.key in keys]
    if not paths:
        return
    sent = sum(d.status == dist.SENT for d in run.deliveries)
    failed = sum(d.status == dist.FAILED for d in run.deliveries)
    message = f"Sent {doc.title} {', '.join(sorted(keys))}: {sent} delivered" + (f", {failed} failed" if failed else "")
    try:
        record.commit(paths, message)
    except CoordError as err:
        run.log_problem = f"the distribution log is written but not committed ({err}); commit {', '.join(map(str, paths))}"


# ---- coord diff -----------------------------------------------------------------------------


@dataclass
class Comparison:
    """The changes of one item since a revision (or commit), as the document's box would print them."""

    key: str
    since: str
    box: Context


def compare(root: Path, name: str, options: dict[str, Any], since: str | None = None) -> list[Comparison]:
    """What changed in each item of document `name` since its last revision (or `since`): the files as they are now, committed or not."""
    doc = document(name)
    record = Record(root)
    folder = load_for(root, doc.inputs)
    loads = _Loads(root)
    found = []
    for item in doc.make(folder, **options):
        key = revision_key(doc, item)
        history = record.revisions(key)
        number, commit, label = _base(record, key, history, since)
        person = options.get("person")
        changes = ch.changes(loads.at(commit), folder, doc.inputs, shoot_day(item))
        found.append(Comparison(key, label, ch.box(changes, number or label, folder.production.language, person)))
    return found


def _base(record: Record, key: str, history: list[Published], since: str | None) -> tuple[int | None, str, str]:
    """The revision (number, commit, how to name it) a comparison starts from: the last one, a number, or any git revision."""
    if since is None or since.isdigit():
        if not history:
            raise CoordError(
                f"{key} has no published revision yet, so there is nothing to compare with: coord publish makes "
                "revision 1, or give --since with a commit, tag or branch"
            )
        wanted = history[-1] if since is None else next((p for p in history if p.number == int(since)), None)
        if wanted is None:
            numbers = ", ".join(str(p.number) for p in history)
            raise CoordError(f"{key} has no revision {since}; its revisions are {numbers}")
        return wanted.number, wanted.commit, wanted.tag
    return None, since, since
