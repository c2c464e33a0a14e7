"""Check a folder of articles with dask.bag, one Checker shipped to every worker (it pickles as its settings and
loads the rules once per process).

    pip install -e '.[dask]'
    python examples/dask_check.py ARTICLES/ > findings.jsonl

Each output line is one article's entry of the JSON report (what `factcheck run --format jsonl` prints). Spark is the
same shape: `sc.parallelize(paths, n).mapPartitions(check_partition)` with check_partition as below.
"""

from __future__ import annotations

import sys
from pathlib import Path

import dask.bag as db

from factcheck import Checker
from factcheck.api import collect_inputs


def check_partition(paths, checker: Checker):
    """One partition of (path, root) pairs: the same Checker for every article in it (for Spark's mapPartitions
    too). root: the folder no symbolic link of the article may lead out of."""
    return [checker.check_file(p, root=root).to_dict() for p, root in paths]


def check_folder(folder: str | Path, scheduler: str = "processes", workers: int = 2,
                 checker: Checker | None = None) -> list[dict]:
    """Every article under folder (as `factcheck run FOLDER` finds them), checked on dask's local scheduler."""
    checker = checker or Checker()
    inputs, problems = collect_inputs([Path(folder)])
    if problems:
        raise SystemExit(problems[0][2])
    paths = [(str(i.path), str(i.root)) for i in inputs]
    bag = db.from_sequence(paths, npartitions=max(1, min(len(paths), workers * 8)))
    return bag.map_partitions(check_partition, checker).compute(scheduler=scheduler, num_workers=workers)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    for entry in check_folder(argv[0]):
        print(__import__("json").dumps(entry, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
