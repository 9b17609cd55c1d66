#!/usr/bin/env bash
# Crash and retry suite (issue 18): tills post through the API with Idempotency-Keys while Bodega (mode app) or its
# PostgreSQL (mode db) is killed with SIGKILL and restarted; prints what was acknowledged, retried, lost, duplicated.
# Usage: bench/crash.sh [--mode app|db|both] [--cycles 20] [--tills 6] [--min-ms 1000] [--max-ms 4000] [--seed n]
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
# Bodega runs as its own JVM on this class path (the suite kills it), so the suite runs as a plain java command.
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" dev.bodega.bench.CrashSuite "$@"
