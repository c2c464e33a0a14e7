"""Archive-scale benchmarks (issue 11), two installs side by side in one run: `before` and `after` columns.

    python bench/scale.py --before /work/venvs/base/bin/factcheck [--after factcheck] [--sizes 2000,20000]
                          [--before-src /work/wt/base] [--skip memory,fresh,linear,throughput,startup]

  1. memory      N copies of ../shared/articles/wild/thucnews in a temp folder, `run --jobs 2 --format json -o DIR`:
                 peak resident memory of the whole process tree (parent and workers, sampled every 50 ms from
                 /proc: the sum of RSS, and the sum of PSS, which counts pages the forked workers share once)
  2. fresh       a fresh clone of each checkout (git archive HEAD) in a fresh virtual environment, installed as the
                 README's quick start does (`pip install -e .`) and as a wheel (`pip install .`); then the first
                 `factcheck run --format json` on the example with an empty user cache, 7 times (median), beside
                 the interpreter's own start (`python -c pass`) and the second run (cache warm)
  3. linear      check_text in-process on the seed article (../shared/articles/gansu-2019.txt) joined 1x and 64x;
                 CPU time per character, best of several rounds
  4. throughput  the 1,000 wild Chinese articles, `run --jobs 2 --format json -o FILE`, articles per second (best
                 of 3), and autocorrect (autocorrect-py: the Rust linter's Python binding) linting the same files
  5. startup     `python -X importtime` of that single run: total import time, factcheck's own and what else loads

Runs of before and after alternate, so both columns see the same load from other processes on the machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "articles"
WILD = SHARED / "wild" / "thucnews"
SEED = SHARED / "gansu-2019.txt"
EXAMPLE = ROOT / "examples" / "zh-example.txt"


def say(*a) -> None:
    print(*a, flush=True)


# --- process-tree memory -----------------------------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out += [int(x) for x in fh.read().split()]
    except OSError:
        pass
    return out


def _tree(pid: int) -> list[int]:
    todo, seen = [pid], []
    while todo:
        p = todo.pop()
        seen.append(p)
        todo += _children(p)
    return seen


def _mem_kb(pid: int) -> tuple[int, int]:
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def run_sampled(cmd: list[str], env: dict) -> dict:
    """Wall time and the peak (over 50 ms samples) of the tree's summed RSS and PSS, and its largest process."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = {"rss": 0, "pss": 0, "largest": 0, "procs": 0}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            mems = [_mem_kb(p) for p in _tree(proc.pid)]
            peak["rss"] = max(peak["rss"], sum(m[0] for m in mems))
            peak["pss"] = max(peak["pss"], sum(m[1] for m in mems))
            peak["largest"] = max(peak["largest"], max((m[0] for m in mems), default=0))
            peak["procs"] = max(peak["procs"], len(mems))
            time.sleep(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    done.set()
    th.join()
    wall = time.perf_counter() - t
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd[:3])} ... failed ({proc.returncode}): {err.decode()[-800:]}")
    return {"wall": wall, **{k: v / 1024 if k != "procs" else v for k, v in peak.items()}}


def make_corpus(dest: Path, n: int) -> Path:
    src = sorted(WILD.glob("*.txt"))
    if not src:
        sys.exit(f"bench: no articles in {WILD}")
    for i in range(n):
        d = dest / f"{i // 1000:03d}"
        if i % 1000 == 0:
            d.mkdir(parents=True)
        shutil.copyfile(src[i % len(src)], d / f"{i:06d}-{src[i % len(src)].name}")
    return dest


def bench_env(tmp: Path) -> dict:
    e = dict(os.environ)
    e["FACTCHECK_CACHE_DIR"] = str(tmp / "cache")  # warm after the first run, as on any machine
    return e


def memory(installs: dict[str, list[str]], sizes: list[int], tmp: Path) -> None:
    say("\n1. memory: run --jobs 2 --format json -o DIR on N copies of wild/thucnews "
        "(peak of the whole process tree)")
    e = bench_env(tmp)
    for n in sizes:
        corpus = make_corpus(tmp / f"corpus-{n}", n)
        rows = {}
        for name, fc in installs.items():
            out = tmp / f"out-{name}-{n}"
            out.mkdir()
            subprocess.run([*fc, "run", "--format", "json", str(EXAMPLE)], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, env=e)  # rule cache warm
            rows[name] = run_sampled([*fc, "run", "--jobs", "2", "--format", "json", "-o", str(out) + "/",
                                      str(corpus)], e)
            shutil.rmtree(out)
        for name, r in rows.items():
            say(f"   {n:>6} articles  {name:6s}  tree RSS {r['rss']:7.0f} MB   tree PSS {r['pss']:7.0f} MB   "
                f"largest process {r['largest']:6.0f} MB   {r['procs']} processes   {r['wall']:6.1f} s "
                f"({n / r['wall']:.0f} articles/s)")
        shutil.rmtree(corpus)


# --- a fresh install ---------------------------------------------------------------------------------------------

def fresh_clone(src: Path, dest: Path) -> Path:
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(src), "archive", "HEAD"], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def fresh_venv(src: Path, dest: Path, editable: bool) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(dest)], check=True)
    pip = [str(dest / "bin" / "python"), "-m", "pip", "install", "-q"]
    r = subprocess.run(pip + (["-e", str(src)] if editable else [str(src)]), capture_output=True, text=True)
    if r.returncode:
        sys.exit(f"bench: pip install of {src} failed: {r.stderr[-800:]}")
    return dest


def timed(cmd: list[str], env: dict) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t


def fresh(sources: dict[str, Path], tmp: Path, runs: int = 7) -> None:
    say(f"\n2. fresh install: first `factcheck run --format json {EXAMPLE.name}` with an empty user cache "
        f"(median of {runs}); PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '(unset)')}")
    venvs = {}
    for name, src in sources.items():
        clone = fresh_clone(src, tmp / f"clone-{name}")
        for mode, editable in (("editable", True), ("wheel", False)):
            t = time.perf_counter()
            venvs[(name, mode)] = fresh_venv(clone if editable else fresh_clone(src, tmp / f"clone-{name}-w"),
                                             tmp / f"venv-{name}-{mode}", editable)
            say(f"   installed {name} ({mode}) in {time.perf_counter() - t:.0f} s")
    first = {k: [] for k in venvs}
    second = {k: [] for k in venvs}
    bare = []
    for i in range(runs):
        for key, venv in venvs.items():
            e = {k: v for k, v in os.environ.items() if k != "FACTCHECK_CACHE_DIR"}
            e["XDG_CACHE_HOME"] = str(tmp / f"home-{key[0]}-{key[1]}-{i}")  # an empty user cache: a first run
            cmd = [str(venv / "bin" / "factcheck"), "run", "--format", "json", str(EXAMPLE)]
            first[key].append(timed(cmd, e))
            second[key].append(timed(cmd, e))
        bare.append(timed([str(next(iter(venvs.values())) / "bin" / "python"), "-c", "pass"], dict(os.environ)))
    for key in venvs:
        say(f"   {key[0]:6s} {key[1]:8s}  first run {statistics.median(first[key]):.3f} s   "
            f"second run {statistics.median(second[key]):.3f} s")
    say(f"   interpreter start (python -c pass): {statistics.median(bare):.3f} s")


# --- time per character ------------------------------------------------------------------------------------------

LINEAR = r"""
import sys, time
from factcheck.api import check_text
from factcheck.api import load_rules  # registers the pattern kinds first (older installs: the same function)
rules = load_rules()
seed = open(sys.argv[1], encoding="utf-8", newline="").read()
check_text(seed, rules=rules)
out = []
for k in (1, 64):
    text = "\n".join([seed] * k)
    reps = max(1, 64 // k)
    best = float("inf")
    for _ in range(int(sys.argv[2])):
        t = time.process_time()
        for _ in range(reps):
            check_text(text, rules=rules)
        best = min(best, (time.process_time() - t) / reps)
    out.append(f"{k} {len(text)} {best}")
print(";".join(out))
"""


def linear(pythons: dict[str, str], rounds: int = 5) -> None:
    say("\n3. time per character: check_text on the seed article joined 1x and 64x (CPU time, best of "
        f"{rounds} rounds, the installs alternating)")
    best: dict[str, dict[int, tuple[float, float]]] = {name: {} for name in pythons}
    for _ in range(rounds):
        for name, py in pythons.items():
            r = subprocess.run([py, "-c", LINEAR, str(SEED), "1"], capture_output=True, text=True,
                               env=bench_env(Path(tempfile.gettempdir())))
            if r.returncode:
                say(f"   {name}: failed: {r.stderr[-400:]}")
                return
            for part in r.stdout.strip().split(";"):
                k, n, t = (float(x) for x in part.split())
                if int(k) not in best[name] or t < best[name][int(k)][1]:
                    best[name][int(k)] = (n, t)
    for name, rows in best.items():
        (n1, t1), (n64, t64) = rows[1], rows[64]
        say(f"   {name:6s}  1x: {n1:.0f} chars {t1 * 1000:.1f} ms ({t1 / n1 * 1e6:.2f} us/char)   64x: {n64:.0f} "
            f"chars {t64 * 1000:.0f} ms ({t64 / n64 * 1e6:.2f} us/char)   ratio {t64 / n64 / (t1 / n1):.2f}")


# --- throughput ------------------------------------------------------------------------------------------------

AUTOCORRECT = r"""
import sys, time, autocorrect_py as a
files = sys.argv[1:]
texts = [(p, open(p, encoding='utf-8').read()) for p in files]
t = time.perf_counter()
for p, text in texts:
    a.lint_for(text, p)
print(time.perf_counter() - t)
"""


def throughput(installs: dict[str, list[str]], tmp: Path, autocorrect_python: str | None) -> None:
    files = sorted(WILD.glob("*.txt"))
    say(f"\n4. throughput: {len(files)} wild articles, run --jobs 2 --format json -o FILE (best of 3 wall times)")
    e = bench_env(tmp)
    walls = {name: [] for name in installs}
    for _ in range(3):
        for name, fc in installs.items():
            walls[name].append(timed([*fc, "run", "--jobs", "2", "--format", "json", "-o",
                                      str(tmp / f"t-{name}.json"), str(WILD)], e))
    ac = None
    if autocorrect_python:
        t = time.perf_counter()
        r = subprocess.run([autocorrect_python, "-c", AUTOCORRECT, *map(str, files)], capture_output=True,
                           text=True)
        if r.returncode == 0:
            ac = (time.perf_counter() - t, float(r.stdout))
        else:
            say(f"   autocorrect-py: could not run ({r.stderr.strip().splitlines()[-1:]})")
    for name, w in walls.items():
        best = min(w)
        line = f"   {name:6s}  {len(files) / best:5.0f} articles/s ({best:.2f} s)"
        if ac:
            line += f"   factcheck/autocorrect wall time {best / ac[0]:.1f}x"
        say(line)
    if ac:
        say(f"   autocorrect-py lint_for on the same files, one process: {ac[0]:.2f} s wall with start-up "
            f"({len(files) / ac[0]:.0f} articles/s), {ac[1]:.2f} s linting alone")


# --- start-up imports ----------------------------------------------------------------------------------------------

WATCH = ("typer", "rich", "jinja2", "markupsafe", "pydantic", "yaml", "sympy", "importlib.metadata", "email",
         "cn2an", "re2", "tomllib")


def startup(installs: dict[str, list[str]], tmp: Path) -> None:
    say(f"\n5. start-up: python -X importtime of `factcheck run --format json {EXAMPLE.name}` (median of 5)")
    e = bench_env(tmp)
    totals: dict[str, list[int]] = {name: [] for name in installs}
    own: dict[str, list[int]] = {name: [] for name in installs}
    loaded: dict[str, set[str]] = {name: set() for name in installs}
    for _ in range(5):
        for name, fc in installs.items():
            py = str(Path(fc[0]).parent / "python")
            r = subprocess.run([py, "-X", "importtime", "-m", "factcheck", "run", "--format", "json", str(EXAMPLE)],
                               capture_output=True, text=True, env=e)
            total = mine = 0
            for line in r.stderr.splitlines():
                if not line.startswith("import time:") or "self [us]" in line:
                    continue
                self_us, _, mod = line[len("import time:"):].split("|")
                mod = mod.strip()
                total += int(self_us)
                if mod.startswith("factcheck"):
                    mine += int(self_us)
                loaded[name] |= {w for w in WATCH if mod == w or mod.startswith(w + ".")}
            totals[name].append(total)
            own[name].append(mine)
    for name in installs:
        say(f"   {name:6s}  imports {statistics.median(totals[name]) / 1000:.0f} ms (factcheck's own modules "
            f"{statistics.median(own[name]) / 1000:.0f} ms); loads {', '.join(sorted(loaded[name])) or 'none of the watched'}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", required=True, help="the factcheck executable of the install to compare with")
    ap.add_argument("--after", default=shutil.which("factcheck") or "factcheck")
    ap.add_argument("--before-src", default=str(ROOT.parent / "base"), help="checkout of `before`, for `fresh`")
    ap.add_argument("--sizes", default="2000,20000")
    ap.add_argument("--skip", default="")
    ap.add_argument("--autocorrect-python", default=sys.executable,
                    help="a python with autocorrect-py installed (pip install autocorrect-py)")
    args = ap.parse_args(argv)
    skip = set(args.skip.split(","))
    args.before, args.after = (str(Path(x).absolute()) if os.sep in x else x for x in (args.before, args.after))
    # `python -c ...` and `python -m factcheck` import the working directory's factcheck first: run every install
    # from a folder without one, so each column measures its own install.
    os.chdir(tempfile.gettempdir())
    installs = {"before": [args.before], "after": [args.after]}
    pythons = {k: str(Path(v[0]).parent / "python") for k, v in installs.items()}
    say(f"bench/scale.py  before={args.before}  after={args.after}  cores={os.cpu_count()}  "
        f"load={os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="factcheck-scale-") as d:
        tmp = Path(d)
        if "memory" not in skip:
            memory(installs, [int(x) for x in args.sizes.split(",")], tmp)
        if "fresh" not in skip:
            fresh({"before": Path(args.before_src), "after": ROOT}, tmp)
        if "linear" not in skip:
            linear(pythons)
        if "throughput" not in skip:
            throughput(installs, tmp, args.autocorrect_python)
        if "startup" not in skip:
            startup(installs, tmp)
    say(f"\nload average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
