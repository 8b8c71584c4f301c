"""Turn UD English-EWT (.conllu) + UniversalNER English-EWT (.iob2) into spaCy DocBin files.

    .venv/bin/python train/prepare.py [--shared ../shared] [--out train/corpus]

Both treebanks share sentence ids and word segmentation (UD's syntactic words, with
multi-word tokens such as "didn't" split into "did" + "n't"), so one Doc per group of
sentences carries tags, morphology, lemmas, the dependency tree and entities together.
Sentences are grouped by document/paragraph (up to 10 per Doc) so the parser also learns
where sentences end. UNER's OTH and stray B-O tags become O, as its README asks; the
handful of sentences whose tokens do not line up keep their syntax and get no entities
(marked missing, not "no entity"), so they teach nothing wrong about names.

Data licence: CC BY-SA 4.0 (UD English-EWT, UniversalNER); see train/README.md.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

SPLITS = {"train": "train", "dev": "dev", "test": "test"}
MAX_SENTS_PER_DOC = 10


@dataclass
class Sentence:
    sent_id: str
    newdoc: bool
    newpar: bool
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    morphs: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)


def read_conllu(path: Path) -> Iterator[Sentence]:
    sent: Sentence | None = None
    newdoc = newpar = False
    mwt_end = 0
    mwt_space = True
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("# newdoc"):
            newdoc = True
        elif raw.startswith("# newpar"):
            newpar = True
        elif raw.startswith("# sent_id"):
            sent = Sentence(raw.split("=", 1)[1].strip(), newdoc, newpar)
            newdoc = newpar = False
            mwt_end = 0  # a multi-word token never spans sentences
        elif not raw.strip():
            if sent is not None and sent.words:
                yield sent
            sent = None
        elif not raw.startswith("#") and sent is not None:
            cols = raw.split("\t")
            ident = cols[0]
            misc = cols[9]
            if "-" in ident:
                mwt_end = int(ident.split("-")[1])
                mwt_space = "SpaceAfter=No" not in misc
                continue
            if "." in ident:
                continue  # empty nodes of the enhanced graph
            index = int(ident)
            sent.words.append(cols[1])
            sent.lemmas.append(cols[2])
            sent.pos.append(cols[3])
            sent.tags.append(cols[4])
            sent.morphs.append("" if cols[5] == "_" else cols[5])
            sent.heads.append(int(cols[6]))
            sent.deps.append(cols[7])
            if index < mwt_end:
                sent.spaces.append(False)
            elif index == mwt_end:
                sent.spaces.append(mwt_space)
            else:
                sent.spaces.append("SpaceAfter=No" not in misc)


def read_iob2(path: Path) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    sid = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("# sent_id"):
            sid = raw.split("=", 1)[1].strip()
            tags[sid] = []
        elif raw.strip() and not raw.startswith("#") and sid is not None:
            tag = raw.split("\t")[2]
            if tag in ("B-O", "I-O") or tag.endswith("-OTH"):
                tag = "O"
            tags[sid].append(tag)
    return tags


def _repair_iob(tags: list[str]) -> list[str]:
    """I- after O (left by the OTH/B-O mapping) starts a new entity."""
    fixed = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        previous = tag
    return fixed


def groups(sentences: list[Sentence]) -> Iterator[list[Sentence]]:
    batch: list[Sentence] = []
    for sent in sentences:
        if batch and (sent.newdoc or sent.newpar or len(batch) >= MAX_SENTS_PER_DOC):
            yield batch
            batch = []
        batch.append(sent)
    if batch:
        yield batch


def to_doc(vocab: spacy.vocab.Vocab, batch: list[Sentence], ner: dict[str, list[str]]) -> Doc:
    words: list[str] = []
    spaces: list[bool] = []
    heads: list[int] = []
    deps: list[str] = []
    sent_starts: list[bool] = []
    ents: list[str | None] = []
    lemmas: list[str] = []
    pos: list[str] = []
    tags: list[str] = []
    morphs: list[str] = []
    for sent in batch:
        offset = len(words)
        for i in range(len(sent.words)):
            head = sent.heads[i]
            heads.append(offset + head - 1 if head else offset + i)
            sent_starts.append(i == 0)
        words += sent.words
        spaces += sent.spaces[:-1] + [True]
        deps += sent.deps
        lemmas += sent.lemmas
        pos += sent.pos
        tags += sent.tags
        morphs += sent.morphs
        gold = ner.get(sent.sent_id)
        if gold is not None and len(gold) == len(sent.words):
            ents += _repair_iob(gold)
        else:
            ents += [None] * len(sent.words)  # type: ignore[list-item]  # missing, not "O"
    return Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps,
               sent_starts=sent_starts, ents=ents, lemmas=lemmas, pos=pos, tags=tags,
               morphs=morphs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "corpus")
    args = parser.parse_args()
    ud_dir = args.shared / "data" / "ud-ewt"
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("en")
    for split in SPLITS:
        sentences = list(read_conllu(ud_dir / f"en_ewt-ud-{split}.conllu"))
        ner = read_iob2(ud_dir / f"uner_en_ewt-{split}.iob2")
        docs = DocBin(store_user_data=False)
        for batch in groups(sentences):
            docs.add(to_doc(nlp.vocab, batch, ner))
        docs.to_disk(args.out / f"{split}.spacy")
        print(f"{split}: {len(sentences)} sentences -> {len(docs)} docs")


if __name__ == "__main__":
    main()
