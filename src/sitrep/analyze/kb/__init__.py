"""The offline actor knowledge base: countries, organisations, people and their offices.

Data live in readable YAML files in ``data/`` beside this package (one file per kind:
countries, IGOs/NGOs, people, armed groups and parties, government bodies, role words),
checked against :mod:`sitrep.analyze.kb.schema`. Users add or override actors with their
own YAML or CSV files (``KnowledgeBase.load(extra_files)``; CSV columns documented in
:mod:`sitrep.analyze.kb.loading`).

    kb = KnowledgeBase.load()
    kb.resolve("Armenian Prime Minister", date(2024, 3, 1))
    # ResolvedActor(name='Nikol Pashinyan', country='ARM', sector='GOV', kind='person')
"""

from __future__ import annotations

from sitrep.analyze.kb.knowledge_base import KnowledgeBase, RoleWord
from sitrep.analyze.kb.normalise import is_acronym, lookup_key
from sitrep.analyze.kb.records import Entry, Office

__all__ = ["Entry", "KnowledgeBase", "Office", "RoleWord", "is_acronym", "lookup_key"]
