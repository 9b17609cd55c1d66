#!/usr/bin/env bash
# POS rush benchmark (issue 5): Bodega's sales over HTTP next to seed 000's realizar_venta and pgbench's TPC-B-like
# script on the same PostgreSQL, the invariants, the dashboard and scan scenarios. Options: bench/rush.sh --help
# Usage: bench/rush.sh [--clients 1,8,32,64] [--seconds 30] [--skip seed,pgbench,ceiling,dashboard,scan] [--profile] ... [out.md]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.bodega.bench.RushBenchmark \
  -Dexec.args="${*:-}" -Dexec.cleanupDaemonThreads=false
