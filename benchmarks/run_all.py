"""`make bench`: every benchmark in turn, its own output as it goes, then one summary table.

Each benchmark exits 1 when it misses a target and prints one `RESULT <bench> | ok|MISS ...`
line per target (scenario.finish); a benchmark without such lines is summarised by its exit
code. The table ends with the machine's load, since wall times depend on it. Exits 1 when
any benchmark missed a target or failed.

    python benchmarks/run_all.py [bench_build bench_validate ...]   (default: every bench_*.py)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from scenario import load_average  # noqa: E402

# quickest first: a failure shows early
ORDER = ("bench_validate", "bench_build", "bench_pr_check")


def main(names: list[str]) -> int:
    found = sorted(p.stem for p in HERE.glob("bench_*.py"))
    names = names or sorted(found, key=lambda n: (ORDER.index(n) if n in ORDER else len(ORDER), n))
    rows: list[str] = []
    failed = False
    for name in names:
        print(f"=== {name}", flush=True)
        proc = subprocess.Popen([sys.executable, str(HERE / f"{name}.py")], stdout=subprocess.PIPE, text=True)
        results = []
        assert proc.stdout is not None
        for line in proc.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            if line.startswith(f"RESULT {name} |"):
                results.append(line.split("|", 1)[1].rstrip())
        code = proc.wait()
        failed |= code != 0
        rows += [f"{name:<16}{r}" for r in results] or [
            f"{name:<16}  {'ok  ' if code == 0 else 'FAIL'}  (exit code {code}; see its output above)"]
    print("\n=== summary (" + load_average() + ")")
    print("\n".join(rows))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
