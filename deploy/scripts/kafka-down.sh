#!/usr/bin/env bash
# Stop the local Kafka started by kafka-up.sh and wait for it to exit. `--purge` also deletes its data.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LOG_TAG=kafka
# shellcheck source=lib/common.sh
. "$HERE/lib/common.sh"

KAFKA_PORT="${KAFKA_PORT:-9092}"
STATE="${KAFKA_STATE_DIR:-$NEXUS_CACHE/kafka/run-$KAFKA_PORT}"

[[ -d "$STATE" ]] || { log "not running"; exit 0; }
# The same lock as kafka-up.sh: a stop waits for a start in progress instead of missing it.
exec 9>"$STATE/.lock"
flock 9
pid_alive "$STATE/kafka.pid" kafka.Kafka || adopt_pid "$STATE/kafka.pid" "$KAFKA_PORT" "kafka.Kafka $STATE/server.properties" || true
if stop_pid_file "$STATE/kafka.pid" kafka.Kafka "${KAFKA_STOP_TIMEOUT:-30}"; then
  log "stopped"
else
  log "not running"
fi
if [[ "${1:-}" == "--purge" ]]; then
  rm -rf "$STATE"
  log "purged $STATE"
fi
