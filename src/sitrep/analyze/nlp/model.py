"""Finding and loading the trained English pipeline (tagger, lemmatizer, parser).

The model is optional: the shipped package carries it in ``nlp/model/``, a user can point
``Settings.model`` (``SITREP_MODEL``) elsewhere, and without one the rule components run
on ``spacy.blank("en")``. Only the components the coder reads are loaded: NER is left out
(actors come from the knowledge base; the model's PER/ORG labels name no country or
sector, so they cannot improve the coded actors) and costs a third of the model's time.

The loaded layers multiply matrices with numpy (its bundled OpenBLAS) instead of thinc's
default BLIS: on the x86 machines measured, BLIS ran the tok2vec and tagger products at a
third of OpenBLAS's speed (38 against 114 GFLOP/s on one core), which made the model 53 ms of
an article's 90; with numpy it is 29 ms, and every tag, lemma and arc came out identical
on 57,000 tokens of news (same float32 products, summed in a different order). Only when
OpenBLAS runs one thread, though (the ingest workers and the benchmarks set that): left to
start a thread per core it spins them on every product, which doubled the CPU time per
sentence on a 2-core machine, so otherwise BLIS (single-threaded) stays.
"""

from __future__ import annotations

import os
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import NumpyOps

from sitrep.analyze.nlp.lemma_table import cache_lemmas
from sitrep.errors import AnalysisError
from sitrep.settings import Settings

__all__ = ["PARSE_COMPONENTS", "SHIPPED_MODEL", "find_model", "load_model",
           "one_blas_thread", "use_numpy_products"]

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
    if one_blas_thread():
        use_numpy_products(nlp)
    cache_lemmas(nlp)
    return nlp


def one_blas_thread() -> bool:
    """Whether numpy's OpenBLAS was told to run one thread: it reads the first of these
    variables that is set (when numpy is imported, so a process sets them before that)."""
    for variable in ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"):
        value = os.environ.get(variable, "").strip()
        if value:
            return value == "1"
    return False


def use_numpy_products(nlp: Language) -> None:
    """Make every layer of ``nlp``'s components multiply with numpy, not BLIS (see the
    module docstring). Only matrix products change: thinc's other kernels and the parser's
    compiled step are the same code either way."""
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            layer.ops = ops
