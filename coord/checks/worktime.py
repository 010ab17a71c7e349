"""Working time: the production names a profile coord knows."""

from __future__ import annotations

from coord import model as m
from coord.checks import Reporter, check
from coord.kinds import suggest
from coord.worktime import PROFILES


@check("working-time-profile", reads=("production",))
def working_time_profile(folder: m.ProductionFolder, out: Reporter) -> None:
    name = folder.production.working_time
    if name is None or name.lower() in PROFILES:
        return
    hint = "choose one of: " + ", ".join(PROFILES)
    close = suggest(name.lower(), list(PROFILES))
    out.error(
        folder.production.at("working_time"),
        f'working_time: "{name}" is not one of the allowed values',
        f'did you mean "{close}"? {hint}' if close else hint,
    )
