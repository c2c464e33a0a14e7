"""Fuzz the whole pipeline in-process: generated inputs through factcheck.api.check_text, crashes counted.

    python bench/fuzz.py [--n 100000] [--seed 1] [--articles ../shared/articles/dev] [--max-shown 20]

Three generators, in turn:
  random    arbitrary Unicode (all planes, controls, surrogate-free), short and long
  mutated   sentences of our own with figures, mutated: digits changed, characters dropped, duplicated,
            swapped, units and qualifiers inserted, full-width forms, line breaks
  spliced   the dev articles (read at run time, never copied into the repository) cut at random points and
            spliced together, with random mutations

A crash is any exception out of check_text other than factcheck's own refusals (InputError: a text with more figures
than an article holds, Japanese or Korean text). Each distinct crash (exception type + innermost frame) is printed
once with the input that caused it, and the inputs are saved to bench/.fuzz-crashes/ for turning into regression
tests. Exit status 1 when anything crashed.

`--targets` adds what else a pull request brings (bench/fuzz_inputs.py): rule files, article rule files,
suppression sidecars, configuration and file names, each mutated from a valid file of our own; there a crash is
any exception but factcheck's one-sentence errors, or a rendered report or stderr line that carries a raw
control, bidi or invisible character or a runner command. Inputs slower than fuzz_inputs.SLOW seconds are counted.

    python bench/fuzz.py --n 3000 --targets articles,rules,article-rules,sidecars,config,names
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
SENTENCES = [
    "全年投入资金10亿元，其中甲市6亿元、乙市4亿元。",
    "车间吸纳200人就业，其中贫困户50人、占25%。",
    "2022年，全市投入治理资金80万元。2023年，全市投入治理资金100万元，比上年增长25%。",
    "合作社社员由2018年的120户增加到今年的205户，增加了85户。",
    "全县贫困发生率由2015年的12.5%下降到2019年的0.8%，下降11.7个百分点。",
    "全市实现地区生产总值五十四亿三千三百万元，同比增长百分之七点二。",
    "新建学校3所、医院2所、养老院1所，共6个项目，总投资约1.2亿元。",
    "出口额达1,234.5万美元，是上年的2.5倍，占全省的三成左右。",
    "The county spent $12.5 million, of which $7.5 million went to roads and $5 million to schools.",
    "Unemployment fell from 4.1% to 3.9%, a drop of 0.2 percentage points.",
]
INSERTS = ["亿", "万", "元", "%", "个百分点", "倍", "其中", "占", "增长", "下降", "合计", "约", "余", "多", "超过", "不到",
           "以上", "左右", "、", "，", "。", "\n", "\r\n", "\r", "—", "——", "至", "~", ".", ",", "点", "百分之", "零",
           "两", "十", "百", "千", "\ufeff", "\u3000", "０", "９", "％", "．", "－", " ", "\t", "(", ")", "“", "”"]


def random_text(rng: random.Random) -> str:
    n = rng.choice([0, 1, 2, 5, 20, 100, 1000])
    mode = rng.random()
    if mode < 0.4:  # anything at all
        chars = [chr(rng.randrange(0x110000)) for _ in range(n)]
        return "".join(c for c in chars if not 0xD800 <= ord(c) <= 0xDFFF)
    if mode < 0.8:  # CJK, digits and punctuation: closer to what the extractor looks for
        pool = "0123456789.,%亿万千百十一二三四五六七八九零两点占其中增长下降元人个百分点倍年月日约余多，。、\n"
        return "".join(rng.choice(pool) for _ in range(n))
    return "".join(rng.choice(INSERTS) for _ in range(n // 4 + 1))


def mutate(rng: random.Random, s: str, rounds: int | None = None) -> str:
    chars = list(s)
    for _ in range(rounds if rounds is not None else rng.randint(1, 8)):
        op = rng.random()
        i = rng.randrange(len(chars) + 1)
        if op < 0.25 and chars:  # change a digit, or any character into a digit
            j = rng.randrange(len(chars))
            chars[j] = rng.choice("0123456789") if chars[j].isdigit() or rng.random() < 0.3 else chars[j]
        elif op < 0.45:
            chars[i:i] = list(rng.choice(INSERTS))
        elif op < 0.6 and chars:
            del chars[rng.randrange(len(chars))]
        elif op < 0.7 and chars:
            j = rng.randrange(len(chars))
            k = min(len(chars), j + rng.randint(1, 20))
            chars[i:i] = chars[j:k]  # duplicate a stretch
        elif op < 0.8 and len(chars) > 1:
            j, k = rng.randrange(len(chars)), rng.randrange(len(chars))
            chars[j], chars[k] = chars[k], chars[j]
        elif op < 0.9:
            chars[i:i] = list(str(rng.choice([0, 1, 7, 99, 100, 12345, 10**rng.randint(0, 40)])))
        else:
            chars[i:i] = [chr(rng.randrange(0x20, 0x3000))]
    return "".join(chars)


def spliced(rng: random.Random, articles: list[str]) -> str:
    if not articles:
        return mutate(rng, rng.choice(SENTENCES))
    parts = []
    for _ in range(rng.randint(1, 4)):
        a = rng.choice(articles)
        i = rng.randrange(len(a) + 1)
        j = min(len(a), i + rng.choice([10, 50, 200, 1000, 5000]))
        parts.append(a[i:j])
    text = "".join(parts)
    return mutate(rng, text) if rng.random() < 0.7 else text


def load_articles(root: Path) -> list[str]:
    if not root.is_dir():
        return []
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(root.rglob("*.txt"))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--articles", type=Path, default=HERE.parent.parent / "shared" / "articles" / "dev")
    ap.add_argument("--max-shown", type=int, default=20)
    ap.add_argument("--targets", default="articles",
                    help="comma-separated: articles, rules, article-rules, sidecars, config, names (or all)")
    args = ap.parse_args(argv)
    targets = args.targets.split(",") if args.targets != "all" else ["articles", "rules", "article-rules",
                                                                      "sidecars", "config", "names"]
    if targets != ["articles"]:
        return fuzz_targets(args, targets)

    from factcheck.api import check_text
    from factcheck.engine.rules import load_rules
    from factcheck.errors import InputError

    rules = load_rules()  # once: the fuzzer measures checking, not rule loading
    articles = load_articles(args.articles)
    rng = random.Random(args.seed)
    crashes: dict[str, tuple[str, str]] = {}
    crash_count = 0
    per_kind = {"random": 0, "mutated": 0, "spliced": 0}
    t0 = time.perf_counter()
    for i in range(args.n):
        kind = ("random", "mutated", "spliced")[i % 3]
        if kind == "random":
            text = random_text(rng)
        elif kind == "mutated":
            text = mutate(rng, " ".join(rng.sample(SENTENCES, rng.randint(1, 3))))
        else:
            text = spliced(rng, articles)
        per_kind[kind] += 1
        try:
            check_text(text, path=f"<fuzz {i}>", rules=rules)
        except InputError:
            pass  # a refusal in one sentence is a right answer
        except Exception as e:  # noqa: BLE001 - counting every crash is the point
            crash_count += 1
            tb = traceback.extract_tb(e.__traceback__)
            where = f"{type(e).__name__} at {Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else type(e).__name__
            if where not in crashes:
                crashes[where] = (text, "".join(traceback.format_exception(e)))
        if (i + 1) % 10_000 == 0:
            print(f"  {i + 1:>7} inputs, {crash_count} crashes, {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    elapsed = time.perf_counter() - t0

    print(f"fuzz: {args.n} inputs ({per_kind['random']} random, {per_kind['mutated']} mutated, "
          f"{per_kind['spliced']} spliced from {len(articles)} articles), seed {args.seed}")
    print(f"fuzz: {crash_count} crashes ({len(crashes)} distinct) in {elapsed:.1f} s "
          f"({args.n / elapsed:.0f} inputs/s)")
    if crashes:
        out = HERE / ".fuzz-crashes"
        out.mkdir(exist_ok=True)
        for k, (where, (text, tb)) in enumerate(crashes.items()):
            (out / f"crash-{k}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
            if k < args.max_shown:
                print(f"\n--- {where}  (input {len(text)} chars, saved as {out / f'crash-{k}.txt'}): {text[:200]!r}")
                print(tb.rstrip())
    return 1 if crash_count else 0


def fuzz_targets(args, targets: list[str]) -> int:
    """Round-robin over the targets, args.n inputs in all; figures per target."""
    import tempfile

    sys.path.insert(0, str(HERE))
    import fuzz_inputs

    def article_target(rng: random.Random, scratch: Path, _rules=[]) -> None:
        from factcheck.api import check_text
        from factcheck.engine.rules import load_rules
        from factcheck.errors import InputError

        if not _rules:
            _rules.append(load_rules())
        text = mutate(rng, " ".join(rng.sample(SENTENCES, rng.randint(1, 3)))) if rng.random() < 0.5 \
            else random_text(rng)
        try:
            check_text(text, rules=_rules[0])
        except InputError:
            return "refused"
        return "accepted"

    funcs = {name: (article_target if name == "articles" else fuzz_inputs.TARGETS[name]) for name in targets}
    rng = random.Random(args.seed)
    stats = {t: {"n": 0, "crashes": 0, "slow": 0, "max": 0.0, "time": 0.0, "refused": 0} for t in targets}
    crashes: dict[str, tuple[str, str]] = {}
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="factcheck-fuzz-") as tmp:
        scratch = Path(tmp)
        old = os.getcwd()
        os.chdir(scratch)  # git and config discovery see the scratch folder only
        try:
            for i in range(args.n):
                name = targets[i % len(targets)]
                state = rng.getstate()
                start = time.perf_counter()
                try:
                    if funcs[name](rng, scratch) == "refused":
                        stats[name]["refused"] += 1
                except Exception as e:  # noqa: BLE001 - counting every failure is the point
                    stats[name]["crashes"] += 1
                    tb = traceback.extract_tb(e.__traceback__)
                    where = f"{name}: {type(e).__name__} at {Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb \
                        else f"{name}: {type(e).__name__}"
                    if where not in crashes:
                        crashes[where] = (repr(state)[:0] + f"seed {args.seed}, input {i}",
                                          "".join(traceback.format_exception(e)))
                took = time.perf_counter() - start
                st = stats[name]
                st["n"] += 1
                st["time"] += took
                st["max"] = max(st["max"], took)
                st["slow"] += took > fuzz_inputs.SLOW
                if (i + 1) % 1000 == 0:
                    print(f"  {i + 1:>7} inputs, {sum(s['crashes'] for s in stats.values())} failures, "
                          f"{time.perf_counter() - t0:.1f} s", file=sys.stderr)
        finally:
            os.chdir(old)
    elapsed = time.perf_counter() - t0
    print(f"fuzz: {args.n} inputs over {', '.join(targets)}, seed {args.seed}, {elapsed:.1f} s")
    for t, st in stats.items():
        print(f"  {t:14s} {st['n']:>6} inputs ({st['refused']:>5} refused)  {st['crashes']:>3} failures  "
              f"{st['slow']:>3} slower than "
              f"{fuzz_inputs.SLOW:.0f} s  slowest {st['max']:.2f} s  mean {st['time'] / max(1, st['n']) * 1000:.0f} ms")
    for k, (where, (what, tb)) in enumerate(crashes.items()):
        if k < args.max_shown:
            print(f"\n--- {where} ({what})")
            print(tb.rstrip())
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
