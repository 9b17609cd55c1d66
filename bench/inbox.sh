#!/usr/bin/env bash
# Customer inbox benchmark (issue 14): inbound WhatsApp webhooks stored per second, webhook-to-agent-screen (SSE)
# p50/p99 with 1,000 open conversations and 20 agents connected, the inbox's first page p95 at 10 million messages.
# Usage: bench/inbox.sh [rows=10000000] [seconds=20] [threads=8]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.bodega.bench.InboxBenchmark \
  -Dexec.args="${*:-}" -Dexec.cleanupDaemonThreads=false
