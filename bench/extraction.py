"""Extraction benchmark: sitrep.extract against plain trafilatura, in the same process.

    .venv/bin/python bench/extraction.py [--limit N] [--json OUT]

Corpora (from ../shared, see its README): WCXB dev articles (gold title, author, date,
body) and ScrapingHub (gold body). WCXB is reported on the even pages (used for tuning),
the odd pages (held out) and all; the scoring lives in bench/extraction_scoring.py so the
quality-gate test computes exactly the same figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

import trafilatura

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(BENCH), str(REPO / "src")]

from extraction_scoring import (  # noqa: E402
    ExtractionResult,
    GoldPage,
    Scores,
    load_scrapinghub,
    load_wcxb,
    run_sitrep,
    score_pages,
)
from sitrep.extract.page_metadata import parse_date  # noqa: E402

SHARED = REPO.parent / "shared" / "data" / "extraction"


def run_trafilatura(page: GoldPage, html: str) -> ExtractionResult:
    """Plain trafilatura: default ``extract`` for the body, its default metadata for the rest."""
    body = trafilatura.extract(html, url=page.url) or ""
    meta = trafilatura.extract_metadata(html, default_url=page.url)
    if meta is None:
        return ExtractionResult(body)
    return ExtractionResult(
        body,
        meta.title,
        (meta.author,) if meta.author else (),
        parse_date(meta.date) if meta.date else None,
    )


EXTRACTORS: dict[str, Callable[[GoldPage, str], ExtractionResult]] = {
    "sitrep": run_sitrep,
    "trafilatura": run_trafilatura,
}


def subsets(limit: int | None) -> dict[str, list[GoldPage]]:
    wcxb = load_wcxb(SHARED / "wcxb-dev-articles")
    hub = load_scrapinghub(SHARED / "scrapinghub")
    if limit:
        wcxb, hub = wcxb[:limit], hub[:limit]
    return {
        "wcxb-even": [p for p in wcxb if p.number % 2 == 0],
        "wcxb-odd": [p for p in wcxb if p.number % 2 == 1],
        "scrapinghub": hub,
    }


def _merge(a: Scores, b: Scores) -> Scores:
    """WCXB all = even + odd, weighted by the pages each average rests on."""
    def mean(x: float, nx: int, y: float, ny: int) -> float:
        return (x * nx + y * ny) / (nx + ny) if nx + ny else 0.0

    return Scores(
        body_f1=mean(a.body_f1, a.pages, b.body_f1, b.pages),
        title=mean(a.title, a.title_pages, b.title, b.title_pages),
        date=mean(a.date, a.date_pages, b.date, b.date_pages),
        author=mean(a.author, a.author_pages, b.author, b.author_pages),
        pages=a.pages + b.pages,
        title_pages=a.title_pages + b.title_pages,
        date_pages=a.date_pages + b.date_pages,
        author_pages=a.author_pages + b.author_pages,
        seconds=a.seconds + b.seconds,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None,
                        help="only the first N pages of each corpus")
    parser.add_argument("--only", choices=sorted(EXTRACTORS), default=None)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is absent: nothing to benchmark")

    report: dict[str, dict[str, dict[str, float | None]]] = {}
    for name, pages in subsets(args.limit).items():
        for extractor_name, extractor in EXTRACTORS.items():
            if args.only and extractor_name != args.only:
                continue
            scores = score_pages(pages, extractor)
            report.setdefault(name, {})[extractor_name] = scores.as_dict()
            if name == "wcxb-odd":
                even = report_scores[extractor_name]
                report.setdefault("wcxb-all", {})[extractor_name] = _merge(
                    even, scores).as_dict()
            if name == "wcxb-even":
                report_scores[extractor_name] = scores

    def cell(value: float | None, percent: bool = True) -> str:
        if value is None:
            return "-"
        return f"{value:.1%}" if percent else f"{value:.4f}"

    print(f"{'subset':<12} {'extractor':<12} {'body F1':>8} {'title':>7} {'date':>7} "
          f"{'author':>7} {'pages':>6} {'pages/s':>8}")
    for name in ("wcxb-even", "wcxb-odd", "wcxb-all", "scrapinghub"):
        for extractor_name, row in report.get(name, {}).items():
            print(f"{name:<12} {extractor_name:<12} {cell(row['body_f1'], False):>8} "
                  f"{cell(row['title']):>7} {cell(row['date']):>7} {cell(row['author']):>7} "
                  f"{row['pages']:>6} {row['pages_per_second']:>8.1f}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


report_scores: dict[str, Scores] = {}

if __name__ == "__main__":
    main()
