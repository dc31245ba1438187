"""Exchange formats of figures: SDMX-CSV with its structure (SDMX-ML), plain CSV and JSON.

Pure: no Django. Frozen records in (records.py), files out, and back into the importer's
rows (chitieu.ingest.figures_sdmx, chitieu.ingest.figures_json). The concept mapping is
in mapping.py and docs/exchange.md.
"""
