#!/usr/bin/env bash
# Stop what stack-up.sh started (containers or local processes). Arguments (e.g. --purge) go to the
# local down scripts; for containers, --purge also removes their volumes.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LOG_TAG=stack
# shellcheck source=lib/common.sh
. "$HERE/lib/common.sh"

if [[ "$(stack_mode)" == docker ]]; then
  volumes=()
  [[ "${1:-}" == "--purge" ]] && volumes=(--volumes)
  docker compose -f "$HERE/../compose/docker-compose.yml" down "${volumes[@]}"
fi
rc=0
bash "$HERE/kafka-down.sh" "$@" || rc=1
bash "$HERE/es-down.sh" "$@" || rc=1
exit "$rc"
