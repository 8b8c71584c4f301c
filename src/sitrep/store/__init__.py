"""Persistence of analysed articles: SQLite by default, PostgreSQL through the same code.

    store = Store.open(settings.database_url)
    result = store.save(analysis, run_id)      # SaveResult: stored / duplicate / copy
    result = store.save(prepare(analysis), run_id)  # prepared elsewhere (an ingest worker)
    hits = store.search('"peace talks" sanctions')
    analyses = store.analyses(since=date(2025, 8, 1), actor="putin")

The schema is migrated by Alembic on open (migrations ship inside this package).
"""

from sitrep.store.prepared import PreparedAnalysis, prepare
from sitrep.store.search import SearchHit
from sitrep.store.store import SaveResult, Store

__all__ = ["PreparedAnalysis", "SaveResult", "SearchHit", "Store", "prepare"]
