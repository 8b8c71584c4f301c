"""Dateline credits name the carrying outlet, not an actor of the story."""

from __future__ import annotations

from datetime import date

import spacy

from sitrep.analyze import Analyzer
from sitrep.analyze.nlp.credits import credit_spans
from sitrep.models import Article


def test_credit_spans_are_parenthesised_names_before_a_dash() -> None:
    nlp = spacy.blank("en")
    doc = nlp("LIMA, June 2 (Andes Wire) - Peru's president spoke (briefly) to reporters.")
    assert [doc[a:b].text for a, b in credit_spans(doc)] == ["Andes Wire"]
    assert credit_spans(nlp("Peru (as ever) spoke first.")) == []


def test_a_wire_credit_is_not_an_actor(analyzer: Analyzer) -> None:
    text = ("QUITO, March 3 (Condor News Service) — Ecuador's foreign minister met his "
            "Peruvian counterpart in Quito on Monday.")
    analysis = analyzer.analyze(Article(origin="t", text=text, published=date(2025, 3, 4)))
    names = {a.name for a in analysis.actors}
    assert not any("Condor" in n for n in names)
    assert any(a.country == "ECU" for a in analysis.actors)
