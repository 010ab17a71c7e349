"""Working-time rule profiles: the numbers of a union agreement or the law that documents and checks use."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WorkingTime:
    """One profile; times in minutes."""

    name: str
    description: str
    first_meal_within: int


PROFILES = {
    p.name: p
    for p in (
        WorkingTime("de-film", "Germany, film and TV collective agreement (TV FFS): a break after at most 6 hours", 6 * 60),
        WorkingTime("at-film", "Austria, film collective agreement: a break after at most 6 hours", 6 * 60),
        WorkingTime("uk-pact-bectu", "UK, PACT/BECTU agreement: a meal break within 5.5 hours of call", 5 * 60 + 30),
        WorkingTime("us-iatse", "USA, IATSE basic agreement: a meal within 6 hours of call", 6 * 60),
    )
}
DEFAULT = WorkingTime("default", "No profile set: first meal within 6 hours of crew call", 6 * 60)


def profile(name: str | None) -> WorkingTime:
    """The profile of that name, whatever its case; the default one for no name."""
    return PROFILES.get((name or "").lower(), DEFAULT)
