"""Put a trained pipeline into the package, scored on the EWT test split.

    .venv/bin/python train/package.py train/out/model-best [--test train/corpus/test.spacy]

Loads the pipeline, scores it on the held-out EWT test split (never seen in training or
model selection), writes name, version, licence, sources and those scores into its
``meta.json`` and saves it to ``src/sitrep/analyze/nlp/model/`` (replacing what is there),
with the licence notice beside it. The figures printed are the ones the README quotes.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy
from spacy.training import Corpus

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "src" / "sitrep" / "analyze" / "nlp" / "model"
SOURCES = [
    {"name": "Universal Dependencies English Web Treebank (UD_English-EWT)",
     "url": "https://universaldependencies.org/", "license": "CC BY-SA 4.0",
     "author": "Silveira et al. 2014"},
    {"name": "UniversalNER English-EWT", "url": "https://www.universalner.org/",
     "license": "CC BY-SA 4.0", "author": "Mayhew et al. 2024"},
]
NOTICE = """# sitrep's English pipeline: data licence

The weights in this folder were trained by sitrep (`train/` in the source repository) from
Universal Dependencies English-EWT and UniversalNER English-EWT, both CC BY-SA 4.0. As a
work derived from them, this model is distributed under CC BY-SA 4.0
(<https://creativecommons.org/licenses/by-sa/4.0/>); sitrep's code is Apache-2.0.

Attribution:
- Silveira et al., *A Gold Standard Dependency Corpus for English* (LREC 2014),
  Universal Dependencies English Web Treebank, <https://universaldependencies.org/>.
- Mayhew et al., *Universal NER: A Gold-Standard Multilingual Named Entity Recognition
  Benchmark* (NAACL 2024), <https://www.universalner.org/>.

Names in part of the NER training copies were swapped for names from sitrep's actor
knowledge base (see `train/prepare.py`). Scores on the EWT test split are in `meta.json`
under `performance`.
"""
KEEP = ("tag_acc", "pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f",
        "ents_f", "ents_p", "ents_r", "ents_per_type", "speed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--test", type=Path, default=REPO / "train" / "corpus" / "test.spacy")
    parser.add_argument("--version", default="0.1.0")
    args = parser.parse_args()

    nlp = spacy.load(args.model)
    scores = nlp.evaluate(Corpus(str(args.test))(nlp))
    performance = {key: scores[key] for key in KEEP if key in scores}
    nlp.meta.update({
        "name": "sitrep_en_news", "version": args.version,
        "description": "sitrep's English pipeline (tagger, morphologizer, lemmatizer, "
                       "UD parser, PER/ORG/LOC NER), trained on UD English-EWT + UniversalNER",
        "author": "sitrep", "license": "CC BY-SA 4.0", "sources": SOURCES,
        "performance": performance,
    })
    if TARGET.exists():
        shutil.rmtree(TARGET)
    nlp.to_disk(TARGET)
    (TARGET / "LICENSE.md").write_text(NOTICE, encoding="utf-8")
    size = sum(f.stat().st_size for f in TARGET.rglob("*") if f.is_file())
    print(json.dumps({k: v for k, v in performance.items() if k != "ents_per_type"},
                     indent=1))
    print(f"ents per type: {json.dumps(performance.get('ents_per_type', {}))}")
    print(f"saved to {TARGET} ({size / 2**20:.1f} MiB)")


if __name__ == "__main__":
    main()
