"""Finding syndicated copies: MinHash signatures and an LSH index over stored articles.

Wire stories run on many sites with a changed headline, a credit line or a few edited
words. Storing each would count every event several times in a brief, so a new article
whose word-shingle Jaccard similarity with a stored one is at least ``THRESHOLD`` is
folded onto the first copy instead.

MinHash (datasketch) signatures and MinHashLSH find candidates without comparing against
every article; candidates are then checked on the exact shingle Jaccard of the stored
bodies, because LSH banding lets some pairs below the threshold through and the MinHash
estimate itself is noisy.
Signatures are persisted as raw hash values (``articles.minhash``), so the index is
rebuilt from the database and dedup works across runs and processes. ``NUM_PERM``,
``SEED``, ``SCHEME`` (datasketch >= 2.0's 32-bit affine permutations, stored as
little-endian uint32) and the shingle hashing of :func:`shingle_hashes` are part of the
stored format: change any and old signatures no longer compare, so a change needs a
migration that recomputes ``articles.minhash`` (as migration 0002 did).

datasketch is imported on first use: it pulls in scipy, which would add about a second
to every CLI command, including those that never save (search, brief).
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from sitrep.errors import StoreError
from sitrep.models import Article

if TYPE_CHECKING:
    from datasketch import MinHash

__all__ = [
    "LSH_THRESHOLD",
    "NUM_PERM",
    "SHINGLE_WORDS",
    "THRESHOLD",
    "CopyIndex",
    "Fingerprint",
    "best_original",
    "fingerprint",
    "from_bytes",
    "jaccard",
    "shingle_hashes",
    "shingles",
    "signature",
    "signature_bytes",
    "signature_values",
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
_SHINGLE_MULTIPLIER = np.uint32(0x9E3779B1)
"""Odd (so invertible modulo 2**32): the polynomial keeps word order in a shingle's hash."""
_ROWS_PER_BLOCK = 4096

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
    both need it. The hashing is vectorised (see :func:`signature_values`).
    """
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME,
                   hashvalues=signature_values(text), permutations=_permutations())


def signature_values(text: str) -> np.ndarray[Any, np.dtype[np.uint32]]:
    """The MinHash hash values of an article body, computed with numpy alone.

    No datasketch object is built, so an ingest worker can compute the signature beside
    the analysis without importing datasketch (and scipy). datasketch's own
    ``update_batch`` would call a hash function per shingle, ~4 ms of a save.
    """
    multipliers, offsets = _permutations()
    hashvalues = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)
    mixed = _fmix32(shingle_hashes(text))
    for start in range(0, len(mixed), _ROWS_PER_BLOCK):  # bounds memory on huge bodies
        block = mixed[start : start + _ROWS_PER_BLOCK, np.newaxis]
        np.minimum(hashvalues, (block * multipliers + offsets).min(axis=0), out=hashvalues)
    return hashvalues


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the store needs to know whether a body is new: its exact hash (re-ingest) and
    its MinHash signature as stored in ``articles.minhash`` (near-copies).

    Neither needs the database, so ingest workers compute it beside the analysis and the
    single writer only compares and inserts (the signature was ~2 ms of the writer's
    ~10 ms per article). Build it with :func:`fingerprint`; a record that does not
    belong to the article it is saved with folds or stores the article wrongly.
    """

    content_hash: str
    minhash: bytes


def fingerprint(article: Article) -> Fingerprint:
    """The :class:`Fingerprint` of an article's body."""
    values = signature_values(article.text)
    return Fingerprint(article.content_hash, values.astype(_HASH_DTYPE).tobytes())


def shingle_hashes(text: str) -> np.ndarray[Any, np.dtype[np.uint32]]:
    """A 32-bit hash of every 3-word shingle of ``text`` (of the whole text if shorter).

    Each distinct word is hashed once (first 4 bytes of its UTF-8 SHA-1, little-endian),
    and a shingle's hash is the polynomial ``(h1 * P + h2) * P + h3`` modulo 2**32 of its
    words' hashes, computed for all shingles at once: an article of 2,000 words has about
    700 distinct words, so this hashes a third as many strings as hashing each shingle,
    and those shorter. Words are the lowercased ``\\w+`` runs, as in :func:`shingles`.
    Repeated shingles are not removed: MinHash takes minima, so they do not matter.
    """
    words = _WORD.findall(text.lower())
    distinct = dict.fromkeys(words)  # C loops below: this runs on every save
    number = {word: i for i, word in enumerate(distinct)}
    digests = b"".join(hashlib.sha1(word.encode("utf-8")).digest()[:4] for word in distinct)
    word_hashes = np.frombuffer(digests, dtype=_HASH_DTYPE).astype(np.uint32)[
        np.fromiter(map(number.__getitem__, words), dtype=np.intp, count=len(words))
    ]
    windows = max(len(words) - SHINGLE_WORDS + 1, 1)
    hashes = np.zeros(windows, dtype=np.uint32)
    for offset in range(min(SHINGLE_WORDS, len(words))):
        hashes = hashes * _SHINGLE_MULTIPLIER + word_hashes[offset : offset + windows]
    return hashes


def _fmix32(values: np.ndarray[Any, np.dtype[np.uint32]]) -> np.ndarray[Any, np.dtype[np.uint32]]:
    """MurmurHash3's 32-bit finaliser, as datasketch's affine32 scheme applies it."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


@functools.cache
def _permutations() -> tuple[np.ndarray[Any, np.dtype[np.uint32]],
                             np.ndarray[Any, np.dtype[np.uint32]]]:
    """datasketch's affine32 permutations for SEED, drawn once: drawing them costs ~0.5 ms,
    paid for every MinHash built without them (every stored signature read back)."""
    from datasketch import MinHash

    multipliers, offsets = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations
    return (np.asarray(multipliers, dtype=np.uint32), np.asarray(offsets, dtype=np.uint32))


def signature_bytes(minhash: MinHash) -> bytes:
    """The signature as stored in ``articles.minhash``: little-endian uint32 hash values."""
    return np.asarray(minhash.hashvalues, dtype=_HASH_DTYPE).tobytes()


def from_bytes(blob: bytes, what: str) -> MinHash:
    """A signature stored as :func:`signature_bytes` gives back; ``what`` names its owner
    in the error raised when the blob is not one."""
    if len(blob) != _SIGNATURE_BYTES:
        raise StoreError(
            f"{what}: stored MinHash has {len(blob)} bytes, "
            f"expected {_SIGNATURE_BYTES} (signature format changed?)"
        )
    from datasketch import MinHash

    hashvalues = np.frombuffer(blob, dtype=_HASH_DTYPE).astype(np.uint32)
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=hashvalues,
                   permutations=_permutations())


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
            self.add(article_id, from_bytes(blob, f"article {article_id}"))

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
