"""Start a run when files arrive in, change in or leave the raw folder."""

import hashlib
from pathlib import Path

import dagster as dg

from ...resources import RawFolderResource
from .jobs import full_pipeline


def folder_fingerprint(root: Path) -> str:
    """A digest of every file's path, size and modification time: cheap (no file is read) and
    changes whenever a file is added, replaced or removed."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            stat = path.stat()
            digest.update(f"{relative.as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


@dg.sensor(job=full_pipeline, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING)
def raw_folder_sensor(context: dg.SensorEvaluationContext, raw_folder: RawFolderResource):
    """Requests a pipeline run when the raw folder's content changed since the last request."""
    root = raw_folder.resolved_path()
    if not root.is_dir():
        return dg.SkipReason(f"raw folder {root} does not exist")
    fingerprint = folder_fingerprint(root)
    if fingerprint == context.cursor:
        return dg.SkipReason("no change in the raw folder")
    context.update_cursor(fingerprint)
    return dg.RunRequest(run_key=f"raw-{fingerprint}", tags={"fdw/trigger": "raw_folder_sensor"})
