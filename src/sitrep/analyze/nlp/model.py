"""Finding and loading the trained English pipeline (tagger, lemmatizer, parser).

The model is optional: the shipped package carries it in ``nlp/model/``, a user can point
``Settings.model`` (``SITREP_MODEL``) elsewhere, and without one the rule components run
on ``spacy.blank("en")``. Only the components the coder reads are loaded: NER is left out
(actors come from the knowledge base; the model's PER/ORG labels name no country or
sector, so they cannot improve the coded actors) and costs a third of the model's time.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from sitrep.errors import AnalysisError
from sitrep.settings import Settings

__all__ = ["PARSE_COMPONENTS", "SHIPPED_MODEL", "find_model", "load_model"]

SHIPPED_MODEL = Path(__file__).parent / "model"
# What the coder reads: parts of speech (the morphologizer sets UPOS and Polarity), lemmas
# (governing verbs) and the parse (arguments). The tagger's PTB tags are read by nothing,
# so it is not run (it is shipped for users of the model itself).
PARSE_COMPONENTS = ("tok2vec", "morphologizer", "trainable_lemmatizer", "parser")


def find_model(settings: Settings) -> Path | None:
    """The model directory to use, or None for the rule path (parsing off, or no model).

    An explicitly configured model that does not exist is an error, not a silent fall-back:
    the user asked for it.
    """
    if not settings.parse:
        return None
    if settings.model is not None:
        if not (settings.model / "config.cfg").is_file():
            raise AnalysisError(f"{settings.model}: not a spaCy pipeline (no config.cfg)")
        return settings.model
    if (SHIPPED_MODEL / "config.cfg").is_file():
        return SHIPPED_MODEL
    return None


def load_model(path: Path) -> Language:
    """Load the pipeline at ``path`` with only :data:`PARSE_COMPONENTS` (that it has)."""
    try:
        nlp = spacy.load(path, exclude=["ner", "entity_ruler", "senter", "tagger"])
    except (OSError, ValueError) as exc:
        raise AnalysisError(f"{path}: cannot load the spaCy model ({exc})") from exc
    if "parser" not in nlp.pipe_names:
        raise AnalysisError(f"{path}: the model has no parser")
    for name in list(nlp.pipe_names):
        if name not in PARSE_COMPONENTS:
            nlp.remove_pipe(name)
    return nlp
