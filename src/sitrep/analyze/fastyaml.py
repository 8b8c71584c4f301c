"""Safe YAML loading through libyaml's C parser when PyYAML was built with it.

PyYAML's pure-Python ``SafeLoader`` spends most of a cold start's parsing time in its
scanner; ``CSafeLoader`` builds the same Python objects (the same safe tag set) about ten
times faster. Wheels without libyaml lack it, so the pure-Python loader stays the fallback.
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["SAFE_LOADER", "safe_load"]

SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load(text)`` with the fastest safe loader available."""
    return yaml.load(text, Loader=SAFE_LOADER)  # a safe loader, C or Python
