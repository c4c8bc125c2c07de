#!/usr/bin/env bash
# Stop the local Elasticsearch started by es-up.sh and wait for it to exit. `--purge` also deletes its data.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LOG_TAG=elasticsearch
# shellcheck source=lib/common.sh
. "$HERE/lib/common.sh"

ES_PORT="${ES_PORT:-9200}"
ES_USER="${ES_USER:-nexus-es}"
if [[ "$(id -u)" == 0 ]]; then BASE="${ES_BASE_DIR:-/var/lib/$ES_USER}"; else BASE="${ES_BASE_DIR:-$NEXUS_CACHE/elasticsearch}"; fi
STATE="${ES_STATE_DIR:-$BASE/run-$ES_PORT}"

# The same lock as es-up.sh: a stop waits for a start in progress instead of missing it.
mkdir -p "$NEXUS_CACHE/elasticsearch"
exec 9>"$NEXUS_CACHE/elasticsearch/.lock-$ES_PORT"
flock 9
pid_alive "$STATE/es.pid" org.elasticsearch.bootstrap.Elasticsearch ||
  adopt_pid "$STATE/es.pid" "$ES_PORT" "-Des.path.home=$BASE/elasticsearch-" || true
if stop_pid_file "$STATE/es.pid" org.elasticsearch.bootstrap.Elasticsearch "${ES_STOP_TIMEOUT:-60}"; then
  log "stopped"
else
  log "not running"
fi
if [[ "${1:-}" == "--purge" ]]; then
  rm -rf "$STATE"
  log "purged $STATE"
fi
