"""Actor mentions: knowledge-base names, "[demonym] [title] [Name]" phrases, groups, pronouns.

Without a trained NER model, an actor phrase is read left to right as

    [the] OWNER* [and OWNER]* ['s] TITLE* NAME?

OWNER is a country or organisation from the knowledge base ("US", "Kremlin", "NATO") or a
demonym ("German"); TITLE is a role word the KB knows a sector for ("President",
"prime minister", "troops"); NAME is a KB person or a run of capitalised words (not
everyday words alone, "It Costs Less": see :mod:`~sitrep.analyze.nlp.common_words`). The
parts decide what the phrase is:

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
  "the Bush administration"): the state itself; "the government" alone: the context's;
* a city where something happens or is done ("a curfew in Algiers", "voting in East
  Jerusalem"): its people (CVL), unless it is a venue ("talks in Geneva");
* a people (actor_peoples.yaml: "Yoruba leaders", "Iraqi Kurds", "Karen guerrillas"):
  its home or demonym's country, never its state's sectors (leaders ELI, forces REB);
* a TITLE with its owner after "of" or "from" ("the governor of Ohio", "doctors from
  Norway") takes that owner's country.

OWNER is also read from multi-word demonyms ("North Korean") and "<Demonym>-owned/-led"
compounds, but not from stances ("pro-Palestinian") or from words inside a longer place
name ("Ireland" in "Northern Ireland"). "former"/"ousted" before a title makes its
holder ELI unless the KB shows another office held on the date. Organisations, like
people, take the sector of the office they hold on the date (the Taliban).

Pronouns and bare titles ("he", "the minister") are left unresolved for ``sitrep_coref``.
When a trained NER model ran first (``doc.ents`` set), its PERSON/ORG tokens count as name
tokens even when not capitalised, so the same resolution applies to better spans.

This module reads the phrase; :mod:`~sitrep.analyze.nlp.actor_decide` turns its parts into
mentions, :mod:`~sitrep.analyze.nlp.actor_owners` the phrases that are owners alone, and
:mod:`~sitrep.analyze.nlp.actor_groups` states, peoples and unknown organisations;
:mod:`~sitrep.analyze.nlp.actor_titles` reads its titles.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date
from functools import partial
from itertools import islice
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from sitrep.analyze.nlp.actor_anaphora import organisation_anaphor
from sitrep.analyze.nlp.actor_decide import decide, lone_name
from sitrep.analyze.nlp.actor_groups import (
    Owner,
    counterpart_sectors,
    name_link,
    org_name_end,
    portfolio_end,
    portfolio_title,
)
from sitrep.analyze.nlp.actor_lexicon import (
    OWNERSHIP_SUFFIXES,
    PORTFOLIO_HEADS,
    REMIT_LINKS,
    STANCE_PREFIXES,
    STATE_KIND,
    WORDS_FILE,
    ActorWords,
    capital_names,
    load_actor_words,
    load_peoples,
)
from sitrep.analyze.nlp.actor_names import (
    body_name_end,
    possessive_name,
    possessive_step,
    sports_context,
    sports_name_end,
)
from sitrep.analyze.nlp.actor_owners import city_population
from sitrep.analyze.nlp.actor_short_names import article_reading
from sitrep.analyze.nlp.actor_spelling import add_misspelt_country_names
from sitrep.analyze.nlp.actor_titles import TitleReader
from sitrep.analyze.nlp.records import (
    ActorIdentity,
    KnowledgeBaseLike,
    Mention,
    TokenView,
    text_of,
    tokens_of,
)
from sitrep.analyze.nlp.sentences import find_dateline_end
from sitrep.analyze.places import region_named
from sitrep.models import ActorKind

__all__ = ["WORDS_FILE", "ActorFinder", "ActorWords", "load_actor_words"]

class ActorFinder(TitleReader):
    """The ``sitrep_actors`` component: built once per pipeline around one knowledge base."""

    def __init__(self, nlp: Language, kb: KnowledgeBaseLike) -> None:
        super().__init__(kb, load_actor_words())
        self.capitals = capital_names()
        self.peoples = load_peoples()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.entry_ids: dict[int, str] = {}
        by_id: dict[str, list[str]] = {}
        for surface, entry_id in kb.surface_forms():
            by_id.setdefault(entry_id, []).append(surface)
        self.kb_ids = frozenset(by_id)
        self._misspelt_countries = add_misspelt_country_names(by_id, kb)  # "Afganistan"
        # The names as the tokenizer splits them, all in one stream (see its ``pipe``).
        tokenizer: Any = nlp.tokenizer  # spaCy's or ChunkCachedTokenizer: both have pipe
        docs = iter(tokenizer.pipe(text for surfaces in by_id.values() for text in surfaces))
        for entry_id, surfaces in by_id.items():
            key = nlp.vocab.strings.add(f"kb:{entry_id}")
            self.entry_ids[key] = entry_id
            self.matcher.add(f"kb:{entry_id}", list(islice(docs, len(surfaces))))
        # where find may start a phrase (see _phrase_starts): None without a title gate
        self._phrase_words = None if self._title_starts is None else (
            self._title_starts | self.words.person_pronouns | self.words.thing_pronouns
            | {"the"})
        self._country_cache: dict[str, str | None] = {}
        self._entry_cache: dict[str, Any] = {}
        self._state_cache: dict[str, bool] = {}
        self._in_place: frozenset[int] = frozenset()  # of the doc being read
        self._inside_place: frozenset[int] = frozenset()
        self._place_ends: dict[int, int] = {}
        self._cities: dict[int, tuple[int, str, str | None]] = {}  # start -> end, name, ISO
        self._doc_spans: dict[int, tuple[int, str]] = {}
        self.places_at: dict[int, tuple[int, str | None]] = {}  # start -> end, ISO
        self._doc_tokens: TokenView | None = None
        self._open_quotes: list[tuple[int, int]] = []  # (start, end) of unnested quotes
        self._name_tokens: list[bool | None] = []  # _is_name_token's answers, by token

    # -- knowledge-base look-ups, cached: the same words recur in every article ----------
    def demonym_country(self, word: str) -> str | None:
        if word not in self._country_cache:
            self._country_cache[word] = self.kb.country_of(word) or \
                self._misspelt_countries.get(word)
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
            elif end == start + 1 and (other := article_reading(doc[start].text,
                                                                text_of(doc))) is not None:
                best[start] = (end, other)  # "Congo" in a story naming Brazzaville
            elif self._names_an_institution(tokens_of(doc), end) and \
                    (entry := self.entry(best[start][1])) is not None and \
                    entry.kind == "person":
                del best[start]  # "Kenyatta National Hospital" is not Uhuru Kenyatta
        return best

    def _names_an_institution(self, tv: TokenView, end: int) -> bool:
        """Whether the capitalised words right after a name (up to four) end in an
        institution's head ("... National Hospital", "... International Airport")."""
        heads = self.words.institution_heads
        for k in range(end, min(end + 4, len(tv.text))):
            if not (tv.alpha[k] and tv.text[k][:1].isupper()):
                return False
            if tv.lower[k] in heads:
                return True
        return False

    def _read_places(self, doc: Doc) -> None:
        """Note the tokens of the place names the gazetteer found in ``doc``: all of
        them, all but each place's first, and where each place starting at a token ends."""
        covered: set[int] = set()
        inside: set[int] = set()
        ends: dict[int, int] = {}
        cities: dict[int, tuple[int, str, str | None]] = {}
        places_at: dict[int, tuple[int, str | None]] = {}
        for place in doc._.sitrep_places or []:
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is not None:
                covered.update(range(span.start, span.end))
                inside.update(range(span.start + 1, span.end))
                ends[span.start] = span.end
                places_at[span.start] = (span.end, place.place.country)
                if place.kind == "city":
                    cities[span.start] = (span.end, span.text, place.place.country)
        self._in_place, self._inside_place = frozenset(covered), frozenset(inside)
        self._place_ends = ends
        self._cities = cities
        self.places_at = places_at

    def _is_name_token(self, tv: TokenView, j: int,
                       kb_spans: dict[int, tuple[int, str]]) -> bool:
        """Whether token j can be part of a name. Remembered per token of the doc being
        read: the owner reader (:meth:`_named_owner`) and the name reader ask about the
        same tokens, and the answer depends only on the doc, its KB spans and places."""
        if tv is self._doc_tokens and kb_spans is self._doc_spans:
            known = self._name_tokens[j]
            if known is None:
                known = self._name_tokens[j] = self._reads_as_name(tv, j, kb_spans)
            return known
        return self._reads_as_name(tv, j, kb_spans)

    def _reads_as_name(self, tv: TokenView, j: int,
                       kb_spans: dict[int, tuple[int, str]]) -> bool:
        text = tv.text[j]
        if not text[:1].isupper() or tv.lower[j] in self.words.not_names or j in kb_spans:
            return False
        if tv.entity[j] in {"PERSON", "ORG"}:
            return True
        if j in self._in_place:
            return False  # "Russia's Saratov region": a place, not a person
        countries, starts = self._country_cache, self._title_starts
        if tv.alpha[j] and ((countries[text] if text in countries else
                             self.demonym_country(text)) or (
                (starts is None or tv.lower[j] in starts) and self._title_at(tv, j))):
            return False  # "Young Algerians", "Ousted President ...": a new phrase starts
        return tv.alpha[j] or (len(text) <= 3 and text.endswith(".")) or "-" in text

    def _owner_at(self, tv: TokenView, j: int,
                  kb_spans: dict[int, tuple[int, str]]) -> Owner | None:
        if j >= 2 and tv.text[j - 1] == "-" and tv.lower[j - 2] in STANCE_PREFIXES:
            return None  # "pro-Palestinian activists", "an anti-Syria journalist": a stance
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
            if entry is not None and entry.kind == "person" and end + 1 < len(tv.text) and \
                    tv.lower[end] in {"'s", "’s"}:
                title = self._title_at(tv, end + 1)
                if title is not None and title[3] != "person":
                    # "Zoran Djindjic's opposition coalition", "Putin's troops": a group
                    # of the leader's country ("Putin's spokesman" stays two actors)
                    return Owner(j, end, entry.country, entry)
            return None
        text = tv.text[j]
        if not (text[:1].isupper() and tv.alpha[j]) or j in self._inside_place or \
                tv.lower[j] in {"a", "an"}:
            return None  # "Ireland" in "Northern Ireland" names no owner; "A Thai jet"
        n = len(tv.text)
        if j + 1 < n and tv.alpha[j + 1] and tv.text[j + 1][:1].isupper():
            # "Papua New Guinean", "North Korean": three capitalised words, then two
            if j + 2 < n and tv.alpha[j + 2] and tv.text[j + 2][:1].isupper():
                country = self.demonym_country(" ".join(tv.text[j:j + 3]))
                if country:
                    return Owner(j, j + 3, country, None)
            country = self.demonym_country(f"{text} {tv.text[j + 1]}")
            if country:
                return Owner(j, j + 2, country, None)
        countries = self._country_cache  # demonym_country's, without a call per word
        country = countries[text] if text in countries else self.demonym_country(text)
        if country and j + 2 < n and tv.text[j + 1] == "-" and \
                tv.lower[j + 2] in OWNERSHIP_SUFFIXES:
            return Owner(j, j + 3, country, None)  # "a Greek-owned cargo ship"
        if country and self._place_ends.get(j, j + 1) <= j + 1:  # not "Gaza" of "Gaza City"
            if j + 1 < n and (tv.text[j + 1] in self.peoples or (
                    j + 2 < n and tv.alpha[j + 1] and tv.text[j + 1][:1].isupper()
                    and self.demonym_country(tv.text[j + 1]) not in (None, country)
                    and self._title_at(tv, j + 2) is not None)):
                # "Iraqi Kurds", "Turkish Kurd refugees", "Bosnian Serb forces": a people
                # living in the first demonym's state
                return Owner(j, j + 2, country, None, people=True)
            return Owner(j, j + 1, country, None)
        if text in self.peoples and not (j + 1 < n and tv.text[j + 1][:1].isupper()):
            # "Yoruba leaders", "Karen guerrillas", "Shiite militias" (not "Karen Bass")
            return Owner(j, j + 1, self.peoples[text], None, people=True)
        ahead = tv.lower[j + 2:j + 5]
        if "'s" not in ahead and "’s" not in ahead:
            return None  # no "'s" where _named_owner's name of two to four words would end
        return self._named_owner(tv, j, kb_spans)

    def _named_owner(self, tv: TokenView, j: int,
                     kb_spans: dict[int, tuple[int, str]]) -> Owner | None:
        """An unknown person's full name owning a group: "Ana Brnabic's opposition
        coalition", "Omar Bashir's militias": the group's country is the context's."""
        n = len(tv.text)
        end = j
        while end < n and end < j + 4 and self._is_name_token(tv, end, kb_spans):
            end += 1
        if end - j < 2 or end + 1 >= n or tv.lower[end] not in {"'s", "’s"}:
            return None
        title = self._title_at(tv, end + 1)
        return Owner(j, end, None, None) if title is not None and title[3] != "person" \
            else None

    def find(self, doc: Doc, published: date | None) -> list[Mention]:
        """All mentions of ``doc`` in text order (pronouns and bare titles unresolved)."""
        self._read_places(doc)
        kb_spans = self._kb_spans(doc)
        self._doc_spans = kb_spans
        mentions: list[Mention] = []
        identities: dict[str, ActorIdentity] = {}
        surnames: dict[str, ActorIdentity] = {}
        skip_until = find_dateline_end(text_of(doc))
        tv = tokens_of(doc)
        self._doc_tokens = tv
        self._open_quotes = [(q.start, q.end) for q in doc._.sitrep_quoted or []
                             if not q.nested]
        name_tokens: list[bool | None] = [None] * len(tv.text)
        self._name_tokens = name_tokens
        is_name = partial(self._is_name_token, tv, kb_spans=kb_spans)
        context, sporting = sports_context(self, doc, tv)  # most docs: no sport
        title_starts = self._title_starts
        n = len(doc)
        i = 0
        for at in self._phrase_starts(tv, kb_spans, bisect_left(tv.idx, skip_until)):
            if at < i:
                continue  # inside the phrase just read
            i = at
            lower = tv.lower[i]
            if lower in self.words.person_pronouns or lower in self.words.thing_pronouns:
                mentions.append(Mention(i, i + 1, tv.idx[i], tv.idx[i] + len(tv.text[i]), None,
                                        "pronoun", extra={"thing": lower in
                                                          self.words.thing_pronouns}))
                i += 1
                continue
            if i >= 2 and i in kb_spans and tv.text[i - 1] == "-" and \
                    tv.lower[i - 2] in STANCE_PREFIXES:
                i = kb_spans[i][0]  # "anti-Syria", "pro-NATO": a stance, not an actor
                continue
            if sporting and (sport := sports_name_end(self, doc, i + (lower == "the"), context)):
                i = sport  # "the Premier League", "Manchester United", "Texas Rangers"
                continue
            if i in self._cities and i not in kb_spans:
                city_end, city_name, city_country = self._cities[i]
                population = city_population(self, doc, i, city_end, city_name, city_country,
                                             identities)
                if population is not None:  # "voting in East Jerusalem": its people
                    mentions.append(population)
                    i = city_end
                    continue
            if lower != "the" and i not in kb_spans and not tv.text[i][:1].isupper() and (
                    not tv.alpha[i] or (title_starts is not None and lower not in title_starts)
                    or self._title_at(tv, i) is None):
                # The common case: a lower-case word that starts no actor phrase (the first
                # two tests are _title_at's own, without a call for every word).
                i += 1
                continue
            anaphor = organisation_anaphor(tv, i, mentions) if lower == "the" else None
            if anaphor is not None:  # "the agency" after "the World Food Programme"
                mentions.append(anaphor)
                i = anaphor.end
                continue
            if lower == "the" and self._starts_nothing(tv, i + 1, kb_spans):
                i += 1  # "the" before a lower-case word that is no title: nothing to read
                continue
            j = i + 1 if lower == "the" else i
            owners: list[Owner] = []
            while j < n:
                owner = self._owner_at(tv, j, kb_spans)
                if owner is None:
                    break
                owners.append(owner)
                j = owner.end
                if j + 1 < n and tv.lower[j] == "and" and \
                        self._title_follows(tv, j + 1, kb_spans):
                    j += 1
                    continue
                if j + 1 < n and tv.lower[j] == "," and \
                        self._comma_list_ends_in_and(tv, j + 1, kb_spans):
                    j += 2 if tv.lower[j + 1] == "and" else 1  # ", and": a serial comma
                    continue
                if self._names_a_body(tv, owner, kb_spans):
                    continue  # "the OSCE Minsk Group": the organisation's body
                break
            if j < n and tv.lower[j] in {"'s", "’s"}:
                j += 1
            # "[the AU] Peace and Security Council", "[Uganda] People's Defence Force": whole
            body = body_name_end(self.words, tv, j, owners, kb_spans)
            possessive, owned = (0, None) if body else possessive_name(self, tv, j, owners,
                                                                       kb_spans)
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
            while title_end < n and not (body or possessive):
                found = self._title_at(tv, title_end) if title_starts is None or \
                    tv.lower[title_end] in title_starts else None  # _title_at's own gate
                if found is None and owners and not titles and tv.alpha[title_end]:
                    found = self._implicit_title(tv, owners[-1], title_end)
                if found is None and not titles:
                    found = portfolio_title(tv, title_end)
                if found is None and tv.alpha[title_end] and (owners or (
                        lower == "the" and title_end == i + 1)) and \
                        self._is_state_word(tv.lower[title_end]):
                    # "the Serbian government", "Mali's military government": the state;
                    # "the government" alone: the state the context names
                    found = (title_end + 1, tv.lower[title_end], "GOV", STATE_KIND)
                if found is None:
                    break
                title_end, title, sector, role_kind = found
                if title.rsplit(maxsplit=1)[-1] in PORTFOLIO_HEADS:
                    title_end = portfolio_end(self.words, tv, title_end)
                titles.append((title, sector, role_kind))
            if titles and title_end + 2 < n and tv.lower[title_end] in REMIT_LINKS:
                title_end = self._remit_end(tv, title_end + 1, kb_spans) or title_end
            name_start = title_end
            name_entry: Any | None = None
            name_end = name_start
            if name_start < n and name_start in kb_spans:
                end, entry_id = kb_spans[name_start]
                entry = self.entry(entry_id)
                if (entry is not None and entry.kind in ("person", "group")) or (
                        entry is not None and not owners and (not titles or (
                            entry.kind == "organization"
                            and all(kind != "person" for _, _, kind in titles)))):
                    # "Human rights watchdog Amnesty International", "the militant group
                    # Hamas": a descriptor before an organisation's name
                    name_entry, name_end = entry, end
            if owned is not None:  # "the Chinese People's Liberation Army": the KB's
                name_entry, name_end = owned, name_start + possessive
            if name_entry is None:
                name_end = body or name_end + possessive
                while name_end < n:
                    known = name_tokens[name_end]  # _is_name_token's memory, used here
                    if known is None and not tv.text[name_end][:1].isupper():
                        known = False  # _reads_as_name's first test, without the call
                    elif known is None:
                        known = name_tokens[name_end] = self._reads_as_name(tv, name_end,
                                                                            kb_spans)
                    if known:
                        name_end += 1
                    elif name_end > name_start and (step := name_link(
                            tv, name_end, is_name) or possessive_step(self.words, tv,
                                                                      name_end)):
                        name_end += step  # "Anti-Corruption", "Fazl-ur-Rehman", "al-Saud"
                    else:
                        break
                if name_end > name_start:
                    name_end = org_name_end(self.words, tv, name_start, name_end)
                model = self._title_at(tv, name_end) if name_start < name_end < n and (
                    title_starts is None or tv.lower[name_end] in title_starts) else None
                if model is not None and model[1] in self.words.equipment and \
                        tv.text[name_end].islower():
                    # "a Thai F-16 jet", "Tomahawk missiles": a model's name before a
                    # weapon word is part of the weapon, not a person
                    name_start = name_end = model[0]
                    title_end = model[0]
                    titles.append(model[1:])
            if not owners and not titles and name_end == name_start:
                i += 1  # nothing read: decide would find no mention (its last case,
                continue  # owner_mentions of no owners)
            head = i + 1 if lower == "the" else i
            if name_entry is None and not owners and not titles and name_end == name_start + 1:
                mention = lone_name(doc, tv, name_start, surnames)  # decide's reading
            else:
                mention = decide(self, doc, head, owners, titles, title_end, name_start,
                                 name_end, name_entry, published, identities, surnames)
            if mention:
                mentions.extend(mention)
                i = max(m.end for m in mention)
            else:
                i = max(i + 1, name_end if name_end > name_start else i + 1)
        counterpart_sectors(doc, mentions)
        return mentions

    def _phrase_starts(self, tv: TokenView, kb_spans: dict[int, tuple[int, str]],
                       first: int) -> list[int]:
        """The tokens from ``first`` on where :meth:`find` may read something: pronouns,
        "the", capitalised words, title words, KB names and cities. At any other token
        (punctuation, spaces, lower-case words that start no title) its loop only steps
        on, so listing these in one pass saves a loop turn for most of the doc's tokens."""
        skip, lower, text = tv.skip, tv.lower, tv.text
        n = len(text)
        words = self._phrase_words
        if words is None:  # no title gate: any word may start a title
            return [k for k in range(first, n) if not skip[k]]
        known = kb_spans.keys() | self._cities.keys()
        return [k for k in range(first, n) if not skip[k] and (
            lower[k] in words or text[k][:1].isupper() or k in known)]

    def _starts_nothing(self, tv: TokenView, k: int,
                        kb_spans: dict[int, tuple[int, str]]) -> bool:
        """Whether the phrase reader finds no owner, title or name from token k on, told
        from token k alone: a lower-case word (no owner, name or portfolio) that is not a
        KB name, title word or state word, nor "'s" or "and" (which the owner and
        portfolio readers step over)."""
        if k >= len(tv.text):
            return True
        word = tv.lower[k]
        if k in kb_spans or tv.text[k][:1].isupper() or word in {"'s", "’s", "and"}:
            return False
        return not tv.alpha[k] or (self._title_starts is not None
                                   and word not in self._title_starts
                                   and not self._is_state_word(word))

    def _remit_end(self, tv: TokenView, j: int,
                   kb_spans: dict[int, tuple[int, str]]) -> int | None:
        """Where the place an office covers ends when a name follows it: "senior adviser
        for Africa Massad Boulos", "special envoy to Syria Geir Pedersen" (the place is
        part of the title); None when no place and name follow."""
        n = len(tv.text)
        for end in range(min(j + 3, n - 1), j, -1):
            if all(tv.text[k][:1].isupper() for k in range(j, end)) and \
                    region_named(" ".join(tv.text[j:end])) is not None:
                following = tv.text[end]
                if following[:1].isupper() and following.lower() not in \
                        self.words.not_names and (
                            end in kb_spans or self._is_name_token(tv, end, kb_spans)):
                    return end
        return None

    def _comma_list_ends_in_and(self, tv: TokenView, j: int,
                                kb_spans: dict[int, tuple[int, str]]) -> bool:
        """Whether the owners from token j on run, by commas, to an "and" before the
        last and a title after it: "U.S., British and French diplomats" is a list of
        owners; in "fired at Israel, Israeli officials said" the comma ends a clause."""
        n = len(tv.text)
        while j < n:
            if tv.lower[j] == "and":
                return j + 1 < n and self._title_follows(tv, j + 1, kb_spans)
            owner = self._owner_at(tv, j, kb_spans)
            if owner is None or owner.end >= n:
                return False
            if tv.lower[owner.end] == "and":
                return owner.end + 1 < n and self._title_follows(tv, owner.end + 1, kb_spans)
            if tv.lower[owner.end] != ",":
                return False
            j = owner.end + 1
        return False

    def _names_a_body(self, tv: TokenView, owner: Owner,
                      kb_spans: dict[int, tuple[int, str]]) -> bool:
        """Whether a known organisation is followed by a place and a capitalised
        organisation head that name one of its bodies ("the OSCE Minsk Group", "the UN
        Geneva Office"): the place is then part of the body's name, not an owner of its
        own."""
        if owner.entry is None or owner.entry.kind == "country":
            return False
        nxt = self._owner_at(tv, owner.end, kb_spans) if owner.end < len(tv.text) else None
        if nxt is None or nxt.entry is None or nxt.end >= len(tv.text):
            return False
        return tv.alpha[nxt.end] and tv.text[nxt.end][:1].isupper() and \
            tv.lower[nxt.end] in self.words.org_heads and self._title_at(tv, nxt.end) is None

    def _title_follows(self, tv: TokenView, j: int,
                       kb_spans: dict[int, tuple[int, str]]) -> bool:
        """Whether owner at j is followed by a title: "EU and NATO leaders"."""
        owner = self._owner_at(tv, j, kb_spans)
        return owner is not None and owner.end < len(tv.text) and \
            self._title_at(tv, owner.end) is not None

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
