"""The one Definitions of the project: every domain's definitions merged, plus shared resources."""

import dagster as dg

from .defs.alerts.definitions import defs as alerts_defs
from .defs.ingest.definitions import defs as ingest_defs
from .defs.operations.definitions import defs as operations_defs
from .defs.quality.definitions import defs as quality_defs
from .defs.warehouse.definitions import defs as warehouse_defs
from .resources import RawFolderResource, WarehouseResource

defs = dg.Definitions.merge(
    ingest_defs,
    warehouse_defs,
    quality_defs,
    alerts_defs,
    operations_defs,
    dg.Definitions(resources={"warehouse": WarehouseResource(), "raw_folder": RawFolderResource()}),
)
