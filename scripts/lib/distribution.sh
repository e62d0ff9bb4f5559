# Shared by the benchmark scripts: free loopback ports, stopping a process, and CNCF Distribution started from
# scripts/distribution-config.yml.tmpl. Source it after scripts/lib/java.sh; it expects $root (the project root)
# and a log() function.

# A loopback port nothing listens on (nothing answers a connect).
free_port() {
  local port tries
  for tries in $(seq 1 100); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  log "no free port found"; return 1
}

# Stops a process: TERM, then KILL after 10 s.
stop_pid() {
  local pid=$1 i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

install_distribution_if_missing() {
  command -v docker-registry >/dev/null && return 0
  log "installing docker-registry (CNCF Distribution) with apt..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker-registry >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker-registry >/dev/null; }
}

# start_distribution DIR: serves DIR/distribution on a free port; sets registry_port and registry_pid; its log is
# DIR/distribution.log.
start_distribution() {
  local dir=$1
  registry_port=$(free_port)
  mkdir -p "$dir/distribution"
  sed -e "s|@ROOT@|$dir/distribution|g" -e "s|@ADDR@|127.0.0.1:$registry_port|g" \
    "$root/scripts/distribution-config.yml.tmpl" >"$dir/distribution.yml"
  # Every REGISTRY_* variable overrides its config (REGISTRY_AUTH_FILE even stops it starting), so drop them all.
  local unset_args=() name
  for name in $(compgen -e | grep '^REGISTRY_' || true); do unset_args+=(-u "$name"); done
  env "${unset_args[@]}" docker-registry serve "$dir/distribution.yml" >"$dir/distribution.log" 2>&1 &
  registry_pid=$!
  local i
  for i in $(seq 1 600); do
    curl -fsS "http://127.0.0.1:$registry_port/v2/" >/dev/null 2>&1 && return 0
    kill -0 "$registry_pid" 2>/dev/null || break
    sleep 0.1
  done
  log "Distribution did not start"; tail -n 30 "$dir/distribution.log" >&2 || true; return 1
}
