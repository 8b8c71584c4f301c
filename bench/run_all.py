"""Run every benchmark in turn (``make bench``): extraction accuracy, PLOVER coding
accuracy, end-to-end throughput. Each prints its own figures; see the README."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SCRIPTS = ["extraction.py", "plover.py", "throughput.py"]


def main() -> int:
    worst = 0
    for script in SCRIPTS:
        print(f"== {script}", flush=True)
        worst = max(worst, subprocess.call([sys.executable, str(BENCH / script)]))
    return worst


if __name__ == "__main__":
    raise SystemExit(main())
