"""sitrep: raw news in; evidenced PLOVER events, attributed quotes, actors and briefs out.

The package reads as the pipeline: ``ingest`` -> ``extract`` -> ``analyze`` -> ``store`` ->
``brief``. The records passed between stages live in :mod:`sitrep.models`, the errors in
:mod:`sitrep.errors`.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
