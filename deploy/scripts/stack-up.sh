#!/usr/bin/env bash
# Start Kafka and Elasticsearch for this machine: containers (deploy/compose) when a Docker daemon answers,
# else local processes. NEXUS_STACK=docker|local forces one. Idempotent.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LOG_TAG=stack
# shellcheck source=lib/common.sh
. "$HERE/lib/common.sh"

mode="$(stack_mode)"
t0="$(now_ms)"
if [[ "$mode" == docker ]]; then
  log "Docker daemon answers: starting kafka and elasticsearch containers"
  docker compose -f "$HERE/../compose/docker-compose.yml" up -d --wait kafka elasticsearch || {
    docker compose -f "$HERE/../compose/docker-compose.yml" logs --tail 40 kafka elasticsearch >&2 || true
    die "containers did not become healthy"
  }
else
  # Both start together: most of each start-up is JVM warm-up, so the wall time is about the slower one.
  bash "$HERE/kafka-up.sh" &
  kafka_job=$!
  bash "$HERE/es-up.sh" &
  es_job=$!
  rc=0
  wait "$kafka_job" || rc=1
  wait "$es_job" || rc=1
  ((rc == 0)) || die "stack did not start; the logs are named above (under $NEXUS_CACHE and /var/lib/nexus-es)"
fi
log "up ($mode) in $(($(now_ms) - t0)) ms: KAFKA_BROKERS=${KAFKA_HOST:-127.0.0.1}:${KAFKA_PORT:-9092}" \
  "ELASTICSEARCH_URL=http://${ES_HOST:-127.0.0.1}:${ES_PORT:-9200}"
