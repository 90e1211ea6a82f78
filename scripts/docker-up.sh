#!/usr/bin/env bash
# Brings up everything raft-torture's containers need, idempotently (a second run changes nothing):
#   1. a Docker engine that answers (installs docker.io and starts dockerd on a Debian machine as root);
#   2. Testcontainers settings an old engine (API < 1.44) needs, in ~/.testcontainers.properties;
#   3. the JRE base image and the Toxiproxy image: the public ones when present or pullable, else built locally
#      (JRE from this machine's JDK via jlink, Toxiproxy from source via `go install`), both FROM scratch.
# The node image itself is built by the harness at cluster start (it needs node.jar, which `mvn` builds later).
# Environment: RT_DOCKERD_LOG (default /var/log/raft-torture-dockerd.log), RT_PULL_TIMEOUT_S (default 20).
set -euo pipefail

readonly TEMURIN_IMAGE="eclipse-temurin:17-jre"
readonly LOCAL_JRE_IMAGE="raft-torture/jre:17"
readonly TOXIPROXY_VERSION="2.12.0"
readonly PUBLIC_TOXIPROXY_IMAGE="ghcr.io/shopify/toxiproxy:${TOXIPROXY_VERSION}"
readonly LOCAL_TOXIPROXY_IMAGE="raft-torture/toxiproxy:${TOXIPROXY_VERSION}"
# Modules the node needs (Jackson databind touches java.sql and java.naming lazily). Changing this list
# changes the image's label, which makes the next run rebuild the base.
readonly JRE_MODULES="java.base,java.logging,java.management,java.naming,java.sql,jdk.unsupported"
readonly DOCKERD_LOG="${RT_DOCKERD_LOG:-/var/log/raft-torture-dockerd.log}"
readonly PULL_TIMEOUT_S="${RT_PULL_TIMEOUT_S:-20}"

say() { echo "[docker-up] $*"; }
die() { echo "[docker-up] ERROR: $*" >&2; exit 1; }
# Runs a command with its output kept aside; shows the output only when the command fails.
quietly() {
  local out
  out="$(mktemp)"
  if "$@" >"$out" 2>&1; then rm -f "$out"; return 0; fi
  cat "$out" >&2; rm -f "$out"; return 1
}

engine_answers() { docker info >/dev/null 2>&1; }
image_present() { docker image inspect "$1" >/dev/null 2>&1; }

install_engine() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    die "no Docker engine answers and this is not a Debian machine where I am root: install Docker, start it, rerun"
  fi
  say "installing docker.io with apt-get (about 15 s)"
  DEBIAN_FRONTEND=noninteractive quietly apt-get update \
    || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive quietly apt-get install -y docker.io \
    || die "apt-get install docker.io failed"
}

start_engine() {
  # A dockerd killed without clean-up leaves its pid file, and a new dockerd refuses to start next to it.
  local pidfile=/var/run/docker.pid
  if [ -f "$pidfile" ] && ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    say "removing the stale $pidfile of a dockerd that is gone"
    rm -f "$pidfile"
  fi
  say "starting dockerd in the background (log: $DOCKERD_LOG)"
  # setsid: the engine must outlive this script and the shell that ran it.
  setsid nohup dockerd >"$DOCKERD_LOG" 2>&1 </dev/null &
  for _ in $(seq 1 60); do
    engine_answers && return 0
    sleep 1
    # A dockerd that cannot start (no iptables, no cgroups, ...) exits within a second: say so, not after a minute.
    if command -v pgrep >/dev/null && ! pgrep -x dockerd >/dev/null; then
      tail -n 20 "$DOCKERD_LOG" >&2 || true
      die "dockerd exited at once (its last lines above; full log: $DOCKERD_LOG)"
    fi
  done
  tail -n 20 "$DOCKERD_LOG" >&2 || true
  die "dockerd started but did not answer within 60 s (see $DOCKERD_LOG)"
}

ensure_engine() {
  command -v docker >/dev/null || install_engine
  local why
  if why="$(docker info 2>&1 >/dev/null)"; then
    say "Docker engine answers"
    return
  fi
  if [[ "$why" == *"permission denied"* ]]; then
    die "a Docker engine runs but $(id -un) may not use it: add $(id -un) to the docker group (then log in again) or run as root"
  fi
  if [ "$(id -u)" != 0 ]; then
    die "no Docker engine answers ($(echo "$why" | tail -n 1)) and only root can start one: start Docker and rerun"
  fi
  command -v dockerd >/dev/null || install_engine
  # apt-get's post-install may have started it already.
  engine_answers || start_engine
  say "Docker engine started"
}

# True when version $1 < $2 (dotted numbers).
version_lt() { [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n1)" = "$1" ]; }

# Adds key=value to ~/.testcontainers.properties unless the key is already set (the user's value wins).
set_tc_property() {
  local file="$HOME/.testcontainers.properties"
  touch "$file"
  if ! grep -q "^$1=" "$file"; then
    echo "$1=$2" >>"$file"
    say "  set $1=$2 in $file"
  fi
}

configure_testcontainers() {
  local api
  api="$(docker version --format '{{.Server.APIVersion}}')"
  if version_lt "$api" "1.44"; then
    # Testcontainers >= 2.0.5 negotiates the older API itself; these keep it from pulling helper images.
    say "engine API $api is older than 1.44: checking the Testcontainers settings an old, offline engine needs"
    set_tc_property checks.disable true
    set_tc_property tinyimage.container.image "$JRE_BASE"
  else
    say "engine API $api: no Testcontainers settings needed"
  fi
}

try_pull() {
  say "trying to pull $1 (at most ${PULL_TIMEOUT_S} s)"
  if timeout "$PULL_TIMEOUT_S" docker pull -q "$1" >/dev/null 2>&1; then
    say "pulled $1"
    return 0
  fi
  say "cannot pull $1: building a local substitute"
  return 1
}

build_local_jre() {
  command -v jlink >/dev/null || die "jlink not found: install a JDK 17 (e.g. apt-get install openjdk-17-jdk-headless)"
  local ctx="$WORK/jre" previous
  previous="$(docker image inspect -f '{{.Id}}' "$LOCAL_JRE_IMAGE" 2>/dev/null || true)"
  mkdir -p "$ctx"
  quietly jlink --add-modules "$JRE_MODULES" --strip-debug --no-header-files --no-man-pages \
    --generate-cds-archive --output "$ctx/jre" || die "jlink failed to build a JRE with $JRE_MODULES"
  # A FROM scratch image holds no libc: copy every shared library the JRE links against, keeping its path.
  find "$ctx/jre" -type f \( -name java -o -name '*.so' \) -exec ldd {} \; 2>/dev/null \
    | grep -oE '/[^ ]+\.so[^ ]*' | sort -u | while read -r lib; do
      mkdir -p "$ctx$(dirname "$lib")"
      cp -L "$lib" "$ctx$lib"
    done
  mkdir -p "$ctx/tmp" && chmod 1777 "$ctx/tmp"
  # The Dockerfile lives outside the context, so that `COPY . /` takes only the JRE, its libraries and /tmp.
  cat >"$WORK/jre.Dockerfile" <<EOF
FROM scratch
COPY . /
ENV PATH=/jre/bin JAVA_HOME=/jre
LABEL io.rafttorture.jre.modules="$JRE_MODULES"
EOF
  quietly docker build -t "$LOCAL_JRE_IMAGE" -f "$WORK/jre.Dockerfile" "$ctx" || die "building $LOCAL_JRE_IMAGE failed"
  docker run --rm "$LOCAL_JRE_IMAGE" java -version >/dev/null 2>&1 || die "$LOCAL_JRE_IMAGE cannot run java -version"
  say "built $LOCAL_JRE_IMAGE ($JRE_MODULES)"
  remove_replaced "$previous" "$LOCAL_JRE_IMAGE"
}

# Removes image id $1 once tag $2 names another image, so rebuilds do not pile up untagged images. Never forced:
# an image that node images are built on or containers use stays.
remove_replaced() {
  [ -n "$1" ] && [ "$1" != "$(docker image inspect -f '{{.Id}}' "$2")" ] || return 0
  if docker rmi "$1" >/dev/null 2>&1; then
    say "removed the image $2 replaced"
  else
    say "kept the image $2 replaced ($1): images or containers still use it"
  fi
}

# Sets JRE_BASE to the base image the node image will use.
ensure_jre_base() {
  JRE_BASE="$TEMURIN_IMAGE"
  if image_present "$TEMURIN_IMAGE"; then
    say "JRE base: $TEMURIN_IMAGE present"
  elif image_present "$LOCAL_JRE_IMAGE" && [ "$(docker image inspect -f \
      '{{index .Config.Labels "io.rafttorture.jre.modules"}}' "$LOCAL_JRE_IMAGE")" = "$JRE_MODULES" ]; then
    JRE_BASE="$LOCAL_JRE_IMAGE"
    say "JRE base: $LOCAL_JRE_IMAGE present"
  elif ! try_pull "$TEMURIN_IMAGE"; then
    JRE_BASE="$LOCAL_JRE_IMAGE"
    build_local_jre
  fi
}

build_local_toxiproxy() {
  command -v go >/dev/null || die "go not found: install Go >= 1.23 to build Toxiproxy (or make $PUBLIC_TOXIPROXY_IMAGE pullable)"
  local ctx="$WORK/toxiproxy"
  mkdir -p "$ctx"
  say "building Toxiproxy $TOXIPROXY_VERSION from source with go install (about 30-60 s on a fresh machine)"
  CGO_ENABLED=0 GOBIN="$ctx" quietly go install "github.com/Shopify/toxiproxy/v2/cmd/server@v${TOXIPROXY_VERSION}" \
    || die "go install of Toxiproxy failed (is the Go module proxy reachable?)"
  cat >"$ctx/Dockerfile" <<'EOF'
FROM scratch
COPY server /toxiproxy
EXPOSE 8474
ENTRYPOINT ["/toxiproxy"]
CMD ["-host=0.0.0.0", "-port=8474"]
EOF
  quietly docker build -t "$LOCAL_TOXIPROXY_IMAGE" "$ctx" || die "building $LOCAL_TOXIPROXY_IMAGE failed"
  say "built $LOCAL_TOXIPROXY_IMAGE"
}

ensure_toxiproxy() {
  if image_present "$PUBLIC_TOXIPROXY_IMAGE"; then
    say "Toxiproxy: $PUBLIC_TOXIPROXY_IMAGE present"
  elif image_present "$LOCAL_TOXIPROXY_IMAGE"; then
    say "Toxiproxy: $LOCAL_TOXIPROXY_IMAGE present"
  elif ! try_pull "$PUBLIC_TOXIPROXY_IMAGE"; then
    build_local_toxiproxy
  fi
}

main() {
  local start=$SECONDS
  # Build contexts live here and go away however the script ends.
  WORK="$(mktemp -d)"
  trap 'rm -rf "$WORK"' EXIT
  ensure_engine
  ensure_jre_base
  ensure_toxiproxy
  configure_testcontainers
  say "ready in $((SECONDS - start)) s"
}

main "$@"
