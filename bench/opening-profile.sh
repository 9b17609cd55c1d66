#!/usr/bin/env bash
# Where the opening-stock import's time goes (issue 17): pg_stat_statements, auto_explain plans, activity samples.
# Usage: bench/opening-profile.sh [items=20000] [locations=10]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.bodega.bench.OpeningStockProfile \
  -Dexec.args="${*:-}" -Dexec.cleanupDaemonThreads=false
