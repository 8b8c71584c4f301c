"""clean_title: site names go, whichever side they are on; real headlines stay whole."""

from __future__ import annotations

import pytest

from sitrep.extract import clean_title


@pytest.mark.parametrize(("title", "url", "expected"), [
    ("Port authority approves new grain terminal | The Coastal Ledger",
     "https://www.coastalledger.example/news/1", "Port authority approves new grain terminal"),
    ("Port authority approves new grain terminal - Coastal Ledger",
     None, "Port authority approves new grain terminal"),
    ("Coastal Ledger: Port authority approves new grain terminal",
     "https://coastalledger.example/x", "Port authority approves new grain terminal"),
    ("Ledger | Port authority approves new grain terminal",
     "https://ledger.example/x", "Port authority approves new grain terminal"),
    ("Rail unions call off strike | Transport | Daily Wire Service",
     None, "Rail unions call off strike"),
    ("Rail unions call off strike — Example News",
     "https://examplenews.example/a", "Rail unions call off strike"),
])
def test_site_names_are_removed(title: str, url: str | None, expected: str) -> None:
    assert clean_title(title, url) == expected


def test_site_name_from_og_site_name_decides_the_side() -> None:
    title = "Harbour Weekly - Dock workers vote on new contract"
    assert clean_title(title, None, site_name="Harbour Weekly") == \
        "Dock workers vote on new contract"


@pytest.mark.parametrize("title", [
    "Lunacal: AI scheduling for small clinics",
    "Trade talks: what was agreed and what was not",
    "Putin and Trump to meet in Alaska",
    "Alignment-preserving model merging",
])
def test_headlines_without_a_site_part_are_kept(title: str) -> None:
    assert clean_title(title, "https://news.example.org/story") == title


def test_whitespace_is_normalised() -> None:
    assert clean_title("  Floods   hit\nthe valley  ") == "Floods hit the valley"
