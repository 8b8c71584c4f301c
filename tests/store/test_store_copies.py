"""Shingles, signatures and the copy index, without a database."""

from __future__ import annotations

from store_samples import edited_copy, harbour_analysis, rail_analysis

from sitrep.store.copies import (
    NUM_PERM,
    THRESHOLD,
    CopyIndex,
    best_original,
    fingerprint,
    jaccard,
    shingle_hashes,
    shingles,
    signature,
    signature_bytes,
)


def test_shingles_are_three_lowercased_words() -> None:
    assert shingles("The Quick, brown fox!") == {b"the quick brown", b"quick brown fox"}
    assert shingles("Two words") == {b"two words"}
    assert jaccard({b"a", b"b"}, {b"b", b"c"}) == 1 / 3


def test_stored_signature_round_trips_into_the_index() -> None:
    text = harbour_analysis().article.text
    blob = signature_bytes(signature(text))
    assert len(blob) == NUM_PERM * 4
    index = CopyIndex()
    index.add_stored([(7, blob), (7, blob)])
    assert (len(index), index.last_id) == (1, 7)
    assert index.candidates(signature(text)) == [7]


def test_lsh_proposes_the_copy_and_not_the_other_story() -> None:
    original, rail = harbour_analysis(), rail_analysis()
    index = CopyIndex()
    index.add(4, signature(original.article.text))
    index.add(5, signature(rail.article.text))
    copy = edited_copy(original, "x").article.text
    assert index.candidates(signature(copy)) == [4]
    assert index.candidates(signature("An unrelated line about a village fair.")) == []


def test_best_original_uses_exact_similarity_and_prefers_the_first() -> None:
    original = harbour_analysis().article.text
    copy = edited_copy(harbour_analysis(), "x").article.text
    stored = [(9, original), (4, original), (5, rail_analysis().article.text)]
    match = best_original(copy, stored)
    assert match is not None
    assert match[0] == 4
    assert match[1] == jaccard(shingles(copy), shingles(original))
    assert THRESHOLD <= match[1] < 1.0
    assert best_original(copy, [(5, rail_analysis().article.text)]) is None
    assert best_original(copy, []) is None


def test_signature_is_datasketch_affine32_over_word_hashed_shingles() -> None:
    """The vectorised signature equals datasketch's own update over the same hashes, so
    LSH and MinHash estimates keep their meaning; long bodies span several blocks."""
    from datasketch import MinHash

    long_body = " ".join(f"{harbour_analysis().article.text} part {i}" for i in range(40))
    for body in (harbour_analysis().article.text, long_body, "", "Two words"):
        reference = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32",
                            hashfunc=lambda value: value)
        reference.update_batch([int(value) for value in shingle_hashes(body)])
        assert (signature(body).hashvalues == reference.hashvalues).all()
    assert len(shingle_hashes(long_body)) > 4096


def test_shingle_hashes_follow_words_and_their_order() -> None:
    same = shingle_hashes("Ships LEFT the harbour.")
    assert list(same) == list(shingle_hashes("ships left, the harbour"))
    assert len(same) == 2
    assert list(shingle_hashes("the harbour left ships")) != list(same)
    assert len(shingle_hashes("Two words")) == len(shingle_hashes("")) == 1


def test_signature_estimates_the_shingle_jaccard() -> None:
    original = harbour_analysis().article.text
    copy = edited_copy(harbour_analysis(), "x").article.text
    exact = jaccard(shingles(copy), shingles(original))
    estimate = signature(copy).jaccard(signature(original))
    assert abs(estimate - exact) < 0.1
    assert signature(rail_analysis().article.text).jaccard(signature(original)) < 0.2


def test_fingerprint_is_the_stored_hash_and_signature() -> None:
    """What a worker computes equals what the store would compute itself."""
    article = harbour_analysis().article
    print_ = fingerprint(article)
    assert print_.content_hash == article.content_hash
    assert print_.minhash == signature_bytes(signature(article.text))
