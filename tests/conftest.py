import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck.plugins

factcheck.plugins.load()  # the application registers the pattern kinds; tests that call the engine do the same

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "articles"
EXAMPLE = ROOT / "examples" / "zh-example.txt"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real command line, as CI runs it."""
    exe = shutil.which("factcheck")
    cmd = [exe] if exe else [sys.executable, "-c", "from factcheck.cli import main; main()"]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, cwd=cwd or ROOT, timeout=120)


@pytest.fixture
def seed_article() -> Path:
    p = SHARED / "gansu-2019.txt"
    if not p.exists():
        pytest.skip("../shared/articles is not beside the checkout")
    return p
