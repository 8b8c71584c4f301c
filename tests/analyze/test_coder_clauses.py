"""Which clause carries a sentence's news, and where a place is the recipient.

Rules written against constructions that the held-apart sentence set (dev2) and the PLOVER
gold standard both showed: an event in a clause that only describes a participant ("pardoned
soldiers jailed for ...") is background; an event noun that names a body ("aid agencies")
is no event; "talks took place" is a meeting; an attack on or aid to a place has the place's
country as its recipient. Parses are written by hand (see test_parse_coder) so the rules are
tested apart from the trained model's accuracy.
"""

from __future__ import annotations

from datetime import date

from test_parse_coder import by_type, countries, parsed

from sitrep.analyze import Analyzer
from sitrep.analyze.coder.refine import place_target
from sitrep.analyze.coder.surface import reduced_relative
from sitrep.analyze.evaluate import best_event
from sitrep.models import ActorRef, Article, Place


def test_reduced_relative_needs_an_earlier_verb_with_an_object() -> None:
    words = ["egypt", "freed", "40", "prisoners", "jailed", "for", "rioting"]
    nouns = {3}
    assert reduced_relative(words, 4, 0, [1], nouns.__contains__)
    # "hackers linked to X attacked ...": the earlier verb takes a preposition, so the later
    # one is the main verb.
    words = ["hackers", "linked", "to", "iran", "attacked", "banks"]
    assert not reduced_relative(words, 4, 0, [1], {3}.__contains__)
    # Joined clauses are not modifiers: "arrested 20 people and expelled ...".
    words = ["police", "arrested", "people", "and", "expelled", "journalists"]
    assert not reduced_relative(words, 4, 0, [1], {2}.__contains__)


def test_a_relative_clause_on_the_object_is_background(rule_analyzer: Analyzer) -> None:
    found = parsed(rule_analyzer, [
        ("Egypt", 1, "nsubj", "PROPN", "Egypt"), ("pardoned", 1, "ROOT", "VERB", "pardon"),
        ("prisoners", 1, "obj", "NOUN", "prisoner"), ("who", 4, "nsubj", "PRON", "who"),
        ("attacked", 2, "acl:relcl", "VERB", "attack"), ("police", 4, "obj", "NOUN", "police"),
        (".", 1, "punct", "PUNCT", ".")])
    top = best_event(found)
    assert top is not None and top.type == "CONCEDE", [(e.type, e.confidence) for e in found]


def test_a_name_before_a_misread_participle_is_its_subject(rule_analyzer: Analyzer) -> None:
    # A parser that reads "Beijing criticised Tokyo's plan" as a noun phrase ("Beijing's
    # criticised plan") must not turn the verb into an adjective.
    found = parsed(rule_analyzer, [
        ("Beijing", 4, "nmod:poss", "PROPN", "Beijing"),
        ("criticised", 4, "amod", "VERB", "criticise"),
        ("Tokyo", 4, "nmod:poss", "PROPN", "Tokyo"), ("'s", 2, "case", "PART", "'s"),
        ("plan", 4, "ROOT", "NOUN", "plan"), (".", 4, "punct", "PUNCT", ".")])
    assert by_type(found, "ACCUSE")


def test_an_event_noun_naming_a_body_is_no_event(rule_analyzer: Analyzer) -> None:
    found = parsed(rule_analyzer, [
        ("Aid", 1, "compound", "NOUN", "aid"), ("agencies", 2, "nsubj", "NOUN", "agency"),
        ("criticised", 2, "ROOT", "VERB", "criticise"), ("Israel", 2, "obj", "PROPN", "Israel"),
        (".", 2, "punct", "PUNCT", ".")])
    assert not [e for e in found if e.type == "AID"]
    assert by_type(found, "ACCUSE")


def test_an_event_noun_modifying_a_package_is_still_the_event(rule_analyzer: Analyzer) -> None:
    found = parsed(rule_analyzer, [
        ("Japan", 1, "nsubj", "PROPN", "Japan"), ("approved", 1, "ROOT", "VERB", "approve"),
        ("an", 4, "det", "DET", "a"), ("aid", 4, "compound", "NOUN", "aid"),
        ("package", 1, "obj", "NOUN", "package"), ("for", 6, "case", "ADP", "for"),
        ("Ukraine", 4, "nmod", "PROPN", "Ukraine"), (".", 1, "punct", "PUNCT", ".")])
    assert by_type(found, "AID")


def test_talks_that_took_place_are_a_meeting_of_their_parties(
        rule_analyzer: Analyzer) -> None:
    found = parsed(rule_analyzer, [
        ("Talks", 5, "nsubj", "NOUN", "talk"), ("between", 2, "case", "ADP", "between"),
        ("Chile", 0, "nmod", "PROPN", "Chile"), ("and", 4, "cc", "CCONJ", "and"),
        ("Peru", 2, "conj", "PROPN", "Peru"), ("took", 5, "ROOT", "VERB", "take"),
        ("place", 5, "obj", "NOUN", "place"), ("in", 8, "case", "ADP", "in"),
        ("Lima", 5, "obl", "PROPN", "Lima"), (".", 5, "punct", "PUNCT", ".")])
    top = best_event(found)
    assert top is not None and top.type == "CONSULT", [(e.type, e.confidence) for e in found]
    assert countries(top.source) == {"CHL", "PER"}


def test_place_target_fills_only_place_directed_events() -> None:
    gaza = Place("Gaza", "PSE")
    assert place_target("AID", (), gaza) == (ActorRef("Gaza", "PSE", None),)
    named = (ActorRef("Ukraine", "UKR", "GOV"),)
    assert place_target("ASSAULT", named, gaza) == named
    assert place_target("CONSULT", (), gaza) == ()  # a meeting only happens there
    assert place_target("AID", (), Place("Somewhere", None)) == ()


def test_aid_sent_to_a_place_has_its_country_as_recipient(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(Article(origin="t", text="Jordan sent food parcels to Gaza.",
                                        published=date(2025, 8, 1)))
    aid = [e for e in analysis.events if e.type == "AID"]
    assert aid and any("PSE" in countries(e.target) for e in aid), analysis.events
