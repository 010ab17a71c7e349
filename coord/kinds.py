"""The kinds of value a production file may hold, each turning one YAML node into a Python value.

A kind works from the text as written in the file, never from what YAML 1.1 would
make of it, so `call: 7:30` is half past seven (not 450), `country: NO` stays "NO"
and a phone number keeps its leading zero.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from yaml import MappingNode, Node, ScalarNode, SequenceNode

from coord import values
from coord.errors import quoted

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
#: The longest text we accept in one field; anything longer is a pasting accident.
MAX_TEXT = 5_000


#: Controls that reorder the text around them when it is printed (Unicode's bidirectional embeddings,
#: overrides and isolates): a name holding one can print as something other than what is stored. Refused.
BIDI_CONTROLS = {
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
}
#: Invisible characters with no use in a production's text. A warning: on paper they do no harm, but two texts
#: that look the same then differ (a search, a sort, an address compared with another).
#: Kept without a word: the joiners some scripts and emoji need (U+200C, U+200D), the marks of mixed
#: left-to-right and right-to-left text (U+200E, U+200F, U+061C), the soft hyphen (U+00AD).
INVISIBLE = {
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
    "\ufeff": "zero-width no-break space",
    "\u180e": "Mongolian vowel separator",
    "\u2061": "invisible function application",
    "\u2062": "invisible times",
    "\u2063": "invisible separator",
    "\u2064": "invisible plus",
}


class Invalid(Exception):
    """A value that cannot be used; carries the message and a hint for the coordinator.

    `index` is the character of the value the mistake is at, when it is one character.
    """

    def __init__(self, message: str, hint: str = "", node: Node | None = None, index: int | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.node = node
        self.index = index


def refuse_controls(text: str) -> None:
    """Refuse a bidirectional control or a control character (a tab and a line break are text)."""
    for index, char in enumerate(text):
        if char in BIDI_CONTROLS:
            raise Invalid(
                f"character {index + 1} is a {BIDI_CONTROLS[char]} (U+{ord(char):04X}), an invisible control "
                "that can make the printed text read differently from what is stored",
                "delete it (retype the text around it); it usually comes with text copied from a web page or a chat",
                index=index,
            )
        if unicodedata.category(char) == "Cc" and char not in "\t\n":
            raise Invalid(
                f"character {index + 1} is a control character (U+{ord(char):04X}), which has no place in text",
                "delete it; in double quotes a backslash makes one (\\e, \\x1b): write \\\\ for a backslash itself",
                index=index,
            )


def invisible_characters(text: str) -> list[tuple[int, str]]:
    """Each invisible character of `text` that has no use in it (see INVISIBLE), with its index."""
    return [(index, char) for index, char in enumerate(text) if char in INVISIBLE]


def is_plain(node: ScalarNode) -> bool:
    """Written without quotes (libyaml says '' where the pure-Python parser says None)."""
    return not node.style


def is_missing(node: Node) -> bool:
    """An empty value (`phone:` or `phone: ~`) counts as not given."""
    return isinstance(node, ScalarNode) and node.tag == NULL and is_plain(node)


def describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, SequenceNode):
        return "a list"
    return quoted(node.value)


class Kind:
    """One kind of value; `label` names it in docs/format.md."""

    label = "value"

    def convert(self, node: Node) -> Any:
        raise NotImplementedError


class Scalar(Kind):
    """A kind written as one value on the line, not a list or mapping."""

    def convert(self, node: Node) -> Any:
        if not isinstance(node, ScalarNode):
            raise Invalid(f"expected {self.label}, found {describe(node)}", node=node)
        return self.parse(node.value, node)

    def parse(self, text: str, node: ScalarNode) -> Any:
        raise NotImplementedError


def _number_made_from_text(node: ScalarNode) -> bool:
    """True when YAML 1.1 would turn this unquoted text into a different number than written."""
    if not is_plain(node) or node.tag not in (INT, FLOAT):
        return False
    text = node.value
    return not (re.fullmatch(r"-?[1-9][0-9]*|0", text) or re.fullmatch(r"-?(?:0|[1-9][0-9]*)\.[0-9]+", text))


class Text(Scalar):
    """Text; `private` for what a person may keep private (their home address), which messages never repeat."""

    label = "text"

    def __init__(self, private: bool = False):
        self.private = private

    def parse(self, text: str, node: ScalarNode) -> str:
        if _number_made_from_text(node):
            if self.private:
                raise Invalid("this is read by YAML as a number, not as text", "put it in quotes")
            raise Invalid(f"{text[:40]} is read by YAML as a number, not as text", f"quote it: {quoted(text)}")
        if len(text) > MAX_TEXT:
            raise Invalid(f"text is {len(text):,} characters long; the limit is {MAX_TEXT:,}", "shorten it")
        refuse_controls(text)
        return text.strip()


class Id(Text):
    label = "id"
    _pattern = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")

    def parse(self, text: str, node: ScalarNode) -> str:
        text = super().parse(text, node)
        if not self._pattern.fullmatch(text) or len(text) > 64:
            raise Invalid(f"{quoted(text)} is not a usable id", "use letters, digits, - and _ only, no spaces, e.g. anna-berg")
        return text


class Ref(Id):
    """An id of another entry; whether it exists is checked after loading."""

    def __init__(self, target: str):
        self.target = target
        self.label = f"{target} id"


class SceneNumber(Text):
    label = "scene number"
    _pattern = re.compile(r"[A-Za-z]{0,2}[0-9]+[A-Za-z0-9]*")

    def parse(self, text: str, node: ScalarNode) -> str:
        text = super().parse(text, node)
        if not self._pattern.fullmatch(text):
            raise Invalid(f"{quoted(text)} is not a scene number", "write it as in the script: 12, 12A, 101pt2")
        return text


class Phone(Scalar):
    """A phone number, kept as written. Messages say what is wrong without repeating the number: it may be private."""

    label = "phone"
    _pattern = re.compile(r"\+?[0-9][0-9 ()/.-]*")
    HINT = 'use digits, spaces and a leading + only, e.g. "+49 176 1234567"'

    def parse(self, text: str, node: ScalarNode) -> str:
        if is_plain(node) and (node.tag in (INT, FLOAT) or re.fullmatch(r"[+-]?[0-9_]+", text)):
            raise Invalid(
                "the number is not in quotes, so YAML reads it as a number and it would lose its leading 0 or +",
                'put it in quotes, e.g. phone: "0176 1234567"',
            )
        text = text.strip()
        digits = sum(c in "0123456789" for c in text)
        if not self._pattern.fullmatch(text) or not 3 <= digits <= 20:
            raise Invalid(f"this is not a phone number: {self._why_not(text, digits)}", self.HINT)
        return text

    @staticmethod
    def _why_not(text: str, digits: int) -> str:
        """What is wrong with a phone number, naming no digit of it."""
        if not text:
            return "it is empty"
        if any(c.isalpha() for c in text):
            return "it holds a letter"
        odd = next((c for c in text if c not in "0123456789 ()/.-+"), None)
        if odd is not None:
            return f"it holds {quoted(odd)}, which is not part of a phone number"
        if "+" in text[1:]:
            return "a + may only come first"
        if not text.lstrip("+")[:1].isdigit():
            return "it must start with a digit or +"
        if digits < 3:
            return f"it has only {digits} digit{'s' if digits != 1 else ''}"
        return f"it has {digits} digits; a phone number has at most 20"


class Country(Text):
    label = "country code"

    def parse(self, text: str, node: ScalarNode) -> str:
        code = super().parse(text, node).upper()
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise Invalid(f"{quoted(text)} is not a two-letter country code", "write the ISO code, e.g. DE, AT, NO, GB")
        return code


class Host(Text):
    """A server's name (smtp.example.com) or IP address, as a resolver takes it: ASCII labels of at most 63 characters."""

    label = "server name"
    _label = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")

    def parse(self, text: str, node: ScalarNode) -> str:
        host = super().parse(text, node).strip()
        import ipaddress

        try:
            ipaddress.ip_address(host)
            return host
        except ValueError:
            pass
        if not host.isascii():
            raise Invalid(
                f"{quoted(host)} has letters outside plain ASCII, which a server name cannot have as written",
                f"write it as {ascii_domain(host)}, the same name in its ASCII form",
            )
        labels = host.removesuffix(".").split(".")
        if len(host) > 253 or not all(self._label.fullmatch(part) for part in labels):
            raise Invalid(
                f"{quoted(host)} is not a server name",
                "write it as your mail provider gives it, e.g. smtp.example.com: letters, digits and - between single dots",
            )
        return host


def ascii_domain(domain: str) -> str:
    """A domain's ASCII form as mail and name servers take it today (IDNA 2008): each label in another script
    as `xn--` and its Punycode, so that ß stays ß (xn--strae-oqa.de), where the older rules made it ss."""
    labels = unicodedata.normalize("NFC", domain).lower().split(".")
    return ".".join(label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii") for label in labels)


class Email(Scalar):
    """An e-mail address as SMTP carries it plainly: ASCII only, so every mail server takes it.

    A domain in another script has an ASCII form (IDNA, `xn--...`) that is the same domain; a name before
    the @ outside ASCII has none, so the person has to give another address. Messages say what is wrong
    without repeating the address: it may be private.
    """

    label = "e-mail"
    #: What may stand before the @ unquoted (RFC 5321's dot-atom): anything else needs quoting, which people do not write.
    _local = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
    _domain = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})")
    UNMAILABLE = "this e-mail address cannot be mailed as written"

    def parse(self, text: str, node: ScalarNode) -> str:
        return self.check(text)

    @classmethod
    def check(cls, text: str) -> str:
        """The address, stripped; Invalid when it is none, or one SMTP cannot carry as written."""
        refuse_controls(text)
        text = text.strip()
        problem = cls._why_not(text)
        if problem:
            raise Invalid(f"this is not an e-mail address: {problem}", "write it as name@example.com")
        local, domain = text.split("@")
        cls._check_local(local)
        if not domain.isascii():
            ascii_domain = cls._ascii_domain(domain)
            raise Invalid(
                f"{cls.UNMAILABLE}: the part after the @ has letters outside plain ASCII, which not every mail server takes",
                f"write the part after the @ as {ascii_domain}, the same domain in the ASCII form every server takes",
            )
        if not cls._domain.fullmatch(domain):
            raise Invalid(f"this is not an e-mail address: {cls._why_not_a_domain(domain)}", "write it as name@example.com")
        return text

    @classmethod
    def _check_local(cls, local: str) -> None:
        odd = next((c for c in local if not c.isascii()), None)
        if odd is not None:
            raise Invalid(
                f"{cls.UNMAILABLE}: before the @ it holds {quoted(odd)}, a letter outside plain ASCII that most mail servers refuse",
                "ask the person for another address, with only plain letters, digits and . - _ before the @",
            )
        if not cls._local.fullmatch(local):
            odd = next((c for c in local if not cls._local.fullmatch(c) and c != "."), None)
            where = f"holds {quoted(odd)}" if odd else "has a dot at its start or end, or two dots in a row"
            raise Invalid(
                f"{cls.UNMAILABLE}: the part before the @ {where}",
                "check the address with the person: before the @ only letters, digits and . - _ + are usual",
            )

    @classmethod
    def _ascii_domain(cls, domain: str) -> str:
        """The domain's ASCII form (IDNA), or Invalid when it has none that is a domain name."""
        try:
            ascii_form = ascii_domain(domain)
        except UnicodeError:
            ascii_form = ""
        if not ascii_form or len(ascii_form) > 253 or not cls._domain.fullmatch(ascii_form):
            raise Invalid(
                "this is not an e-mail address: the part after the @ is no domain name, not even in its ASCII form",
                "check the address with the person; write it as name@example.com",
            )
        return ascii_form

    @staticmethod
    def _why_not(text: str) -> str:
        """What makes the text no address at all, or "" when it has the shape of one."""
        if not text:
            return "it is empty"
        if "@" not in text:
            return "it has no @"
        if text.count("@") > 1:
            return "it has more than one @"
        if any(c.isspace() for c in text):
            return "it holds a space"
        if text.startswith("@"):
            return "nothing comes before the @"
        return ""

    @staticmethod
    def _why_not_a_domain(domain: str) -> str:
        odd = next((c for c in domain if not (c.isalnum() or c in ".-")), None)
        if odd is not None:
            return f"the part after the @ holds {quoted(odd)}, which a domain name cannot hold"
        if any(not label or label[0] == "-" or label[-1] == "-" for label in domain.split(".")):
            return "the part after the @ has two dots in a row, or a - at the start or end of a name between its dots"
        return "the part after the @ needs a domain ending such as .com or .de"


class Integer(Scalar):
    def __init__(self, minimum: int = 0, maximum: int = 100_000, label: str = "whole number"):
        self.minimum, self.maximum, self.label = minimum, maximum, label

    def parse(self, text: str, node: ScalarNode) -> int:
        if not re.fullmatch(r"-?[0-9]{1,12}", text.strip()):
            raise Invalid(f"{quoted(text)} is not a whole number", "write digits only, e.g. 12")
        number = int(text)
        if not self.minimum <= number <= self.maximum:
            raise Invalid(f"{number} is out of range; it must be from {self.minimum} to {self.maximum}")
        return number


class Number(Scalar):
    """A decimal number in a range, e.g. a factor of 1.3."""

    def __init__(self, minimum: float, maximum: float, label: str = "number"):
        self.minimum, self.maximum, self.label = minimum, maximum, label

    def parse(self, text: str, node: ScalarNode) -> float:
        if not re.fullmatch(r"-?[0-9]{1,6}(?:\.[0-9]{1,6})?", text.strip()):
            raise Invalid(f'"{text[:40]}" is not a number', "write it with a decimal point, e.g. 1.3")
        number = float(text)
        if not self.minimum <= number <= self.maximum:
            raise Invalid(f"{text.strip()} is out of range; it must be from {self.minimum:g} to {self.maximum:g}")
        return number


class Amount(Scalar):
    label = "amount"

    #: An amount written the German way, with a decimal comma (and maybe points between thousands): 1.234,50.
    _comma = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+),(\d{1,2})")

    def parse(self, text: str, node: ScalarNode) -> Decimal:
        written = text.strip()
        comma = self._comma.fullmatch(written)
        if comma:
            dotted = comma[1].replace(".", "") + "." + comma[2].ljust(2, "0")
            raise Invalid(f"{quoted(text)} is written with a decimal comma", f"write it with a decimal point: {dotted}")
        try:
            amount = Decimal(written)
        except InvalidOperation:
            raise Invalid(f"{quoted(text)} is not an amount", "write it with a decimal point, e.g. 120.50") from None
        if "e" in written.lower() and amount.is_finite():
            raise Invalid(f"{quoted(text)} is not an amount as a contract writes it", f"write it in digits: {amount:.2f}")
        if not amount.is_finite() or amount < 0 or amount > 10_000_000:
            raise Invalid(f"{quoted(text)} is not a sensible amount", "write a positive amount, e.g. 120.50")
        exponent = amount.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -2:
            # A third decimal prints rounded away while the sums still count it: the figures would not add up.
            cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            raise Invalid(f"{text.strip()} has more than two decimals; an amount is in whole cents", f"write {cents}")
        return amount


@functools.cache
def currency_codes() -> dict[str, str]:
    """The ISO 4217 codes in use, with their names (coord/iso4217.txt), read when a currency is first checked."""
    from importlib.resources import files

    text = files("coord").joinpath("iso4217.txt").read_text(encoding="utf-8")
    rows = (line.partition(" ") for line in text.splitlines() if line and not line.startswith("#"))
    return {code: name for code, _, name in rows}


class Currency(Text):
    """An ISO 4217 currency code, e.g. EUR; case does not matter, kept in capitals."""

    label = "currency code"

    def parse(self, text: str, node: ScalarNode) -> str:
        code = super().parse(text, node).upper()
        known = currency_codes()
        if code in known:
            return code
        close = [c for c in known if len(code) == 3 and sum(a != b for a, b in zip(c, code, strict=True)) == 1]
        if close:
            hint = "did you mean " + " or ".join(f"{c} ({known[c]})" for c in close[:3]) + "?"
        else:
            hint = "write the three-letter ISO 4217 code, e.g. EUR, USD, GBP, CHF, DKK"
        raise Invalid(f"{quoted(text.strip())} is not an ISO 4217 currency code", hint)


class Boolean(Scalar):
    label = "yes/no"

    def parse(self, text: str, node: ScalarNode) -> bool:
        lowered = text.strip().lower()
        if lowered in ("yes", "true"):
            return True
        if lowered in ("no", "false"):
            return False
        raise Invalid(f"{quoted(text)} is not yes or no", "write yes or no")


class Date(Scalar):
    label = "date YYYY-MM-DD"

    def parse(self, text: str, node: ScalarNode) -> dt.date:
        match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
        if not match:
            raise Invalid(f"{quoted(text)} is not a date", "write it as YYYY-MM-DD, e.g. 2026-03-02")
        year, month, day = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise Invalid(f"{text} does not exist in the calendar ({_why_not_a_date(year, month, day)})") from None


def _why_not_a_date(year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    length = (following - dt.timedelta(days=1)).day
    return f"{dt.date(year, month, 1):%B %Y} has {length} days"


class Time(Scalar):
    label = "time HH:MM"

    def parse(self, text: str, node: ScalarNode) -> values.Time:
        try:
            return values.parse_time(text)
        except ValueError as err:
            raise Invalid(str(err)) from None


class Duration(Scalar):
    """Screen time as minutes:seconds, e.g. 1:45 (YAML 1.1 alone would read 105)."""

    label = "duration M:SS"

    def parse(self, text: str, node: ScalarNode) -> int:
        match = re.fullmatch(r"(\d{1,3}):([0-5]\d)", text.strip())
        if not match:
            raise Invalid(f"{quoted(text)} is not a duration", "write minutes:seconds, e.g. 1:45")
        return int(match[1]) * 60 + int(match[2])


class Hours(Scalar):
    """A number of hours as a crew writes it, 8, 8.5 or 8:30; kept in minutes."""

    label = "hours, e.g. 8.5 or 8:30"

    def parse(self, text: str, node: ScalarNode) -> int:
        written = text.strip()
        clock = re.fullmatch(r"(\d{1,2}):([0-5]\d)", written)
        if clock:
            minutes = int(clock[1]) * 60 + int(clock[2])
        elif re.fullmatch(r"\d{1,2}(\.\d{1,2})?", written):
            minutes = round(Decimal(written) * 60)
        else:
            raise Invalid(f"{quoted(text)} is not a number of hours", "write hours as 8, 8.5 or 8:30")
        if not 0 < minutes <= 24 * 60:
            raise Invalid(f"{written} hours is not a day's work", "write between 0:01 and 24 hours")
        return minutes


class Span(Scalar):
    """A length of time in hours and minutes, e.g. 11:00, 0:45 or 59:00 (YAML 1.1 alone would read 660 or 45); in minutes."""

    label = "hours H:MM"

    def parse(self, text: str, node: ScalarNode) -> int:
        try:
            return values.parse_hours(text)
        except ValueError as err:
            raise Invalid(str(err)) from None


class Age(Scalar):
    label = "age, e.g. 6 months"

    def parse(self, text: str, node: ScalarNode) -> values.Age:
        try:
            return values.parse_age(text)
        except ValueError as err:
            raise Invalid(str(err)) from None


class Pages(Scalar):
    label = "pages in eighths"

    def parse(self, text: str, node: ScalarNode) -> values.Eighths:
        try:
            return values.parse_eighths(text)
        except ValueError as err:
            raise Invalid(str(err)) from None


class Coordinates(Scalar):
    label = "latitude, longitude"

    def parse(self, text: str, node: ScalarNode) -> values.Coordinates:
        try:
            return values.parse_coordinates(text)
        except ValueError as err:
            raise Invalid(str(err)) from None


@functools.cache
def _places_with_a_time() -> frozenset[str]:
    """The IANA timezones of places (Europe/Berlin, UTC), without the system's own `localtime` or `Factory`."""
    import zoneinfo

    return frozenset(zoneinfo.available_timezones() - {"localtime", "Factory", "posixrules"})


class Timezone(Scalar):
    label = "IANA timezone"

    def parse(self, text: str, node: ScalarNode) -> str:

        name = text.strip()
        known = _places_with_a_time()
        if name in known:
            return name
        by_case = {zone.casefold(): zone for zone in known}
        close = by_case.get(name.casefold()) or suggest(name, sorted(known))
        if name in ("localtime", "Factory", "posixrules"):
            message = f"{quoted(name)} is not a place: times would depend on the computer that reads them"
        else:
            message = f"{quoted(name)} is not a known timezone"
        hint = f'did you mean "{close}"?' if close else "use an IANA name such as Europe/Berlin or America/New_York"
        raise Invalid(message, hint)


class Refused(Kind):
    """A key that must never be given (a password in a file of the repository): any value is an error saying why."""

    label = "not allowed"

    def __init__(self, message: str, hint: str):
        self.message, self.hint = message, hint

    def convert(self, node: Node) -> Any:
        raise Invalid(self.message, self.hint, node)


class Choice(Scalar):
    """One of a fixed set of words; case does not matter, the canonical spelling is kept."""

    def __init__(self, *choices: str):
        self.choices = choices
        self._by_lower = {c.lower(): c for c in choices}
        self.label = "one of: " + ", ".join(choices)

    def parse(self, text: str, node: ScalarNode) -> str:
        found = self._by_lower.get(text.strip().lower())
        if found is None:
            hint = "choose one of: " + ", ".join(self.choices)
            close = suggest(text.strip().lower(), list(self._by_lower))
            if close:
                hint = f'did you mean "{self._by_lower[close]}"? ' + hint
            raise Invalid(f"{quoted(text)} is not one of the allowed values", hint)
        return found


def suggest(word: str, candidates: list[str]) -> str | None:
    import difflib

    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


class ListOf(Kind):
    def __init__(self, item: Kind):
        self.item = item
        self.label = f"list of {item.label}"


class MapOf(Kind):
    """A mapping with keys chosen by the user (departments, people) rather than fixed field names."""

    def __init__(self, key: Scalar, value: Kind):
        self.key, self.value = key, value
        self.label = f"{key.label}: {value.label}"


class Record(Kind):
    """A nested mapping with fixed fields, loaded into the dataclass `cls`.

    `shorthand` names the fields that one plain value sets all at once: `working_time: de-film`
    is `working_time: {crew: de-film, cast: de-film}`.
    """

    def __init__(self, cls: type, shorthand: tuple[str, ...] = ()):
        self.cls = cls
        self.shorthand = shorthand
        self.label = "text, or mapping" if shorthand else "mapping"
