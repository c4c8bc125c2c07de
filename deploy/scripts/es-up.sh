#!/usr/bin/env bash
# Start a single-node Elasticsearch as a local process, from Maven Central's integ-test-zip (no bundled
# JDK: runs on the installed Java 17+). Security/TLS off, loopback only, never as root: as root it runs as
# the system user $ES_USER. Idempotent: a running node is left alone.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LOG_TAG=elasticsearch
# shellcheck source=lib/common.sh
. "$HERE/lib/common.sh"

ES_VERSION="${ES_VERSION:-8.19.21}"
ES_HOST="${ES_HOST:-127.0.0.1}"
ES_PORT="${ES_PORT:-9200}"
ES_TRANSPORT_PORT="${ES_TRANSPORT_PORT:-9300}"
ES_HEAP="${ES_HEAP:-1g}"
ES_START_TIMEOUT="${ES_START_TIMEOUT:-300}"
ES_USER="${ES_USER:-nexus-es}"
ZIP="$NEXUS_CACHE/elasticsearch/elasticsearch-$ES_VERSION.zip"
if [[ "$(id -u)" == 0 ]]; then
  # root's home is usually private, so the unpacked node lives where $ES_USER can read it.
  BASE="${ES_BASE_DIR:-/var/lib/$ES_USER}"
else
  BASE="${ES_BASE_DIR:-$NEXUS_CACHE/elasticsearch}"
fi
ES_HOME="$BASE/elasticsearch-$ES_VERSION"
STATE="${ES_STATE_DIR:-$BASE/run-$ES_PORT}"
PID_FILE="$STATE/es.pid"
LOG_FILE="$STATE/logs/nexus-local.log"
MAIN_CLASS=org.elasticsearch.bootstrap.Elasticsearch

fetch_zip() {
  [[ -f "$ZIP" ]] && return 0
  log "downloading Elasticsearch $ES_VERSION (integ-test-zip) from Maven Central into $(dirname "$ZIP")"
  local t0 work
  t0="$(now_ms)"
  work="$(mktemp -d)"
  MVN_LOG="$work/mvn.log" mvn_quiet dependency:copy \
    "-Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
    -DoutputDirectory="$work" || die "Maven could not resolve the Elasticsearch $ES_VERSION integ-test-zip"
  mkdir -p "$(dirname "$ZIP")" && mv "$work/elasticsearch-$ES_VERSION.zip" "$ZIP" && rm -rf "$work"
  log "downloaded in $(($(now_ms) - t0)) ms"
}

unpack() {
  [[ -f "$ES_HOME/.complete" ]] && return 0
  local work
  mkdir -p "$BASE" && chmod 755 "$BASE"
  work="$(mktemp -d "$BASE/.unpack.XXXXXX")"
  unzip -q "$ZIP" -d "$work" || die "cannot unpack $ZIP (is unzip installed?)"
  rm -rf "$ES_HOME" && mv "$work/elasticsearch-$ES_VERSION" "$ES_HOME" && rm -rf "$work"
  chmod -R a+rX "$ES_HOME"
  touch "$ES_HOME/.complete"
}

ensure_user() {
  [[ "$(id -u)" == 0 ]] || return 0
  id "$ES_USER" >/dev/null 2>&1 ||
    useradd --system --home-dir "$BASE" --no-create-home --shell /usr/sbin/nologin "$ES_USER" ||
    die "cannot create system user $ES_USER"
}

write_config() {
  mkdir -p "$STATE/config" "$STATE/data" "$STATE/logs"
  [[ -f "$STATE/config/jvm.options" ]] || cp -R "$ES_HOME/config/." "$STATE/config/"
  mkdir -p "$STATE/config/jvm.options.d"
  printf -- '-Xms%s\n-Xmx%s\n' "$ES_HEAP" "$ES_HEAP" >"$STATE/config/jvm.options.d/heap.options"
  cat >"$STATE/config/elasticsearch.yml" <<YML
cluster.name: nexus-local
node.name: nexus-local-1
path.data: $STATE/data
path.logs: $STATE/logs
network.host: $ES_HOST
http.port: $ES_PORT
transport.port: $ES_TRANSPORT_PORT
discovery.type: single-node
xpack.security.enabled: false
xpack.security.http.ssl.enabled: false
xpack.security.transport.ssl.enabled: false
# A test node on a shared disk must not turn indices read-only when the disk is busy.
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
YML
  [[ "$(id -u)" == 0 ]] && chown -R "$ES_USER:" "$STATE"
  return 0
}

launch() {
  local -a cmd=(env "ES_JAVA_HOME=$JAVA_HOME" "ES_PATH_CONF=$STATE/config" "ES_JAVA_OPTS=${ES_JAVA_OPTS:-}"
    "$ES_HOME/bin/elasticsearch" -d -p "$PID_FILE")
  [[ "$(id -u)" == 0 ]] && cmd=(runuser -u "$ES_USER" -- "${cmd[@]}")
  (cd "$STATE" && "${cmd[@]}") >"$STATE/logs/launcher.log" 2>&1 </dev/null 9>&- ||
    { show_log_tail "$STATE/logs/launcher.log"; show_log_tail "$LOG_FILE"; die "Elasticsearch failed to start"; }
}

wait_ready() {
  local t0="$1" url="http://$ES_HOST:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=2s"
  while ((($(now_ms) - t0) < ES_START_TIMEOUT * 1000)); do
    if curl -fsS -m 5 "$url" 2>/dev/null | grep -Eq '"status":"(yellow|green)"'; then
      log "ready on http://$ES_HOST:$ES_PORT in $(($(now_ms) - t0)) ms (pid $(cat "$PID_FILE"), log $LOG_FILE)"
      return 0
    fi
    [[ -s "$PID_FILE" ]] && ! pid_alive "$PID_FILE" "$MAIN_CLASS" &&
      { show_log_tail "$LOG_FILE"; die "Elasticsearch exited during start-up"; }
    sleep 0.5
  done
  show_log_tail "$LOG_FILE"
  die "Elasticsearch not healthy after ${ES_START_TIMEOUT}s"
}

main() {
  mkdir -p "$(dirname "$ZIP")"
  exec 9>"$(dirname "$ZIP")/.lock-$ES_PORT" # es-down.sh takes the same lock
  flock 9
  if pid_alive "$PID_FILE" "$MAIN_CLASS" || adopt_pid "$PID_FILE" "$ES_PORT" "-Des.path.home=$BASE/elasticsearch-"; then
    log "already running (pid $(cat "$PID_FILE")) on http://$ES_HOST:$ES_PORT"
    wait_ready "$(now_ms)" # a node still starting (an earlier up timed out) is waited for, not trusted
    return 0
  fi
  port_open "$ES_HOST" "$ES_PORT" && die "$ES_HOST:$ES_PORT is taken by a process this script did not start"
  JAVA_HOME="$(find_java_home)"
  fetch_zip
  unpack
  ensure_user
  write_config
  local t0
  t0="$(now_ms)"
  rm -f "$PID_FILE"
  launch
  wait_ready "$t0"
}

main "$@"
