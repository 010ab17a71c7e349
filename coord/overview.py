"""A short summary of a production: what a coordinator wants to see after `coord validate`."""

from __future__ import annotations

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
        f"  {len(folder.scenes)} scenes, {pages} pages",
        f"  {len(folder.crew)} crew in {len(departments)} departments, {len(folder.cast)} cast",
        f"  {len(folder.locations)} locations, {len(folder.hotels)} hotels, {len(folder.equipment)} equipment orders",
        f"  {len(folder.transport.pickups)} pickups, {len(folder.extras)} extras, {len(folder.interns)} interns",
    ]
    return lines
