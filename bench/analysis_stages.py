"""Where the analysis time goes: CPU milliseconds per article of each pipeline component.

    .venv/bin/python bench/analysis_stages.py [--pages N] [--passes P]

Extracts the first N WCXB dev article pages from ../shared (dated 2025-08-13, as
bench/throughput.py does), warms the analyzer on five of them, then runs the pipeline one
component at a time over all of them and prints each component's CPU time per article
(``time.process_time``: the figure per core holds on a busy machine too), the model's own
components timed again on the same parsed sentences, how many sentences and tokens were
parsed, and then the total of ``Analyzer.analyze_many`` over the same articles (by then
the tokenizer and the vocabulary know every word; the component pass of pass 1 is the cold
figure, pass 2 the warm one).

Speed is measured here, never in tests.
"""

from __future__ import annotations

import os

# One core means one thread (set before numpy is imported), as in bench/throughput.py.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import sys
import time
from collections import defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path

from spacy.tokens import Doc

from sitrep.analyze import Analyzer
from sitrep.extract import extract
from sitrep.ingest import read_source
from sitrep.models import Article
from sitrep.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED", REPO.parent / "shared"))


def _articles(limit: int) -> list[Article]:
    pages = sorted((SHARED / "data" / "extraction" / "wcxb-dev-articles" / "html")
                   .glob("*.html.gz"))[:limit]
    settings = Settings()
    articles = []
    for page in pages:
        for doc in read_source(str(page), settings):
            if isinstance(doc, Exception):
                continue
            try:
                articles.append(replace(extract(doc), published=date(2025, 8, 13)))
            except Exception:
                continue
    return articles


def _by_component(analyzer: Analyzer, articles: list[Article]) -> tuple[dict[str, float],
                                                                         list[Doc]]:
    """CPU seconds of the tokenizer and of each component, run one after another."""
    spent: dict[str, float] = defaultdict(float)
    started = time.process_time()
    docs = []
    for article in articles:
        doc = analyzer.nlp.make_doc(article.text)
        doc._.sitrep_published = article.published
        doc._.sitrep_text = article.text
        docs.append(doc)
    spent["tokenizer"] = time.process_time() - started
    for name, component in analyzer.nlp.pipeline:
        started = time.process_time()
        pipe = getattr(component, "pipe", None)
        docs = list(pipe(docs)) if pipe is not None else [component(d) for d in docs]
        spent[name] = time.process_time() - started
    return spent, docs


def _model_parts(analyzer: Analyzer, docs: list[Doc]) -> dict[str, float]:
    """CPU seconds of each model component on the sentences the pipeline parsed."""
    pieces = [Doc(piece.vocab, words=[t.text for t in piece],
                  spaces=[bool(t.whitespace_) for t in piece],
                  sent_starts=[True] + [False] * (len(piece) - 1))
              for doc in docs for piece in (doc._.sitrep_parses or {}).values()]
    parse = analyzer.nlp.get_pipe("sitrep_parse") \
        if "sitrep_parse" in analyzer.nlp.pipe_names else None
    model = getattr(parse, "model", None)
    spent: dict[str, float] = {}
    if model is None:
        return spent
    for name, component in model.pipeline:
        started = time.process_time()
        pieces = list(component.pipe(pieces, batch_size=128))
        spent[name] = time.process_time() - started
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--passes", type=int, default=2)
    args = parser.parse_args()
    articles = _articles(args.pages)
    if not articles:
        print(f"no WCXB pages under {SHARED}", file=sys.stderr)
        return 1
    analyzer = Analyzer(Settings())
    for _ in analyzer.analyze_many(articles[:5]):
        pass
    n = len(articles)
    for number in range(1, args.passes + 1):
        spent, docs = _by_component(analyzer, articles)
        parts = _model_parts(analyzer, docs)
        started = time.process_time()
        for _ in analyzer.analyze_many(articles):
            pass
        whole = time.process_time() - started
        parsed = [p for d in docs for p in (d._.sitrep_parses or {}).values()]
        sentences = sum(len(list(d.sents)) for d in docs)
        print(f"pass {number}, {n} articles, {sentences} sentences, {sum(len(d) for d in docs)} "
              f"tokens; parsed {len(parsed)} sentences, {sum(len(p) for p in parsed)} tokens")
        print("  CPU ms per article: " + ", ".join(
            f"{name} {1000 * s / n:.1f}" for name, s in spent.items())
            + f"; sum {1000 * sum(spent.values()) / n:.1f}")
        if parts:
            print("  the model on those sentences: " + ", ".join(
                f"{name} {1000 * s / n:.1f}" for name, s in parts.items()))
        print(f"  Analyzer.analyze_many: {1000 * whole / n:.1f} ms per article, "
              f"{sentences / whole:,.0f} sentences per CPU-second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
