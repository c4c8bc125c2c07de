#!/usr/bin/env bash
# Start a single-node Apache Kafka (KRaft, no ZooKeeper) as a local process.
# Jars come from Maven Central (cached under $NEXUS_CACHE/kafka); idempotent: a running broker is left alone.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LOG_TAG=kafka
# shellcheck source=lib/common.sh
. "$HERE/lib/common.sh"

KAFKA_VERSION="${KAFKA_VERSION:-4.4.0}"
LOG4J_VERSION="${KAFKA_LOG4J_VERSION:-2.25.5}"
KAFKA_HOST="${KAFKA_HOST:-127.0.0.1}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP="${KAFKA_HEAP:-512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-180}"
DIST="$NEXUS_CACHE/kafka/$KAFKA_VERSION"
STATE="${KAFKA_STATE_DIR:-$NEXUS_CACHE/kafka/run-$KAFKA_PORT}"
PID_FILE="$STATE/kafka.pid"
LOG_FILE="$STATE/logs/server.log"

fetch_jars() {
  [[ -f "$DIST/.complete" ]] && return 0
  log "downloading Kafka $KAFKA_VERSION jars from Maven Central into $DIST"
  local t0 work
  t0="$(now_ms)"
  work="$(mktemp -d)"
  cat >"$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>nexus.local</groupId><artifactId>kafka-fetch</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId><version>$LOG4J_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>$LOG4J_VERSION</version></dependency>
  </dependencies>
</project>
POM
  (cd "$work" && MVN_LOG="$work/mvn.log" mvn_quiet dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$work/libs") ||
    die "Maven could not resolve kafka_2.13:$KAFKA_VERSION"
  rm -rf "$DIST" && mkdir -p "$(dirname "$DIST")" && mv "$work/libs" "$DIST" && rm -rf "$work"
  touch "$DIST/.complete"
  log "downloaded in $(($(now_ms) - t0)) ms"
}

write_config() {
  mkdir -p "$STATE/data" "$STATE/logs"
  cat >"$STATE/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$STATE/data
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS
  cat >"$STATE/log4j2.properties" <<'L4J'
status = warn
appender.out.type = Console
appender.out.name = out
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.out.ref = out
logger.state.name = state.change.logger
logger.state.level = warn
logger.request.name = kafka.request.logger
logger.request.level = warn
L4J
}

run_java() { "$JAVA_HOME/bin/java" -cp "$DIST/*" -Dlog4j2.configurationFile="$STATE/log4j2.properties" "$@"; }

format_storage() {
  [[ -f "$STATE/data/meta.properties" ]] && return 0
  local cluster_id
  cluster_id="$(run_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
  log "formatting $STATE/data (cluster id $cluster_id)"
  run_java kafka.tools.StorageTool format -t "$cluster_id" -c "$STATE/server.properties" >"$STATE/logs/format.log" 2>&1 ||
    { show_log_tail "$STATE/logs/format.log"; die "storage format failed"; }
}

wait_ready() {
  local t0="$1" pid
  while ((($(now_ms) - t0) < KAFKA_START_TIMEOUT * 1000)); do
    pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    [[ -z "$pid" ]] || kill -0 "$pid" 2>/dev/null || { show_log_tail "$LOG_FILE"; die "Kafka exited during start-up"; }
    if grep -q "Kafka Server started" "$LOG_FILE" 2>/dev/null && port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      log "ready on $KAFKA_HOST:$KAFKA_PORT in $(($(now_ms) - t0)) ms (pid $pid, log $LOG_FILE)"
      return 0
    fi
    sleep 0.25
  done
  show_log_tail "$LOG_FILE"
  die "Kafka not ready after ${KAFKA_START_TIMEOUT}s"
}

main() {
  mkdir -p "$STATE"
  exec 9>"$STATE/.lock"
  flock 9
  if pid_alive "$PID_FILE" kafka.Kafka || adopt_pid "$PID_FILE" "$KAFKA_PORT" "kafka.Kafka $STATE/server.properties"; then
    log "already running (pid $(cat "$PID_FILE")) on $KAFKA_HOST:$KAFKA_PORT"
    wait_ready "$(now_ms)" # a node still starting (an earlier up timed out) is waited for, not trusted
    return 0
  fi
  port_open "$KAFKA_HOST" "$KAFKA_PORT" && die "$KAFKA_HOST:$KAFKA_PORT is taken by a process this script did not start"
  JAVA_HOME="$(find_java_home)"
  fetch_jars
  write_config
  format_storage
  local t0
  t0="$(now_ms)"
  [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"
  rm -f "$PID_FILE"
  # setsid: the broker outlives the shell (or test runner) that started it; kafka-down.sh stops it. The pid
  # is written by the process that then becomes java, so it is right even if setsid had to fork.
  # shellcheck disable=SC2016 # $$ and $@ expand in the child shell
  setsid bash -c 'echo $$ >"$0" && exec "$@"' "$PID_FILE" \
    "$JAVA_HOME/bin/java" -Xms128m "-Xmx$KAFKA_HEAP" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$STATE/log4j2.properties" -cp "$DIST/*" kafka.Kafka "$STATE/server.properties" \
    >>"$LOG_FILE" 2>&1 </dev/null 9>&- &
  wait_ready "$t0"
}

main "$@"
