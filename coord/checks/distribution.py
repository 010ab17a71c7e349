"""Distribution: every name in distribution.yaml means someone, everyone a document goes to can be reached, mail is set up."""

from __future__ import annotations

from coord import kinds as k
from coord import model as m
from coord.checks import Reporter, check
from coord.distribution import Resolver
from coord.errors import quoted


@check("distribution", reads=("distribution", "crew", "cast", "transport", "production"))
def distribution(folder: m.ProductionFolder, out: Reporter) -> None:
    plan = folder.distribution
    resolver = Resolver(folder)
    unreachable: dict[str, m.Send] = {}
    for rule in plan.send:
        for recipient in resolver.recipients(rule):
            if recipient.address is None:
                unreachable.setdefault(recipient.id, rule)
    for name in plan.groups:
        resolver.members(name, plan.at("groups", name))
    _documents_named(plan, out)
    for problem in dict.fromkeys(resolver.problems):
        out.error(problem.pos, problem.message, problem.hint)
    for person, rule in unreachable.items():
        entry = resolver.crew.get(person) or resolver.cast[person]
        name = resolver.recipient(person, rule.channel).name
        out.warning(
            rule.at("to"),
            f"{name} has no e-mail address, so the {', '.join(rule.documents)} of this rule cannot reach them",
            f"add 'email:' to {person} at {entry.pos}, or take them out of this rule",
        )
    if plan.send and folder.production.mail is None:
        out.warning(
            plan.send[0].pos,
            "distribution.yaml says who gets what, but production.yaml has no mail: settings, so coord publish --send cannot send",
            "add mail: with host, port, security and sender to production.yaml (see docs/format.md)",
        )


def _documents_named(plan: m.Distribution, out: Reporter) -> None:
    """Each document a rule sends is one coord makes: a misspelt one would be found only when publishing."""
    known = out.options.documents
    if known is None:
        return
    for rule in plan.send:
        for name in rule.documents:
            if name not in known:
                close = k.suggest(name, sorted(known))
                out.error(
                    rule.at("documents", name),
                    f"there is no document {quoted(name)}",
                    (f'did you mean "{close}"? ' if close else "") + "the documents are: " + ", ".join(sorted(known)),
                )
