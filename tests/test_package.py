"""The public surface: small ``__all__`` lists that name real things, and the error
hierarchy the CLI relies on."""

from __future__ import annotations

import importlib
import pickle

import pytest

from sitrep import errors

PACKAGES = ["sitrep", "sitrep.errors", "sitrep.models", "sitrep.settings", "sitrep.ingest",
            "sitrep.extract", "sitrep.analyze", "sitrep.analyze.kb", "sitrep.store",
            "sitrep.brief", "sitrep.pipeline"]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_names_exist_and_are_few(name: str) -> None:
    module = importlib.import_module(name)
    exported = module.__all__
    assert len(exported) == len(set(exported))
    assert len(exported) <= 25, "keep the public API small"
    for item in exported:
        assert hasattr(module, item), f"{name}.__all__ names missing {item}"


def test_every_error_is_a_sitrep_error() -> None:
    for name in errors.__all__:
        assert issubclass(getattr(errors, name), errors.SitrepError)


def test_input_errors_name_the_input_and_survive_pickling() -> None:
    exc = errors.ArchiveError("crawl.warc.gz#12", "truncated record")
    assert str(exc) == "crawl.warc.gz#12: truncated record"
    back = pickle.loads(pickle.dumps(exc))
    assert (type(back), back.source, back.reason) == (errors.ArchiveError, exc.source, exc.reason)


def test_invalid_date_message() -> None:
    exc = errors.InvalidDate("13/45/2025", "--since")
    assert "--since" in str(exc) and "13/45/2025" in str(exc)
    assert pickle.loads(pickle.dumps(exc)).where == "--since"
