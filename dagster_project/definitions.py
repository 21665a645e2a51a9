"""The one Definitions of the project: every domain's definitions merged, plus shared resources.

The domain modules are imported as modules (not their `defs` objects) so that this module holds
exactly one Definitions at module scope, as `dagster dev` requires."""

import dagster as dg

from .defs.alerts import definitions as alerts
from .defs.ingest import definitions as ingest
from .defs.operations import definitions as operations
from .defs.quality import definitions as quality
from .defs.warehouse import definitions as warehouse
from .resources import RawFolderResource, WarehouseResource

defs = dg.Definitions.merge(
    ingest.defs,
    warehouse.defs,
    quality.defs,
    alerts.defs,
    operations.defs,
    dg.Definitions(resources={"warehouse": WarehouseResource(), "raw_folder": RawFolderResource()}),
)
