"""Strip page chrome (newsletter prompts, share bars, "Trending", cookie banners...) from
scraped plain text.

Why a classifier rather than a list of strings: scraped text arrives from thousands of
sites, each with its own wording, so matching known phrases only ever fixes the sample
it was written for. Instead each line is described by general features (its length, whether
it ends like a sentence, how much of it is call-to-action vocabulary, whether it repeats,
whether it looks like a menu) and its position: chrome gathers at the start and, above
all, at the end of a page, while the article sits in the middle. The vocabulary lives in
``chrome_vocabulary.yaml`` beside this module.

Care is taken not to eat real short paragraphs ("He declined to comment.") or datelines
("WASHINGTON — ..."): a line that reads like a sentence only goes when it *opens* with a
call to action and is dense with chrome words, and sentence-like lines stop the sweep
from the end of the page, as do the story's own closing notes that look like labels (a
wire or contributor credit, a tweet's sign-off, the prices in a fact box).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from sitrep.errors import ConfigError

__all__ = ["ChromeVocabulary", "LineFeatures", "describe_line", "load_vocabulary", "small_print",
           "story_note", "strip_chrome"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ASCII_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")   # _WORD in lower-case ASCII, found faster
_TERMINAL = (".", "!", "?", "…", '"', "”", "’", "'", ")", ":", ";", "。", "！", "？", "」",
             "』", "）", "؟", "।")
_LABEL_MAX_CHARS = 120      # longer lines are prose even without spaces (CJK) or punctuation
_SHORT_LABEL_WORDS = 15     # a line without sentence punctuation this short may be a label
_TEASER_WORDS = 30          # lines after a "Related"/"Trending" header this short are teasers
_HEADER_WORDS = 6           # a section header of chrome is at most this long
_BANNER_WORDS = 40          # a consent or sign-up banner is at most this long
# Lines an extractor laid out: a table row, a list item, a numbered step, or a schedule's
# row ("June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL": a tour's dates closing a
# music story are short and unpunctuated like labels, but the story's; two ScrapingHub
# pages +0.2 body F1 each, the WCXB pages unchanged).
_STRUCTURED = re.compile(r"^(?:\|.*\|$|[-*•]\s|\d{1,2}[.)]\s"
                         r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}"
                         r" +[-–—]+ +\w)", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
# A reading-time label, all of its line: "5 min read", "12 MIN. READ", "Reading time: 4 minutes".
_READING_TIME = re.compile(
    r"^\W*(?:\d+\s*(?:-\s*\d+\s*)?(?:min(?:ute)?s?|hours?)\.?\s+(?:to\s+)?read(?:ing)?"
    r"(?:\s+time)?|read(?:ing)?\s+time\W*\d+\s*(?:min(?:ute)?s?|hours?)\.?(?:\s+read)?)\W*$",
    re.IGNORECASE)
# A link out to another story set into the article: "Related: <headline>", "[Related
# coverage: <headline>]". A line of its own, a headline long at most.
_RELATED_LINK = re.compile(
    r"^\[?\s*related(?: (?:posts?|articles?|story|stories|content|coverage|links?|reading"
    r"|news))?\s*:\s*\S", re.IGNORECASE)
_RELATED_LINK_WORDS = 25
_DISCLAIMER_WORDS = 150   # legal small print is a paragraph, not a page
# Excerpts: a teaser widget cuts each post's opening to a fixed number of words (or
# characters, then marks the cut with an ellipsis).
_EXCERPT_WORDS = 25         # a teaser paragraph is at least this long ...
_ELLIPSIS_EXCERPT_WORDS = 15  # ... or this long when an ellipsis marks the cut
_EXCERPT_RUN = 2            # ... and comes with at least this many like it
_ELLIPSIS = re.compile(r"(?:…|(?<!\.)\.\.\.|\[…\]|\[\.\.\.\])\s*$")
# How a line that _ELLIPSIS finds ends, trailing spaces stripped: the cheap test first
# (the pattern, anchored only at its end, is tried at every position of the line).
_ELLIPSIS_ENDS = ("…", "...", "…]", "...]")
# The story's own closing notes, which look like labels (short, unpunctuated) but which
# news pages print as part of the article: a contributor or wire credit ("Contributing:
# Jane Roe", "With Post wires"), a republication credit ("Originally published on ..."),
# a bracketed photo credit or citation ("[Photo = City Council]", "[Annals, p. 41]"),
# the sign-off of an embedded post ("— Jane Roe (@janeroe) May 4, 2019") and an AP-style
# divider ("___") before the story's notes.
_STORY_NOTE = re.compile(
    r"^\W*(?:contribut(?:ing|ors?)\s*:\s*\w"
    r"|with\s+(?:[\w.&'’-]+\s+){0,3}(?:wires?|wire services|news services|news agencies)\W*$"
    r"|_{3,}\s*$)"
    r"|^\[[^\[\]]*\w[^\[\]]*\]$"
    r"|^[-–—]\s*.{1,80}\(@\w{1,15}\)\s+[a-z]{3,9}\.?\s+\d{1,2},\s+\d{4}\s*$", re.IGNORECASE)
# The words a line that _STORY_NOTE matches can open with, letters first: the cheap test
# (every other line opens with a mark: a dash, a bracket, an underscore).
_NOTE_OPENERS = frozenset({"contributing", "contributor", "contributors", "with"})
_REPUBLISHED = re.compile(r"^(?:\S+\s+){0,5}originally (?:published|appeared|ran)\b")
# A wire service's copyright credit: "© Reuters", "(c) 2019 AFP" (the name is checked
# against the vocabulary's wire_services).
_WIRE_COPYRIGHT = re.compile(r"^(?:©|ⓒ|\(c\)|copyright)\s*(?:\d{4}\s+)?(.+?)\W*$",
                             re.IGNORECASE)
# How to reach the writer, closing the page: "Follow her on Twitter @jroe", "Jane Roe may
# be reached at jroe@example.com" (not "You may contact the agency at ...": a story's
# closing service information is the story's).
_WRITER_CONTACT = re.compile(
    r"\bfollow (?:me|him|her|them|us)\s+(?:@|(?:on|at)\s+(?:twitter|x|facebook|instagram|"
    r"tiktok|threads|bluesky|linkedin|youtube|pinterest|mastodon|social media)\b)"
    r"|\b(?:may|can) be reached at\b", re.IGNORECASE)
_WRITER_CONTACT_WORDS = 60
# A price: fact boxes closing a story (tickets, admission, costs) list them.
_PRICE = re.compile(r"[$€£¥₩₹]\s?\d|\d\s?[$€£¥₩₹]")
_STORY_NOTE_WORDS = 30
# A widget label may be followed by its toggle's caption ("Table of Contents Show").
_TOGGLES = frozenset({"show", "hide", "toggle", "expand", "collapse", "open", "close"})


@dataclass(frozen=True, slots=True)
class ChromeVocabulary:
    """The words chrome.py weighs; loaded once from ``chrome_vocabulary.yaml``."""

    cta_verbs: frozenset[str]
    chrome_words: frozenset[str]
    ad_markers: frozenset[str]
    nav_separators: frozenset[str]
    banner_words: frozenset[str]
    reader_words: frozenset[str]
    consent_words: frozenset[str]
    site_words: frozenset[str]
    widget_labels: frozenset[str]
    disclaimer_phrases: tuple[str, ...]
    wire_services: frozenset[str]
    teaser_headings: frozenset[str]


@dataclass(frozen=True, slots=True)
class LineFeatures:
    """What the classifier knows about one line of text."""

    words: int
    terminal: bool
    chrome_density: float
    opens_with_cta: bool
    ad_marker: bool
    nav_like: bool
    repeated: bool
    banner: bool
    cta_sentence: bool
    chrome_words: int = 0
    chars: int = 0
    structured: bool = False    # a table row or list item: content an extractor laid out
    widget_label: bool = False  # the label of a page widget: "Table of contents", "5 min read"
    related_link: bool = False  # a link out to another story: "Related: <headline>"

    @property
    def strong_chrome(self) -> bool:
        """Chrome wherever it stands: menus, ad labels, short calls to action, and links
        out to another story ("Related: <headline>": on the even WCXB and the ScrapingHub
        pages no such line was the gold's, while "Also read:" and "Learn more:" lines
        were, and stay).

        A list item or table row goes only as a menu, a label or a banner: its words
        alone do not condemn it ("- No free trial" in a review's cons, "| Email | $20 |"
        in a price table are the article's; on the even WCXB pages such lines were as
        often the gold's as not)."""
        if self.ad_marker or self.nav_like or self.banner or self.widget_label \
                or self.related_link:
            return True
        if self.words == 0 or self.structured:
            return False
        if self.terminal:
            # Sentence-like lines need to open with a call to action and be dense with
            # chrome words, so "He declined to comment." survives.
            return (self.opens_with_cta and self.chrome_words >= 2
                    and self.chrome_density >= 0.25 and self.words <= 25) or (
                        self.chrome_density >= 0.6 and self.words <= 12)
        # One chrome word in a two-word line ("Android app", "Market share: 4%") is not
        # enough; a lone word ("Trending") or two of them ("Share this story") are.
        if self.words <= 12 and self.chrome_density >= 0.5 and (
                self.chrome_words >= 2 or self.words == 1):
            return True
        return self.opens_with_cta and self.chrome_density >= 0.25 and self.words <= 20

    @property
    def weak_chrome(self) -> bool:
        """Chrome if it stands at the edge of the page: labels, headlines, repeated lines."""
        if self.strong_chrome:
            return True
        if self.structured or self.chars > _LABEL_MAX_CHARS:
            return False
        if self.repeated or self.cta_sentence:
            return True
        return not self.terminal and self.words <= _SHORT_LABEL_WORDS

    @property
    def section_header(self) -> bool:
        """A short chrome heading ("Related stories", "Trending") that opens a block of teasers."""
        return (self.strong_chrome and not self.ad_marker and not self.terminal
                and 0 < self.words <= _HEADER_WORDS)


def _string_set(data: dict[str, Any], key: str) -> frozenset[str]:
    values = data.get(key)
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise ConfigError(f"chrome_vocabulary.yaml: {key!r} must be a list of non-empty strings")
    return frozenset(v.lower() for v in values)


@lru_cache(maxsize=1)
def load_vocabulary() -> ChromeVocabulary:
    """Read and check the bundled vocabulary (a broken file is a packaging bug: ConfigError)."""
    text = resources.files("sitrep.extract").joinpath("chrome_vocabulary.yaml").read_text(
        encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ConfigError("chrome_vocabulary.yaml: expected a mapping at the top level")
    return ChromeVocabulary(
        cta_verbs=_string_set(data, "cta_verbs"),
        chrome_words=_string_set(data, "chrome_words"),
        ad_markers=_string_set(data, "ad_markers"),
        nav_separators=_string_set(data, "nav_separators"),
        banner_words=_string_set(data, "banner_words"),
        reader_words=_string_set(data, "reader_words"),
        consent_words=_string_set(data, "consent_words"),
        site_words=_string_set(data, "site_words"),
        widget_labels=_string_set(data, "widget_labels"),
        disclaimer_phrases=tuple(sorted(_string_set(data, "disclaimer_phrases"))),
        wire_services=_string_set(data, "wire_services"),
        teaser_headings=_string_set(data, "teaser_headings"),
    )


def _normal(line: str) -> str:
    return " ".join(_WORD.findall(line.lower()))


def _repeat_key(line: str) -> str:
    """Lines count as repeats only when identical but for case and spacing."""
    return " ".join(line.lower().split())


def _nav_like(line: str, vocabulary: ChromeVocabulary) -> bool:
    """Breadcrumbs and menus: three or more short items strung together by separators
    (a table row, "| a | b |", is data, not a menu; items strung by arrows, "Draft → Review
    → Publish", are the steps of a flow the writer describes, not a menu)."""
    if line.startswith("|") and line.endswith("|"):
        return False
    if not any(separator in line for separator in vocabulary.nav_separators):
        return False    # the common case, settled without splitting the line
    tokens = line.split()
    separators = sum(1 for token in tokens if token in vocabulary.nav_separators)
    if separators < 2:
        return False
    items = [item for item in re.split(r"\s[|›»>•·/]\s", line) if item.strip()]
    return len(items) >= 3 and all(len(item.split()) <= 4 for item in items)


def _widget_label(words: list[str], line: str, vocabulary: ChromeVocabulary) -> bool:
    """A line that is only the label of a page widget: a table of contents' heading ("On
    this page", "Table of Contents Show"), a recommendation box's heading ("You may also
    like...") or a reading-time estimate ("6 min read").

    The table of contents itself is navigation that extractors mostly drop, leaving its
    heading stranded over the article's first paragraph; the estimate is a widget
    printed by the byline. None is the writer's text. Only whole lines count, so "In
    this article, we compare ..." and "You may also like the sequel." stay.
    """
    if words and words[-1] in _TOGGLES:
        words = words[:-1]
    return " ".join(words) in vocabulary.widget_labels or bool(_READING_TIME.match(line))


def small_print(line: str, vocabulary: ChromeVocabulary | None = None) -> bool:
    """A site's legal small print: a "Disclaimer:" or "Disclosure:" paragraph, or a line
    with one of the formulas such notices are written in ("for informational purposes
    only", "does not constitute", "registered trademarks", "you agree that").

    Only weak evidence (reporting can quote such words), so it counts only in the sweep
    in from the end of the page, where site-wide small print follows the article (and is
    only asked there, for the few lines the sweep reaches), and only in a paragraph of
    notice length (a page flattened onto one line is not one). A wire copyright credit
    ("© 2024 The Associated Press. All rights reserved.") and an editor's note that the
    views are the author's own are not small print here: they belong to the article,
    naming its source and its standing.
    """
    vocab = vocabulary or load_vocabulary()
    words = _WORD.findall(line.lower())
    if not words or len(words) > _DISCLAIMER_WORDS:
        return False
    if words[0] in ("disclaimer", "disclosure", "disclaimers", "disclosures"):
        return True
    normal = " ".join(words)
    return any(phrase in normal for phrase in vocab.disclaimer_phrases)


def writer_contact(line: str) -> bool:
    """A note on how to reach or follow the writer or the site ("Follow her on Twitter
    @jroe.", "Jane Roe may be reached at jroe@example.com."): the page's furniture under
    the story, though written as a sentence. Only asked in the sweep in from the end of the
    page, where such notes close it (a story may quote such words)."""
    return len(line.split()) <= _WRITER_CONTACT_WORDS and bool(_WRITER_CONTACT.search(line))


def story_note(line: str, vocabulary: ChromeVocabulary | None = None) -> bool:
    """A note that closes the story and belongs to it though it reads like a label: a
    contributor, wire or republication credit ("Contributing: Jane Roe", "With Post
    wires", "© Reuters", "Originally published on ..."), an embedded post's sign-off, a
    bracketed photo credit or citation, an AP-style divider before the story's notes, a
    price in a fact box (tickets, admission).

    The sweep in from the end of the page stops at such a line (and only asks there, for
    the few lines it reaches); a call to action among them still goes, as strong chrome.
    """
    stripped = line.strip()
    if not stripped:
        return False
    lowered = stripped.lower()
    words = _WORD.findall(lowered)
    if len(words) > _STORY_NOTE_WORDS:
        return False
    if (not stripped[0].isalpha() or (words and words[0] in _NOTE_OPENERS)) \
            and _STORY_NOTE.match(stripped):
        return True
    if "originally" in lowered and _REPUBLISHED.match(lowered):
        return True
    if _PRICE.search(stripped):
        return True
    if lowered.startswith(("©", "ⓒ", "(c)", "copyright")):
        copyright_line = _WIRE_COPYRIGHT.match(stripped)
        return copyright_line is not None and _normal(copyright_line.group(1)) in \
            (vocabulary or load_vocabulary()).wire_services
    return False


def _opens_call_to_action(sentence: str, vocabulary: ChromeVocabulary) -> bool:
    """A sentence that opens with an imperative and names some chrome ("Get it in your inbox")."""
    words = [w.lower() for w in _WORD.findall(sentence)]
    return bool(words) and words[0] in vocabulary.cta_verbs and any(
        w in vocabulary.chrome_words or w in vocabulary.banner_words for w in words[1:])


def describe_line(line: str, repeated: bool = False,
                  vocabulary: ChromeVocabulary | None = None) -> LineFeatures:
    """Compute the features of one line (exposed so tests can check the classifier's view).

    Every page's body passes through here line by line, so the cheap answers come first:
    a blank line has no features, a line without a call-to-action verb opens no call to
    action in any of its sentences, and the lower-cased line's words are its words
    lower-cased (for ASCII, and for nearly every other line: see below).
    """
    vocab = vocabulary or load_vocabulary()
    stripped = line.strip()
    if not stripped:
        return LineFeatures(words=0, terminal=False, chrome_density=0.0, opens_with_cta=False,
                            ad_marker=False, nav_like=False, repeated=repeated, banner=False,
                            cta_sentence=False)
    lowered = stripped.lower()
    if stripped.isascii():
        words = _ASCII_WORD.findall(lowered)
        normal = " ".join(words)
    elif len(lowered) == len(stripped) and "\u03a3" not in stripped:
        # Lower-casing maps each character to one character of the same kind for _WORD
        # (a letter to a letter, an apostrophe to itself: tests check every code point),
        # so the lowered line's words are the line's words lowered; only a capital sigma
        # (lowered by its context) or a character lowered to two ("İ") breaks that.
        words = _WORD.findall(lowered)
        normal = " ".join(words)
    else:
        words = [w.lower() for w in _WORD.findall(stripped)]
        normal = _normal(stripped)
    chrome = sum(map(vocab.chrome_words.__contains__, words))
    # Two different banner words: "policy" twice is an insurance article, not a banner.
    banner_hits = len(vocab.banner_words.intersection(words))
    addresses_reader = any(map(vocab.reader_words.__contains__, words))
    return LineFeatures(
        words=len(words),
        terminal=stripped.endswith(_TERMINAL),
        chrome_density=chrome / len(words) if words else 0.0,
        opens_with_cta=bool(words) and words[0] in vocab.cta_verbs,
        ad_marker=normal in vocab.ad_markers,
        nav_like=_nav_like(stripped, vocab),
        repeated=repeated,
        chrome_words=chrome,
        chars=len(stripped),
        structured=bool(_STRUCTURED.match(stripped)),
        widget_label=len(words) <= _HEADER_WORDS and _widget_label(words, stripped, vocab),
        related_link=len(words) <= _RELATED_LINK_WORDS and bool(_RELATED_LINK.match(stripped)),
        banner=banner_hits >= 2 and addresses_reader and len(words) <= _BANNER_WORDS,
        cta_sentence=len(words) <= _TEASER_WORDS
        and any(map(vocab.cta_verbs.__contains__, words)) and any(
            _opens_call_to_action(sentence, vocab) for sentence in _SENTENCE.split(stripped)),
    )


def _classify(lines: list[str]) -> list[LineFeatures]:
    keys = [_repeat_key(line) for line in lines]
    counts: dict[str, int] = {}
    for key in keys:
        if key:
            counts[key] = counts.get(key, 0) + 1
    vocabulary = load_vocabulary()
    return [describe_line(line, repeated=counts.get(key, 0) > 1, vocabulary=vocabulary)
            for line, key in zip(lines, keys, strict=True)]


_CONSENT_LINES = 2       # a cookie notice at the end of a page runs over at least this many
_CONSENT_MENTIONS = 3    # lines and names cookies (or consent) at least this many times


def _consent_notice(lines: list[str], content: list[int],
                    vocabulary: ChromeVocabulary) -> list[int]:
    """The trailing run of lines that make up a cookie-consent notice, else [].

    Consent plugins print their category descriptions as full sentences ("Necessary
    cookies are absolutely essential for the website to function properly."), so the
    line classifier keeps them; as a block they are unmistakable: every line of the run
    names cookies or consent, they do so several times, and the website or browser is
    their subject. An article that ends on a recipe for cookies names no website.
    """
    run: list[int] = []
    mentions = 0
    about_the_site = False
    for i in reversed(content):
        words = [w.lower() for w in _WORD.findall(lines[i])]
        hits = sum(1 for w in words if w in vocabulary.consent_words
                   or w.startswith(("cookie", "gdpr")))
        if not hits:
            break
        run.append(i)
        mentions += hits
        about_the_site = about_the_site or any(w in vocabulary.site_words for w in words)
    if len(run) >= _CONSENT_LINES and mentions >= _CONSENT_MENTIONS and about_the_site:
        return run
    return []


def _excerpt_kind(line: str, features: LineFeatures) -> str | None:
    """"cut" for a long paragraph stopped mid-sentence, "ellipsis" for one that ends on an
    ellipsis, else None (short lines, list items and table rows are never excerpts)."""
    if features.words < _ELLIPSIS_EXCERPT_WORDS or features.structured:
        return None
    # A teaser is cut to a count of the words as written, spaces between them, which the
    # letter-run count stands for in ASCII; in a script written with vowel marks (Arabic
    # with its harakat, each mark splitting a run) it is several times that, and two
    # verses of a poem would pass for a run of cut excerpts.
    words = features.words if line.isascii() else len(line.split())
    if words < _ELLIPSIS_EXCERPT_WORDS:
        return None
    if not features.terminal:
        return "cut" if words >= _EXCERPT_WORDS else None
    end = line.rstrip()
    return "ellipsis" if end.endswith(_ELLIPSIS_ENDS) and _ELLIPSIS.search(end) else None


def _excerpts(lines: list[str], content: list[int], features: list[LineFeatures]) -> set[int]:
    """Runs of post excerpts: the teasers a "more from the blog" widget prints under (or
    over) the article, each the opening of another post cut short.

    A teaser widget cuts every excerpt the same way: to a fixed number of words, so that
    each paragraph stops mid-sentence ("... guiding them through") at the same word
    count, or to a number of characters marked with an ellipsis. One such paragraph may
    be a quirk of the page; two or more side by side, each long (list items and table
    rows aside), are excerpts: paragraphs the writer wrote end on a full stop and do not
    all run to the same length.
    """
    found: set[int] = set()
    run: list[int] = []
    kinds: set[str] = set()

    def close() -> None:
        if len(run) >= _EXCERPT_RUN:
            counts = [len(lines[i].split()) for i in run]
            if "ellipsis" in kinds or max(counts) - min(counts) <= 1:
                found.update(run)
        run.clear()
        kinds.clear()

    for i in content:
        kind = _excerpt_kind(lines[i], features[i])
        if kind is None or (kinds and kind not in kinds):
            close()
        if kind is not None:
            run.append(i)
            kinds.add(kind)
    close()
    return found


_TEASER_RUN = 2          # a box of teasers holds at least this many headlines ...
_HEADLINE_WORDS = 20     # ... each at most this long


def _teaser_boxes(lines: list[str], content: list[int], features: list[LineFeatures],
                  vocabulary: ChromeVocabulary) -> set[int]:
    """Boxes of links to other stories set into the page, wherever they stand: a teaser
    heading ("Don't miss", "Most read") and the headlines under it, up to the next line
    that reads like a sentence (or a list item: a list under such a heading may be the
    writer's picks). Two headlines at least, so a heading over the story's own prose
    stays."""
    found: set[int] = set()
    for k, i in enumerate(content):
        if not 0 < features[i].words <= _HEADER_WORDS \
                or _normal(lines[i]) not in vocabulary.teaser_headings:
            continue
        run: list[int] = []
        for j in content[k + 1:]:
            if features[j].terminal or features[j].structured \
                    or features[j].words > _HEADLINE_WORDS:
                break
            run.append(j)
        if len(run) >= _TEASER_RUN:
            found.add(i)
            found.update(run)
    return found


def _chrome_indices(lines: list[str], sweep_edges: bool) -> set[int]:
    """Indices of the lines to drop; ``sweep_edges`` also clears weak chrome at the edges."""
    features = _classify(lines)
    content = [i for i, line in enumerate(lines) if line.strip()]
    drop: set[int] = {i for i in content if features[i].strong_chrome}
    if not sweep_edges:
        return drop

    vocabulary = load_vocabulary()
    # Teasers for other posts, wherever they stand.
    drop.update(_excerpts(lines, content, features))
    drop.update(_teaser_boxes(lines, content, features, vocabulary))
    # A cookie-consent notice closing the page goes as a block.
    drop.update(_consent_notice(lines, content, vocabulary))

    # Sweep in from the end: everything chrome-like after the last sentence-like line
    # goes, and the site's legal small print with it.
    for i in reversed(content):
        if i in drop:
            continue
        if not (features[i].weak_chrome or small_print(lines[i], vocabulary)
                or writer_contact(lines[i])) or story_note(lines[i], vocabulary):
            break
        drop.add(i)

    # A "Related"/"Trending" header in the last third, followed only by short teasers,
    # takes its teasers with it even when they end in a full stop.
    tail_start = content[len(content) * 2 // 3] if len(content) >= 3 else len(lines)
    for i in content:
        if i < tail_start or not features[i].section_header:
            continue
        after = [j for j in content if j > i and j not in drop]
        if len(after) <= 12 and all(features[j].words <= _TEASER_WORDS
                                    and not lines[j].lstrip().startswith("|") for j in after):
            drop.update(after)
            drop.add(i)
            break

    # Sweep in from the start: only clear chrome (menus, calls to action) goes, so a
    # headline or a byline at the top is kept.
    for i in content:
        if not (features[i].strong_chrome or (features[i].repeated and features[i].words <= 4)):
            break
        drop.add(i)
    return drop


def strip_chrome(text: str, sweep_edges: bool = True) -> str:
    """Remove page chrome lines from scraped plain text; paragraphs keep their blank lines.

    ``sweep_edges=False`` removes only lines that are chrome wherever they stand (menus, ad
    labels, calls to action, banners): for text an HTML extractor already cut to the
    article, where a trailing list or table is content, not a "Trending" block.
    Returns the cleaned text (possibly empty: the caller decides whether that is an error).
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    drop = _chrome_indices(lines, sweep_edges)
    kept = [line.rstrip() for i, line in enumerate(lines) if i not in drop]
    cleaned = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", cleaned).strip()
