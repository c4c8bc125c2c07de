# shellcheck shell=bash
# Shared helpers for the local-process scripts in deploy/scripts. Sourced, never run.
# Everything downloaded or written at run time lives under NEXUS_CACHE, outside the repository.

NEXUS_CACHE="${NEXUS_CACHE:-${HOME:-/tmp}/.cache/nexus}"

log() { printf '[%s] %s\n' "${LOG_TAG:-nexus}" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Java 17+ for Kafka and Elasticsearch; JAVA_HOME wins, else the java on PATH.
find_java_home() {
  local java
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    java="$JAVA_HOME/bin/java"
  else
    java="$(command -v java)" || die "java not found: install a JDK 17+ or set JAVA_HOME"
    java="$(readlink -f "$java")"
  fi
  local major
  major="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  [[ "${major%%.*}" -ge 17 ]] || die "Java 17+ required, $java is $major"
  dirname "$(dirname "$java")"
}

# True when the pid-file's process is alive and (if given) its command line contains $2,
# so a stale pid reused by an unrelated process is not mistaken for ours.
pid_alive() {
  local file="$1" pattern="${2:-}" pid
  [[ -s "$file" ]] || return 1
  pid="$(cat "$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  [[ -z "$pattern" ]] || [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" == *"$pattern"* ]]
}

# If the process listening on TCP port $2 has $3 in its command line, it is ours although its pid file
# ($1) was lost: write the pid file again so up/down keep working.
adopt_pid() {
  local file="$1" port="$2" marker="$3" pid
  command -v ss >/dev/null 2>&1 || return 1
  pid="$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)" || return 1
  [[ -n "$pid" && "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" == *"$marker"* ]] || return 1
  echo "$pid" >"$file"
  log "found our server (pid $pid) on port $port without its pid file; pid file rewritten"
}

# True when something accepts TCP connections on host:port.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# Stop the process named by a pid file: TERM, wait up to $2 seconds, then KILL.
stop_pid_file() {
  local file="$1" pattern="$2" grace="${3:-30}" pid i
  if ! pid_alive "$file" "$pattern"; then
    rm -f "$file"
    return 1
  fi
  pid="$(cat "$file")"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "pid $pid ignored SIGTERM for ${grace}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  rm -f "$file"
}

# Print the tail of a log so a failed start explains itself.
show_log_tail() {
  local file="$1"
  log "last lines of $file:"
  if [[ -f "$file" ]]; then tail -n "${2:-40}" "$file" >&2; else log "(no log file)"; fi
}

# Resolve Maven artefacts with the ordinary client; the local repository is Maven's own (~/.m2).
# Output goes to $MVN_LOG and is shown only when Maven fails.
mvn_quiet() {
  local out="${MVN_LOG:-/dev/null}"
  mvn -B -q -Dstyle.color=never "$@" >"$out" 2>&1 || { [[ -f "$out" ]] && tail -n 30 "$out" >&2; return 1; }
}

now_ms() { date +%s%3N; }

# docker when a Docker daemon answers (or NEXUS_STACK=docker), else local.
stack_mode() {
  case "${NEXUS_STACK:-auto}" in
    docker | local) echo "$NEXUS_STACK" ;;
    auto) if command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1; then echo docker; else echo local; fi ;;
    *) die "NEXUS_STACK must be auto, docker or local (got $NEXUS_STACK)" ;;
  esac
}
