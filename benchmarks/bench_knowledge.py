"""Cold-load cost of the knowledge base (reader.knowledge): each table, and the whole of it.

    .venv/bin/python benchmarks/bench_knowledge.py [--repeat 5]

Every measure runs in a fresh subprocess (so nothing is cached), best of --repeat, in ms.
"import" is the cost of importing reader.knowledge alone; each table row is the time of its
first look-up after that import; "import + all" is import plus every table, measured as
added to a process that already imported what the analysis imports anyway (reader.model,
json, re, dataclasses). Target: the whole knowledge base adds at most 50 ms to a run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 50.0

PRELUDE = "import time, json, re, dataclasses, datetime, gzip, reader.model\n"
MEASURES = {
    "import": ("", "import reader.knowledge as k"),
    "codes": ("import reader.knowledge as k", "k.code_party('USAGOV')"),
    "people": ("import reader.knowledge as k", "k.person_roles('Vladimir Putin')"),
    "organisations": ("import reader.knowledge as k", "k.organisation('Hamas')"),
    "agents": ("import reader.knowledge as k", "k.sector_of('minister')"),
    "discards": ("import reader.knowledge as k", "k.is_discard('World Cup')"),
    "verbs": ("import reader.knowledge as k", "k.verb_kind('call', ['for'])"),
    "verb patterns (all)": ("import reader.knowledge as k; k.verb_kind('say')", "list(k.verb_patterns())"),
    "import + all": ("", "import reader.knowledge as k; k.load_all()"),
}


def once(setup: str, timed: str) -> float:
    code = (f"{PRELUDE}{setup}\nt = time.perf_counter()\n{timed}\n"
            "print((time.perf_counter() - t) * 1000)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def best(setup: str, timed: str, repeat: int) -> float:
    return min(once(setup, timed) for _ in range(repeat))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    results = {name: best(setup, timed, args.repeat) for name, (setup, timed) in MEASURES.items()}
    for name, ms in results.items():
        print(f"{name:22} {ms:7.1f} ms")
    total = results["import + all"]
    verdict = "within" if total <= TARGET_MS else "OVER"
    print(f"whole knowledge base: {total:.1f} ms ({verdict} the {TARGET_MS:.0f} ms target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
