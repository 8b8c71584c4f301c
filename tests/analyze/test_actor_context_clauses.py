"""Where an unnamed actor's country comes from: the main clause's place and the dateline,
not a place in a background clause; bare "Congo"; "the agency" after a named agency."""

from __future__ import annotations

from datetime import date

from actor_support import actors

from sitrep.analyze import analyze_text
from sitrep.analyze.nlp.sentences import find_dateline_end

PUBLISHED = date(2026, 3, 6)


def test_dateline_with_long_country_and_date_is_a_dateline() -> None:
    text = "BUKAVU, Democratic Republic of the Congo, April 9 — Families returned home."
    assert text[find_dateline_end(text):].startswith("Families")
    assert find_dateline_end("NEW YORK, Nov. 3 (Wire) - Markets fell.") > 0
    assert find_dateline_end("Families returned home - at last.") == 0


def test_lead_sentence_takes_the_dateline_not_a_participle_clause_place() -> None:
    found = actors("BUKAVU, Democratic Republic of the Congo, April 9 — Hundreds of displaced "
                   "families returned home on Thursday under a truce brokered in Qatar in "
                   "January. Qatari mediators and Congolese officials said further talks "
                   "were planned.", PUBLISHED)
    assert found["displaced families"][0] == "COD"
    assert "Democratic Republic of the Congo" not in found  # the dateline names no actor


def test_dateline_of_a_place_the_story_never_returns_to_is_no_evidence() -> None:
    found = actors("GENEVA, May 4 — Hundreds of displaced families returned home on Monday "
                   "under a truce brokered in Qatar. Qatari and Congolese officials said "
                   "talks would resume.", PUBLISHED)
    assert found["displaced families"][0] != "CHE"


def test_place_of_a_reduced_relative_clause_is_background() -> None:
    found = actors("Villagers fled their homes on Sunday after a truce agreed in Nairobi "
                   "collapsed. Officials in Mogadishu said the army would return. Somali and "
                   "Kenyan officials met.", PUBLISHED)
    assert found["Villagers"][0] != "KEN"


def test_opening_subordinate_clause_place_is_background() -> None:
    found = actors("After a truce agreed in Nairobi collapsed, villagers fled their homes in "
                   "Baidoa on Sunday. Kenyan officials blamed Somali officials.", PUBLISHED)
    assert found["villagers"][0] == "SOM"


def test_main_clause_places_still_count() -> None:
    passive = actors("Journalists were detained in Mogadishu on Sunday. Kenyan officials "
                     "called for their release.", PUBLISHED)
    assert passive["Journalists"][0] == "SOM"
    active = actors("Traders protested in Mombasa on Sunday. Somali officials called for "
                    "calm.", PUBLISHED)
    assert active["Traders"][0] == "KEN"


def test_bare_congo_is_the_drc_unless_the_article_names_the_other_congo() -> None:
    assert actors("Burundi and Congo exchanged accusations at the summit.",
                  PUBLISHED)["Congo"] == ("COD", "GOV")
    assert actors("Angola and Congo agreed to reopen their border near Brazzaville.",
                  PUBLISHED)["Congo"] == ("COG", "GOV")


def test_agency_after_a_named_agency_is_that_agency() -> None:
    found = actors("The World Health Organization reported new cases in Uganda on Monday. "
                   "The agency said vaccines were on the way. The UN health agency asked "
                   "donors for funds.", PUBLISHED)
    assert found["The agency"] == found["World Health Organization"] == ("IGO", "MED")
    assert found["The UN health agency"] == ("IGO", "MED")
    ngo = actors("Medecins Sans Frontieres said two clinics had closed. The organisation "
                 "said staff had been threatened.", PUBLISHED)
    assert ngo["The organisation"] == ngo["Medecins Sans Frontieres"]


def test_un_agency_with_no_agency_before_it_stays_the_un() -> None:
    assert actors("The UN agency said the camps were full.",
                  PUBLISHED)["UN"] == ("IGO", "GOV")


def test_agency_skips_a_state_organ_named_in_between() -> None:
    text = ("The International Atomic Energy Agency asked for access on Monday. Iran's "
            "parliament voted to end cooperation with the agency.")
    analysis = analyze_text(text, PUBLISHED)
    holders = {text[span.start:span.end]: actor.name for actor in analysis.actors
               for span in actor.mentions}
    assert holders["the agency"] == holders["International Atomic Energy Agency"]
