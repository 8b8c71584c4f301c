"""Actor phrases that name a state or a people rather than a role: "the Serbian
government", "Bosnian Serbs", "ethnic Albanians" (helpers of
:class:`sitrep.analyze.nlp.actors.ActorFinder`, kept apart to keep that module short)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from sitrep.analyze.nlp.actor_lexicon import (
    ETHNIC_HEADS,
    ETHNIC_WORDS,
    PORTFOLIO_HEADS,
    ActorWords,
)
from sitrep.analyze.nlp.records import ActorIdentity, Mention, TokenView, tokens_of

if TYPE_CHECKING:
    from sitrep.analyze.nlp.actors import ActorFinder

__all__ = ["COUNTERPART_WORDS", "REBEL_MODIFIERS", "TARGET_SECTORS", "Owner",
           "counterpart_sectors", "names_its_targets",
           "org_name_end", "org_sector", "people_of", "portfolio_end", "portfolio_title",
           "rebel_force_sector", "state_mentions"]


@dataclass(slots=True)
class Owner:
    """A phrase's owner: a KB country or organisation, or a demonym (entry None);
    ``people`` when the owner names an ethnic or religious group ("Yoruba", "Iraqi
    Kurds"), whose country is its home or the demonym's, never its state."""

    start: int
    end: int
    country: str | None
    entry: Any | None
    people: bool = False


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
    elif len(owners) == 1 and last.start > 0 and doc[last.start - 1].lower_ in ETHNIC_WORDS \
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


TARGET_SECTORS = frozenset({"CRM"})
"""Sectors of role words a state body may be named after as what it fights ("the Gang
Suppression Force", "the Anti-Piracy Unit")."""


def names_its_targets(words: ActorWords, tv: TokenView, start: int, name_start: int,
                      name: list[str], title_sector: str | None) -> bool:
    """Whether capitalised criminal role words right before a state body's name are part
    of that name and say what it fights: "the Gang Suppression Force", "Anti-Gang Police
    Unit". Such a body is a state's, not a gang."""
    if title_sector not in TARGET_SECTORS or start >= name_start:
        return False
    if not all(tv.text[k][:1].isupper() or tv.text[k] == "-" for k in range(start, name_start)):
        return False
    state_heads = words.state_org_heads | words.police_org_heads | words.military_org_heads
    return any(w.lower() in state_heads for w in name)


def org_sector(words: ActorWords, name: list[str]) -> str | None:
    """The sector an unknown organisation's own words give it: "... Liberation Front" and
    "... Resistance Army" are rebels (REB), "... Party" and a bare "... Front" or
    "Movement for ..." political parties (PTY), "... Commission" or "... Agency" a state
    body (GOV), "... Defence Force" MIL, "... University" EDU, "... Hospital" MED, "...
    Ltd" BUS, "... Cathedral" REL. The last head word decides ("Party of the Liberation
    Front" is a party); where it says nothing ("Service", "Council"), an earlier head of
    a kind does ("National Police Service" COP, "Church Council" REL); None when no head
    says."""
    lower = [w.lower() for w in name]
    heads = [w for w in lower if w in words.org_heads]
    if not heads:
        return None
    head = heads[-1]
    if head in words.party_org_heads and head not in words.armed_org_heads:
        return "PTY"  # "party", "league": never an armed group by itself
    if head in words.armed_org_heads and any(w in words.rebel_name_words for w in lower):
        return "REB"
    if head in words.party_org_heads:
        return "PTY"
    if head in words.state_org_heads:
        return "GOV"
    if head in words.military_org_heads and any(w in words.military_name_words
                                                for w in lower):
        return "MIL"  # "Rwanda Defence Force", "Ghana Armed Forces"
    for earlier in reversed(heads):
        for sector, sector_heads in (("COP", words.police_org_heads),
                                     ("EDU", words.education_org_heads),
                                     ("MED", words.health_org_heads),
                                     ("BUS", words.business_org_heads),
                                     ("REL", words.religious_org_heads)):
            if earlier in sector_heads:
                return sector
    return None


NAME_PARTICLES = frozenset({"al", "el", "ul", "ur", "ud", "ad", "as", "ash", "an", "uz", "bin",
                            "ibn"})
"""Lower-case particles inside Arabic, Persian and Urdu names, joined by hyphens
("Fazl-ur-Rehman", "Abdul-Rahman al-Saud", "Zia-ul-Haq")."""


COMPASS_POINTS = frozenset({"north", "south", "east", "west", "-"})
"""A name made of these alone ("East-West relations", "North-South talks") names no one."""


def name_link(tv: TokenView, j: int, is_name: Callable[[int], bool]) -> int:
    """How many tokens from ``j`` continue a personal or organisation name already begun:
    a hyphen and a name token ("Anti-Corruption"), a hyphen, a particle, a hyphen and a
    name token ("Fazl-ur-Rehman"), or a particle, a hyphen and a name token ("al-Saud");
    0 when none does. ``is_name`` says whether a token can be part of a name."""
    n = len(tv.text)
    if j + 1 < n and tv.text[j] == "-" and is_name(j + 1):
        return 2
    if j + 3 < n and tv.text[j] == "-" and tv.text[j + 1] in NAME_PARTICLES and \
            tv.text[j + 2] == "-" and is_name(j + 3):
        return 4
    if j + 2 < n and tv.text[j] in NAME_PARTICLES and tv.text[j + 1] == "-" and \
            is_name(j + 2):
        return 3
    return 0


PARTY_WORD = "party"
"""The one organisation head news writes in lower case after a party's name."""


def org_name_end(words: ActorWords, tv: TokenView, start: int, end: int) -> int:
    """Where an organisation name read as ``tv.text[start:end]`` really ends: past
    capitalised head words the phrase reader takes for role words ("Liberation *Army*")
    and past "of"/"for"/"the" links once a head was read ("Association of African
    Jurists", "Movement for the Actualization of the Sovereign State of Biafra"); and past
    a lower-case "party" right after a name with no head of its own ("the Islamist Nahda
    party", "the ruling Zanu party": wire style writes the word small), unless a role word
    follows it ("the Nahda party leader" is a leader)."""
    n = len(tv.text)
    has_head = not words.org_heads.isdisjoint(tv.lower[start:end])
    if not has_head and start < end < n and tv.text[end] == PARTY_WORD and (
            end + 1 >= n or tv.lower[end + 1] not in words.generic_heads):
        return end + 1
    while end < n and end > start:
        if tv.alpha[end] and tv.text[end][:1].isupper() and tv.lower[end] in words.org_heads:
            end, has_head = end + 1, True
            continue
        if not has_head or tv.lower[end] not in words.name_links:
            break
        k = end
        while k < n and tv.lower[k] in words.name_links and k < end + 2:
            k += 1  # "for the"
        m = k
        while m < n and tv.alpha[m] and tv.text[m][:1].isupper() and \
                tv.lower[m] not in words.not_names:
            m += 1
        if m == k:
            break
        end = m
    return end


def portfolio_end(words: ActorWords, tv: TokenView, end: int) -> int:
    """Where a cabinet title ending at ``end`` really ends when its portfolio follows it:
    "Minister for Interior", "Secretary of State for Foreign Affairs". Only portfolio
    words are taken, so the holder's name after them stays a name."""
    n = len(tv.text)
    k = end
    if k >= n or tv.lower[k] not in {"for", "of"}:
        return end
    k += 1
    if k < n and tv.lower[k] == "the":
        k += 1
    m = k
    while m < n and (tv.lower[m] in words.portfolio_words or (tv.lower[m] == "and" and m > k)):
        m += 1
    while m > k and tv.lower[m - 1] == "and":
        m -= 1
    return m if m > k else end


def portfolio_title(tv: TokenView, j: int) -> tuple[int, str, str, str] | None:
    """A capitalised portfolio before "Minister"/"Secretary": "Labour Minister",
    "Planning and Investment Minister" (a cabinet member whatever the portfolio).
    Returns (end, title, sector, kind) like the other title readers."""
    if PORTFOLIO_HEADS.isdisjoint(tv.lower[j + 1:j + 5]):
        return None  # no head where one could end the title: most capitalised words
    n = len(tv.text)
    k = j
    while k < n and k < j + 5 and tv.alpha[k] and (tv.text[k][:1].isupper()
                                                    or tv.lower[k] == "and"):
        if k > j and tv.lower[k] in PORTFOLIO_HEADS and tv.lower[k - 1] != "and":
            return k + 1, tv.lower[k], "GOV", "person"
        k += 1
    return None


REBEL_MODIFIERS = frozenset(
    {"rebel", "rebels", "insurgent", "insurgents", "militant", "militants", "guerrilla",
     "guerrillas", "guerilla", "guerillas", "jihadist", "jihadists", "separatist",
     "separatists", "secessionist", "secessionists"})
"""Role words that, before a force's word, make the force the rebels' ("fighter" is not
among them: "fighter pilots" are an air force's)."""


def rebel_force_sector(titles: list[tuple[str, str, str]], sector: str | None,
                       after_hyphen: bool) -> str | None:
    """The sector of a phrase of role words: REB for a military force's word after a rebel
    word ("a rebel garrison", "insurgent forces", "separatist commanders": the rebels'
    own, where the last word alone says MIL), else ``sector``. A rebel word after a
    hyphen qualifies the force ("anti-rebel forces", "counter-insurgent units" are a
    state's): ``after_hyphen`` says the phrase starts right after one."""
    if len(titles) > 1 and titles[-1][1] == "MIL" and titles[-2][0] in REBEL_MODIFIERS \
            and not after_hyphen:
        return "REB"
    return sector


COUNTERPART_WORDS = frozenset({"counterpart", "counterparts"})
"""Role words that take the role of the actor they are compared with."""


def counterpart_sectors(doc: Doc, mentions: list[Mention]) -> None:
    """"Spanish police and their Moroccan counterparts": a counterpart holds the role of
    the actor named before it in the sentence (COP here), not the GOV the word has
    alone ("the minister met his Chinese counterpart" stays GOV)."""
    previous: Mention | None = None
    lower = tokens_of(doc).lower  # not a Token object per mention
    for m in mentions:
        if m.actor is None or m.via == "pronoun":
            continue
        if previous is not None and m.actor.sector is not None and \
                lower[m.end - 1] in COUNTERPART_WORDS and \
                not any(doc[k].is_sent_start for k in range(previous.end, m.start + 1)) and \
                previous.actor is not None and previous.actor.sector is not None:
            m.actor.sector = previous.actor.sector
        previous = m
