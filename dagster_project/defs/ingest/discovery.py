"""Find the disclosure files in the raw folder and key them by content hash."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

# File endings we know how to read, and the source_format they load as.
SOURCE_FORMATS = {".txt": "text", ".md": "text", ".pdf": "pdf", ".xlsx": "xlsx", ".xls": "xlsx"}
DOCUMENT_ID_LENGTH = 16


@dataclass(frozen=True)
class RawFile:
    path: Path  # absolute
    source_path: str  # relative to the raw folder, POSIX separators
    document_id: str
    size: int
    modified_at: datetime
    source_format: str  # 'text' | 'pdf' | 'xlsx' | 'unknown'


def document_id_of(data: bytes) -> str:
    """Same bytes, same id: the first 16 hex digits of the file's SHA-256."""
    return hashlib.sha256(data).hexdigest()[:DOCUMENT_ID_LENGTH]


def discover(raw_root: Path) -> list[RawFile]:
    """Every regular, non-hidden file below raw_root, sorted by path."""
    files = []
    for path in sorted(raw_root.rglob("*")):
        relative = path.relative_to(raw_root)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        stat = path.stat()
        files.append(
            RawFile(
                path=path,
                source_path=relative.as_posix(),
                document_id=document_id_of(path.read_bytes()),
                size=stat.st_size,
                modified_at=datetime.fromtimestamp(stat.st_mtime),
                source_format=SOURCE_FORMATS.get(path.suffix.lower(), "unknown"),
            )
        )
    return files
