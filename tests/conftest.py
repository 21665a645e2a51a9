import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("TQDM_DISABLE", "1")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared real documents (../shared/corpus); tests that need them skip without them."""
    path = (REPO.parent / "shared" / "corpus").resolve()
    if not path.is_dir():
        pytest.skip(f"real documents not available: {path} is missing (it sits beside the clone in CI)")
    return path


@pytest.fixture(scope="session")
def reference_warehouse(tmp_path_factory) -> Path:
    """The real pipeline (parse, load, dbt build, checks) run once over the bundled reference
    extract; tests that only read it share it."""
    from tests.helpers import REFERENCE_EXTRACT, build_warehouse

    return build_warehouse(tmp_path_factory.mktemp("reference"), [REFERENCE_EXTRACT])
