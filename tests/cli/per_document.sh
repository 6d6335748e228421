#!/usr/bin/env bash
# --per-document: one JSON line per input story (see per_document.py).
exec python3 "$(dirname "$0")/per_document.py" "$1"
