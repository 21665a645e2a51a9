import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("TQDM_DISABLE", "1")


@pytest.fixture
def corpus_dir() -> Path:
    """The shared real documents (../shared/corpus); tests that need them skip without them."""
    path = (REPO.parent / "shared" / "corpus").resolve()
    if not path.is_dir():
        pytest.skip(f"real documents not available: {path} is missing (it sits beside the clone in CI)")
    return path
