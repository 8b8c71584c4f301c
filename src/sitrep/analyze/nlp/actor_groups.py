"""Actor phrases that name a state or a people rather than a role: "the Serbian
government", "Bosnian Serbs", "ethnic Albanians" (helpers of
:class:`sitrep.analyze.nlp.actors.ActorFinder`, kept apart to keep that module short)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from sitrep.analyze.nlp.actor_lexicon import ETHNIC_HEADS
from sitrep.analyze.nlp.records import ActorIdentity, Mention

if TYPE_CHECKING:
    from sitrep.analyze.nlp.actors import ActorFinder

__all__ = ["Owner", "people_of", "state_mentions"]


@dataclass(slots=True)
class Owner:
    """A phrase's owner: a KB country or organisation, or a demonym (entry None)."""

    start: int
    end: int
    country: str | None
    entry: Any | None


def state_mentions(finder: ActorFinder, doc: Doc, owners: list[Owner], title_end: int,
                   identities: dict[str, ActorIdentity]) -> list[Mention]:
    """"The Serbian government", "Mali's military government", "the Taliban regime":
    a country's state word names the country itself; an organisation's names the
    organisation as a government."""
    result: list[Mention] = []
    for k, owner in enumerate(owners):
        end = title_end if k == len(owners) - 1 else owner.end
        entry = owner.entry
        if entry is None and owner.country is not None and owner.country in finder.kb_ids:
            entry = finder.entry(owner.country)
        if entry is None:
            continue
        if entry.kind == "country":
            actor = finder.identity(identities, entry.name, "country", entry.country,
                                   entry.sector or "GOV")
        else:
            actor = finder.identity(identities, f"{entry.name} government", "organization",
                                   entry.country, "GOV")
        result.append(Mention(owner.start, end, doc[owner.start].idx,
                              doc[end - 1].idx + len(doc[end - 1]), actor, "kb"))
    return result

def people_of(finder: ActorFinder, doc: Doc, owners: list[Owner],
              identities: dict[str, ActorIdentity]) -> Mention | None:
    """A people living in another state, named by two demonyms ("Bosnian Serbs",
    "Croatian Serbs": the first is the state), by "ethnic" ("ethnic Albanians") or by
    a community noun ("the Serb minority"); for the last two the state is left to the
    context. Civilians, as plural demonyms are."""
    if not owners or owners[-1].entry is not None:
        return None
    last = owners[-1]
    end = last.end
    if end < len(doc) and _plural_demonym(finder, doc[end].text):
        start, end, country = last.start, end + 1, last.country
    elif len(owners) == 1 and last.start > 0 and doc[last.start - 1].lower_ == "ethnic" \
            and _plural_demonym(finder, doc[last.start:end].text):
        start, country = last.start - 1, None
    elif len(owners) == 1 and end < len(doc) and doc[end].lower_ in ETHNIC_HEADS:
        # "the Albanian population of Montenegro", "the Hungarian minority in Slovakia"
        start, end, country = last.start, end + 1, None
    else:
        return None
    actor = finder.identity(identities, doc[start:end].text, "group", country, "CVL")
    return Mention(start, end, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]),
                   actor, "demonym", plural=True)

def _plural_demonym(finder: ActorFinder, word: str) -> bool:
    return word.endswith("s") and word[:1].isupper() and word.replace(" ", "").isalpha() \
        and finder.demonym_country(word) is not None
