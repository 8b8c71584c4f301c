"""Finding syndicated copies: MinHash signatures and an LSH index over stored articles.

Wire stories run on many sites with a changed headline, a credit line or a few edited
words. Storing each would count every event several times in a brief, so a new article
whose word-shingle Jaccard similarity with a stored one is at least ``THRESHOLD`` is
folded onto the first copy instead.

MinHash (datasketch) signatures and MinHashLSH find candidates without comparing against
every article; candidates are then checked on the exact shingle Jaccard of the stored
bodies, because LSH banding lets some pairs below the threshold through and the MinHash
estimate itself is noisy.
Signatures are persisted as raw ``uint64`` hash values (``articles.minhash``), so the index
is rebuilt from the database and dedup works across runs and processes. ``NUM_PERM``,
``SEED`` and ``SCHEME`` (datasketch >= 2.0's 32-bit affine permutations, stored as
little-endian uint32) are part of the stored format: change them and old signatures no
longer compare.

datasketch is imported on first use: it pulls in scipy, which would add about a second
to every CLI command, including those that never save (search, brief).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from sitrep.errors import StoreError

if TYPE_CHECKING:
    from datasketch import MinHash

__all__ = [
    "LSH_THRESHOLD",
    "NUM_PERM",
    "SHINGLE_WORDS",
    "THRESHOLD",
    "CopyIndex",
    "best_original",
    "jaccard",
    "shingles",
    "signature",
    "signature_bytes",
]

THRESHOLD = 0.9
"""Fold an article when the exact Jaccard of its shingles with a stored one reaches this."""
LSH_THRESHOLD = 0.75
"""Where LSH starts proposing candidates. Below THRESHOLD on purpose: at 0.9 datasketch
picks 5 bands of 25 rows, which finds a pair of true similarity 0.92 only half the time
(measured: 219 of 300 copies at 1% edited words folded). 11 bands of 11 rows find 98% of
pairs at 0.9 and 99.6% at 0.92, and the few extra candidates cost one exact check each."""
NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
SHINGLE_WORDS = 3
_HASH_DTYPE = np.dtype("<u4")
_SIGNATURE_BYTES = NUM_PERM * _HASH_DTYPE.itemsize

_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """Overlapping 3-word shingles of the lowercased words (the text itself if shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")}
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


@functools.lru_cache(maxsize=64)
def signature(text: str) -> MinHash:
    """The MinHash signature of an article body (never mutate it: it is cached).

    Cached because ``Store.known`` and the following ``Store.save`` of the same article
    both need it, and it is the most expensive step of a save.
    """
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return minhash


def signature_bytes(minhash: MinHash) -> bytes:
    """The signature as stored in ``articles.minhash``: little-endian uint32 hash values."""
    return np.asarray(minhash.hashvalues, dtype=_HASH_DTYPE).tobytes()


def _from_bytes(blob: bytes, article_id: int) -> MinHash:
    if len(blob) != _SIGNATURE_BYTES:
        raise StoreError(
            f"article {article_id}: stored MinHash has {len(blob)} bytes, "
            f"expected {_SIGNATURE_BYTES} (signature format changed?)"
        )
    from datasketch import MinHash

    hashvalues = np.frombuffer(blob, dtype=_HASH_DTYPE).astype(np.uint32)
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=hashvalues)


@functools.cache
def _band_params() -> tuple[int, int]:
    """LSH (bands, rows) for LSH_THRESHOLD: datasketch integrates for them (~70 ms), so once."""
    from datasketch import MinHashLSH

    probe = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return int(probe.b), int(probe.r)


class CopyIndex:
    """An in-memory LSH index of stored articles' signatures, kept in step incrementally.

    It only proposes candidates; :func:`best_original` decides on the exact similarity of
    the stored texts, so MinHash's estimation error (about ±0.03 at 128 permutations) can
    neither fold a different article nor reject a copy that LSH found. ``last_id`` is the
    highest article id indexed; the store feeds it only newer rows, so articles written by
    another process since are picked up at the next save.
    """

    def __init__(self) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=_band_params())
        self._indexed: set[int] = set()
        self.last_id = 0

    def __len__(self) -> int:
        return len(self._indexed)

    def add_stored(self, rows: Iterable[tuple[int, bytes]]) -> None:
        """Index (article id, stored signature) pairs read from the database."""
        for article_id, blob in rows:
            self.add(article_id, _from_bytes(blob, article_id))

    def add(self, article_id: int, minhash: MinHash) -> None:
        """Index one article (call only after its transaction committed)."""
        if article_id in self._indexed:
            return
        self._lsh.insert(article_id, minhash)
        self._indexed.add(article_id)
        self.last_id = max(self.last_id, article_id)

    def candidates(self, minhash: MinHash) -> list[int]:
        """Stored articles that LSH puts near this signature, oldest first: to be verified."""
        return sorted(self._lsh.query(minhash))


def jaccard(left: set[bytes], right: set[bytes]) -> float:
    """Exact Jaccard similarity of two shingle sets."""
    union = len(left | right)
    return len(left & right) / union if union else 1.0


def best_original(text: str, stored: Iterable[tuple[int, str]]) -> tuple[int, float] | None:
    """Which stored (id, body) ``text`` is a copy of, with the exact similarity.

    The most similar body at or above ``THRESHOLD`` wins; on a tie the earliest article
    (lowest id), i.e. the first copy stored. None means "not a copy": a normal outcome
    here, not a failure.
    """
    mine = shingles(text)
    best: tuple[int, float] | None = None
    for article_id, body in stored:
        similarity = jaccard(mine, shingles(body))
        if similarity < THRESHOLD:
            continue
        if best is None or similarity > best[1] or (
            similarity == best[1] and article_id < best[0]
        ):
            best = (article_id, similarity)
    return best
