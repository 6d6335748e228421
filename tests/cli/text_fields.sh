#!/usr/bin/env bash
# Every text field of every record is a slice of its document (see text_fields.py).
exec python3 "$(dirname "$0")/text_fields.py" "$1"
