"""strip_chrome on chrome written for these tests in several site styles."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from sitrep.extract import strip_chrome
from sitrep.extract.chrome import (
    _WORD,
    describe_line,
    load_vocabulary,
    small_print,
    story_note,
    writer_contact,
)

FIXTURES = Path(__file__).parent / "fixtures"


def _paragraphs(text: str) -> list[str]:
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


def _lines(text: str) -> set[str]:
    return {line.strip() for line in text.splitlines() if line.strip()}


def test_news_site_chrome_goes_and_every_paragraph_stays() -> None:
    raw = (FIXTURES / "council_vote.txt").read_text(encoding="utf-8")
    cleaned = strip_chrome(raw)
    kept = _lines(cleaned)
    for chrome in ("Skip to main content", "Home › Local › Politics", "Advertisement",
                   "Share this article", "Share on Facebook", "Related stories",
                   "Most popular", "New cycle lanes open on the ring road"):
        assert chrome not in kept
    body = _paragraphs(cleaned)
    assert body[0] == "Council rejects plan to close the east library"
    assert body[1].startswith("RIVERTON — The city council voted")
    assert '"We heard them," the council leader said after the vote.' in body
    assert body[-1].endswith("its roof needs urgent repairs.")


def test_blog_footer_chrome_goes() -> None:
    raw = (FIXTURES / "lighthouse_essay.txt").read_text(encoding="utf-8")
    body = _paragraphs(strip_chrome(raw))
    assert len(body) == 3
    assert body[-1].endswith("have shifted since the 1850s.")


def test_cookie_banner_and_app_prompts_go() -> None:
    raw = (FIXTURES / "rail_strike.txt").read_text(encoding="utf-8")
    cleaned = strip_chrome(raw)
    assert "cookie" not in cleaned.lower()
    assert "Continue reading" not in cleaned
    assert "download our app" not in cleaned
    assert "All rights reserved" not in cleaned
    body = _paragraphs(cleaned)
    assert body[0] == "Rail unions call off weekend strike"
    assert body[-1] == "Passengers had been warned to expect severe disruption on routes " \
                       "into the capital."
    assert len(body) == 4


@pytest.mark.parametrize("line", [
    "He declined to comment.",
    "WASHINGTON — Officials met on Friday to discuss the ceasefire.",
    "Follow the money, the investigators said.",
    "Share prices fell sharply in early trading on Monday.",
    "The talks resume on Monday.",
])
def test_real_short_paragraphs_are_not_chrome(line: str) -> None:
    text = f"The first paragraph of the story is long enough to be body text.\n\n{line}\n\n" \
           "The last paragraph of the story also reads like a sentence of prose."
    assert line in strip_chrome(text)


def test_a_short_final_sentence_survives_the_sweep_from_the_end() -> None:
    text = "A long opening paragraph that tells the reader what happened today.\n\n" \
           "No one was hurt.\n\nSubscribe for updates\n\nTrending"
    cleaned = strip_chrome(text)
    assert cleaned.endswith("No one was hurt.")


def test_repeated_prompts_are_chrome() -> None:
    features = describe_line("Join the Harbour Club", repeated=True)
    assert features.strong_chrome


def test_text_without_chrome_is_unchanged() -> None:
    text = "One paragraph of plain prose.\n\nAnother paragraph that ends the story."
    assert strip_chrome(text) == text


def test_vocabulary_file_fits_its_schema() -> None:
    path = Path(__file__).resolve().parents[2] / "src/sitrep/extract/chrome_vocabulary.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) == {"cta_verbs", "chrome_words", "ad_markers", "nav_separators",
                         "banner_words", "reader_words", "consent_words", "site_words",
                         "widget_labels", "disclaimer_phrases", "wire_services",
                         "teaser_headings"}
    for key, values in data.items():
        assert isinstance(values, list) and values, key
        assert all(isinstance(v, str) and v.strip() == v and v for v in values), key
    single_words = ("cta_verbs", "chrome_words", "banner_words", "reader_words",
                    "consent_words", "site_words")
    assert all(" " not in v for key in single_words for v in data[key])
    vocabulary = load_vocabulary()
    assert "subscribe" in vocabulary.chrome_words


def test_alaska_sample_keeps_its_seven_paragraphs(shared_dir: Path) -> None:
    raw = (shared_dir / "samples" / "alaska-summit.txt").read_text(encoding="utf-8")
    cleaned = strip_chrome(raw)
    original = _paragraphs(raw)
    body = _paragraphs(cleaned)
    assert len(body) == 7
    assert body == original[:7]


def test_text_without_spaces_between_words_is_not_eaten() -> None:
    # Written for this test: Japanese prose has no spaces, so word counts mislead.
    text = ("港湾局は木曜日、東岸の岸壁に新しい穀物ターミナルを建設する計画を承認した。\n\n"
            "ターミナルは来年春に開業する見込みだという。\n\n"
            "農業団体はこの決定を歓迎した")
    assert strip_chrome(text).startswith("港湾局は木曜日")
    assert "ターミナルは来年春に開業する見込みだという。" in strip_chrome(text)


@pytest.mark.parametrize("label", [
    "Table of Contents", "On this page", "In This Article", "Table of Contents Show",
    "6 min read", "12 MIN. READ", "4 minute read time", "Reading time: 7 minutes",
    "- 3 min read"])
def test_widget_labels_are_chrome(label: str) -> None:
    assert describe_line(label).strong_chrome


@pytest.mark.parametrize("line", [
    "In this article, we compare the three bus operators and their fares.",
    "Contents of the report were leaked to the press on Monday.",
    "The minister took 5 minutes to read the statement."])
def test_sentences_that_open_like_widget_labels_are_kept(line: str) -> None:
    assert not describe_line(line).strong_chrome


@pytest.mark.parametrize("line", [
    "Related: Tutoring may not significantly improve attendance",
    "[Related: Ferry operator cuts two winter crossings]",
    "Related coverage: The island's early boat, in pictures"])
def test_links_out_to_related_stories_are_chrome(line: str) -> None:
    assert describe_line(line).strong_chrome


@pytest.mark.parametrize("line", [
    "Related to this, the ministry said it would review the timetable.",
    "Also read: How the island voted on the new ferry contract",
    "(Related reading: how the harbour trust sets the fares for island residents.)"])
def test_lines_that_only_mention_related_matters_are_kept(line: str) -> None:
    assert not describe_line(line).strong_chrome


def test_a_stranded_table_of_contents_heading_and_reading_time_leave_the_body() -> None:
    text = ("Table of contents\n\n8 min read\n\n"
            "The ferry company cut two crossings from its winter timetable.\n\n"
            "Passengers on the island said the early boat was the one they needed most.")
    assert strip_chrome(text) == (
        "The ferry company cut two crossings from its winter timetable.\n\n"
        "Passengers on the island said the early boat was the one they needed most.")


_STORY = ("The ferry company cut two crossings from its winter timetable.\n\n"
          "Passengers on the island said the early boat was the one they needed most.")


def test_legal_small_print_closing_the_page_goes() -> None:
    text = _STORY + (
        "\n\nDisclaimer: this page is for general information and may be out of date.\n\n"
        "The material on this site is provided for informational purposes only and does not "
        "constitute legal or financial advice.\n\n"
        "By submitting this form, you agree that the ferry company may contact you by email.")
    assert strip_chrome(text) == _STORY


def test_small_print_words_inside_the_story_stay() -> None:
    # The same formulas in the article's own reporting, followed by more reporting.
    text = ("The company said the leaflet was for informational purposes only.\n\n" + _STORY)
    assert strip_chrome(text) == text


def test_a_wire_copyright_credit_and_an_editors_note_stay() -> None:
    text = _STORY + ("\n\n© 2026 Island Wire Service. All rights reserved.\n\n"
                     "The opinions expressed in this column are the author's own.")
    assert strip_chrome(text) == text


def test_a_page_flattened_onto_one_line_is_not_small_print() -> None:
    line = " ".join([_STORY.replace("\n\n", " ")] * 30) + " You agree that this is long."
    assert strip_chrome(line) == line


@pytest.mark.parametrize("item", ["- No free trial", "- Support can be slow",
                                  "3. Share your screen", "| Email newsletter | $20 |"])
def test_list_items_and_table_rows_are_content_even_in_chrome_words(item: str) -> None:
    # A pros-and-cons list or a price table an extractor laid out is the article's.
    assert not describe_line(item).strong_chrome


def test_a_menu_laid_out_as_a_list_item_is_still_chrome() -> None:
    assert describe_line("- Home | News | Sport | Weather").strong_chrome


def test_a_feeds_syndication_notice_closing_the_page_goes() -> None:
    text = _STORY + ("\n\nThe post Ferry timetable cut for winter appeared first on "
                     "Island Notes.")
    assert strip_chrome(text) == _STORY


def test_small_print_is_read_from_its_formulas_not_from_single_words() -> None:
    assert small_print("Disclosure: we may earn a commission on purchases.")
    assert small_print("This material does not constitute tax advice.")
    assert not small_print("The minister said the figures were advice, not a promise.")
    assert not small_print("© 2026 Island Wire Service. All rights reserved.")


def _words(count: int, start: str) -> str:
    """A paragraph of exactly ``count`` words opening with ``start``, with no full stop."""
    opening = start.split()
    filler = ["the", "firm", "helps", "clients", "with", "their", "claims", "and", "appeals"]
    return " ".join(opening + [filler[i % len(filler)] for i in range(count - len(opening))])


def test_teasers_cut_to_the_same_word_count_go() -> None:
    article = ("Gyms ask members to sign waivers before they train.\n\n"
               "A waiver does not cover equipment the gym knew was broken, and a court will "
               "look at what the owners were told and when they were told it.")
    teasers = [_words(40, "When the agency denies your claim"),
               _words(40, "Navigating the disability process can"),
               _words(41, "Understanding the appeal deadlines is")]
    cleaned = strip_chrome(article + "\n\n" + "\n\n".join(teasers))
    assert cleaned == article


def test_teasers_cut_with_an_ellipsis_go() -> None:
    article = ("The harbour reopened on Monday after a week of repairs to the sea wall, "
               "the port authority said.")
    teasers = [_words(30, "Fishing boats return to the") + " …",
               _words(34, "The new ferry timetable starts in") + "..."]
    cleaned = strip_chrome(article + "\n\n" + "\n\n".join(teasers))
    assert cleaned == article


def test_paragraphs_and_list_items_of_equal_length_stay() -> None:
    # Finished sentences of the same length, one unfinished paragraph, and list items
    # cut alike are the writer's own.
    same = _words(30, "The council met on Tuesday and")
    text = "\n\n".join([
        same + ".", same + ".", _words(30, "Then the mayor said that"),
        "- " + _words(30, "Schedule A covers"), "- " + _words(30, "Schedule B covers"),
        "The vote is due next week."])
    assert strip_chrome(text) == text


def test_shorter_teasers_go_only_when_an_ellipsis_marks_the_cut() -> None:
    article = "The harbour reopened on Monday, the port authority said."
    marked = [_words(16, "Fishing boats return to the") + "...",
              _words(17, "The new ferry timetable starts in") + "…"]
    assert strip_chrome(article + "\n\n" + "\n\n".join(marked)) == article
    unmarked = "\n\n".join([article, _words(16, "Fishing boats return to the"),
                            _words(16, "The new ferry timetable starts in"),
                            "The first ferry leaves at six."])
    assert strip_chrome(unmarked) == unmarked


def test_lowering_a_line_keeps_its_words() -> None:
    """describe_line reads the words of the lower-cased line as the line's words lower-cased,
    which holds while every character lowers to one character of the same kind for the
    word pattern (letter, apostrophe, neither): checked for every code point here."""
    def kind(char: str) -> str:
        if _WORD.fullmatch(char):
            return "letter"
        return "apostrophe" if _WORD.fullmatch(f"a{char}a") else "other"

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lowered = char.lower()
        if lowered != char and len(lowered) == 1:
            assert kind(lowered) == kind(char), hex(code)


@pytest.mark.parametrize("line", [
    "ΟΔΟΣ.Α — Sign up for our newsletter",   # a capital sigma lowers by its context
    "İSTANBUL Subscribe to our newsletter",  # "İ" lowers to two characters
    "Café’s menu: Subscribe to our newsletter",
])
def test_non_ascii_lines_count_their_words_as_written(line: str) -> None:
    words = [word.lower() for word in _WORD.findall(line)]
    features = describe_line(line)
    assert features.words == len(words)
    assert features.chrome_words == sum(word in load_vocabulary().chrome_words for word in words)


def test_ascii_words_are_found_as_the_general_pattern_finds_them() -> None:
    """_ASCII_WORD stands in for _WORD on lower-cased ASCII lines: every ASCII character is
    of the same kind (letter, apostrophe, neither) for both."""
    from sitrep.extract.chrome import _ASCII_WORD

    for code in range(128):
        char = chr(code).lower()
        assert bool(_ASCII_WORD.fullmatch(char)) == bool(_WORD.fullmatch(char)), code
        assert bool(_ASCII_WORD.fullmatch(f"a{char}a")) == bool(_WORD.fullmatch(f"a{char}a"))


@pytest.mark.parametrize("line", [
    "It was the best of times…", "It was the best of times... ", "the rest [...]\t",
    "the rest […]\u00a0", "Wait....", "It ends here.", "It ends here..", "A list: [a]",
    "…", "...", "Cut mid… sentence.",
])
def test_the_ellipsis_ends_gate_the_ellipsis_pattern(line: str) -> None:
    from sitrep.extract.chrome import _ELLIPSIS, _ELLIPSIS_ENDS

    end = line.rstrip()
    assert bool(_ELLIPSIS.search(end)) == bool(end.endswith(_ELLIPSIS_ENDS)
                                               and _ELLIPSIS.search(end))


def test_a_banner_needs_two_different_banner_words() -> None:
    # An insurance guide names "policy" twice; a sign-up or consent banner names two
    # different things (a newsletter and a policy, cookies and preferences).
    guide = ("Policy limits are the most your insurer will pay for a covered loss, so "
             "check them when you renew your policy.")
    assert not describe_line(guide).banner
    assert not describe_line(guide).strong_chrome
    assert describe_line("Subscribe to our newsletter and accept our privacy policy.").banner
    assert describe_line("We use cookies to remember your preferences.").banner


def test_a_tour_schedule_closing_a_story_stays() -> None:
    story = ("The band announced a summer tour on Monday, its first in six years, with "
             "stops across the east and the midwest.\n"
             "Tickets go on sale to the public on Friday morning.\n"
             "June 9 -- Lakeside Amphitheatre, Harbor City, FL\n"
             "June 12 – Grand Hall, Millbrook, GA\n"
             "Sept. 2 -- Riverside Pavilion, Easton, OH")
    cleaned = strip_chrome(story)
    assert cleaned.endswith("Sept. 2 -- Riverside Pavilion, Easton, OH")
    assert "June 12 – Grand Hall, Millbrook, GA" in cleaned
    assert describe_line("June 9 -- Lakeside Amphitheatre, Harbor City, FL").structured
    assert not describe_line("June 9, 2024").structured


_NEWS = ("The council approved the new harbour budget on Tuesday by seven votes to two.\n\n"
         "The mayor said work on the sea wall would start in the spring.")


@pytest.mark.parametrize("note", [
    "Contributing: Dana Whitlow",
    "With Tribune wires",
    "— With wire services",
    "© AFP",
    "(c) 2024 Reuters",
    "Originally published on Harbour Science.",
    "This story was originally published by Coastline Weekly. Read the original story.",
    "___",
    "[Photo = Riverton Council]",
    "— Riverton Council (@RivertonCouncil) March 3, 2024",
])
def test_a_credit_or_note_closing_the_story_stays(note: str) -> None:
    # A contributor, wire or republication credit, a photo credit, an embedded post's
    # sign-off, a wire divider: short and label-like, but the story's own; page chrome
    # after it still goes.
    text = _NEWS + "\n\n" + note
    assert story_note(note)
    assert strip_chrome(text + "\n\nShare this story\n\nComments") == text


def test_a_tweet_sign_off_stays_even_when_the_page_repeats_it() -> None:
    sign_off = "— Riverton Council (@RivertonCouncil) March 3, 2024"
    text = ("The council posted the result:\n\nBudget approved.\n\n" + sign_off
            + "\n\nWork starts in spring.\n\n" + sign_off)
    assert strip_chrome(_NEWS + "\n\n" + text) == _NEWS + "\n\n" + text


def test_prices_in_a_fact_box_closing_the_story_stay() -> None:
    box = "Tickets\n\nAdults: $25\n\nBalcony : 30,000₩\n\nChildren 8 €"
    assert strip_chrome(_NEWS + "\n\n" + box) == _NEWS + "\n\n" + box


@pytest.mark.parametrize("line", [
    "© Riverton Daily Gazette 2024",        # a site's own copyright, not a wire's
    "Copyright Harbour Media",
    "With thanks to our readers",
    "Photos: Riverton",
    "Posted in Harbour, Council",
])
def test_other_closing_labels_are_not_story_notes(line: str) -> None:
    assert not story_note(line)
    assert strip_chrome(_NEWS + "\n\n" + line) == _NEWS


def test_a_call_to_action_with_a_price_is_still_chrome() -> None:
    promo = "Subscribe now for $1 a week"
    assert describe_line(promo).strong_chrome
    assert strip_chrome(_NEWS + "\n\n" + promo) == _NEWS


def test_verses_written_with_vowel_marks_are_not_cut_excerpts() -> None:
    # Each vowel mark splits a run of letters, so a verse of nine words written with its
    # harakat counts three times as many letter runs; two such verses are not a teaser
    # widget's excerpts cut to a fixed word count.
    verse = " ".join(["كَتَبَ", "الوَلَدُ", "الدَّرْسَ", "فِي", "البَيْتِ", "ثُمَّ", "ذَهَبَ",
                      "إِلَى", "المَدْرَسَةِ"])
    other = " ".join(reversed(verse.split()))
    assert describe_line(verse).words >= 25
    text = _NEWS + "\n\n" + verse + "\n\n" + other + "\n\nThe poet read both lines aloud."
    assert strip_chrome(text) == text


@pytest.mark.parametrize("note", [
    "Have a question? Dana Whitlow may be reached at dwhitlow@example.com. Follow her on "
    "Twitter @dwhitlow.",
    "Want more garden projects? Follow me on Pinterest to see what I am planting.",
    "Read our latest coverage, and follow us on Instagram and Facebook for more.",
])
def test_a_note_on_following_the_writer_closing_the_page_goes(note: str) -> None:
    assert writer_contact(note)
    assert strip_chrome(_NEWS + "\n\n" + note) == _NEWS


def test_contact_details_in_the_story_stay() -> None:
    # Service information closing a story, and a follow mentioned inside the reporting.
    closing = ("Residents may contact the harbour office at office@example.org or call "
               "555-0100.")
    assert not writer_contact(closing)
    assert strip_chrome(_NEWS + "\n\n" + closing) == _NEWS + "\n\n" + closing
    quoted = ("Fans were told to follow her on Instagram, the promoter said.\n\n"
              "Tickets sold out within an hour.")
    assert strip_chrome(_NEWS + "\n\n" + quoted) == _NEWS + "\n\n" + quoted
    tour = "Fans can follow her on tour through the summer."
    assert not writer_contact(tour)
    assert strip_chrome(_NEWS + "\n\n" + tour) == _NEWS + "\n\n" + tour


def test_steps_strung_by_arrows_are_a_flow_not_a_menu() -> None:
    assert not describe_line("Draft  →  Review  →  Publish").strong_chrome
    assert not describe_line("- Cart → Checkout → Payment").strong_chrome
    assert describe_line("Home › Opinion › Letters").strong_chrome


@pytest.mark.parametrize("label", ["You may also like...", "You might also like:", "YOU MAY LIKE"])
def test_a_recommendation_boxs_heading_is_a_widget_label(label: str) -> None:
    assert describe_line(label).widget_label
    assert strip_chrome(_NEWS + "\n\n" + label) == _NEWS


def test_a_sentence_recommending_something_is_not_a_widget_label() -> None:
    line = "Readers who enjoyed the first book may also like the sequel."
    assert not describe_line(line).widget_label
    assert not describe_line("You may also like the sequel.").widget_label


_LONG_STORY = ("The council approved the new harbour budget on Tuesday by seven votes to two.\n\n"
               "The mayor said work on the sea wall would start in the spring.\n\n"
               "Fishing crews have waited three years for the repairs.\n\n"
               "DON'T MISS\n\n"
               "Storm closes coastal road for a second night [VIDEO]\n\n"
               "Ferry fares to rise in April: what it means for commuters\n\n"
               "Contractors will be chosen by the end of the month, officials said.\n\n"
               "A public meeting on the plans is due in March.")


def test_a_box_of_teasers_inside_the_story_goes() -> None:
    cleaned = strip_chrome(_LONG_STORY)
    assert "DON'T MISS" not in cleaned
    assert "Storm closes coastal road" not in cleaned
    assert "Ferry fares to rise" not in cleaned
    assert "Contractors will be chosen" in cleaned
    assert cleaned.endswith("A public meeting on the plans is due in March.")


@pytest.mark.parametrize("after", [
    # The story's own prose under such a heading, and a list of the writer's picks.
    "The old harbour market opens at dawn.\n\nGo early for the best fish.",
    "- The old harbour market\n\n- The lighthouse museum\n\n- The sea wall walk",
    # A single line under it is not a box of headlines.
    "The lighthouse museum\n\nIt opens at nine every morning.",
])
def test_a_teaser_heading_over_the_storys_own_lines_stays(after: str) -> None:
    text = _NEWS + "\n\nDon't miss\n\n" + after + "\n\nThe tourist office opens at nine."
    assert strip_chrome(text) == text
