"""PLOVER event coding: a trigger lexicon (curated YAML over CAMEO-derived JSON) and the
``sitrep_events`` pipeline component that finds who did what to whom in each sentence.

    lexicon = load_lexicon()
    events = EventCoder(lexicon).code(doc)   # doc from sitrep.analyze.nlp.build_pipeline
"""

from __future__ import annotations

from sitrep.analyze.coder.document import EventCoder
from sitrep.analyze.coder.events import code_sentence
from sitrep.analyze.coder.lexicon import PLOVER_TYPES, Lexicon, TriggerRule, load_lexicon

__all__ = ["PLOVER_TYPES", "EventCoder", "Lexicon", "TriggerRule", "code_sentence",
           "load_lexicon"]
