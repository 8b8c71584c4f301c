"""The byline and date a reader sees by the headline (text written for these tests)."""

from __future__ import annotations

from datetime import date

from sitrep.extract.bylines import headline_authors, looks_like_name
from sitrep.extract.visible_dates import dates_in_text, headline_date

PAGE = ("Home\nWorld\nBusiness\nFerry timetable changes announced for summer\n"
        "Harbour board backs night crossings\nBy Ann Lee and Bo Chen\nPublished March 5th, 2024\n"
        "Updated 2024-04-02\nThe board voted on Tuesday, driven by demand from hauliers.")


def test_dates_in_text_reads_common_formats_in_order() -> None:
    text = "on 5 March 2024, then Sept. 9, 2023, then 2022-01-31 and 12/25/2021; not 2024-13-40"
    assert [d for _, d in dates_in_text(text)] == [
        date(2024, 3, 5), date(2023, 9, 9), date(2022, 1, 31), date(2021, 12, 25)]


def test_headline_date_skips_update_labels() -> None:
    assert headline_date(PAGE, "Harbour board backs night crossings") == date(2024, 3, 5)
    updated_first = "Big headline here Updated 2024-04-02 · Posted 2024-03-01 body text"
    assert headline_date(updated_first, "Big headline here") == date(2024, 3, 1)


def test_headline_date_needs_the_headline_on_the_page() -> None:
    assert headline_date(PAGE, "A headline that is not there") is None
    assert headline_date(PAGE, None) is None


def test_byline_by_the_headline() -> None:
    assert headline_authors(PAGE, "Harbour board backs night crossings") == ["Ann Lee",
                                                                            "Bo Chen"]


def test_prose_by_is_not_a_byline() -> None:
    text = "Headline words here The vote was driven by demand from hauliers and by rising costs."
    assert headline_authors(text, "Headline words here") == []


def test_labelled_byline_anywhere_on_the_page() -> None:
    text = "Some headline\nBody text of the article.\nWritten by Carla Mendes\nRelated posts"
    assert headline_authors(text, "Some headline") == ["Carla Mendes"]


def test_looks_like_name() -> None:
    assert looks_like_name("Ludwig van Beethoven")
    assert not looks_like_name("Updated March")
    assert not looks_like_name("Chen")
    assert not looks_like_name("Room 101")


def test_headline_date_takes_an_updated_date_only_when_asked_and_alone() -> None:
    only_updated = "Cheese fair returns to the square\nUpdated: June 14, 2024\nStalls open at nine."
    headline = "Cheese fair returns to the square"
    assert headline_date(only_updated, headline) is None
    assert headline_date(only_updated, headline, updated=True) == date(2024, 6, 14)
    # An unlabelled date printed there still wins over the updated one.
    assert headline_date(PAGE, "Harbour board backs night crossings",
                         updated=True) == date(2024, 3, 5)


def test_dates_in_text_reads_day_month_year_with_dots() -> None:
    assert [d for _, d in dates_in_text("posted 12.11.2025, version 1.2.3")] == [
        date(2025, 11, 12)]


def test_lone_name_line_next_to_a_date_under_the_headline() -> None:
    from sitrep.extract.bylines import headline_name_line

    block = "Tidal mills of the north coast\nMarta Quill\n#History\nPublished on Oct 21, 2025\nText"
    assert headline_name_line(block, "Tidal mills of the north coast") == ["Marta Quill"]
    bulleted = "Tidal mills of the north coast\nDec 2, 2025 • Marta Quill in\nHistory\nText"
    assert headline_name_line(bulleted, "Tidal mills of the north coast") == ["Marta Quill"]
    # Without a date in the block a capitalised line is just a heading.
    no_date = "Tidal mills of the north coast\nTable Of Contents\nText"
    assert headline_name_line(no_date, "Tidal mills of the north coast") == []


def test_url_date_reads_numeric_and_named_months() -> None:
    from sitrep.extract.visible_dates import url_date

    assert url_date("https://news.example/2023/10/03/port-reopens") == date(2023, 10, 3)
    assert url_date("https://news.example/blog/2023/october/03/port/") == date(2023, 10, 3)
    assert url_date("https://news.example/story?id=2023/10/03") is None
    assert url_date("https://news.example/articles/port-reopens") is None
    assert url_date(None) is None


def test_ambiguous_day_month_takes_the_confirmed_reading() -> None:
    from sitrep.extract.visible_dates import read_day_month_as

    american = date(2023, 3, 10)            # "03/10/2023" read month first
    assert read_day_month_as(american, {date(2023, 10, 3)}) == date(2023, 10, 3)
    assert read_day_month_as(american, set()) == american
    assert read_day_month_as(date(2023, 3, 25), {date(2023, 3, 25)}) == date(2023, 3, 25)


def test_labelled_byline_after_a_failed_label() -> None:
    text = "Some article text.\nAuthor\nWritten by\nMara Quist\nMore posts"
    assert headline_authors(text, None) == ["Mara Quist"]


def test_personal_site_name_is_an_author_but_a_publication_is_not() -> None:
    from sitrep.extract.bylines import personal_site_name
    from sitrep.extract.page_metadata import PageMetadata

    assert personal_site_name(PageMetadata(html_title="Notes on tides | Ada Brennan")) == [
        "Ada Brennan"]
    assert personal_site_name(PageMetadata(site_name="Harbour Daily News")) == []
    assert personal_site_name(PageMetadata(html_title="Tides | Ada's Blog")) == []


def test_name_over_a_role_line_is_a_writer_card() -> None:
    from sitrep.extract.bylines import name_over_role

    text = "Article text ends here.\nShare this article\nMara Quist\nSenior Energy Reporter\nMore"
    assert name_over_role(text) == ["Mara Quist"]
    assert name_over_role("Related Stories\nTop Picks\nMara Quist\nRead more") == []


def test_tidy_names_drops_labels_and_lone_credentials() -> None:
    from sitrep.extract.bylines import tidy_names

    assert tidy_names(["Author: Ann Lee", "ByBo Chen", "PhD", "R.D.", "Ann Lee",
                       "Byron Hale"]) == ["Ann Lee", "Bo Chen", "Byron Hale"]
    assert tidy_names(["USA TODAY"]) == ["USA TODAY"]


def test_every_citation_author_is_read() -> None:
    from lxml import html as lxml_html

    from sitrep.extract.page_metadata import read_page_metadata

    page = ('<html><head><meta name="citation_authors" content="Ann Lee">'
            '<meta name="citation_authors" content="Bo Chen"></head><body><p>x</p></body></html>')
    assert read_page_metadata(lxml_html.fromstring(page)).authors == ["Ann Lee", "Bo Chen"]


def test_a_month_labelled_as_the_page_date_reads_as_its_first_day() -> None:
    from sitrep.extract.visible_dates import labelled_month

    assert labelled_month("Safety notes\nLast Updated: June 2022\nContact") == date(2022, 6, 1)
    assert labelled_month("Reviewed on Sept. 2021 by our editors") == date(2021, 9, 1)
    # An unlabelled month is prose, and a labelled full date is not a month.
    assert labelled_month("The survey ran in June 2022 across the region.") is None
    assert labelled_month("Updated June 3, 2022") is None


def test_a_home_link_naming_the_person_the_host_spells_is_the_sites_author() -> None:
    from sitrep.extract.bylines import site_owner

    links = ["Posts", "Ines Farrow"]
    assert site_owner(links, "https://www.farrow.example/notes/rain") == ["Ines Farrow"]
    assert site_owner(links, "https://inesfarrow.example/") == ["Ines Farrow"]
    # The same link on a host that does not spell the name is only a link.
    assert site_owner(links, "https://gardenclub.example/notes/rain") == []
    assert site_owner(["Home"], "https://home.example/") == []
    assert site_owner(links, None) == []


def test_labelled_bylines_are_tried_at_every_label_start() -> None:
    """The stem scan finds the same matches as searching from each position in turn."""
    from sitrep.extract.bylines import _LABELLED, _labelled_matches, labelled_authors

    def every_start(text: str) -> list[tuple[int, str]]:
        found, position = [], 0
        while (match := _LABELLED.search(text, position)) is not None:
            found.append((match.start(), match.group()))
            position = match.start() + 1
        return found

    text = ("Author Written by Ann Lee\nposted by Bo Chen and Cy Diaz\nAuthored by Dee Ng\n"
            "Co-author: Eve Orr\nCoauthor: Fay Poe\nwritten by the team\nAuthor:\tGus Hale\n"
            "Rewritten by Hal Ito, reposted by Ivy Jones; authored by Jo Kim. Authors Kai Lu")
    assert [(m.start(), m.group()) for m in _labelled_matches(text)] == every_start(text)
    assert every_start(text)
    assert labelled_authors(text) == ["Ann Lee"]
    assert not list(_labelled_matches("uthor, ritten and osted open the text"))


def test_every_date_pattern_needs_a_year() -> None:
    """dates_in_text skips a text without a year: every pattern spells one."""
    from sitrep.extract.visible_dates import _PATTERNS, _YEAR

    assert all(_YEAR.pattern in pattern.pattern for pattern in _PATTERNS)
    assert dates_in_text("on March 5, at 10/3, or 5.3.") == []
