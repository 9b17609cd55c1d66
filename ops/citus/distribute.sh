#!/usr/bin/env bash
# Distributes a migrated Bodega database over a Citus cluster (issue 19): ops/citus/distribute.sql, with the global
# lookup tables of ops/citus/reference-tables.txt. Run it as a superuser against the coordinator's Bodega database,
# with Bodega stopped; arguments go to psql. Example:
#   ops/citus/distribute.sh "host=coordinator port=5432 dbname=bodega user=postgres"
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
reference_tables=""
if [[ -f "$here/reference-tables.txt" ]]; then
  reference_tables="$(grep -v -e '^\s*#' -e '^\s*$' "$here/reference-tables.txt" | awk '{print $1}' | paste -sd ' ' -)"
fi
exec psql -X -v ON_ERROR_STOP=1 -v reference_tables="$reference_tables" -f "$here/distribute.sql" "$@"
