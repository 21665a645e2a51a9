import dagster as dg

from .checks import accounting_identities

# resources: "warehouse" (dagster_project/resources.py, top-level Definitions) and
# "alert_sink" (dagster_project/defs/alerts/definitions.py)
defs = dg.Definitions(asset_checks=[accounting_identities])
