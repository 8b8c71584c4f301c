"""The other side of an event when the trigger's own arguments do not name it (sides.py)."""

from __future__ import annotations

from datetime import date

from sitrep.analyze import Analyzer
from sitrep.analyze.coder.sides import Clause, other_side, refs
from sitrep.analyze.evaluate import best_event
from sitrep.analyze.nlp.records import ActorIdentity, Mention
from sitrep.models import Article

ON = date(2025, 8, 13)


def _mention(start: int, end: int, key: str, country: str | None) -> Mention:
    actor = ActorIdentity(key=key, name=key, kind="group", country=country, sector=None)
    return Mention(start=start, end=end, start_char=start * 5, end_char=end * 5, actor=actor,
                   via="test")


def _clause(words: list[str], mentions: list[Mention], trigger: int) -> Clause:
    return Clause(mentions, words, words, trigger, trigger + 1, len(words), len(words))


def test_a_death_in_custody_is_laid_at_the_custodian() -> None:
    words = ["a", "detainee", "died", "in", "egyptian", "police", "custody", ",", "lawyers",
             "said"]
    detainee, police = _mention(0, 2, "detainee", "SDN"), _mention(4, 6, "police", "EGY")
    source, target = other_side("ASSAULT", "die", False, refs([detainee]), (), [],
                                {"detainee"}, _clause(words, [detainee, police], 2), None, 0)
    assert [a.country for a in source] == ["EGY"] and [a.country for a in target] == ["SDN"]


def test_a_complaint_targets_what_it_is_about() -> None:
    words = ["chad", "complained", "to", "the", "au", "over", "sudanese", "raids"]
    chad, au, sudan = (_mention(0, 1, "chad", "TCD"), _mention(4, 5, "au", "IGO"),
                       _mention(6, 7, "sudan", "SDN"))
    _, target = other_side("ACCUSE", "complain", False, refs([chad]), refs([au]), [au],
                           {"chad"}, _clause(words, [chad, au, sudan], 1), None, 0)
    assert [a.country for a in target] == ["SDN"]


def test_an_outward_act_on_ones_own_thing_finds_the_other_party() -> None:
    words = ["niger", "opened", "its", "bridge", "to", "let", "grain", "reach", "mali"]
    niger, bridge, mali = (_mention(0, 1, "niger", "NER"), _mention(3, 4, "bridge", "NER"),
                           _mention(8, 9, "mali", "MLI"))
    _, target = other_side("RETREAT", "open", False, refs([niger]), refs([bridge]), [bridge],
                           {"niger"}, _clause(words, [niger, bridge, mali], 1), None, 0)
    assert target == refs([bridge])  # no recipient preposition before Mali: kept
    words[7] = "to"
    _, target = other_side("RETREAT", "open", False, refs([niger]), refs([bridge]), [bridge],
                           {"niger"}, _clause(words, [niger, bridge, mali], 1), None, 0)
    assert [a.country for a in target] == ["MLI"]


def test_a_domestic_act_keeps_its_target() -> None:
    words = ["kenyan", "police", "arrested", "kenyan", "activists", "from", "uganda"]
    police, activists, uganda = (_mention(0, 2, "police", "KEN"),
                                 _mention(3, 5, "activists", "KEN"),
                                 _mention(6, 7, "uganda", "UGA"))
    target = refs([activists])
    kept = other_side("COERCE", "arrest", False, refs([police]), target, [activists],
                      {"police"}, _clause(words, [police, activists, uganda], 2), None, 0)
    assert kept == (refs([police]), target)


def test_gathering_for_a_rally_is_a_protest(analyzer: Analyzer) -> None:
    article = Article(origin="test", published=ON,
                      text="Thousands of Chileans gathered in Santiago for a rally against "
                           "the pension reform.")
    event = best_event(analyzer.analyze(article).events)
    assert event is not None and event.type == "PROTEST"


def test_statement_after_its_content(parsed_analyzer: Analyzer) -> None:
    article = Article(origin="test", published=ON,
                      text="Serbian authorities are failing to protect Roma families, a "
                           "European rights group protested on Monday.")
    found = [e for e in parsed_analyzer.analyze(article).events if e.type == "ACCUSE"]
    assert any("SRB" in {a.country for a in e.target} for e in found)
