# shellcheck shell=bash
# Shared helpers for ./fa and scripts/*: messages, the repository root, the .fa/ state folder.
# Sourced, never executed. Expects FA_ROOT to be the repository root.

FA_STATE="$FA_ROOT/.fa"

fa_say()  { printf 'fa: %s\n' "$*" >&2; }
fa_warn() { printf 'fa: warning: %s\n' "$*" >&2; }
fa_die()  { printf 'fa: error: %s\n' "$*" >&2; exit 1; }

# fa_usage_error MESSAGE: a mistake on the command line (exit status 2, like getopt and most CLIs).
fa_usage_error() { printf 'fa: %s\n' "$*" >&2; exit 2; }

fa_state_dir() { mkdir -p "$FA_STATE/logs" && printf '%s' "$FA_STATE"; }

# fa_as_root CMD...: run a command as root (directly, or through passwordless sudo); fails when neither works.
fa_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    fa_warn "need root to run: $*"
    return 1
  fi
}

# fa_apt_install PACKAGE...: apt-get update (once per launcher run), then a non-interactive install.
FA_APT_UPDATED=0
fa_apt_install() {
  command -v apt-get >/dev/null 2>&1 || { fa_warn "apt-get not found: install $* by hand"; return 1; }
  local log
  log="$(fa_state_dir)/logs/apt.log"
  if [ "$FA_APT_UPDATED" -eq 0 ]; then
    fa_say "apt-get update (log: ${log#"$FA_ROOT"/})..."
    fa_as_root env DEBIAN_FRONTEND=noninteractive apt-get update </dev/null >>"$log" 2>&1 \
      || { fa_warn "apt-get update failed, see $log"; return 1; }
    FA_APT_UPDATED=1
  fi
  fa_say "installing $* with apt-get (about a minute)..."
  fa_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" </dev/null >>"$log" 2>&1 \
    || { fa_warn "apt-get install $* failed, see $log"; return 1; }
}
