"""clean_title: site names go, whichever side they are on; real headlines stay whole."""

from __future__ import annotations

import pytest

from sitrep.extract import clean_title
from sitrep.extract.page_metadata import PageMetadata


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


def test_mojibake_is_repaired() -> None:
    from sitrep.extract.titles import repair_mojibake

    assert repair_mojibake("An Investorâ\x80\x99s Guide") == "An Investor’s Guide"
    assert repair_mojibake("Café crème") == "Café crème"


def test_visible_heading_keeps_its_dash_subtitle() -> None:
    heading = "Moving house – tips and tricks"
    assert clean_title(heading, by_shape=False) == heading
    assert clean_title("Moving house | Opinion", by_shape=False) == "Moving house"


def _meta(**fields: object) -> PageMetadata:
    from sitrep.extract.page_metadata import PageMetadata

    return PageMetadata(**fields)  # type: ignore[arg-type]


def test_choose_title_prefers_the_agreeing_h1() -> None:
    from sitrep.extract.titles import choose_title

    meta = _meta(headlines=["Ferry crossings resume | Harbour Daily"],
                 h1=["Ferry crossings resume after storm"])
    assert choose_title(meta, None, "https://harbourdaily.example/a") == \
        "Ferry crossings resume after storm"


def test_an_h1_that_rewords_the_declared_title_is_taken() -> None:
    from sitrep.extract.titles import choose_title

    # Word-overlap F1 0.43: a reworded headline, not a logo or a section name.
    meta = _meta(html_title="How do you set up a reading nook? | Quiet Rooms",
                 h1=["Setting up a calm reading corner"])
    assert choose_title(meta, None, "https://quietrooms.example/a") == \
        "Setting up a calm reading corner"
    # An h1 with (almost) nothing in common with the declared title is still passed over.
    other = _meta(html_title="How do you set up a reading nook? | Quiet Rooms",
                  h1=["Shop our reading lamps"])
    assert choose_title(other, None, "https://quietrooms.example/a") == \
        "How do you set up a reading nook?"


def test_choose_title_drops_furniture_around_the_h1() -> None:
    from sitrep.extract.titles import choose_title

    for heading in ("Dec 18 2025 Ferry crossings resume", "12 Replies to “Ferry crossings resume”",
                    "Ferry crossings resume Posted on May 2 by admin"):
        meta = _meta(headlines=["Ferry crossings resume"], h1=[heading])
        assert choose_title(meta, None, None) == "Ferry crossings resume"


def test_an_h1_backed_only_by_the_fallback_guess_is_taken() -> None:
    from sitrep.extract.titles import choose_title

    meta = _meta(html_title="Language apps compared | Lingo Hub",
                 h1=["Top 10: Best language learning apps (tested by teachers)"])
    assert choose_title(meta, "Top 10: Best language learning apps (tested by teachers)",
                        None) == "Top 10: Best language learning apps (tested by teachers)"


def test_a_short_banner_h1_backed_only_by_the_fallback_guess_gives_way() -> None:
    from sitrep.extract.titles import choose_title

    # At most half the declared headline's length and sharing few of its words: a banner
    # over the article; trafilatura's guess (the lone h1 itself) does not vouch for it.
    declared = "Ferry Fares: Applying the Harbour Board's New Rules To Your Commute"
    meta = _meta(html_title=declared, h1=["SUPPORTING FERRY RIDERS"])
    assert choose_title(meta, "SUPPORTING FERRY RIDERS", None) == declared
    # A short h1 the declared title agrees with is still the headline.
    agreeing = _meta(html_title="Ferry fares: how the new harbour rules change your commute",
                     h1=["New harbour rules"])
    assert choose_title(agreeing, "New harbour rules", None) == "New harbour rules"


def test_an_h1_with_a_long_tail_ending_in_a_number_is_kept() -> None:
    from sitrep.extract.titles import choose_title

    heading = "Podcast gear guide: five pieces you need + how to start for $90"
    meta = _meta(headlines=["Podcast gear guide: five pieces you need"], h1=[heading])
    assert choose_title(meta, None, None) == heading


def test_a_heading_that_lost_characters_to_question_marks_takes_the_declared_title() -> None:
    from sitrep.extract.titles import choose_title

    meta = _meta(headlines=["Tide tables: a sailor’s guide"],
                 h1=["Tide tables? a sailor?s guide"])
    assert choose_title(meta, None, None) == "Tide tables: a sailor’s guide"
    # A real question in the heading stays: the declared title asks it too, or the
    # heading only ends with it.
    asking = _meta(headlines=["Why? The harbour explains"], h1=["Why? The harbour explains it"])
    assert choose_title(asking, None, None) == "Why? The harbour explains it"
    question = _meta(headlines=["Ferries at night"], h1=["Ferries at night: worth it?"])
    assert choose_title(question, None, None) == "Ferries at night: worth it?"


def test_a_series_name_before_a_colon_stays_on_the_visible_heading() -> None:
    from sitrep.extract.titles import choose_title

    heading = "Harbour Notes: ferry fares rise again"
    meta = _meta(headlines=["Harbour Notes: ferry fares rise again"], h1=[heading])
    assert choose_title(meta, None, "https://harbournotes.example/p/fares") == heading
    # The declared title alone still loses the site's name before its colon.
    declared_only = _meta(headlines=["Harbour Notes: ferry fares rise again"])
    assert choose_title(declared_only, None, "https://harbournotes.example/p/fares") == \
        "ferry fares rise again"


def test_a_long_phrase_after_a_pipe_on_the_heading_is_its_subtitle() -> None:
    heading = "Ten ferry routes worth the trip | The quiet crossings locals keep to themselves"
    assert clean_title(heading, by_shape=False) == heading
    assert clean_title("Ten ferry routes worth the trip | Travel, Boats & Food",
                       by_shape=False) == "Ten ferry routes worth the trip"
    # A declared title still loses whatever follows its first pipe.
    assert clean_title(heading) == "Ten ferry routes worth the trip"
