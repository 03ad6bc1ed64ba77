import shutil
import sys
from pathlib import Path

import pytest

# Let tests import the harness module that sits beside them.
sys.path.insert(0, str(Path(__file__).parent))

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample articles in a temporary folder, which is the working directory."""
    shutil.copytree(ROOT / "articles", tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    return tmp_path
