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


def test_visible_text_skips_scripts_and_breaks_lines_at_blocks() -> None:
    import trafilatura

    from sitrep.extract.visible_dates import visible_text

    tree = trafilatura.load_html(
        "<html><head><title>T</title><script>var d = 'March 3, 2020';</script></head>"
        "<body><h1>Head line</h1><p>By <a href='/a'>Ann Lee</a></p><div>Body text</div>"
        "</body></html>")
    assert visible_text(tree) == "Head line\nBy Ann Lee\nBody text"
