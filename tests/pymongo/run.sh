#!/usr/bin/env bash
# Starts `batchpredict mongod --in-memory` (built in Release) and runs smoke.py against it with Debian's pymongo 3.11.
set -euo pipefail
cd "$(dirname "$0")/../.."

dll=src/BatchPredict/bin/Release/net10.0/batchpredict.dll
out=$(mktemp)
dotnet "$dll" mongod --in-memory --port 0 > "$out" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$out"' EXIT

for _ in $(seq 1 100); do
  uri=$(grep -o 'mongodb://[^ ]*' "$out" | head -n 1 || true)
  [ -n "$uri" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$out"; exit 1; }
  sleep 0.2
done
[ -n "$uri" ] || { echo "mongod did not print its ready line"; cat "$out"; exit 1; }
/usr/bin/python3 tests/pymongo/smoke.py "$uri"
