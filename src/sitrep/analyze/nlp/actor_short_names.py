"""Short country names whose state depends on the article.

Bare "Congo" is listed in the KB as the Democratic Republic of the Congo (COD): in news of
the 2020s (the M23 war, the Doha and Washington talks, Ebola and mpox outbreaks) the DRC is
what the short name means almost every time. An article that names the other Congo
("Republic of the Congo", "Congo-Brazzaville", its capital Brazzaville) is about, or at
least aware of, the Republic of the Congo (COG), and there the bare name is too ambiguous
to give to the DRC: it is read as COG, the state the writer had to tell apart.
"""

from __future__ import annotations

import re

__all__ = ["article_reading"]

_OTHER_STATE_CUES: dict[str, tuple[str, re.Pattern[str]]] = {
    "congo": ("COG", re.compile(
        r"(?<!Democratic )Republic of (?:the )?Congo\b|Congo-Brazzaville|\bBrazzaville\b")),
}
"""Lower-cased short name -> (the state it means in an article with a cue, the cue)."""


def article_reading(short_name: str, text: str) -> str | None:
    """The KB entry id a short name stands for in ``text`` when the article names the
    other state that shares it; None to keep the KB's default reading."""
    reading = _OTHER_STATE_CUES.get(short_name.lower())
    if reading is None:
        return None
    entry_id, cue = reading
    return entry_id if cue.search(text) else None
