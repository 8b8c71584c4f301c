"""PLOVER scoring on a small gold file written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.analyze import Analyzer
from sitrep.analyze.evaluate import format_report, read_gold, score_plover
from sitrep.errors import InputError

GOLD = [
    {"id": "t1", "text": "Chile and Peru agreed to a joint border commission.", "event": "AGREE",
     "source": [{"actorText": "Chile", "code": "CHL"}, {"actorText": "Peru", "code": "PER"}],
     "target": []},
    {"id": "t2", "text": "Serbia accused Croatia of harassing its truck drivers.",
     "event": "ACCUSE", "source": [{"text": "Serbia", "country": "SRB"}],
     "target": [{"text": "Croatia", "country": "HRV"}]},
    {"id": "t3", "text": "The weather was mild in the capital.", "event": "PROTEST",
     "source": [{"actorText": "United Nations", "code": "IGO"}], "target": []},
]


def test_score_small_gold_file(tmp_path: Path, analyzer: Analyzer) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in GOLD) + "\n", encoding="utf-8")
    report = score_plover(analyzer, read_gold(path))
    assert report.total == 3
    assert report.type_correct == 2
    assert report.source_correct == 2 and report.source_total == 3
    assert report.target_correct == 1 and report.target_total == 1
    text = format_report(report, "test")
    assert "event type accuracy : 0.667" in text
    assert report.to_json()["sentences"] == 3


def test_bad_gold_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"text": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:1"):
        read_gold(path)


def test_records_are_read_as_of_their_own_date(tmp_path: Path, analyzer: Analyzer) -> None:
    # The same words name another office holder, with another sector, on another date.
    rows = [{"id": d, "date": d, "text": "Donald Trump criticised Canada over its tariffs.",
             "event": "ACCUSE",
             "source": [{"text": "Donald Trump", "country": "USA", "sector": "GOV"}],
             "target": [{"text": "Canada", "country": "CAN", "sector": "GOV"}]}
            for d in ("2018-06-10", "2022-06-10")]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    records = read_gold(path)
    assert [r.date.isoformat() if r.date else None for r in records] == \
        ["2018-06-10", "2022-06-10"]
    report = score_plover(analyzer, records)
    # 2018: president (GOV) twice; 2022: Trump is out of office (ELI), Canada still GOV.
    assert (report.actor_total, report.actor_correct) == (4, 3)
    assert "actor resolution    : 0.750" in format_report(report, "dated")


def test_gsr_sector_codes_are_read_by_their_primary_sector(tmp_path: Path) -> None:
    row = {"text": "x", "event": "PROTEST", "target": [],
           "source": [{"actorText": "ethnic Albanians", "code": "MKD", "sector": "CVLalb"},
                      {"actorText": "villagers", "code": "MKD", "sector": "CIV"},
                      {"actorText": "Israel", "code": "ISR", "sector": "***"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    sectors = [a.sector for a in read_gold(path)[0].source]
    assert sectors == ["CVL", "CVL", None]


def test_transnational_names_share_words_without_case_or_punctuation() -> None:
    from sitrep.analyze.evaluate import GoldActor, _side_matches
    from sitrep.models import ActorRef

    agency = ActorRef(name="International Atomic Energy Agency (IAEA)", country="IGO",
                      sector="GOV")
    assert _side_matches([agency], [GoldActor("the IAEA", "IGO")])
    assert _side_matches([ActorRef(name="UN", country="IGO", sector="GOV")],
                         [GoldActor("U.N. inspectors", "IGO")])
    assert not _side_matches([agency], [GoldActor("European Union", "IGO")])


def test_gold_text_is_found_despite_doubled_spaces_and_ellipses() -> None:
    from sitrep.analyze.evaluate import GoldActor, _resolved_at
    from sitrep.models import ActorMention, Span

    sentence = "U.S. and Russian negotiators return to Geneva this week."
    start = sentence.index("Russian negotiators")
    negotiators = ActorMention(id="a1", name="Russian negotiators", kind="group",
                               country="RUS", sector="GOV",
                               mentions=[Span(start, start + 19, "Russian negotiators")])
    found = _resolved_at(sentence, GoldActor(" Russian  negotiators", "RUS", "GOV"),
                         [negotiators])
    assert found is negotiators
    assert _resolved_at(sentence, GoldActor("U.S. ... negotiators", "USA", "GOV"),
                        [negotiators]) is negotiators
