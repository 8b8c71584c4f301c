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
  government (metonymy) unless a locative preposition makes it a place ("in Kyiv"); a
  demonym adjective names its state as agent ("Congolese accusations"), a plural demonym
  that country's civilians ("Venezuelans"), and "Bosnian Serbs", "ethnic Albanians" or
  "the Serb minority" a people whose state is the first demonym or the context;
* a state word after an OWNER ("the Serbian government", "Mali's military government",
  "the Bush administration"): the state itself.

OWNER is also read from multi-word demonyms ("North Korean") and "<Demonym>-owned/-led"
compounds, but not from stances ("pro-Palestinian") or from words inside a longer place
name ("Ireland" in "Northern Ireland"). "former"/"ousted" before a title makes its
holder ELI unless the KB shows another office held on the date. Organisations, like
people, take the sector of the office they hold on the date (the Taliban).

Pronouns and bare titles ("he", "the minister") are left unresolved for ``sitrep_coref``.
When a trained NER model ran first (``doc.ents`` set), its PERSON/ORG tokens count as name
tokens even when not capitalised, so the same resolution applies to better spans.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from sitrep.analyze.kb.resolver import ARMED_NON_STATE
from sitrep.analyze.nlp.actor_groups import (
    Owner,
    org_name_end,
    org_sector,
    people_of,
    portfolio_end,
    portfolio_title,
    state_mentions,
)
from sitrep.analyze.nlp.actor_lexicon import (
    ETHNIC_WORDS,
    FORMER_WORDS,
    OWNERSHIP_SUFFIXES,
    PORTFOLIO_HEADS,
    STANCE_PREFIXES,
    STATE_KIND,
    STATE_SECTORS,
    WORDS_FILE,
    ActorWords,
    capital_names,
    load_actor_words,
    title_first_words,
)
from sitrep.analyze.nlp.records import (
    ActorIdentity,
    KnowledgeBaseLike,
    Mention,
    TokenView,
    text_of,
    tokens_of,
)
from sitrep.analyze.nlp.sentences import find_dateline_end
from sitrep.models import ActorKind

__all__ = ["WORDS_FILE", "ActorFinder", "ActorWords", "load_actor_words"]

class ActorFinder:
    """The ``sitrep_actors`` component: built once per pipeline around one knowledge base."""

    def __init__(self, nlp: Language, kb: KnowledgeBaseLike) -> None:
        self.kb = kb
        self.words = load_actor_words()
        self.capitals = capital_names()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.entry_ids: dict[int, str] = {}
        by_id: dict[str, list[str]] = {}
        for surface, entry_id in kb.surface_forms():
            by_id.setdefault(entry_id, []).append(surface)
        self.kb_ids = frozenset(by_id)
        for entry_id, surfaces in by_id.items():
            key = nlp.vocab.strings.add(f"kb:{entry_id}")
            self.entry_ids[key] = entry_id
            self.matcher.add(f"kb:{entry_id}", [nlp.make_doc(text) for text in surfaces])
        self._role_cache: dict[str, tuple[str, str] | None] = {}
        self._title_starts = title_first_words()
        self._implicit_cache: dict[str, bool] = {}
        self._country_cache: dict[str, str | None] = {}
        self._entry_cache: dict[str, Any] = {}
        self._state_cache: dict[str, bool] = {}
        self._in_place: frozenset[int] = frozenset()  # of the doc being read
        self._inside_place: frozenset[int] = frozenset()
        self._place_ends: dict[int, int] = {}

    # -- knowledge-base look-ups, cached: the same words recur in every article ----------
    def demonym_country(self, word: str) -> str | None:
        if word not in self._country_cache:
            self._country_cache[word] = self.kb.country_of(word)
        return self._country_cache[word]

    def _is_state_word(self, word: str) -> bool:
        if word not in self._state_cache:
            self._state_cache[word] = self.kb.is_state_word(word)
        return self._state_cache[word]

    def dated(self, entry: Any, published: date | None) -> tuple[str | None, str | None]:
        """(country, sector) of a KB entry on the publication date: offices decide for
        people and organisations alike (the Taliban are REB in 2001 and GOV in 2025)."""
        if published is None or entry.kind == "country":
            return entry.country, entry.sector
        resolved = self.kb.as_of(entry.id, published)
        return resolved.country or entry.country, resolved.sector or entry.sector

    def entry(self, entry_id: str) -> Any:
        if entry_id not in self._entry_cache:
            self._entry_cache[entry_id] = self.kb.entry(entry_id)
        return self._entry_cache[entry_id]

    # -- the phrase reader -----------------------------------------------------------------
    def _kb_spans(self, doc: Doc) -> dict[int, tuple[int, str]]:
        """Longest KB match starting at each token: start -> (end, entry id). A match
        inside a longer place name ("Ireland" in "Northern Ireland", "Mexico" in "New
        Mexico") is dropped: the place is another one."""
        best: dict[int, tuple[int, str]] = {}
        for match_id, start, end in self.matcher(doc):
            if start not in best or end > best[start][0]:
                best[start] = (end, self.entry_ids[match_id])
        for start, (end, _) in list(best.items()):
            if start in self._inside_place or self._place_ends.get(start, end) > end:
                del best[start]  # "Gaza" of "Gaza City" is the city
        return best

    def _read_places(self, doc: Doc) -> None:
        """Note the tokens of the place names the gazetteer found in ``doc``: all of
        them, all but each place's first, and where each place starting at a token ends."""
        covered: set[int] = set()
        inside: set[int] = set()
        ends: dict[int, int] = {}
        for place in doc._.sitrep_places or []:
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is not None:
                covered.update(range(span.start, span.end))
                inside.update(range(span.start + 1, span.end))
                ends[span.start] = span.end
        self._in_place, self._inside_place = frozenset(covered), frozenset(inside)
        self._place_ends = ends

    def role(self, phrase: str) -> tuple[str, str] | None:
        """(sector, kind) of a role word or title phrase, cached; kind is person, group or
        organization."""
        if phrase not in self._role_cache:
            found: tuple[str, str] | None = None
            # Exact phrases only: a phrase known only by its head ("opposition leaders")
            # is read word by word, so that its modifier's sector is not lost.
            role = self.kb.role_word(phrase, head=False)
            if role is not None:
                found = (role.sector, role.kind)
            else:
                title = self.kb.title_of(phrase)
                if title is not None:
                    found = (self.kb.title_sector(title), "person")
                elif len(phrase) > 3 and phrase.endswith("s"):
                    # The plural of an office title is a group of office holders:
                    # "foreign ministers", "prime ministers".
                    title = self.kb.title_of(phrase[:-1])
                    if title is not None:
                        found = (self.kb.title_sector(title), "group")
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

    def _implicit_title(self, tv: TokenView, owner: Owner,
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
        if j in self._in_place:
            return False  # "Russia's Saratov region": a place, not a person
        if tv.alpha[j] and (self.demonym_country(text) or self._title_at(tv, j)):
            return False  # "Young Algerians", "Ousted President ...": a new phrase starts
        return tv.alpha[j] or (len(text) <= 3 and text.endswith(".")) or "-" in text

    def _owner_at(self, tv: TokenView, j: int,
                  kb_spans: dict[int, tuple[int, str]]) -> Owner | None:
        if j in kb_spans:
            end, entry_id = kb_spans[j]
            entry = self.entry(entry_id)
            if entry is not None and entry.kind in ("country", "organization"):
                return Owner(j, end, entry.country, entry)
            if entry is not None and entry.kind == "person" and end < len(tv.text) and \
                    tv.alpha[end] and self._is_state_word(tv.lower[end]) and entry.country \
                    and entry.country in self.kb_ids:
                # "the Bush administration": a leader's name owning a state word
                return Owner(j, end, entry.country, self.entry(entry.country))
            return None
        text = tv.text[j]
        if not (text[:1].isupper() and tv.alpha[j]) or j in self._inside_place:
            return None  # "Ireland" in "Northern Ireland" names no owner
        if j >= 2 and tv.text[j - 1] == "-" and tv.lower[j - 2] in STANCE_PREFIXES:
            return None  # "pro-Palestinian activists" are not Palestinians
        n = len(tv.text)
        for width in (3, 2):  # "North Korean", "Papua New Guinean"
            end = j + width
            if end <= n and all(tv.alpha[k] and tv.text[k][:1].isupper()
                                for k in range(j + 1, end)):
                country = self.demonym_country(" ".join(tv.text[j:end]))
                if country:
                    return Owner(j, end, country, None)
        country = self.demonym_country(text)
        if country and j + 2 < n and tv.text[j + 1] == "-" and \
                tv.lower[j + 2] in OWNERSHIP_SUFFIXES:
            return Owner(j, j + 3, country, None)  # "a Greek-owned cargo ship"
        if country and self._place_ends.get(j, j + 1) <= j + 1:  # not "Gaza" of "Gaza City"
            return Owner(j, j + 1, country, None)
        return None

    def find(self, doc: Doc, published: date | None) -> list[Mention]:
        """All mentions of ``doc`` in text order (pronouns and bare titles unresolved)."""
        self._read_places(doc)
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
            owners: list[Owner] = []
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
                if found is None and not titles:
                    found = portfolio_title(tv, title_end)
                if found is None and owners and tv.alpha[title_end] and \
                        self._is_state_word(tv.lower[title_end]):
                    # "the Serbian government", "Mali's military government": the state
                    found = (title_end + 1, tv.lower[title_end], "GOV", STATE_KIND)
                if found is None:
                    break
                title_end, title, sector, role_kind = found
                if title.rsplit(maxsplit=1)[-1] in PORTFOLIO_HEADS:
                    title_end = portfolio_end(self.words, tv, title_end)
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
                while name_end < n:
                    if self._is_name_token(tv, name_end, kb_spans):
                        name_end += 1
                    elif name_end > name_start and name_end + 1 < n and \
                            tv.text[name_end] == "-" and \
                            self._is_name_token(tv, name_end + 1, kb_spans):
                        name_end += 2  # "Anti-Corruption Commission"
                    else:
                        break
                if name_end > name_start:
                    name_end = org_name_end(self.words, tv, name_start, name_end)
            head = i + 1 if lower == "the" else i
            mention = self._decide(doc, head, owners, titles, title_end, name_start, name_end,
                                   name_entry, published, identities, surnames)
            if mention:
                mentions.extend(mention)
                i = max(m.end for m in mention)
            else:
                i = max(i + 1, name_end if name_end > name_start else i + 1)
        return mentions

    def _former_sector(self, entry: Any, title: str, published: date | None,
                       sector: str | None) -> str | None:
        """The sector of "former <title> <Name>": ELI (PLOVER's former officials) unless
        the person holds another office on the date ("former President Dmitry Medvedev"
        as Security Council deputy chairman is GOV)."""
        if published is None:
            return "ELI"
        named = self.kb.title_of(title) or title
        other = [o for o in self.kb.offices_on(entry.id, published) if o.title != named]
        return other[0].sector if other else "ELI"

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

    def identity(self, identities: dict[str, ActorIdentity], name: str, kind: ActorKind,
                  country: str | None, sector: str | None) -> ActorIdentity:
        key = f"{kind}:{name}:{country}" if kind == "group" else name.lower()
        found = identities.get(key)
        if found is None:
            last = name.split()[-1] if kind == "person" and " " in name else ""
            found = ActorIdentity(key, name, kind, country, sector,
                                  frozenset({last}) if last else frozenset())
            identities[key] = found
        return found

    def _decide(self, doc: Doc, head: int, owners: list[Owner], titles: list[tuple[str, str, str]],
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
        before = start - 1
        if before > 0 and doc[before].is_alpha and doc[before].text[:1].isupper() and \
                doc[before].lower_ not in FORMER_WORDS:
            before -= 1  # "former Socialist prime minister": a party adjective between
        former = before >= 0 and (doc[before].lower_ in FORMER_WORDS or (
            before > 0 and doc[before].text == "-" and doc[before - 1].lower_ == "ex"))
        if len(titles) > 1 and titles[-1][0] in self.words.generic_heads and \
                titles[-2][1] != titles[-1][1] and titles[-1][2] != STATE_KIND:
            # "opposition leaders", "rebel officials": a generic head keeps the sector of
            # the role word before it.
            title_sector = titles[-2][1]
        if name_entry is not None:
            # The office held on the article's date decides the sector: the same person
            # (or organisation) is a rebel leader one year and head of state the next.
            dated_country, dated_sector = self.dated(name_entry, published)
            country = dated_country or owner_country
            sector = dated_sector or title_sector
            if former and titles and name_entry.kind == "person":
                sector = self._former_sector(name_entry, titles[-1][0], published, sector)
            elif sector == "ELI" and titles:
                # "President François Mitterrand" in a story the date puts after his term:
                # the title the text gives him is more telling than the date (archive
                # dates are often approximate; a resigning premier is still "Prime
                # Minister" on his last day).
                named = self.kb.title_of(titles[-1][0]) or titles[-1][0]
                sector = next((o.sector for o in name_entry.offices if o.title == named),
                              sector)
            actor = self.identity(identities, name_entry.name, name_entry.kind, country, sector)
            for surname in actor.surnames:
                surnames.setdefault(surname, actor)
            return [span(start, name_end, actor, "kb")]
        if name_end > name_start:
            words = [t.text for t in doc[name_start:name_end]]
            name = doc[name_start:name_end].text  # "Anti-Corruption", not "Anti - Corruption"
            if len(words) == 1 and not titles and not owners:
                known = surnames.get(name)
                if known is not None:
                    return [span(name_start, name_end, known, "surname")]
                return None
            is_org = any(w.lower() in self.words.org_heads for w in words)
            kind: ActorKind = "organization" if is_org else "person"
            sector = "ELI" if former and titles and kind == "person" else title_sector
            country = owner_country
            if is_org:
                # An unknown organisation: its own words say what it is ("... Liberation
                # Front"), and a demonym inside its name where it is from ("Association
                # of Nigerian Jurists").
                sector = sector or org_sector(self.words, words)
                country = country or next(
                    (c for w in words if w[:1].isupper() and (c := self.demonym_country(w))),
                    None)
            actor = self.identity(identities, name, kind, country, sector)
            for surname in actor.surnames:
                surnames.setdefault(surname, actor)
            return [span(start, name_end, actor, "name")]
        if owners and (not titles or title_end == owners[-1].end + 1):
            people = people_of(self, doc, owners, identities)
            if people is not None:
                return [people]
        if titles and titles[-1][2] == STATE_KIND and owners:
            return state_mentions(self, doc, owners, title_end, identities)
        if titles:
            plural = titles[-1][2] != "person"
            group_kind: ActorKind = "organization" if titles[-1][2] == "organization" \
                else "group"
            if not owners:
                in_quote = any(q.start <= doc[start].idx < q.end
                               for q in (doc._.sitrep_quoted or []) if not q.nested)
                after_the = start > 0 and doc[start - 1].lower_ == "the"
                if in_quote:
                    return None
                if not (plural or after_the):
                    if title_sector in STATE_SECTORS or self.kb.title_of(titles[-1][0]):
                        return None  # "a minister": an office holder coreference may find
                    # "a suicide bomber", "a journalist": a non-state person of a role,
                    # an actor of its own
                    name = " ".join(t.text for t in doc[start:title_end]).lower()
                    actor = self.identity(identities, name, "person", None, title_sector)
                    return [span(start, title_end, actor, "role")]
                following = doc[title_end] if title_end < len(doc) else None
                if not after_the and titles[-1][0] in self.words.adjectival_roles and \
                        following is not None and following.is_lower and \
                        following.lower_ not in self.words.verbs_after_roles and \
                        not following.lower_.endswith("ed"):
                    return None  # "public criticism", "military operations": adjectives
                if plural:
                    name = " ".join(t.text for t in doc[start:title_end])
                    actor = self.identity(identities, name.lower(), group_kind, None,
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
                    sector = title_sector
                    country = owner.country
                    if owner.entry is None and owner.start > 0 and \
                            doc[owner.start - 1].lower_ in ETHNIC_WORDS:
                        # "ethnic Albanian guerrillas" in Macedonia: a people, not the
                        # demonym's state; the context says where (as for "ethnic
                        # Albanians").
                        country = None
                    if owner.entry is not None and owner.entry.kind != "country":
                        owner_sector = self.dated(owner.entry, published)[1]
                        if owner_sector in ARMED_NON_STATE:
                            sector = owner_sector  # "M23 commanders" are rebels
                    actor = self.identity(identities, f"{owner_text} {title_text}", group_kind,
                                           country, sector)
                    result.append(span(owner.start, owner.end, actor, "role", plural=True))
                result[-1] = span(owners[-1].start, title_end, result[-1].actor, "role", True)
                return result
            phrase = doc[start:title_end].text
            resolved = self.kb.resolve(phrase, published)
            if resolved is not None and resolved.kind == "person" and \
                    resolved.name.lower() != phrase.lower():
                actor = self.identity(identities, resolved.name, "person", resolved.country,
                                       resolved.sector)
                return [span(start, title_end, actor, "office")]
            m = span(start, title_end, None, "title")
            m.extra["sector"] = "ELI" if former else title_sector
            m.extra["country"] = resolved.country if resolved is not None else owner_country
            m.extra["phrase"] = phrase
            return [m]
        result = []
        for owner in owners:
            entry = owner.entry
            if entry is None:
                word = doc[owner.start].text
                if word.endswith("s") and owner.country:
                    # "Thousands of Nigerians": a plural demonym is a group of that
                    # country's people, civilians unless a role word said otherwise.
                    actor = self.identity(identities, word, "group", owner.country, "CVL")
                    result.append(span(owner.start, owner.end, actor, "demonym", True))
                elif owner.country in self.kb_ids and not (
                        owner.end < len(doc) and doc[owner.end].text == "-") and not (
                        owner.start > 0 and doc[owner.start - 1].is_alpha
                        and doc[owner.start - 1].text[:1].isupper()
                        and doc[owner.start - 1].lower_ not in self.words.not_names):
                    # "Congolese accusations", "the Qatari mediation": the state as agent
                    # (not in compounds, "Russian-made rockets", nor ending a name,
                    # "Volker Türk")
                    state = self.entry(owner.country)
                    actor = self.identity(identities, state.name, "country", state.country,
                                           state.sector or "GOV")
                    m = span(owner.start, owner.end, actor, "demonym")
                    m.extra["adjective"] = True
                    result.append(m)
                continue
            surface = doc[owner.start:owner.end].text
            locative = self._after_locative(doc, owner.start)
            if locative and surface in self.capitals:
                # "in Kyiv": a place, not the government. Kept, marked, for the coder's
                # destination of a visit ("arrived in Amman"), but no actor mention.
                actor = self.identity(identities, entry.name, entry.kind, entry.country,
                                       entry.sector)
                m = span(owner.start, owner.end, actor, "place")
                m.locative = True
                m.extra["place_only"] = True
                result.append(m)
                continue
            if locative and entry.kind == "country" and surface != entry.name and \
                    surface not in self.capitals and not surface.isupper():
                continue  # "at the Kremlin", "in the White House": the building
            country, sector = self.dated(entry, published)
            actor = self.identity(identities, entry.name, entry.kind, country, sector)
            m = span(owner.start, owner.end, actor, "kb")
            m.locative = locative
            result.append(m)
        return result or None
