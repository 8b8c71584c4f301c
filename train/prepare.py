"""Turn UD English-EWT (.conllu) + UniversalNER English-EWT (.iob2) into spaCy DocBin files.

    .venv/bin/python train/prepare.py [--shared ../shared] [--out train/corpus]

Both treebanks share sentence ids and word segmentation (UD's syntactic words, with
multi-word tokens such as "didn't" split into "did" + "n't"), so one Doc per group of
sentences carries tags, morphology, lemmas, the dependency tree and entities together.
Sentences are grouped by document/paragraph (up to 10 per Doc) so the parser also learns
where sentences end. UNER's OTH and stray B-O tags become O, as its README asks; the
handful of sentences whose tokens do not line up keep their syntax and get no entities
(marked missing, not "no entity"), so they teach nothing wrong about names.

``--augment F`` adds, for a share F of the training groups that hold entities, a copy in
which every PER/ORG/LOC name is swapped for a name of the same type from sitrep's own
actor knowledge base (people; organisations; countries and capitals). EWT is web text
from the 2000s: the copies teach the NER the names news of 2025-26 is full of
(Zelenskyy, Hamas, the IAEA) without a single hand-labelled news sentence. The swapped
name keeps the old name's place in the tree: people as UD ``flat`` names headed by their
first word, organisations and places as ``compound`` chains headed by their last.

Data licence: CC BY-SA 4.0 (UD English-EWT, UniversalNER); see train/README.md.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
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


_PLAIN_NAME = re.compile(r"^[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,3}$")


def kb_names() -> dict[str, list[list[str]]]:
    """Names by UNER type from the shipped knowledge base, split into words.

    Only plain capitalised words: names with hyphens, dots or apostrophes would be split
    differently by the run-time tokenizer than written here.
    """
    from sitrep.analyze.kb import KnowledgeBase

    names: dict[str, set[str]] = {"PER": set(), "ORG": set(), "LOC": set()}
    for entry in KnowledgeBase.load().entries():
        label = {"person": "PER", "organization": "ORG", "country": "LOC"}.get(entry.kind)
        if label is None:
            continue
        for form in (entry.name, *entry.aliases):
            form = form.removeprefix("the ")
            if _PLAIN_NAME.match(form) and not (label == "ORG" and len(form) < 3):
                names[label].add(form)
    return {label: [form.split() for form in sorted(forms)] for label, forms in names.items()}


def _entity_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag.startswith("B-"):
            spans.append((i, i + 1, tag[2:]))
        elif tag.startswith("I-") and spans and spans[-1][1] == i:
            spans[-1] = (spans[-1][0], i + 1, spans[-1][2])
    return spans


def swap_names(sent: Sentence, tags: list[str], names: dict[str, list[list[str]]],
               rng: random.Random) -> tuple[Sentence, list[str]]:
    """A copy of ``sent`` with each entity replaced by a random KB name of its type."""
    spans = [span for span in _entity_spans(tags) if span[2] in names]
    if not spans:
        return sent, tags
    new = replace(sent, words=[], spaces=[], lemmas=[], pos=[], tags=[], morphs=[],
                  heads=[], deps=[])
    new_tags: list[str] = []
    old_to_new: dict[int, int] = {}  # 1-based old index -> 1-based new index
    pending: list[tuple[int, int]] = []  # (new 1-based index, old head to remap)
    i = 0
    while i < len(sent.words):
        span = next((s for s in spans if s[0] == i), None)
        if span is None:
            old_to_new[i + 1] = len(new.words) + 1
            for attr in ("words", "spaces", "lemmas", "pos", "tags", "morphs"):
                getattr(new, attr).append(getattr(sent, attr)[i])
            new.heads.append(sent.heads[i])
            new.deps.append(sent.deps[i])
            new_tags.append(tags[i])
            pending.append((len(new.words), sent.heads[i]))
            i += 1
            continue
        start, end, label = span
        inside = range(start + 1, end + 1)
        root = next((k for k in inside if sent.heads[k - 1] not in inside), start + 1)
        name = rng.choice(names[label])
        first = len(new.words) + 1
        head_pos = first if label == "PER" else first + len(name) - 1
        for k in inside:
            old_to_new[k] = head_pos
        for j, word in enumerate(name):
            new.words.append(word)
            new.spaces.append(True if j < len(name) - 1 else sent.spaces[end - 1])
            new.lemmas.append(word)
            new.pos.append("PROPN")
            new.tags.append("NNP")
            new.morphs.append("Number=Sing")
            new_tags.append(("B-" if j == 0 else "I-") + label)
            here = first + j
            if here == head_pos:
                new.heads.append(sent.heads[root - 1])
                new.deps.append(sent.deps[root - 1])
                pending.append((here, sent.heads[root - 1]))
            else:
                new.heads.append(head_pos)
                new.deps.append("flat" if label == "PER" else "compound")
        i = end
    for index, old_head in pending:
        new.heads[index - 1] = old_to_new[old_head] if old_head else 0
    if not _is_tree(new.heads):
        # A name whose words hang on different heads ("Bush 's" with an appositive) can
        # close a cycle once its words become one head; keep such a sentence as it was.
        return sent, tags
    return new, new_tags


def _is_tree(heads: list[int]) -> bool:
    """Whether 1-based ``heads`` (0 = root) form one tree: one root, no cycles."""
    if heads.count(0) != 1:
        return False
    for start in range(1, len(heads) + 1):
        seen = set()
        node = start
        while node:
            if node in seen:
                return False
            seen.add(node)
            node = heads[node - 1]
    return True


def groups(sentences: list[Sentence]) -> Iterator[list[Sentence]]:
    batch: list[Sentence] = []
    for sent in sentences:
        if batch and (sent.newdoc or sent.newpar or len(batch) >= MAX_SENTS_PER_DOC):
            yield batch
            batch = []
        batch.append(sent)
    if batch:
        yield batch


def augmented(batch: list[Sentence], ner: dict[str, list[str]],
              names: dict[str, list[list[str]]], rng: random.Random
              ) -> tuple[list[Sentence], dict[str, list[str]]] | None:
    """The group with its names swapped, or None when it has no usable entities."""
    out: list[Sentence] = []
    out_ner: dict[str, list[str]] = {}
    swapped = False
    for sent in batch:
        gold = ner.get(sent.sent_id)
        if gold is None or len(gold) != len(sent.words):
            return None
        tags = _repair_iob(gold)
        new, new_tags = swap_names(sent, tags, names, rng)
        swapped |= new is not sent
        new = replace(new, sent_id=sent.sent_id + "-aug")
        out.append(new)
        out_ner[new.sent_id] = new_tags
    return (out, out_ner) if swapped else None


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
        spaces += [*sent.spaces[:-1], True]
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
    here = Path(__file__).resolve()
    parser.add_argument("--shared", type=Path, default=here.parents[2] / "shared")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "corpus")
    parser.add_argument("--augment", type=float, default=0.5,
                        help="share of training groups with entities to copy with KB names")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    names = kb_names() if args.augment > 0 else {}
    ud_dir = args.shared / "data" / "ud-ewt"
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("en")
    for split in SPLITS:
        sentences = list(read_conllu(ud_dir / f"en_ewt-ud-{split}.conllu"))
        ner = read_iob2(ud_dir / f"uner_en_ewt-{split}.iob2")
        docs = DocBin(store_user_data=False)
        extra = 0
        for batch in groups(sentences):
            docs.add(to_doc(nlp.vocab, batch, ner))
            if split == "train" and names and rng.random() < args.augment:
                swapped = augmented(batch, ner, names, rng)
                if swapped is not None:
                    docs.add(to_doc(nlp.vocab, *swapped))
                    extra += 1
        docs.to_disk(args.out / f"{split}.spacy")
        print(f"{split}: {len(sentences)} sentences -> {len(docs)} docs "
              f"({extra} name-swapped copies)")


if __name__ == "__main__":
    main()
