"""resolve(), lookup(), country_of(), sector_of(): phrases as the actor finder hands them."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.analyze.kb import KnowledgeBase, is_acronym, lookup_key
from sitrep.models import ResolvedActor


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def _actor(kb: KnowledgeBase, phrase: str, on: date | None = None) -> ResolvedActor:
    actor = kb.resolve(phrase, on)
    assert actor is not None, phrase
    return actor


@pytest.mark.parametrize(("phrase", "on", "expected"), [
    ("Armenian Prime Minister", date(2024, 3, 1), ("Nikol Pashinyan", "ARM", "GOV", "person")),
    ("the US President", date(2025, 8, 15), ("Donald Trump", "USA", "GOV", "person")),
    ("the US President", date(2022, 3, 1), ("Joe Biden", "USA", "GOV", "person")),
    ("the President of the United States", date(2010, 1, 1),
     ("Barack Obama", "USA", "GOV", "person")),
    ("Russian President Vladimir Putin", date(2024, 1, 1),
     ("Vladimir Putin", "RUS", "GOV", "person")),
    ("Kremlin leader", date(2010, 5, 1), ("Dmitry Medvedev", "RUS", "GOV", "person")),
    ("Kremlin leader", date(2015, 5, 1), ("Vladimir Putin", "RUS", "GOV", "person")),
    ("Russia's foreign minister", date(2020, 1, 1), ("Sergei Lavrov", "RUS", "GOV", "person")),
    ("the Ukrainian premier", date(2021, 6, 1), ("Denys Shmyhal", "UKR", "GOV", "person")),
    ("UN Secretary-General", date(2012, 6, 1), ("Ban Ki-moon", "IGO", "GOV", "person")),
    ("UN Secretary-General", date(2024, 6, 1), ("António Guterres", "IGO", "GOV", "person")),
    ("German leader", date(2019, 1, 1), ("Angela Merkel", "DEU", "GOV", "person")),
    ("Pentagon chief", date(2025, 6, 1), ("Pete Hegseth", "USA", "GOV", "person")),
    ("British Foreign Secretary", date(2023, 12, 1), ("David Cameron", "GBR", "GOV", "person")),
    ("Hezbollah chief", date(2025, 1, 1), ("Naim Qassem", "LBN", "REB", "person")),
    ("Hezbollah chief", date(2020, 1, 1), ("Hassan Nasrallah", "LBN", "REB", "person")),
    ("Lebanese army chief", date(2024, 1, 1), ("Joseph Aoun", "LBN", "MIL", "person")),
    ("the pope", date(2025, 6, 1), ("Pope Leo XIV", "VAT", "REL", "person")),
    ("the EU's top diplomat", date(2025, 3, 1), ("Kaja Kallas", "IGO", "GOV", "person")),
    ("Syrian President", date(2020, 6, 1), ("Bashar al-Assad", "SYR", "GOV", "person")),
    ("Syrian President", date(2025, 6, 1), ("Ahmed al-Sharaa", "SYR", "GOV", "person")),
    ("US Secretary of State", date(2025, 3, 1), ("Marco Rubio", "USA", "GOV", "person")),
    ("Kremlin spokesman Dmitry Peskov", date(2025, 3, 1),
     ("Dmitry Peskov", "RUS", "GOV", "person")),
    ("British monarch", date(2020, 1, 1), ("Queen Elizabeth II", "GBR", "GOV", "person")),
    ("the British King", date(2024, 1, 1), ("King Charles III", "GBR", "GOV", "person")),
    ("Qatari emir", date(2024, 1, 1), ("Tamim bin Hamad Al Thani", "QAT", "GOV", "person")),
    ("Saudi leader", date(2024, 1, 1), ("Mohammed bin Salman", "SAU", "GOV", "person")),
])
def test_role_phrases_resolve_to_the_holder_on_the_date(
        kb: KnowledgeBase, phrase: str, on: date, expected: tuple[str, ...]) -> None:
    actor = _actor(kb, phrase, on)
    assert (actor.name, actor.country, actor.sector, actor.kind) == expected


@pytest.mark.parametrize(("phrase", "expected"), [
    ("the Kremlin", ("Russia", "RUS", "GOV", "country")),
    ("Kyiv", ("Ukraine", "UKR", "GOV", "country")),
    ("Kiev", ("Ukraine", "UKR", "GOV", "country")),
    ("the White House", ("United States", "USA", "GOV", "country")),
    ("Downing Street", ("United Kingdom", "GBR", "GOV", "country")),
    ("the Élysée", ("France", "FRA", "GOV", "country")),
    ("the Elysee", ("France", "FRA", "GOV", "country")),
    ("Beijing", ("China", "CHN", "GOV", "country")),
    ("Tehran", ("Iran", "IRN", "GOV", "country")),
    ("Brussels", ("European Union (EU)", "IGO", "GOV", "organization")),
    ("the Russian government", ("Russia", "RUS", "GOV", "country")),
    ("American warplanes", ("American warplanes", "USA", "MIL", "group")),
    ("Ukrainian soldiers", ("Ukrainian soldiers", "UKR", "MIL", "group")),
    ("the Chinese police", ("Chinese police", "CHN", "COP", "group")),
    ("Israeli riot police", ("Israeli riot police", "ISR", "COP", "group")),
    ("Hamas", ("Hamas", "PSE", "REB", "organization")),
    ("Hamas fighters", ("Hamas fighters", "PSE", "REB", "group")),
    ("Iran-backed Houthis", ("Houthis", "YEM", "REB", "organization")),
    ("Iranian protesters", ("Iranian protesters", "IRN", "CVL", "group")),
    ("a Russian court", ("Russian court", "RUS", "JUD", "organization")),
    ("Turkish journalists", ("Turkish journalists", "TUR", "JRN", "group")),
    ("Kremlin spokesman", ("Kremlin spokesman", "RUS", "GOV", "person")),
    ("protesters", ("protesters", None, "CVL", "group")),
    ("Trump administration", ("United States", "USA", "GOV", "country")),
    ("Israeli settlers", ("Israeli settlers", "ISR", "CVL", "group")),
    ("Wagner fighters", ("Wagner fighters", "RUS", "PRM", "group")),
    ("the Israeli army", ("Israel Defense Forces (IDF)", "ISR", "MIL", "organization")),
    ("Transnistria", ("Transnistria", "MDA", "PRE", "organization")),
    ("Islamic State", ("Islamic State (ISIS)", "IMG", "REB", "organization")),
    ("the IAEA", ("International Atomic Energy Agency (IAEA)", "IGO", "GOV", "organization")),
    ("Amnesty", ("Amnesty International", "NGO", "SOC", "organization")),
    # the first part of a two-part country's name is the country in news copy
    ("Trinidad", ("Trinidad and Tobago", "TTO", "GOV", "country")),
    ("St Kitts", ("Saint Kitts and Nevis", "KNA", "GOV", "country")),
])
def test_names_metonyms_and_groups(kb: KnowledgeBase, phrase: str,
                                   expected: tuple[str | None, ...]) -> None:
    actor = _actor(kb, phrase, date(2024, 6, 1))
    assert (actor.name, actor.country, actor.sector, actor.kind) == expected


def test_the_office_held_on_the_date_gives_the_sector(kb: KnowledgeBase) -> None:
    assert _actor(kb, "Putin", date(2010, 5, 1)).sector == "GOV"
    assert _actor(kb, "Guterres", date(2010, 5, 1)).country == "IGO"  # UNHCR then
    assert _actor(kb, "Guterres", date(2020, 5, 1)).country == "IGO"
    assert _actor(kb, "Guterres", date(2004, 5, 1)).country == "PRT"  # between offices
    former = _actor(kb, "Joe Biden", date(2026, 1, 1))
    assert (former.country, former.sector) == ("USA", "ELI")
    taliban_then, taliban_now = (_actor(kb, "the Taliban", date(2010, 1, 1)),
                                 _actor(kb, "the Taliban", date(2023, 1, 1)))
    assert (taliban_then.sector, taliban_now.sector) == ("REB", "GOV")


def test_no_date_means_today(kb: KnowledgeBase) -> None:
    assert kb.resolve("the US President") == kb.resolve("the US President", date.today())


def test_unknown_phrases_resolve_to_none(kb: KnowledgeBase) -> None:
    for phrase in ("blorf", "", "   ", "the president", "a quiet afternoon", "us"):
        assert kb.resolve(phrase, date(2024, 1, 1)) is None, phrase


def test_unknown_holder_keeps_the_phrase_or_the_given_name(kb: KnowledgeBase) -> None:
    unnamed = _actor(kb, "the Tongan Prime Minister", date(2024, 1, 1))
    assert (unnamed.name, unnamed.country, unnamed.kind) == ("Tongan Prime Minister", "TON",
                                                             "person")
    named = _actor(kb, "Tongan Foreign Minister Jane Doe", date(2024, 1, 1))
    assert (named.name, named.country, named.sector) == ("Jane Doe", "TON", "GOV")


def test_lookup_ignores_case_diacritics_and_determiners(kb: KnowledgeBase) -> None:
    assert [e.id for e in kb.lookup("zelensky")] == ["volodymyr-zelenskyy"]
    assert [e.id for e in kb.lookup("Zelenskiy")] == ["volodymyr-zelenskyy"]
    assert [e.id for e in kb.lookup("élysée palace")] == ["FRA"]
    assert [e.id for e in kb.lookup("KREMLIN")] == ["RUS"]
    assert [e.id for e in kb.lookup("the Kremlin")] == ["RUS"]
    assert kb.lookup("who") == [] and [e.id for e in kb.lookup("WHO")] == ["who"]


@pytest.mark.parametrize(("word", "code"), [
    ("Russian", "RUS"), ("Russia", "RUS"), ("Russians", "RUS"), ("Russia's", "RUS"),
    ("US", "USA"), ("U.S.", "USA"), ("American", "USA"), ("British", "GBR"),
    ("Britain", "GBR"), ("South Korean", "KOR"), ("North Korean", "PRK"),
    ("Ivorian", "CIV"), ("Côte d'Ivoire", "CIV"), ("Kosovar", "XKX"),
    ("us", None), ("Moscow", None), ("blue", None),
])
def test_country_of(kb: KnowledgeBase, word: str, code: str | None) -> None:
    assert kb.country_of(word) == code


@pytest.mark.parametrize(("word", "sector"), [
    ("soldiers", "MIL"), ("troops", "MIL"), ("army", "MIL"), ("warplanes", "MIL"),
    ("police", "COP"), ("rebels", "REB"), ("insurgents", "REB"), ("militants", "REB"),
    ("protesters", "CVL"), ("demonstrators", "CVL"), ("judge", "JUD"), ("court", "JUD"),
    ("lawmakers", "LEG"), ("parliament", "LEG"), ("senators", "LEG"), ("opposition", "OPP"),
    ("company", "BUS"), ("firm", "BUS"), ("journalists", "JRN"), ("newspaper", "JRN"),
    ("president", "GOV"), ("minister", "GOV"), ("officials", "GOV"), ("refugees", "REF"),
    ("doctors", "MED"), ("spies", "SPY"), ("special forces", "MIL"), ("teapot", None),
])
def test_sector_of(kb: KnowledgeBase, word: str, sector: str | None) -> None:
    assert kb.sector_of(word) == sector


def test_surface_forms_cover_names_surnames_and_seats(kb: KnowledgeBase) -> None:
    forms = dict(kb.surface_forms())
    for surface, entry_id in [("Putin", "vladimir-putin"), ("Zelenskyy", "volodymyr-zelenskyy"),
                              ("Zelensky", "volodymyr-zelenskyy"), ("the Kremlin", "RUS"),
                              ("Kremlin", "RUS"), ("Washington", "USA"),
                              ("Downing Street", "GBR"), ("Élysée", "FRA"), ("Brussels", "eu"),
                              ("Tehran", "IRN"), ("Beijing", "CHN"), ("NATO", "nato")]:
        assert forms.get(surface) == entry_id, surface


def test_normalisation_keeps_acronyms_case_sensitive() -> None:
    assert is_acronym("U.S.") and is_acronym("NATO") and not is_acronym("Nato")
    assert lookup_key("U.S.") == lookup_key("US") == "US"
    assert lookup_key("us") == "us"
    assert lookup_key("The  Élysée") == lookup_key("elysee")


def test_former_and_then_qualifiers(kb: KnowledgeBase) -> None:
    then = _actor(kb, "then-President Trump", date(2018, 1, 1))
    assert (then.name, then.sector) == ("Donald Trump", "GOV")
    former = _actor(kb, "former Israeli Prime Minister Naftali Bennett", date(2024, 1, 1))
    assert (former.name, former.country, former.sector) == ("Naftali Bennett", "ISR", "ELI")
    unnamed = _actor(kb, "a former US president", date(2024, 1, 1))
    assert (unnamed.country, unnamed.sector, unnamed.kind) == ("USA", "ELI", "person")
    backed = _actor(kb, "pro-Russian separatists", date(2024, 1, 1))
    assert (backed.country, backed.sector) == (None, "REB")  # the backer is not the actor
