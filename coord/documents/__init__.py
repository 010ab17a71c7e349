"""The documents coord makes: a registry, one module per document, and `common` for what they share.

Each document module registers one `Document`: its name, the inputs whose errors
block it, where its files go, how its items (files) and their contexts are made,
and which formats and exports it offers. The build loop (coord.build) and the CLI
read the registry, so a new document is its own module here, its templates and one
CLI command.

A context holds only strings, numbers, booleans, lists and dicts, with every word
and figure already formatted, so one context feeds the Markdown, HTML and Typst
templates alike and its hash tells whether a file must be rebuilt. Exports are
plain data too (CSV rows, vCard and iCalendar records); coord.exports turns them
into bytes.

What belongs here: what a document shows. Documents import the model, the plan
questions (coord.plan), privacy, labels and sun times; never checks, the build,
rendering or the CLI. Only the build, publishing (coord.publish, and coord.changes for
the words documents share), the CLI and tests import documents.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

Context = dict[str, Any]
#: The printed formats every document is rendered to by default.
PRINTED = ("pdf", "html", "md", "docx")


@dataclass(frozen=True)
class Item:
    """One file set of a document: its name without extension, its context, its export data, and whether it is private.

    A private item (the office copy of the contact list) is written readable by its owner only.
    `variants` name the production templates that may replace the document's own for this
    item, most specific first: a call sheet of day 3 tries `callsheet.day-03.typ` before `callsheet.typ`.
    """

    name: str
    context: Context
    exports: Mapping[str, Any] = field(default_factory=dict)
    private: bool = False
    variants: tuple[str, ...] = ()


#: Given an export's data and what was remembered beside it last time (None: nothing),
#: the data to write and what to remember now (None: unchanged). The calendar's SEQUENCE uses it.
Remember = Callable[[Any, Any], tuple[Any, Any]]


@dataclass(frozen=True)
class Document:
    """What a document needs and offers, declared in one place."""

    name: str
    title: str
    inputs: tuple[str, ...]
    out: str
    make: Callable[..., list[Item]]
    formats: tuple[str, ...] = PRINTED
    exports: tuple[str, ...] = ()
    remember: Remember | None = None
    #: For a document that is always private (no copy for everyone): why it is never e-mailed, and what to do instead.
    unsent: str = ""

    @property
    def offered(self) -> tuple[str, ...]:
        return (*self.formats, *self.exports)


_DOCUMENTS: dict[str, Document] = {}


def register(document: Document) -> Document:
    _DOCUMENTS[document.name] = document
    return document


def registry() -> Mapping[str, Document]:
    """Every document, each module imported on first use (so `coord --help` imports none of them)."""
    _import_every_module()
    return MappingProxyType(_DOCUMENTS)


@functools.cache
def _import_every_module() -> None:
    """Once per process, all of them, even when one was imported (and registered itself) before."""
    for module in pkgutil.iter_modules(__path__):
        if module.name != "common":
            importlib.import_module(f"{__name__}.{module.name}")


def document(name: str) -> Document:
    return registry()[name]
