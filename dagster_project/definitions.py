"""The one Definitions of the project: every domain's definitions merged, plus shared resources."""

import dagster as dg

from .defs.ingest.definitions import defs as ingest_defs
from .defs.warehouse.definitions import defs as warehouse_defs
from .jobs import full_pipeline
from .resources import RawFolderResource, WarehouseResource

defs = dg.Definitions.merge(
    ingest_defs,
    warehouse_defs,
    dg.Definitions(
        jobs=[full_pipeline],
        resources={"warehouse": WarehouseResource(), "raw_folder": RawFolderResource()},
    ),
)
