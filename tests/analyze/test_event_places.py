"""Where a verbal event happened: where it was said, not a place inside what was said.

Sentences written for these tests. Each runs on the parsed path (the default analyzer,
with the shipped model when there is one) and on the word-order path (``rule_analyzer``)
where both read it alike; the parse-only reading of an object ("condemned the strikes in
Gaza") and both readings' building blocks are tested on their own below.
"""

from __future__ import annotations

import pytest
import spacy
from event_support import events
from spacy.tokens import Doc

from sitrep.analyze import Analyzer
from sitrep.analyze.coder.event_places import content_place
from sitrep.analyze.places import PlaceMention, find_places
from sitrep.models import Event

PATHS = ["analyzer", "rule_analyzer"]


def _event(analyzer: Analyzer, text: str, kind: str, trigger: str) -> Event:
    found = [e for e in events(analyzer, text) if e.type == kind and e.trigger == trigger]
    assert found, [(e.type, e.trigger) for e in events(analyzer, text)]
    return found[0]


def _where(event: Event) -> str | None:
    return event.location.name if event.location else None


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(("text", "kind", "trigger"), [
    ("The Serbian president accused Croatia of mistreating truck drivers in Zagreb.",
     "ACCUSE", "accused"),
    ("The Egyptian foreign minister called on Israel to withdraw its troops from Rafah.",
     "REQUEST", "called on"),
    ("Jordan demanded that Israel reopen the crossings into Gaza.", "REQUEST", "demanded"),
    ("Hungary rejected calls for a ceasefire in Sudan.", "REJECT", "rejected"),
    ("The Kremlin threatened to strike government buildings in Kyiv.", "THREATEN",
     "threatened"),
    ("Norway praised Kenya for hosting the refugee talks in Nairobi.", "SUPPORT", "praised"),
    ("The foreign minister warned against a Turkish offensive in Kobani.", "THREATEN",
     "warned"),
])
def test_a_place_in_what_was_said_is_not_where_it_was_said(
        request: pytest.FixtureRequest, path: str, text: str, kind: str,
        trigger: str) -> None:
    analyzer: Analyzer = request.getfixturevalue(path)
    assert _event(analyzer, text, kind, trigger).location is None


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(("text", "kind", "trigger", "place"), [
    ("Speaking in Kyiv, the Ukrainian president accused Russia of war crimes.", "ACCUSE",
     "accused", "Kyiv"),
    ("At a news conference in Brussels, the Dutch minister rejected the plan.", "REJECT",
     "rejected", "Brussels"),
    ("The Ukrainian president accused Russia of war crimes at a press conference in Kyiv.",
     "ACCUSE", "accused", "Kyiv"),
    ("Iran accused Israel of carrying out strikes in Tehran, speaking at the UN in New York.",
     "ACCUSE", "accused", "New York"),
    ("Meeting in Doha, the two sides agreed to exchange prisoners in Kherson.", "AGREE",
     "agreed", "Doha"),
    ("Germany on Tuesday rejected a Polish demand over reparations, speaking at a summit in "
     "Warsaw.", "REJECT", "rejected", "Warsaw"),
    ("Tanzania agreed to build a new rail link to Burundi during a visit to Kigali.", "AGREE",
     "agreed", "Kigali"),
])
def test_the_place_where_it_was_said_stays(request: pytest.FixtureRequest, path: str,
                                           text: str, kind: str, trigger: str,
                                           place: str) -> None:
    analyzer: Analyzer = request.getfixturevalue(path)
    assert _where(_event(analyzer, text, kind, trigger)) == place


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(("text", "kind", "trigger", "place"), [
    ("The Kremlin threatened to strike government buildings in Kyiv.", "ASSAULT", "strike",
     "Kyiv"),
    ("The Egyptian foreign minister called on Israel to withdraw its troops from Rafah.",
     "RETREAT", "withdraw", "Rafah"),
    ("Russian forces shelled apartment blocks in Kharkiv.", "ASSAULT", "shelled", "Kharkiv"),
])
def test_a_physical_event_keeps_its_place(request: pytest.FixtureRequest, path: str,
                                          text: str, kind: str, trigger: str,
                                          place: str) -> None:
    analyzer: Analyzer = request.getfixturevalue(path)
    assert _where(_event(analyzer, text, kind, trigger)) == place


@pytest.mark.parametrize("path", PATHS)
def test_unnamed_actors_still_take_the_sentences_country(request: pytest.FixtureRequest,
                                                         path: str) -> None:
    analyzer: Analyzer = request.getfixturevalue(path)
    event = _event(analyzer, "Police accused protesters of burning cars in Nairobi.",
                   "ACCUSE", "accused")
    assert event.location is None
    assert {a.country for a in event.source} == {"KEN"}


def test_with_a_parse_the_object_of_a_statement_is_content(parsed_analyzer: Analyzer) -> None:
    event = _event(parsed_analyzer, "France condemned the Israeli strikes in Gaza.", "ACCUSE",
                   "condemned")
    assert event.location is None


# --- the two readings on their own ------------------------------------------------------


def _place(text: str, name: str) -> PlaceMention:
    return next(p for p in find_places(text) if text[p.start:p.end] == name)


def _trigger(text: str, words: str) -> tuple[int, int]:
    at = text.index(words)
    return at, at + len(words)


@pytest.mark.parametrize(("text", "kind", "trigger", "place", "content"), [
    ("Kyiv will not recognize Russian control over its land and will not withdraw troops "
     "from Donbas.", "REJECT", "recognize", "Donbas", False),
    ("China offered to host talks between the two, the foreign ministry in Beijing said.",
     "AGREE", "offered", "Beijing", False),
    ("The minister rejected that plan in Brussels.", "REJECT", "rejected", "Brussels", False),
    ("Katsav refused to meet the king in Haifa, saying he would only welcome him in "
     "Jerusalem.", "REJECT", "refused", "Jerusalem", True),
    ("Katsav refused to meet the king in Haifa, saying he would only welcome him in "
     "Jerusalem.", "REJECT", "refused", "Haifa", True),
    ("The envoy urged both sides to stop fighting, speaking in Geneva.", "REQUEST", "urged",
     "Geneva", False),
    ("The minister accused Russia of shelling Kharkiv while visiting Kyiv.", "ACCUSE",
     "accused", "Kyiv", False),
    ("Russia accused the West of plotting unrest in Tbilisi.", "ACCUSE", "accused", "Tbilisi",
     True),
    ("The president of Kenya accused rebels in Goma.", "ACCUSE", "accused", "Kenya", False),
])
def test_word_order(text: str, kind: str, trigger: str, place: str, content: bool) -> None:
    assert content_place(_place(text, place), text, kind, _trigger(text, trigger)) is content


# (word, head index, dependency label, coarse tag) per token: a parse written by hand, so
# the parsed reading is tested whatever a model makes of the sentence.
Row = tuple[str, int, str, str]
_BLANK = spacy.blank("en")


def _parse(rows: list[Row]) -> Doc:
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][2] != "punct" for i in range(len(rows))]
    return Doc(_BLANK.vocab, words=words, spaces=spaces, heads=[r[1] for r in rows],
               deps=[r[2] for r in rows], pos=[r[3] for r in rows])

_PROMISED = [
    ("Japan", 1, "nsubj", "PROPN"), ("promised", 1, "ROOT", "VERB"),
    ("loans", 1, "obj", "NOUN"), ("at", 5, "case", "ADP"), ("a", 5, "det", "DET"),
    ("conference", 2, "nmod", "NOUN"), ("in", 7, "case", "ADP"), ("Rome", 5, "nmod", "PROPN"),
    ("and", 10, "cc", "CCONJ"), ("in", 10, "case", "ADP"), ("Kenya", 2, "nmod", "PROPN"),
    (".", 1, "punct", "PUNCT")]


@pytest.mark.parametrize(("place", "kind", "content"), [
    ("Rome", "AGREE", False),  # an occasion of the statement, however hung
    ("Kenya", "AGREE", True),  # in the object: what was promised
    ("Kenya", "CONCEDE", False),  # an act done to a place is there
])
def test_parse(place: str, kind: str, content: bool) -> None:
    doc = _parse(_PROMISED)
    text = doc.text
    assert content_place(_place(text, place), text, kind, _trigger(text, "promised"),
                         doc, 0) is content
