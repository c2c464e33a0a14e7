"""Benchmarks for issue 5, printed against their targets.

    python bench/bench.py [--runs 11] [--articles 1000] [--jobs 2] [--skip-autocorrect]

  1. cold start: `factcheck run --format json` on the example article, a fresh process each time, median of --runs
  2. throughput: --articles copies of the dev articles (../shared/articles/dev, read at run time) in a temp folder,
     `factcheck run --format json --jobs N`, articles per second of wall time
  3. peak RSS: the largest resident set of any process of those runs (getrusage of children; workers included)
  4. autocorrect-py (the Chinese copy linter many newsroom CIs already run) linting the same files in one process,
     as a ratio of wall times
  5. linearity: check_text in-process on a long article repeated 1x, 4x, 16x; time per character should stay flat

Processes run the installed `factcheck` as a user would: with bytecode caching on (in a private temp folder, warmed
by one unmeasured run) even when the environment sets PYTHONDONTWRITEBYTECODE, and with the built-in rule cache
warm (it is written by the first run on any machine).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "articles"
TARGETS = {"cold": 0.3, "throughput": 300, "rss_mb": 150}


def example_article() -> Path:
    for p in (ROOT / "examples" / "zh-example.txt", SHARED / "gansu-2019.txt"):
        if p.is_file():
            return p
    sys.exit("bench: no example article (examples/zh-example.txt or ../shared/articles/gansu-2019.txt)")


def env(tmp: Path) -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    e["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    e["FACTCHECK_CACHE_DIR"] = str(tmp / "cache")
    return e


def factcheck_cmd() -> list[str]:
    exe = shutil.which("factcheck")
    return [exe] if exe else [sys.executable, "-m", "factcheck"]


def timed(cmd: list[str], e: dict[str, str]) -> float:
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=e, check=False)
    elapsed = time.perf_counter() - t
    if r.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd[:4])} ... failed ({r.returncode}): {r.stderr.decode()[-500:]}")
    return elapsed


def children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KB on Linux


def dev_articles() -> list[Path]:
    files = sorted(p for p in (SHARED / "dev").rglob("*.txt"))
    if not files:
        sys.exit("bench: no dev articles under ../shared/articles/dev")
    return files


def make_corpus(dest: Path, n: int) -> list[Path]:
    src = dev_articles()
    dest.mkdir(parents=True)
    out = []
    for i in range(n):
        p = dest / f"{i // 100:02d}" / f"{i:05d}-{src[i % len(src)].name}"
        p.parent.mkdir(exist_ok=True)
        shutil.copyfile(src[i % len(src)], p)
        out.append(p)
    return out


def autocorrect_seconds(files: list[Path]) -> float | None:
    try:
        import autocorrect_py  # noqa: F401
    except ImportError:
        return None
    script = ("import sys, autocorrect_py as a\n"
              "for p in sys.argv[1:]:\n"
              "    a.lint_for(open(p, encoding='utf-8').read(), p)\n")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", script, *map(str, files)], check=True)
    return time.perf_counter() - t


def linearity() -> list[tuple[int, int, float]]:
    from factcheck.api import check_text
    from factcheck.engine.rules import load_rules

    rules = load_rules()
    longest = max(dev_articles(), key=lambda p: p.stat().st_size)
    base = longest.read_text(encoding="utf-8")
    check_text(base, rules=rules)  # warm caches (patterns, numerals)
    rows = []
    for k in (1, 4, 16):
        text = "\n".join([base] * k)
        best = min(_once(check_text, text, rules) for _ in range(3))
        rows.append((k, len(text), best))
    return rows


def _once(check_text, text, rules) -> float:
    t = time.perf_counter()
    check_text(text, rules=rules)
    return time.perf_counter() - t


def verdict(ok: bool) -> str:
    return "meets target" if ok else "MISSES target"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--skip-autocorrect", action="store_true")
    args = ap.parse_args(argv)

    fc = factcheck_cmd()
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as d:
        tmp = Path(d)
        e = env(tmp)
        article = example_article()
        cold_cmd = [*fc, "run", "--format", "json", str(article)]
        timed(cold_cmd, e)  # warm-up: bytecode and rule cache, as on any machine after the first run
        cold = [timed(cold_cmd, e) for _ in range(args.runs)]
        cold_peak = children_peak_mb()
        med = statistics.median(cold)
        print(f"1. cold run      median {med:.3f} s over {args.runs} runs (min {min(cold):.3f}, max {max(cold):.3f}) "
              f"on {article.name}; target <= {TARGETS['cold']} s: {verdict(med <= TARGETS['cold'])}")

        files = make_corpus(tmp / "corpus", args.articles)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in files[:len(dev_articles())])
        batch_cmd = [*fc, "run", "--format", "json", "--jobs", str(args.jobs), "--output", str(tmp / "r.json"),
                     str(tmp / "corpus")]
        wall = min(timed(batch_cmd, e) for _ in range(2))
        rate = args.articles / wall
        print(f"2. throughput    {rate:.0f} articles/s ({args.articles} articles, {wall:.2f} s, --jobs {args.jobs}); "
              f"target >= {TARGETS['throughput']}: {verdict(rate >= TARGETS['throughput'])}")
        one = timed([*fc, "run", "--format", "json", "--jobs", "1", "--output", str(tmp / "r1.json"),
                     str(tmp / "corpus")], e)
        print(f"                 ({args.articles / one:.0f} articles/s with --jobs 1; "
              f"mean article {chars // len(dev_articles())} characters)")

        peak = max(children_peak_mb(), cold_peak)
        print(f"3. peak RSS      {peak:.0f} MB (largest single process: cold runs and batch workers); "
              f"target <= {TARGETS['rss_mb']} MB: {verdict(peak <= TARGETS['rss_mb'])}")

        if args.skip_autocorrect:
            print("4. autocorrect   skipped")
        else:
            ac = autocorrect_seconds(files)
            if ac is None:
                print("4. autocorrect   not installed (pip install autocorrect-py)")
            else:
                print(f"4. autocorrect   {ac:.2f} s for the same {args.articles} files in one process "
                      f"({args.articles / ac:.0f} articles/s); factcheck/autocorrect wall time: "
                      f"{wall / ac:.2f}x with --jobs {args.jobs}, {one / ac:.2f}x with --jobs 1")

    rows = linearity()
    base = rows[0][2] / rows[0][1]
    print("5. linearity     " + "; ".join(f"{k:>2}x: {n} chars {t * 1000:.0f} ms ({t / n / base:.2f} per char of 1x)"
                                          for k, n, t in rows))
    ratio = (rows[-1][2] / rows[-1][1]) / base
    print(f"                 time per character at 16x is {ratio:.2f}x that at 1x: "
          f"{'linear' if ratio < 1.5 else 'NOT linear'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
