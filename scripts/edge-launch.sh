# shellcheck shell=bash
# `./fa edge ...`: the edge runtime's command line (io.freeagentics.edge.EdgeMain). For `run`, the JVM is started
# with the device profile's JVM flags (heap, metaspace, code cache, compiler, GC cannot change once a JVM runs),
# and with MALLOC_ARENA_MAX=1 (one glibc malloc arena instead of up to 8 per core: several MB of RSS).
# The flags come from `EdgeMain jvm-flags --profile P --snapshot FILE` (a JVM that reads and validates the profile,
# and writes the settings the runtime needs to FILE, a properties file), cached in .fa/edge/ and regenerated after
# the edge runtime or a profile file changed: a start costs one JVM, not two, and the device JVM reads the snapshot
# (-Dfa.edge.profileSnapshot) instead of the profile JSON, so the JSON and schema libraries never load there.
# Sourced by ./fa (cmd_edge); needs scripts/lib/common.sh, build.sh and java.sh.

FA_EDGE_MAIN=io.freeagentics.edge.EdgeMain

fa_edge_main() {
  if [ "${1:-}" = run ]; then
    local profile
    profile=$(fa_edge_option_value --profile "$@")
    if [ -n "$profile" ]; then
      local flags
      flags=$(fa_edge_jvm_flags "$profile") || exit $?
      FA_JAVA_OPTS="$flags -Dfa.edge.profileSnapshot=$(fa_edge_cache_file "$profile").snapshot${FA_JAVA_OPTS:+ $FA_JAVA_OPTS}"
    fi
    export FA_JAVA_OPTS="${FA_JAVA_OPTS:-}"
    export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-1}"
    # Build first, so the launch time below is taken just before the JVM starts (the runtime reports its
    # start-to-first-tick time from it: the exec'd JVM keeps this shell's process start time).
    fa_run_classpath edge-runtime >/dev/null
    FA_JAVA_OPTS="$FA_JAVA_OPTS -Dfa.edge.launchMs=$(date +%s%3N)"
  fi
  fa_run_main edge-runtime "$FA_EDGE_MAIN" "$@"
}

# fa_edge_option_value NAME ARGS...: the value of option NAME (as "NAME VALUE" or "NAME=VALUE") in ARGS, or "".
fa_edge_option_value() {
  local name=$1
  shift
  while [ $# -gt 0 ]; do
    case $1 in
      "$name") printf '%s' "${2:-}"; return 0 ;;
      "$name"=*) printf '%s' "${1#"$name"=}"; return 0 ;;
    esac
    shift
  done
}

# fa_edge_cache_file PROFILE: the cache path (without extension) of a profile's flags and snapshot.
fa_edge_cache_file() {
  printf '%s/edge/profile.%s' "$FA_STATE" "$(printf '%s' "$1" | tr -c 'A-Za-z0-9._-' '_')"
}

# fa_edge_jvm_flags PROFILE: the profile's JVM flags on one line, from the cache when it is still valid; writes the
# profile snapshot next to it.
fa_edge_jvm_flags() {
  local profile=$1 cache classpath
  classpath=$(fa_run_classpath edge-runtime)
  cache=$(fa_edge_cache_file "$profile")
  mkdir -p "$(dirname "$cache")"
  if [ ! -s "$cache.flags" ] || [ ! -s "$cache.snapshot" ] || [ "$FA_BUILD_STATE/edge-runtime.stamp" -nt "$cache.flags" ] \
     || { [ -f "$profile" ] && [ "$profile" -nt "$cache.flags" ]; }; then
    fa_select_java
    local flags
    flags=$("$FA_JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$classpath" "$FA_EDGE_MAIN" jvm-flags \
      --profile "$profile" --snapshot "$cache.snapshot") || return 2
    printf '%s\n' "$flags" | tr '\n' ' ' | sed 's/ *$//' >"$cache.flags"
  fi
  cat "$cache.flags"
}
