"""Real pages from ../shared: every news page of the two extraction corpora must decode
(their charsets are declared in every way the web declares them) with no error."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.ingest import expand_sources, read_source
from sitrep.models import RawDocument
from sitrep.settings import Settings

CORPORA = ("data/extraction/wcxb-dev-articles/html", "data/extraction/scrapinghub/html")


@pytest.mark.shared
@pytest.mark.parametrize("corpus", CORPORA)
def test_every_corpus_page_decodes(shared_dir: Path, corpus: str) -> None:
    settings = Settings(database_url="sqlite://")  # the default 20 MiB cap
    files = expand_sources([str(shared_dir / corpus)])
    assert len(files) > 100
    errors: list[InputError] = []
    documents = 0
    for file_name in files:
        for item in read_source(file_name, settings):
            if isinstance(item, RawDocument):
                assert item.kind == "html"
                documents += 1
            else:
                errors.append(item)
    assert errors == []
    assert documents == len(files)
