#!/usr/bin/env bash
# Import benchmark (issue 3): items and opening stock through Bodega's CSV imports, next to plain COPY.
# Usage: bench/import.sh [items=100000] [locations=10] [markdown-file]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.bodega.bench.ImportBenchmark \
  -Dexec.args="${*:-}" -Dexec.cleanupDaemonThreads=false
