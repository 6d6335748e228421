#!/usr/bin/env bash
# The streaming contract pipeline engines rely on (see streaming.py).
exec python3 "$(dirname "$0")/streaming.py" "$1"
