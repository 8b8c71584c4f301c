"""The coder's parse path: who did what to whom read from UD dependencies.

Most tests give the coder a hand-written parse (spaCy ``Doc`` built with heads and labels,
then the sitrep components run over it), so the parse path is tested without a trained
model and independently of its accuracy. The last tests run the real model on raw text and
skip when none is available.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from sitrep.analyze import Analyzer
from sitrep.analyze.evaluate import best_event
from sitrep.models import Article, Event

ON = date(2025, 8, 13)

# (word, head index, dependency label, coarse tag, lemma) per token.
Row = tuple[str, int, str, str, str]


def parsed(analyzer: Analyzer, rows: list[Row]) -> list[Event]:
    """Run the sitrep components over a doc carrying the given parse."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][2] != "punct" for i in range(len(rows))]
    doc = Doc(analyzer.nlp.vocab, words=words, spaces=spaces, heads=[r[1] for r in rows],
              deps=[r[2] for r in rows], pos=[r[3] for r in rows],
              lemmas=[r[4] for r in rows])
    doc._.sitrep_published = ON
    for name, component in analyzer.nlp.pipeline:
        if name.startswith("sitrep_"):
            doc = component(doc)
    found: list[Event] = doc._.sitrep_events
    return found


def by_type(found: list[Event], kind: str) -> Event:
    matching = [e for e in found if e.type == kind]
    assert matching, [(e.type, e.trigger) for e in found]
    return max(matching, key=lambda e: e.confidence)


def countries(actors: tuple[object, ...]) -> set[str | None]:
    return {getattr(a, "country", None) for a in actors}


def test_passive_subject_is_the_target_and_agent_the_source(rule_analyzer: Analyzer) -> None:
    found = parsed(rule_analyzer, [
        ("Ukraine", 2, "nsubj:pass", "PROPN", "Ukraine"), ("was", 2, "aux:pass", "AUX", "be"),
        ("attacked", 2, "ROOT", "VERB", "attack"), ("by", 4, "case", "ADP", "by"),
        ("Russia", 2, "obl:agent", "PROPN", "Russia"), (".", 2, "punct", "PUNCT", ".")])
    event = by_type(found, "ASSAULT")
    assert countries(event.source) == {"RUS"}
    assert countries(event.target) == {"UKR"}


def test_compound_subject_and_controlled_complement(rule_analyzer: Analyzer) -> None:
    found = parsed(rule_analyzer, [
        ("France", 3, "nsubj", "PROPN", "France"), ("and", 2, "cc", "CCONJ", "and"),
        ("Germany", 0, "conj", "PROPN", "Germany"), ("agreed", 3, "ROOT", "VERB", "agree"),
        ("to", 5, "mark", "PART", "to"), ("withdraw", 3, "xcomp", "VERB", "withdraw"),
        ("troops", 5, "obj", "NOUN", "troop"), ("from", 8, "case", "ADP", "from"),
        ("Mali", 5, "obl", "PROPN", "Mali"), (".", 3, "punct", "PUNCT", ".")])
    agree = by_type(found, "AGREE")
    assert countries(agree.source) == {"FRA", "DEU"}
    withdraw = by_type(found, "RETREAT")
    # The complement borrows its controller's subject and is a plan, below the agreement.
    assert countries(withdraw.source) == {"FRA", "DEU"}
    assert withdraw.future
    assert best_event(found) is agree


def test_reported_event_has_its_own_subject(rule_analyzer: Analyzer) -> None:
    found = parsed(rule_analyzer, [
        ("Israel", 1, "nsubj", "PROPN", "Israel"), ("said", 1, "ROOT", "VERB", "say"),
        ("Iran", 3, "nsubj", "PROPN", "Iran"), ("attacked", 1, "ccomp", "VERB", "attack"),
        ("Cyprus", 3, "obj", "PROPN", "Cyprus"), (".", 1, "punct", "PUNCT", ".")])
    event = by_type(found, "ASSAULT")
    assert countries(event.source) == {"IRN"}
    assert countries(event.target) == {"CYP"}
    assert not event.future


def test_negation_from_a_negative_dependent(rule_analyzer: Analyzer) -> None:
    found = parsed(rule_analyzer, [
        ("Russia", 3, "nsubj", "PROPN", "Russia"), ("has", 3, "aux", "AUX", "have"),
        ("not", 3, "advmod", "PART", "not"), ("withdrawn", 3, "ROOT", "VERB", "withdraw"),
        ("from", 5, "case", "ADP", "from"), ("Georgia", 3, "obl", "PROPN", "Georgia"),
        (".", 3, "punct", "PUNCT", ".")])
    event = by_type(found, "RETREAT")
    assert event.negated
    assert countries(event.source) == {"RUS"}
    assert countries(event.target) == {"GEO"}


def test_two_coordinated_events_share_the_subject(rule_analyzer: Analyzer) -> None:
    found = parsed(rule_analyzer, [
        ("Turkey", 1, "nsubj", "PROPN", "Turkey"), ("condemned", 1, "ROOT", "VERB", "condemn"),
        ("the", 3, "det", "DET", "the"), ("raid", 1, "obj", "NOUN", "raid"),
        ("and", 5, "cc", "CCONJ", "and"), ("recalled", 1, "conj", "VERB", "recall"),
        ("its", 7, "nmod:poss", "PRON", "its"), ("ambassador", 5, "obj", "NOUN", "ambassador"),
        ("from", 9, "case", "ADP", "from"), ("Israel", 5, "obl", "PROPN", "Israel"),
        (".", 1, "punct", "PUNCT", ".")])
    assert countries(by_type(found, "ACCUSE").source) == {"TUR"}
    recall = by_type(found, "SANCTION")
    assert countries(recall.source) == {"TUR"}
    assert countries(recall.target) == {"ISR"}


def test_recipient_inside_the_object_phrase(rule_analyzer: Analyzer) -> None:
    found = parsed(rule_analyzer, [
        ("Japan", 1, "nsubj", "PROPN", "Japan"), ("imposed", 1, "ROOT", "VERB", "impose"),
        ("sanctions", 1, "obj", "NOUN", "sanction"), ("on", 4, "case", "ADP", "on"),
        ("Iran", 2, "nmod", "PROPN", "Iran"), (".", 1, "punct", "PUNCT", ".")])
    event = by_type(found, "SANCTION")
    assert countries(event.source) == {"JPN"}
    assert countries(event.target) == {"IRN"}


def test_participle_used_as_adjective_is_no_event(rule_analyzer: Analyzer) -> None:
    found = parsed(rule_analyzer, [
        ("Egypt", 1, "nsubj", "PROPN", "Egypt"), ("sent", 1, "ROOT", "VERB", "send"),
        ("aid", 1, "obj", "NOUN", "aid"), ("to", 6, "case", "ADP", "to"),
        ("the", 6, "det", "DET", "the"), ("besieged", 6, "amod", "VERB", "besiege"),
        ("town", 1, "obl", "NOUN", "town"), (".", 1, "punct", "PUNCT", ".")])
    assert "besieged" not in {e.trigger for e in found}
    assert countries(by_type(found, "AID").source) == {"EGY"}


def test_main_clause_outranks_an_adverbial_side_reading(rule_analyzer: Analyzer) -> None:
    found = parsed(rule_analyzer, [
        ("Kenya", 1, "nsubj", "PROPN", "Kenya"), ("expelled", 1, "ROOT", "VERB", "expel"),
        ("two", 3, "nummod", "NUM", "two"), ("diplomats", 1, "obj", "NOUN", "diplomat"),
        ("after", 5, "mark", "SCONJ", "after"), ("accusing", 1, "advcl", "VERB", "accuse"),
        ("Uganda", 5, "obj", "PROPN", "Uganda"), ("of", 8, "mark", "SCONJ", "of"),
        ("spying", 5, "advcl", "VERB", "spy"), (".", 1, "punct", "PUNCT", ".")])
    top = best_event(found)
    assert top is not None and top.type == "SANCTION"
    assert countries(by_type(found, "ACCUSE").target) == {"UGA"}


def test_coordinated_verb_shares_negation_and_future(rule_analyzer: Analyzer) -> None:
    found = parsed(rule_analyzer, [
        ("Serbia", 3, "nsubj", "PROPN", "Serbia"), ("will", 3, "aux", "AUX", "will"),
        ("not", 3, "advmod", "PART", "not"), ("recognize", 3, "ROOT", "VERB", "recognize"),
        ("Kosovo", 3, "obj", "PROPN", "Kosovo"), ("or", 6, "cc", "CCONJ", "or"),
        ("withdraw", 3, "conj", "VERB", "withdraw"), ("troops", 6, "obj", "NOUN", "troop"),
        ("from", 9, "case", "ADP", "from"), ("Bosnia", 6, "obl", "PROPN", "Bosnia"),
        (".", 3, "punct", "PUNCT", ".")])
    # Both refusals: "will not ... or withdraw" is no announced withdrawal.
    assert not [e for e in found if e.type == "RETREAT" and not e.negated]
    refusal = [e for e in found if e.type == "REJECT" and e.trigger == "withdraw"]
    assert refusal and countries(refusal[0].source) == {"SRB"}


def test_passive_mobilisation_without_agent_keeps_the_force_as_source(
        rule_analyzer: Analyzer) -> None:
    found = parsed(rule_analyzer, [
        ("Serbian", 1, "amod", "ADJ", "Serbian"), ("police", 3, "nsubj:pass", "NOUN", "police"),
        ("were", 3, "aux:pass", "AUX", "be"), ("deployed", 3, "ROOT", "VERB", "deploy"),
        ("around", 6, "case", "ADP", "around"), ("the", 6, "det", "DET", "the"),
        ("parliament", 3, "obl", "NOUN", "parliament"), (".", 3, "punct", "PUNCT", ".")])
    event = by_type(found, "MOBILIZE")
    assert countries(event.source) == {"SRB"}
    assert "SRB" not in countries(event.target)


def _events(analyzer: Analyzer, text: str) -> list[Event]:
    return analyzer.analyze(Article(origin="test", text=text, published=ON)).events


@pytest.mark.parametrize(("text", "kind", "source", "target"), [
    ("Ukraine was attacked by Russia on Tuesday.", "ASSAULT", {"RUS"}, {"UKR"}),
    ("France and Germany agreed to hold talks with Iran.", "AGREE", {"FRA", "DEU"}, {"IRN"}),
    ("Israel said Iran attacked a ship off Cyprus.", "ASSAULT", {"IRN"}, None),
    ("Pakistan threatened to expel diplomats from India.", "THREATEN", {"PAK"}, None),
])
def test_model_roles_on_raw_text(parsed_analyzer: Analyzer, text: str, kind: str,
                                 source: set[str], target: set[str] | None) -> None:
    found = _events(parsed_analyzer, text)
    event = by_type(found, kind)
    assert countries(event.source) == source
    if target is not None:
        assert target <= countries(event.target)


def test_model_negation_and_several_events(parsed_analyzer: Analyzer) -> None:
    negated = by_type(_events(parsed_analyzer, "Russia did not withdraw its troops from "
                                               "Georgia."), "RETREAT")
    assert negated.negated
    found = _events(parsed_analyzer, "Turkey condemned the raid and recalled its ambassador "
                                     "from Israel.")
    assert {"ACCUSE", "SANCTION"} <= {e.type for e in found}
    assert countries(by_type(found, "SANCTION").source) == {"TUR"}


def test_model_parses_only_sentences_with_an_actor_and_a_trigger(
        parsed_analyzer: Analyzer) -> None:
    text = ("The weather was mild. Serbia accused Croatia of spying. "
            "Croatia rejected the claim.")
    doc = parsed_analyzer.nlp(text)
    sentences = list(doc.sents)
    assert sorted(doc._.sitrep_parses) == [sentences[1].start, sentences[2].start]
    piece = doc._.sitrep_parses[sentences[1].start]
    assert piece.text.strip() == sentences[1].text.strip()
    assert piece.has_annotation("DEP")
    assert parsed_analyzer.model_path is not None


@pytest.mark.parametrize("fixture", ["rule_analyzer", "parsed_analyzer"])
def test_unnamed_people_take_the_country_of_the_place(request: pytest.FixtureRequest,
                                                      fixture: str) -> None:
    analyzer: Analyzer = request.getfixturevalue(fixture)
    event = by_type(_events(analyzer, "Kenyan police arrested dozens of protesters in "
                                      "Mombasa on Monday."), "COERCE")
    assert countries(event.source) == {"KEN"}
    assert countries(event.target) == {"KEN"}


def test_light_verb_gives_its_subject_to_the_event_noun(rule_analyzer: Analyzer) -> None:
    # "Peru ordered a mobilisation drive of reservists.": the noun phrase's head is
    # "drive", the object of the light verb; the event is the mobilisation, Peru's.
    found = parsed(rule_analyzer, [
        ("Peru", 1, "nsubj", "PROPN", "Peru"), ("ordered", 1, "ROOT", "VERB", "order"),
        ("a", 4, "det", "DET", "a"), ("mobilisation", 4, "compound", "NOUN", "mobilisation"),
        ("drive", 1, "obj", "NOUN", "drive"), ("of", 6, "case", "ADP", "of"),
        ("reservists", 4, "nmod", "NOUN", "reservist"), (".", 1, "punct", "PUNCT", ".")])
    event = best_event(found)
    assert event is not None and event.type == "MOBILIZE"
    assert countries(event.source) == {"PER"}


def test_event_noun_takes_the_tense_of_its_verb(rule_analyzer: Analyzer) -> None:
    # "Talks with Chile will be held in Lima.": a future meeting is an AGREE.
    found = parsed(rule_analyzer, [
        ("Talks", 4, "nsubj:pass", "NOUN", "talk"), ("with", 2, "case", "ADP", "with"),
        ("Chile", 0, "nmod", "PROPN", "Chile"), ("will", 4, "aux", "AUX", "will"),
        ("be", 4, "aux:pass", "AUX", "be"), ("held", 4, "ROOT", "VERB", "hold"),
        ("in", 6, "case", "ADP", "in"), ("Lima", 4, "obl", "PROPN", "Lima"),
        (".", 4, "punct", "PUNCT", ".")])
    event = best_event(found)
    assert event is not None and event.type == "AGREE"


def test_a_target_search_passes_over_the_source_own_pronoun(rule_analyzer: Analyzer) -> None:
    # "Chile deployed troops to its border with Peru.": Peru, not "its" (Chile).
    found = parsed(rule_analyzer, [
        ("Chile", 1, "nsubj", "PROPN", "Chile"), ("deployed", 1, "ROOT", "VERB", "deploy"),
        ("troops", 1, "obj", "NOUN", "troop"), ("to", 5, "case", "ADP", "to"),
        ("its", 5, "nmod:poss", "PRON", "its"), ("border", 1, "obl", "NOUN", "border"),
        ("with", 7, "case", "ADP", "with"), ("Peru", 5, "nmod", "PROPN", "Peru"),
        (".", 1, "punct", "PUNCT", ".")])
    event = by_type(found, "MOBILIZE")
    assert countries(event.source) == {"CHL"}
    assert countries(event.target) == {"PER"}


def _parsed_with_tense(analyzer: Analyzer, rows: list[Row], tenses: dict[int, str]) -> list[Event]:
    """As :func:`parsed`, with a Tense feature on the given tokens."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][2] != "punct" for i in range(len(rows))]
    morphs = [f"Tense={tenses[i]}" if i in tenses else "" for i in range(len(rows))]
    doc = Doc(analyzer.nlp.vocab, words=words, spaces=spaces, heads=[r[1] for r in rows],
              deps=[r[2] for r in rows], pos=[r[3] for r in rows],
              lemmas=[r[4] for r in rows], morphs=morphs)
    doc._.sitrep_published = ON
    for name, component in analyzer.nlp.pipeline:
        if name.startswith("sitrep_"):
            doc = component(doc)
    found: list[Event] = doc._.sitrep_events
    return found


# "Kenya demanded that the rebels halt the offensive and called on Uganda to withdraw",
# parsed as parsers often do: "called" hung on the subjunctive "halt".
_DEMAND_AND_CALL: list[Row] = [
    ("Kenya", 1, "nsubj", "PROPN", "Kenya"), ("demanded", 1, "ROOT", "VERB", "demand"),
    ("that", 5, "mark", "SCONJ", "that"), ("the", 4, "det", "DET", "the"),
    ("rebels", 5, "nsubj", "NOUN", "rebel"), ("halt", 1, "ccomp", "VERB", "halt"),
    ("the", 7, "det", "DET", "the"), ("offensive", 5, "obj", "NOUN", "offensive"),
    ("and", 9, "cc", "CCONJ", "and"), ("called", 5, "conj", "VERB", "call"),
    ("on", 11, "case", "ADP", "on"), ("Uganda", 9, "obl", "PROPN", "Uganda"),
    ("to", 13, "mark", "PART", "to"), ("withdraw", 9, "xcomp", "VERB", "withdraw"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_a_past_conjunct_of_a_subjunctive_joins_the_reporting_verb(
        rule_analyzer: Analyzer) -> None:
    found = _parsed_with_tense(rule_analyzer, _DEMAND_AND_CALL,
                               {1: "Past", 5: "Pres", 9: "Past"})
    calls = [e for e in found if e.trigger.startswith("called")]
    assert calls and all(countries(e.source) == {"KEN"} for e in calls)
    assert countries(by_type(found, "RETREAT").source) == {"UGA"}  # "called on Uganda to"


def test_a_conjunct_in_the_clause_s_own_tense_keeps_the_clause_s_subject(
        rule_analyzer: Analyzer) -> None:
    # "Kenya demanded that the rebels halted ... and called ...": the same tense, one clause
    found = _parsed_with_tense(rule_analyzer, _DEMAND_AND_CALL,
                               {1: "Past", 5: "Past", 9: "Past"})
    calls = [e for e in found if e.trigger.startswith("called")]
    assert all(countries(e.source) != {"KEN"} for e in calls)


# "Kenya called on Uganda to release the prisoners", with the infinitive hung as an
# adverbial (purpose) clause, as the shipped parser often hangs it.
_CALL_ADVCL: list[Row] = [
    ("Kenya", 1, "nsubj", "PROPN", "Kenya"), ("called", 1, "ROOT", "VERB", "call"),
    ("on", 3, "case", "ADP", "on"), ("Uganda", 1, "obl", "PROPN", "Uganda"),
    ("to", 5, "mark", "PART", "to"), ("release", 1, "advcl", "VERB", "release"),
    ("the", 7, "det", "DET", "the"), ("prisoners", 5, "obj", "NOUN", "prisoner"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_called_on_x_to_hung_as_an_adverbial_clause_gives_x_the_act(
        rule_analyzer: Analyzer) -> None:
    found = _parsed_with_tense(rule_analyzer, _CALL_ADVCL, {1: "Past"})
    assert countries(by_type(found, "REQUEST").source) == {"KEN"}
    assert countries(by_type(found, "RETREAT").source) == {"UGA"}
