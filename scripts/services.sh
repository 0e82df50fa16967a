#!/usr/bin/env bash
# Local services the integration tests talk to: PostgreSQL, Redis and Mosquitto (MQTT).
#
#   scripts/services.sh [status|start]     (same as ./fa services [status|start])
#
# `start` makes each one answer on its port: starts it when installed but stopped, installs it with apt-get when
# missing (fresh Debian), then waits (bounded) for the port. Coordinates come from FA_PG_URL, FA_REDIS_URI and
# FA_MQTT_URI (defaults below); a service on another host is only waited for, never installed or started.
# With FA_REQUIRE_SERVICES=1 a service that cannot be brought up is an error naming it; otherwise a warning.
# Sourced by ./fa test (fa_services_up); executable on its own.

: "${FA_PG_URL:=jdbc:postgresql://127.0.0.1:5432/test}"
: "${FA_REDIS_URI:=redis://127.0.0.1:6379}"
: "${FA_MQTT_URI:=tcp://127.0.0.1:1883}"
: "${FA_SERVICE_WAIT_SECONDS:=60}"

FA_SERVICES=(postgresql redis mosquitto)

# --- per service: where it listens, whether it is installed, its Debian package, how to start it -------------

fa_service_uri() {
  case $1 in
    postgresql) printf '%s' "$FA_PG_URL" ;;
    redis) printf '%s' "$FA_REDIS_URI" ;;
    mosquitto) printf '%s' "$FA_MQTT_URI" ;;
  esac
}

fa_service_package() {
  case $1 in
    postgresql) printf 'postgresql' ;;
    redis) printf 'redis-server' ;;
    mosquitto) printf 'mosquitto' ;;
  esac
}

fa_service_installed() {
  case $1 in
    postgresql) compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null && command -v pg_ctlcluster >/dev/null ;;
    redis) command -v redis-server >/dev/null ;;
    mosquitto) command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ] ;;
  esac
}

fa_service_start() {
  local port=$2 version
  case $1 in
    postgresql)
      version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)
      if [ -d /etc/postgresql ] && [ -n "$(ls /etc/postgresql)" ]; then
        version=$(find /etc/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)
      fi
      [ -d "/etc/postgresql/$version/main" ] || fa_as_root pg_createcluster "$version" main || return 1
      fa_as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start ;;
    redis)
      redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no ;;
    mosquitto)
      local bin
      bin=$(command -v mosquitto || printf '/usr/sbin/mosquitto')
      if [ -f /etc/mosquitto/mosquitto.conf ]; then "$bin" -d -c /etc/mosquitto/mosquitto.conf
      else "$bin" -d -p "$port"; fi ;;
  esac
}

# --- generic machinery -------------------------------------------------------------------------------------

# fa_uri_host URI / fa_uri_port URI DEFAULT: host and port of scheme://host:port/... (jdbc: prefix allowed).
fa_uri_host() { sed -E 's#^([a-z]+:)?[a-z]+://([^/:?]+).*#\2#' <<<"$1"; }
fa_uri_port() {
  local port
  port=$(sed -nE 's#^([a-z]+:)?[a-z]+://[^/:?]+:([0-9]+).*#\2#p' <<<"$1")
  printf '%s' "${port:-$2}"
}
fa_default_port() {
  case $1 in postgresql) printf 5432 ;; redis) printf 6379 ;; mosquitto) printf 1883 ;; esac
}
fa_is_local_host() { [[ $1 == 127.0.0.1 || $1 == localhost || $1 == ::1 ]]; }

# fa_port_answers HOST PORT: true when a TCP connection succeeds within 2 s.
# shellcheck disable=SC2016  # $0 and $1 are expanded by the inner bash
fa_port_answers() { timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null; }

# fa_wait_port NAME HOST PORT: waits up to FA_SERVICE_WAIT_SECONDS for the port, printing progress.
fa_wait_port() {
  local name=$1 host=$2 port=$3 start=$SECONDS
  fa_port_answers "$host" "$port" && return 0
  printf 'fa: waiting for %s on %s:%s (up to %s s)' "$name" "$host" "$port" "$FA_SERVICE_WAIT_SECONDS" >&2
  while [ $((SECONDS - start)) -lt "$FA_SERVICE_WAIT_SECONDS" ]; do
    if fa_port_answers "$host" "$port"; then
      printf ' up after %s s\n' $((SECONDS - start)) >&2
      return 0
    fi
    printf '.' >&2
    sleep 1
  done
  printf ' no answer\n' >&2
  return 1
}

# fa_service_up NAME: brings one service up; on failure sets FA_SERVICE_PROBLEM and returns 1.
FA_INSTALLED_NOW=""
fa_service_up() {
  local name=$1 uri host port log
  uri=$(fa_service_uri "$name")
  host=$(fa_uri_host "$uri")
  port=$(fa_uri_port "$uri" "$(fa_default_port "$name")")
  log="$(fa_state_dir)/logs/services.log"
  if ! fa_port_answers "$host" "$port"; then
    if fa_is_local_host "$host"; then
      if ! fa_service_installed "$name"; then
        fa_say "$name is not installed"
        fa_apt_install "$(fa_service_package "$name")" || {
          FA_SERVICE_PROBLEM="$name is not installed and apt-get install $(fa_service_package "$name") failed (see .fa/logs/apt.log)"
          return 1
        }
        FA_INSTALLED_NOW+=" $name"
      fi
      # An install may already have started it (policy-rc.d permitting).
      if ! fa_port_answers "$host" "$port"; then
        fa_say "starting $name (log: .fa/logs/services.log)..."
        fa_service_start "$name" "$port" </dev/null >>"$log" 2>&1 \
          || fa_warn "starting $name reported an error (see .fa/logs/services.log)"
      fi
    fi
    fa_wait_port "$name" "$host" "$port" || {
      FA_SERVICE_PROBLEM="$name does not answer on $host:$port"
      return 1
    }
  fi
  [ "$name" = postgresql ] && { fa_postgres_login "$host" "$port" || return 1; }
  return 0
}

# fa_postgres_login HOST PORT: finds a role that can open the test database (FA_PG_USER, then postgres, then
# root) and exports it as FA_PG_USER. On a server installed by this run, creates the database and gives the
# postgres role the password "postgres" (exported as FA_PG_PASSWORD) when local TCP logins need one.
fa_postgres_login() {
  local host=$1 port=$2 db
  db=$(sed -nE 's#^jdbc:postgresql://[^/]+/([^?]+).*#\1#p' <<<"$FA_PG_URL")
  db=${db:-test}
  command -v psql >/dev/null || return 0
  fa_pg_try_roles "$host" "$port" "$db" && return 0
  if fa_is_local_host "$host" && [ "$(id -u)" -eq 0 ] && command -v runuser >/dev/null; then
    if ! runuser -u postgres -- psql -qAtc "select 1 from pg_database where datname = '$db'" </dev/null 2>>"$FA_STATE/logs/services.log" | grep -q 1; then
      fa_say "creating PostgreSQL database '$db'"
      runuser -u postgres -- createdb "$db" </dev/null >>"$FA_STATE/logs/services.log" 2>&1
    fi
    if [[ " $FA_INSTALLED_NOW " == *" postgresql "* ]] && [ -z "${FA_PG_PASSWORD:-}" ]; then
      fa_say "giving the new server's postgres role the password 'postgres' for TCP logins"
      runuser -u postgres -- psql -qc "alter role postgres password 'postgres'" </dev/null >>"$FA_STATE/logs/services.log" 2>&1
      export FA_PG_PASSWORD=postgres
    fi
    fa_pg_try_roles "$host" "$port" "$db" && return 0
  fi
  FA_SERVICE_PROBLEM="postgresql answers on $host:$port but no role (${FA_PG_USER:+$FA_PG_USER, }postgres, root) can open database '$db': $FA_PG_LOGIN_ERROR"
  return 1
}

# fa_pg_try_roles HOST PORT DB: retries for a few seconds (a starting server refuses logins for a moment).
fa_pg_try_roles() {
  local host=$1 port=$2 db=$3 role attempt roles=(postgres root)
  [ -n "${FA_PG_USER:-}" ] && roles=("$FA_PG_USER" "${roles[@]}")
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    for role in "${roles[@]}"; do
      if FA_PG_LOGIN_ERROR=$(PGPASSWORD=${FA_PG_PASSWORD:-} PGCONNECT_TIMEOUT=5 \
           psql -h "$host" -p "$port" -U "$role" -d "$db" -qAtc 'select 1' </dev/null 2>&1); then
        export FA_PG_USER=$role
        return 0
      fi
    done
    # Only a server that is still starting up is worth waiting for (about 10 s).
    [[ $FA_PG_LOGIN_ERROR == *"starting up"* ]] || return 1
    [ "$attempt" -lt 10 ] && sleep 1
  done
  return 1
}

# fa_services_up: brings every service up, exports the coordinates for the tests; exit 1 on failure when
# FA_REQUIRE_SERVICES=1, otherwise warns and returns.
fa_services_up() {
  local name failed=()
  for name in "${FA_SERVICES[@]}"; do
    FA_SERVICE_PROBLEM=""
    fa_service_up "$name" || failed+=("$FA_SERVICE_PROBLEM")
  done
  export FA_PG_URL FA_REDIS_URI FA_MQTT_URI
  export FA_REQUIRE_SERVICES=${FA_REQUIRE_SERVICES:-0}
  if [ ${#failed[@]} -eq 0 ]; then
    fa_say "services up: PostgreSQL $FA_PG_URL (user ${FA_PG_USER:-?}), Redis $FA_REDIS_URI, MQTT $FA_MQTT_URI"
    return 0
  fi
  local problem
  if [ "$FA_REQUIRE_SERVICES" = 1 ]; then
    for problem in "${failed[@]}"; do printf 'fa: error: %s\n' "$problem" >&2; done
    fa_die "FA_REQUIRE_SERVICES=1 and ${#failed[@]} service(s) could not be brought up"
  fi
  for problem in "${failed[@]}"; do fa_warn "$problem (integration tests needing it will skip)"; done
}

# fa_services_status: one line per service; returns 1 when any is down.
fa_services_status() {
  local name uri host port state installed all_up=0
  for name in "${FA_SERVICES[@]}"; do
    uri=$(fa_service_uri "$name")
    host=$(fa_uri_host "$uri")
    port=$(fa_uri_port "$uri" "$(fa_default_port "$name")")
    if fa_port_answers "$host" "$port"; then state=up; else state=down; all_up=1; fi
    if fa_service_installed "$name"; then installed=installed; else installed="not installed"; fi
    fa_is_local_host "$host" || installed="remote"
    printf '%-11s %-22s %-5s %-14s %s\n' "$name" "$host:$port" "$state" "$installed" "$uri"
  done
  return "$all_up"
}

fa_services_help() {
  cat <<'EOT'
usage: ./fa services [status|start]

  status   one line per service: name, host:port, up/down, installed?, URI (exit 1 when one is down)
  start    start the stopped ones, apt-get install the missing ones, wait until each port answers

Services (integration tests): PostgreSQL FA_PG_URL (jdbc:postgresql://127.0.0.1:5432/test),
Redis FA_REDIS_URI (redis://127.0.0.1:6379), Mosquitto FA_MQTT_URI (tcp://127.0.0.1:1883).
FA_REQUIRE_SERVICES=1 turns a service that cannot be brought up into an error.
FA_SERVICE_WAIT_SECONDS bounds the wait for each port (default 60).
EOT
}

# fa_services_main [status|start]
fa_services_main() {
  case "${1:-status}" in
    status) fa_services_status ;;
    start) fa_services_up && fa_services_status ;;
    -h | --help | help) fa_services_help ;;
    *) fa_services_help >&2; fa_usage_error "services: unknown action '$1'" ;;
  esac
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  FA_ROOT=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
  # shellcheck source=scripts/lib/common.sh
  . "$FA_ROOT/scripts/lib/common.sh"
  fa_services_main "$@"
fi
