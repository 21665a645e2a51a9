import dagster as dg

from .assets import parsed_documents, raw_files

defs = dg.Definitions(assets=[raw_files, parsed_documents])
