"""Scoring for the extraction benchmark, shared by bench/extraction.py and the quality-gate test.

Kept in one module so that the figures the benchmark prints and the floors CI checks are
computed by the same code: a floor is only meaningful if it is measured the same way.

Metrics (each averaged over the pages whose gold field is non-empty):
    body F1   bag-of-words F1 on lowercased ``\\w+`` tokens, per page
    title     equal after lowercasing and keeping word characters only
    date      the same calendar day
    author    at least half of the gold author's words appear in the authors found
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

__all__ = [
    "ExtractionResult",
    "GoldPage",
    "Scores",
    "author_correct",
    "body_f1",
    "date_correct",
    "load_scrapinghub",
    "load_wcxb",
    "run_sitrep",
    "score_pages",
    "title_correct",
]

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class GoldPage:
    """One benchmark page: its HTML and whatever gold fields the dataset provides."""

    corpus: str
    page_id: str
    url: str | None
    html_path: Path
    body: str
    title: str = ""
    author: str = ""
    published: str = ""

    @property
    def number(self) -> int:
        """The numeric page id (WCXB); -1 for hash-named pages."""
        return int(self.page_id) if self.page_id.isdigit() else -1

    def read_html(self) -> str:
        raw = gzip.decompress(self.html_path.read_bytes())
        return raw.decode("utf-8", errors="replace")


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    """What one extractor found on one page; empty strings / None when it found nothing."""

    body: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: date | None = None


@dataclass(slots=True)
class Scores:
    """Averages over a set of pages, with the number of pages each average rests on."""

    body_f1: float = 0.0
    title: float = 0.0
    date: float = 0.0
    author: float = 0.0
    pages: int = 0
    title_pages: int = 0
    date_pages: int = 0
    author_pages: int = 0
    seconds: float = 0.0
    per_page_f1: dict[str, float] = field(default_factory=dict)

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, float | None]:
        """Rounded figures; a metric with no gold pages is None (not 0: nothing was scored)."""
        def metric(value: float, pages: int) -> float | None:
            return round(value, 4) if pages else None

        return {
            "body_f1": metric(self.body_f1, self.pages),
            "title": metric(self.title, self.title_pages),
            "date": metric(self.date, self.date_pages),
            "author": metric(self.author, self.author_pages),
            "pages": self.pages,
            "pages_per_second": round(self.pages_per_second, 1),
        }


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def body_f1(found: str, gold: str) -> float:
    """Bag-of-words F1 between two texts (1.0 when both are empty)."""
    found_bag, gold_bag = Counter(_words(found)), Counter(_words(gold))
    if not found_bag and not gold_bag:
        return 1.0
    common = sum((found_bag & gold_bag).values())
    if common == 0:
        return 0.0
    precision = common / sum(found_bag.values())
    recall = common / sum(gold_bag.values())
    return 2 * precision * recall / (precision + recall)


def title_correct(found: str | None, gold: str) -> bool:
    def norm(text: str) -> str:
        return "".join(_words(text))

    return found is not None and norm(found) == norm(gold)


def date_correct(found: date | None, gold: str) -> bool:
    return found is not None and found.isoformat() == gold.strip()[:10]


def author_correct(found: Sequence[str], gold: str) -> bool:
    gold_words = _words(gold)
    if not gold_words:
        return False
    found_words = set(_words(" ".join(found)))
    hits = sum(1 for word in gold_words if word in found_words)
    return hits * 2 >= len(gold_words)


def load_wcxb(root: Path) -> list[GoldPage]:
    """Pages of wcxb-dev-articles, sorted by number."""
    pages = []
    for gold_path in sorted((root / "ground-truth").glob("*.json")):
        record = json.loads(gold_path.read_text(encoding="utf-8"))
        truth = record.get("ground_truth", {})
        page_id = gold_path.stem
        pages.append(GoldPage(
            corpus="wcxb",
            page_id=page_id,
            url=record.get("url"),
            html_path=root / "html" / f"{page_id}.html.gz",
            body=truth.get("main_content") or "",
            title=truth.get("title") or "",
            author=truth.get("author") or "",
            published=truth.get("publish_date") or "",
        ))
    return pages


def load_scrapinghub(root: Path) -> list[GoldPage]:
    """Pages of the ScrapingHub article-extraction benchmark (gold bodies only), sorted by hash."""
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        GoldPage(
            corpus="scrapinghub",
            page_id=key,
            url=record.get("url"),
            html_path=root / "html" / f"{key}.html.gz",
            body=record.get("articleBody") or "",
        )
        for key, record in sorted(gold.items())
    ]


def score_pages(pages: Iterable[GoldPage],
                extractor: Callable[[GoldPage, str], ExtractionResult]) -> Scores:
    """Run ``extractor`` on every page (timing only the extraction) and average the metrics."""
    scores = Scores()
    f1_sum = title_hits = date_hits = author_hits = 0.0
    for page in pages:
        html = page.read_html()
        started = time.perf_counter()
        result = extractor(page, html)
        scores.seconds += time.perf_counter() - started
        scores.pages += 1
        f1 = body_f1(result.body, page.body)
        scores.per_page_f1[page.page_id] = f1
        f1_sum += f1
        if page.title.strip():
            scores.title_pages += 1
            title_hits += title_correct(result.title, page.title)
        if page.published.strip():
            scores.date_pages += 1
            date_hits += date_correct(result.published, page.published)
        if page.author.strip():
            scores.author_pages += 1
            author_hits += author_correct(result.authors, page.author)
    scores.body_f1 = f1_sum / scores.pages if scores.pages else 0.0
    scores.title = title_hits / scores.title_pages if scores.title_pages else 0.0
    scores.date = date_hits / scores.date_pages if scores.date_pages else 0.0
    scores.author = author_hits / scores.author_pages if scores.author_pages else 0.0
    return scores


def run_sitrep(page: GoldPage, html: str) -> ExtractionResult:
    """sitrep's extractor as the benchmark sees it; a page it refuses scores as empty."""
    from sitrep.errors import InputError
    from sitrep.extract import extract
    from sitrep.models import RawDocument

    try:
        article = extract(RawDocument(origin=page.page_id, content=html, kind="html",
                                      url=page.url))
    except InputError:
        return ExtractionResult("")
    return ExtractionResult(article.text, article.title, article.authors, article.published)
