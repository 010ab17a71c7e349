"""E-mail: each recipient's message built with the standard library's `email` package, and handed to an SMTP server.

The body is a Markdown template (`mail.md.j2`, which a production replaces like any
template, also for one document: `mail.callsheet.md.j2`) rendered with the
recipient's own copy's context, every value escaped as in every Markdown document.
Its text, less the backslashes that keep typed values literal, is the plain part;
the `markdown` package makes the HTML part from it, with raw HTML switched off so
that nothing typed in a production file becomes markup in a mail reader.

The SMTP password comes from an environment variable, or else from the system
keyring when the `keyring` package is installed: never from a file.

Mail knows messages, not productions: it imports no part of the data layer.
"""

from __future__ import annotations

import os
import re
import smtplib
import ssl
from dataclasses import dataclass
from email.errors import MessageError
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr, formatdate, make_msgid
from pathlib import Path
from types import TracebackType
from typing import Any

from coord.errors import CoordError
from coord.output import write_atomic
from coord.render import Renderer

#: The ports a server of each kind listens on, when production.yaml gives none.
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
#: The keyring service a password is stored under: `keyring set coord-smtp:HOST USERNAME`.
KEYRING_SERVICE = "coord-smtp:{host}"
#: What escape_markdown backslash-escapes, so that the plain part can show the values as typed.
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]<>#|!~^$@&+\-.:=])")
TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class Server:
    """How to reach the production's SMTP server and whom the messages come from."""

    host: str
    port: int
    security: str
    sender: str
    sender_name: str
    reply_to: str | None = None
    username: str | None = None
    password_env: str = "COORD_SMTP_PASSWORD"  # noqa: S105 - the name of a variable, not a password


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    mime: str


@dataclass(frozen=True)
class Letter:
    """One recipient's message: who, the subject, the plain and HTML body, the files attached."""

    to_name: str
    to_address: str
    subject: str
    text: str
    html: str
    attachments: tuple[Attachment, ...] = ()
    revision: str = ""


class Undelivered(Exception):
    """The server would not take one message; the others still go. Carries the server's reason."""


def body(renderer: Renderer, template: str, context: dict[str, Any]) -> tuple[str, str]:
    """The plain and the HTML part of a message from its Markdown template."""
    import markupsafe

    markdown_text = renderer.text(template, "md", context)
    plain = _ESCAPED.sub(r"\1", markdown_text)
    # Safe: every value was escaped into the Markdown, and to_html shows raw HTML as text.
    html = markupsafe.Markup(to_html(markdown_text))  # noqa: S704
    page = renderer.text("mail.html.j2", "html", {**context, "body": html})
    return plain, page


def to_html(markdown_text: str) -> str:
    """Markdown as HTML, with every backslash escape of escape_markdown honoured and raw HTML shown as text."""
    import markdown

    converter = markdown.Markdown(extensions=["sane_lists"])
    converter.ESCAPED_CHARS = [*converter.ESCAPED_CHARS, *"<>&@|~^$:="]
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return str(converter.convert(markdown_text))


def _header(value: str) -> str:
    """A value on one header line: a line break in a typed name must not start a new header."""
    return " ".join(value.split())


def message(letter: Letter, server: Server) -> EmailMessage:
    """The message as it goes to the server: plain and HTML alternatives, then the attachments.

    Undelivered, saying why, when something of it cannot be put into a message (an address outside plain
    ASCII, which SMTP does not carry as written): that recipient fails, the others still go.
    """
    for whose, address in (("the recipient's", letter.to_address), ("the sender's", server.sender)):
        if not address.isascii():
            raise Undelivered(
                f"{whose} address has characters outside plain ASCII, which mail cannot carry as written: "
                "write its domain in the ASCII form coord validate gives, or ask for another address"
            )
    try:
        return _message(letter, server)
    except (UnicodeError, ValueError, MessageError) as err:
        raise Undelivered(f"the message cannot be made: {err}") from None


def _message(letter: Letter, server: Server) -> EmailMessage:
    msg = EmailMessage(policy=SMTP)
    msg["From"] = formataddr((_header(server.sender_name), server.sender))
    msg["To"] = formataddr((_header(letter.to_name), letter.to_address))
    if server.reply_to:
        msg["Reply-To"] = server.reply_to
    msg["Subject"] = _header(letter.subject)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid("coord", domain=server.sender.rsplit("@", 1)[-1])
    if letter.revision:
        msg["X-Coord-Revision"] = letter.revision
    msg.set_content(letter.text)
    msg.add_alternative(letter.html, subtype="html")
    for attachment in letter.attachments:
        maintype, subtype = attachment.mime.split("/", 1)
        msg.add_attachment(attachment.data, maintype=maintype, subtype=subtype, filename=attachment.filename)
    return msg


def write_eml(path: Path, msg: EmailMessage) -> None:
    """A message as a .eml file, which any mail program opens: what --dry-run writes instead of sending."""
    write_atomic(path, msg.as_bytes())


def password(server: Server) -> str | None:
    """The login password: from the environment variable, else the system keyring; None when no login is needed."""
    if not server.username:
        return None
    value = os.environ.get(server.password_env)
    if value:
        return value
    service = KEYRING_SERVICE.format(host=server.host)
    value = _from_keyring(service, server.username)
    if value:
        return value
    raise CoordError(
        f"there is no password for {server.username} at {server.host}: set it in the environment "
        f"(export {server.password_env}=...) or store it in the system keyring (keyring set {service} {server.username})"
    )


def _from_keyring(service: str, username: str) -> str | None:
    """The keyring is optional: without the package, or without a keyring on the system, there is no password there."""
    try:
        import keyring
        import keyring.errors
    except ImportError:
        return None
    try:
        found = keyring.get_password(service, username)
    except keyring.errors.KeyringError:
        return None
    return str(found) if found else None


class Outbox:
    """One connection to the server for a run; a message it refuses is reported, and the next one still goes."""

    def __init__(self, server: Server, secret: str | None):
        self.server = server
        self._secret = secret
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> Outbox:
        self._smtp = self._connect()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                self._smtp.close()

    def _connect(self) -> smtplib.SMTP:
        server = self.server
        where = f"{server.host}:{server.port}"
        context = ssl.create_default_context()
        step = "connect"
        try:
            if server.security == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(server.host, server.port, timeout=TIMEOUT_SECONDS, context=context)
            else:
                smtp = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT_SECONDS)
                if server.security == "starttls":
                    step = "starttls"
                    smtp.starttls(context=context)
            if server.username:
                step = "login"
                smtp.login(server.username, self._secret or "")
        except smtplib.SMTPNotSupportedError:
            if step == "starttls":
                raise CoordError(
                    f"the mail server {where} does not offer STARTTLS: set security: ssl in production.yaml "
                    "(for a server on port 465), or none for a relay on your own network"
                ) from None
            raise CoordError(
                f"the mail server {where} offers no login: leave out username: in production.yaml's mail:, "
                "or check its security: (many servers offer the login only over starttls or ssl)"
            ) from None
        except smtplib.SMTPAuthenticationError as err:
            raise CoordError(
                f"the mail server {where} refused the login of {server.username} ({_reason(err)}): "
                f"check the password in {server.password_env} or the keyring"
            ) from None
        except ssl.SSLError as err:
            raise CoordError(f"no secure connection to the mail server {where}: {err.reason or err}") from None
        except (smtplib.SMTPException, OSError, UnicodeError) as err:  # UnicodeError: a host name no resolver takes
            raise CoordError(
                f"cannot reach the mail server {where}: {_reason(err)}; check mail: host, port and security in production.yaml"
            ) from None
        return smtp

    def send(self, msg: EmailMessage, to: str) -> None:
        """Hand one message to the server; Undelivered, with the server's reason, when it is not taken."""
        for attempt in (1, 2):
            if self._smtp is None:
                try:
                    self._smtp = self._connect()
                except CoordError as err:
                    raise Undelivered(str(err)) from None
            try:
                refused = self._smtp.send_message(msg, from_addr=self.server.sender, to_addrs=[to])
            except smtplib.SMTPRecipientsRefused as err:
                raise Undelivered(_reason(err.recipients.get(to))) from None
            except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError, smtplib.SMTPNotSupportedError) as err:
                raise Undelivered(_reason(err)) from None
            except (smtplib.SMTPServerDisconnected, OSError) as err:
                self._smtp = None  # connect again for the next try, or the next message
                if attempt == 2:
                    raise Undelivered(f"the connection to the server broke off: {err}") from None
                continue
            if to in refused:
                raise Undelivered(_reason(refused[to]))
            return


def _reason(err: Any) -> str:
    """What the server said: `550 mailbox unavailable`."""
    if isinstance(err, tuple) and len(err) == 2:
        code, text = err
        return f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}".strip()
    if isinstance(err, smtplib.SMTPResponseException):
        return _reason((err.smtp_code, err.smtp_error))
    return str(err) or type(err).__name__
