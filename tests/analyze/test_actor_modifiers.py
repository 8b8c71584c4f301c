"""Role words used as modifiers name no one (sitrep.analyze.nlp.actor_modifiers): "student
loans", "employee benefits", "local channels" are things; a role word heading its phrase
("a local said", "student protesters", "local officials") keeps its actor."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest
import spacy
from actor_support import actors
from spacy.tokens import Doc

from sitrep.analyze import analyze_text
from sitrep.analyze.nlp.actor_lexicon import load_actor_words
from sitrep.analyze.nlp.actor_modifiers import NOUN_WORDS_FILE, modifies_a_noun, noun_words
from sitrep.analyze.nlp.records import tokens_of
from sitrep.errors import AnalysisError

ON = date(2025, 6, 1)


@pytest.mark.parametrize(("text", "role"), [
    ("Many young families struggle to repay student loans every month.", "student"),
    ("Employee benefits rose sharply at the factory this year.", "Employee"),
    ("Patient care improved at the new clinic in the valley.", "Patient"),
    ("Editor picks for the week include three new novels.", "Editor"),
    ("Fans who cannot stream their local baseball games have complained.", "local"),
    ("We hired the firm for a recent local move across town.", "local"),
    ("Local and national channels carried the speech live.", "Local"),
    ("The course builds academic skills and confidence.", "academic"),
])
def test_a_role_word_modifying_a_noun_is_no_actor(text: str, role: str) -> None:
    assert role not in actors(text, ON)


@pytest.mark.parametrize(("text", "mention", "expected"), [
    ("A local said the river had flooded twice this spring.", "local", (None, "CVL")),
    ("Locals protested outside the town hall on Friday.", "Locals", (None, "CVL")),
    ("A student was arrested in Paris on Monday.", "student", ("FRA", "EDU")),
    ("Student protesters marched through Tehran on Sunday.",
     "Student protesters", ("IRN", "CVL")),
    ("Local officials in Ohio said the bridge would stay closed.",
     "Local officials", ("USA", "CVL")),
    ("A local man was killed when the wall collapsed.", "local", (None, "CVL")),
    ("A senior academic warned that the reform would fail.", "academic", (None, "EDU")),
    ("An employee said the plant would close next month.", "employee", (None, "LAB")),
    ("Jane Roe, chief executive of Acme Robotics, said the firm would bid.", "executive",
     (None, "BUS")),
])
def test_a_role_word_heading_its_phrase_stays(text: str, mention: str,
                                              expected: tuple[str | None, str]) -> None:
    assert actors(text, ON).get(mention) == expected


def test_a_word_of_an_armed_side_before_a_noun_stands_for_that_side() -> None:
    # PLOVER codes the target of "attacked rebel positions" as the rebels
    analysis = analyze_text("The army attacked rebel positions near Goma on Tuesday.", ON)
    assert any(a.name == "rebel" and a.sector == "REB" for a in analysis.actors)


def test_a_parsed_doc_is_read_by_its_parse() -> None:
    """With a dependency parse (a caller's parsed doc) the parse decides: "student" as a
    compound of "loans" modifies it, as the subject of "left" it heads its phrase."""
    words = load_actor_words()
    vocab = spacy.blank("en").vocab
    loans = Doc(vocab, words=["Student", "loans", "rose"], heads=[1, 2, 2],
                deps=["compound", "nsubj", "ROOT"])
    left = Doc(vocab, words=["A", "student", "left"], heads=[1, 2, 2],
               deps=["det", "nsubj", "ROOT"])
    assert modifies_a_noun(loans, tokens_of(loans), words, 0, 0)
    assert not modifies_a_noun(left, tokens_of(left), words, 1, 1)


def test_the_noun_list_holds_nouns_not_verbs() -> None:
    nouns = noun_words()
    assert {"loans", "benefits", "care", "channels", "baseball"} <= nouns
    assert not nouns & {"said", "says", "was", "needs", "pays", "protested", "at", "who"}


def test_a_broken_noun_list_is_an_error(tmp_path: Path) -> None:
    broken = tmp_path / "noun_words.txt"
    broken.write_text("# header\nloans\nNot Lower\n", encoding="utf-8")
    with pytest.raises(AnalysisError):
        noun_words(broken)
    with pytest.raises(AnalysisError):
        noun_words(tmp_path / "absent.txt")


def test_the_noun_list_is_what_train_noun_words_writes(shared_dir: Path) -> None:
    script = Path(__file__).resolve().parents[2] / "train" / "noun_words.py"
    spec = importlib.util.spec_from_file_location("noun_words_script", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    nouns, others = module.count(shared_dir / "data" / "ud-ewt" / "en_ewt-ud-train.conllu")
    found = {w for w, n in nouns.items() if n >= 1 and n >= 2 * others[w]}
    plurals = {f"{w}s" for w in found if not w.endswith("s") and others[w] == 0
               and others[f"{w}s"] == 0}
    assert found | plurals == set(noun_words(NOUN_WORDS_FILE))
