"""Section headings trafilatura's fallback drops come back above their paragraphs; nothing
else does (HTML written for these tests)."""

from __future__ import annotations

from sitrep.extract import extract
from sitrep.extract.headings import restore_headings
from sitrep.extract.html_tree import parse_html
from sitrep.models import RawDocument


def _paragraph(number: int) -> str:
    return (f"Paragraph {number} of the guide explains one more step of planting a small "
            "herb garden, with enough words in it to read as real article text.")


_GUIDE = (f"<p>{_paragraph(1)}</p><p>{_paragraph(2)}</p>"
          f"<h2 class='block-heading'>Choosing a sunny spot</h2><p>{_paragraph(3)}</p>"
          f"<h3 class='block-heading'>Testing the soil first</h3><p>{_paragraph(4)}</p>"
          f"<h2 class='block-heading'>Watering through summer</h2><p>{_paragraph(5)}</p>")
_SIDEBAR = "<div class='aside-box'><h4>Popular this week</h4><p>Ten quick salads.</p></div>"


def test_headings_of_an_unrecognised_container_are_restored() -> None:
    # A page builder's container that trafilatura does not take for the article.
    html = (f"<html><head><title>Planting a herb garden</title></head><body>"
            f"<div class='builder-inner-wrap'>{_GUIDE}</div>{_SIDEBAR}</body></html>")
    article = extract(RawDocument(origin="herbs.html", content=html, kind="html"))
    lines = article.text.split("\n")
    assert "Choosing a sunny spot" in lines
    assert lines.index("Testing the soil first") == lines.index(_paragraph(4)) - 1
    assert "Popular this week" not in article.text


def test_a_body_that_kept_most_headings_or_has_one_section_is_left_alone() -> None:
    tree = parse_html(f"<html><body><div>{_GUIDE}</div>{_SIDEBAR}</body></html>")
    plain = "\n".join(_paragraph(n) for n in range(1, 6))
    restored = restore_headings(tree, plain)
    assert restored.split("\n")[2] == "Choosing a sunny spot"
    assert "Popular this week" not in restored
    # Most headings made it: the other was left out on purpose.
    kept = plain.replace(_paragraph(3), "Choosing a sunny spot\n" + _paragraph(3)).replace(
        _paragraph(5), "Watering through summer\n" + _paragraph(5))
    assert restore_headings(tree, kept) == kept
    # One heading over one paragraph is no section structure.
    lone = parse_html(f"<html><body><p>{_paragraph(1)}</p><h2>Read next</h2>"
                      f"<p>{_paragraph(2)}</p></body></html>")
    two = f"{_paragraph(1)}\n{_paragraph(2)}"
    assert restore_headings(lone, two) == two


def test_a_body_that_kept_fewer_headings_than_it_lost_gets_the_rest_back() -> None:
    # The one heading "kept" is a promotion box's, under the article.
    tree = parse_html(f"<html><body><div>{_GUIDE}</div><div class='promo'><h3>Our courses"
                      "</h3><p>Learn to grow vegetables with our online course for "
                      "beginners, twelve lessons at your own pace.</p></div></body></html>")
    plain = "\n".join(_paragraph(n) for n in range(1, 6)) + (
        "\nOur courses\nLearn to grow vegetables with our online course for beginners, "
        "twelve lessons at your own pace.")
    lines = restore_headings(tree, plain).split("\n")
    assert lines.index("Choosing a sunny spot") == lines.index(_paragraph(3)) - 1
    assert lines.index("Watering through summer") == lines.index(_paragraph(5)) - 1
    assert lines.count("Our courses") == 1


def test_a_heading_goes_above_the_first_following_element_the_body_holds() -> None:
    # A figure and a short label sit between each heading and the text it heads; the
    # body has the list items but neither the figure's caption nor the label.
    html = ("<html><body><div>"
            f"<p>{_paragraph(1)}</p>"
            "<h2>Alder Rentals</h2><figure><figcaption>The desk at the airport"
            "</figcaption></figure><p><b>Pros:</b></p>"
            "<ul><li>Quick pick-up at every airport desk we tried this year</li>"
            "<li>Members skip the queue</li></ul>"
            "<h2>Birch Rentals</h2><p><b>Pros:</b></p>"
            "<ul><li>Cheapest daily rate of all the companies we compared</li></ul>"
            "</div></body></html>")
    body = "\n".join([_paragraph(1),
                      "- Quick pick-up at every airport desk we tried this year",
                      "- Members skip the queue",
                      "- Cheapest daily rate of all the companies we compared"])
    lines = restore_headings(parse_html(html), body).split("\n")
    assert lines[1] == "Alder Rentals"
    assert lines[4] == "Birch Rentals"
    assert "The desk at the airport" not in lines
