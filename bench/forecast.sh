#!/usr/bin/env bash
# Forecast benchmark (issue 16): forecast and backtest of N two-year daily series, in memory, on every core.
# Usage: bench/forecast.sh [series=100000] [days=730]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.bodega.bench.ForecastBenchmark \
  -Dexec.args="${*:-}" -Dexec.cleanupDaemonThreads=false
