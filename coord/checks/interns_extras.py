"""Interns and extras: the people who work under an agreement of their own."""

from __future__ import annotations

from coord import model as m
from coord.checks import Reporter, check


@check("interns", reads=("interns", "crew"))
def interns(folder: m.ProductionFolder, out: Reporter) -> None:
    crew = {c.id: c for c in folder.crew}
    placed = {i.crew for i in folder.interns}
    for internship in folder.interns:
        member = crew.get(internship.crew)
        if member is not None and not member.intern:
            out.error(
                internship.at("crew"),
                f"{internship.crew} has an internship but is not marked as an intern",
                f"add 'intern: yes' to {internship.crew} in crew.yaml",
            )
        if internship.supervisor == internship.crew:
            out.error(
                internship.at("supervisor"), "an intern cannot supervise themselves", "name the crew member who looks after them"
            )
        if internship.lacks("agreement_signed"):
            out.warning(
                internship.at("agreement_signed"),
                f"the internship of {internship.crew} has no signed agreement",
                "record the date the agreement was signed under 'agreement_signed:'",
            )
        elif internship.agreement_signed and internship.start and internship.agreement_signed > internship.start:
            out.warning(
                internship.at("agreement_signed"),
                f"the agreement of {internship.crew} was signed {internship.agreement_signed}, after the internship started",
                "an intern should not work before the agreement is signed",
            )
        if internship.start and internship.end and internship.end < internship.start:
            out.error(
                internship.at("end"),
                f"the internship ends {internship.end}, before it starts {internship.start}",
                "swap the dates",
            )
    for member in folder.crew:
        if member.intern and member.id not in placed:
            out.warning(
                member.at("intern"),
                f"{member.id} is an intern without an entry in interns.yaml",
                "record their agreement in interns.yaml",
            )
