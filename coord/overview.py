"""A short summary of a production: what a coordinator wants to see after `coord validate`."""

from __future__ import annotations

from collections.abc import Sized

from coord import model as m
from coord.values import Eighths


def summary(folder: m.ProductionFolder) -> list[str]:
    """One line per part of the production, with the figures the office is asked for most."""
    production = folder.production
    days = [d for d in folder.days if d.type == "shoot"]
    dates = sorted(d.date for d in days if d.date)
    departments = {c.department for c in folder.crew}
    pages = sum((s.pages for s in folder.scenes if s.pages), Eighths(0))
    title = production.title + (f", episode {production.episode}" if production.episode else "")
    lines = [f"{title} ({production.type}, {production.company})"]
    if dates:
        lines.append(f"  {len(days)} shoot days from {dates[0]:%a %d %b %Y} to {dates[-1]:%a %d %b %Y}")
    lines += [
        f"  {count(folder.scenes, 'scene')}, {pages} pages",
        f"  {len(folder.crew)} crew in {count(departments, 'department')}, {len(folder.cast)} cast",
        f"  {count(folder.locations, 'location')}, {count(folder.hotels, 'hotel')}, {count(folder.equipment, 'equipment order')}",
        f"  {count(folder.transport.pickups, 'pickup')}, {count(folder.extras, 'extra')}, {count(folder.interns, 'intern')}",
    ]
    return lines


def count(things: Sized, word: str) -> str:
    """`1 location`, `2 locations`."""
    return f"{len(things)} {word}" if len(things) == 1 else f"{len(things)} {word}s"
