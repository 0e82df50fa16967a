# shellcheck shell=bash
# `./fa edge ...`: the edge runtime's command line (io.freeagentics.edge.EdgeMain). For `run`, the JVM is started
# with the device profile's JVM flags (heap, metaspace, code cache, compiler, GC cannot change once a JVM runs),
# and with MALLOC_ARENA_MAX=1 (one glibc malloc arena instead of up to 8 per core: several MB of RSS).
# The flags come from `EdgeMain jvm-flags --profile P --snapshot FILE` (a JVM that reads and validates the profile,
# and writes the settings the runtime needs to FILE, a properties file), cached in .fa/edge/ and regenerated after
# the edge runtime or a profile file changed: a start costs one JVM, not two, and the device JVM reads the snapshot
# (-Dfa.edge.profileSnapshot) instead of the profile JSON, so the JSON and schema libraries never load there.
#
# Class data sharing: `run` starts from the module jars (not target/classes: CDS archives classes from jars only)
# with an application CDS archive of exactly the classes a run loads (JDK and application, about 2300), cached next
# to the flags. The classes are mapped pre-parsed and pre-verified from the archive instead of being loaded from
# jars into metaspace: the first tick comes sooner and metaspace stays small. The archive is made once per build,
# profile and JDK by a training run (`run --ticks 1` of the same profile and model, 1 agent, in a temporary data
# folder, listing its classes with -XX:DumpLoadedClassList) and a dump (-Xshare:dump); together 2-4 s. When the
# archive cannot be made (with a warning), or a module jar is missing or older than its classes folder, `run` starts
# as before: classes folders, the JDK's default archive. FA_EDGE_CDS=0 turns the archive off.
#
# SQLite's native library: sqlite-jdbc normally probes the OS with a child process (`uname`, a "process reaper"
# thread that lingers) and copies its 1 MB library to java.io.tmpdir on every start. On glibc Linux x86_64 and
# aarch64, `run` instead loads the library extracted once into .fa/edge/native/ (-Dorg.sqlite.lib.path); elsewhere,
# or with --native-dir, sqlite-jdbc's own loader runs.
# Sourced by ./fa (cmd_edge); needs scripts/lib/common.sh, build.sh and java.sh.

FA_EDGE_MAIN=io.freeagentics.edge.EdgeMain

fa_edge_main() {
  if [ "${1:-}" != run ]; then
    fa_run_main edge-runtime "$FA_EDGE_MAIN" "$@"
  fi
  local profile classpath archive_opts=""
  profile=$(fa_edge_option_value --profile "$@")
  # Build first, so the launch time below is taken just before the JVM starts (the runtime reports its
  # start-to-first-tick time from it: the exec'd JVM keeps this shell's process start time).
  classpath=$(fa_run_classpath edge-runtime)
  if [ -n "$profile" ]; then
    local flags cache jars
    flags=$(fa_edge_jvm_flags "$profile") || exit $?
    cache=$(fa_edge_cache_file "$profile")
    FA_JAVA_OPTS="$flags -Dfa.edge.profileSnapshot=$cache.snapshot${FA_JAVA_OPTS:+ $FA_JAVA_OPTS}"
    if [ -z "$(fa_edge_option_value --native-dir "$@")" ]; then
      local native
      native=$(fa_edge_sqlite_native "$classpath") && FA_JAVA_OPTS="$FA_JAVA_OPTS $native"
    fi
    if [ "${FA_EDGE_CDS:-1}" != 0 ] && jars=$(fa_edge_jar_classpath "$classpath"); then
      local archive
      if archive=$(fa_edge_cds_archive "$cache" "$jars" "$FA_JAVA_OPTS" "$@"); then
        classpath=$jars
        archive_opts="-XX:SharedArchiveFile=$archive"
      fi
    fi
  fi
  export FA_JAVA_OPTS="${FA_JAVA_OPTS:-}${archive_opts:+ $archive_opts}"
  export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-1}"
  # fa_exec_java's steps, with the launch time taken after them, right before the exec: choosing the java binary
  # forks readlink, dirname and sed, which took 0.5 s at a load of 8 on this 2-core machine and would otherwise
  # count as JVM start-up. Bash's own clock (bash 5), no `date` child, when it can.
  fa_select_java
  fa_jvm_flags
  local now=${EPOCHREALTIME:-}
  now=${now/[.,]/}
  [ ${#now} -ge 13 ] && now=${now:0:13} || now=$(date +%s%3N)
  exec "$FA_JAVA" "${FA_JVM_FLAGS[@]}" "-Dfa.edge.launchMs=$now" -cp "$classpath" "$FA_EDGE_MAIN" "$@"
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

# fa_edge_sqlite_native CLASSPATH: the system properties that load sqlite-jdbc's native library from .fa/edge/native/
# (extracting it from the sqlite-jdbc jar on CLASSPATH the first time); fails on other platforms or without unzip.
fa_edge_sqlite_native() {
  local jar arch dir
  [ "$(uname -s)" = Linux ] && ! compgen -G '/lib/ld-musl-*' >/dev/null && command -v unzip >/dev/null || return 1
  case $(uname -m) in
    x86_64) arch=x86_64 ;;
    aarch64 | arm64) arch=aarch64 ;;
    *) return 1 ;;
  esac
  jar=$(printf '%s' "$1" | tr ':' '\n' | grep -m 1 '/sqlite-jdbc-[^/]*\.jar$') || return 1
  dir="$FA_STATE/edge/native/$(basename "$jar" .jar)-linux-$arch"
  if [ ! -s "$dir/libsqlitejdbc.so" ] || [ "$jar" -nt "$dir/libsqlitejdbc.so" ]; then
    mkdir -p "$dir"
    if ! unzip -o -j -q "$jar" "org/sqlite/native/Linux/$arch/libsqlitejdbc.so" -d "$dir.tmp"; then
      rm -rf "$dir.tmp"
      return 1
    fi
    # unzip keeps the entry's 1980 time stamp: touch, so the jar-newer check above means a new jar.
    mv -f "$dir.tmp/libsqlitejdbc.so" "$dir/libsqlitejdbc.so" && rmdir "$dir.tmp" && touch "$dir/libsqlitejdbc.so"
  fi
  printf '%s' "-Dorg.sqlite.lib.path=$dir -Dorg.sqlite.lib.name=libsqlitejdbc.so"
}

# fa_edge_jar_classpath CLASSPATH: CLASSPATH with each in-repo module's classes folder replaced by the jar the build
# wrote next to it; fails when a jar is missing or older than a file in the folder.
fa_edge_jar_classpath() {
  local entry module jar result=()
  local IFS=:
  for entry in $1; do
    if [[ $entry == "$FA_ROOT"/*/target/classes ]]; then
      module=${entry#"$FA_ROOT"/}
      module=${module%%/target/classes}
      jar=$(compgen -G "$FA_ROOT/$module/target/$module-*.jar" | grep -v -e '-sources\.jar$' -e '-javadoc\.jar$' \
        -e '-tests\.jar$' | head -n 1) || return 1
      # Maven rewrites a jar only when its content changed: up to date means no class file is newer.
      [ -n "$jar" ] && [ -z "$(find "$entry" -type f -newer "$jar" -print -quit)" ] || return 1
      result+=("$jar")
    else
      result+=("$entry")
    fi
  done
  printf '%s' "${result[*]}"
}

# fa_edge_newer_than_jars FILE CLASSPATH: whether FILE is newer than every in-repo jar on CLASSPATH (a jar rewritten
# by a Maven run outside ./fa makes the archive stale: the JVM would then start without CDS).
fa_edge_newer_than_jars() {
  local entry
  local IFS=:
  for entry in $2; do
    if [[ $entry == "$FA_ROOT"/*.jar ]] && [ "$entry" -nt "$1" ]; then return 1; fi
  done
  return 0
}

# fa_edge_cds_archive CACHE JAR_CLASSPATH JAVA_OPTS RUN_ARGS...: prints the path of the application CDS archive
# for this profile, build and JDK, making it first if it is missing or older than the flags; fails (with a warning)
# when it cannot be made.
fa_edge_cds_archive() {
  local cache=$1 jars=$2 opts=$3
  shift 3
  fa_select_java
  local archive="$cache.jdk$FA_JAVA_FEATURE.jsa"
  if [ -s "$archive" ] && [ "$archive" -nt "$cache.flags" ] && fa_edge_newer_than_jars "$archive" "$jars"; then
    printf '%s' "$archive"
    return 0
  fi
  local model work status=0
  model=$(fa_edge_option_value --model "$@")
  work=$(mktemp -d "${TMPDIR:-/tmp}/fa-edge-cds.XXXXXX")
  local -a jvm
  read -r -a jvm <<<"$opts"
  fa_say "edge: making the class data sharing archive ${archive#"$FA_ROOT"/} (once per build, profile and JDK)..."
  # Training run: the classes one tick of this profile and model loads. Its output is not the user's business.
  MALLOC_ARENA_MAX=1 "$FA_JAVA" --add-modules jdk.incubator.vector "${jvm[@]}" \
    -XX:DumpLoadedClassList="$work/classes.list" -cp "$jars" "$FA_EDGE_MAIN" run --profile "$(fa_edge_option_value \
    --profile "$@")" ${model:+--model "$model"} --agents 1 --ticks 1 --offline --data "$work/data" \
    --progress-seconds 3600 >"$work/training.log" 2>&1 || status=$?
  if [ "$status" -eq 0 ]; then
    # The dump holds every class at once: it gets the settings the archive must match (collector, modules,
    # compressed pointers), not the profile's heap and metaspace caps.
    local -a dump=()
    local opt
    for opt in "${jvm[@]}"; do
      case $opt in -XX:+Use*GC | -XX:[+-]UseCompressed* | --add-modules*) dump+=("$opt") ;; esac
    done
    "$FA_JAVA" -Xshare:dump --add-modules jdk.incubator.vector "${dump[@]}" \
      -XX:SharedClassListFile="$work/classes.list" -XX:SharedArchiveFile="$work/edge.jsa" -cp "$jars" \
      >"$work/dump.log" 2>&1 && mv -f "$work/edge.jsa" "$archive" || status=$?
  fi
  if [ "$status" -ne 0 ]; then
    local logfile="$FA_STATE/logs/edge-cds.log"
    cat "$work"/*.log >"$logfile" 2>/dev/null || true
    rm -rf "$work"
    fa_warn "edge: no class data sharing archive (exit status $status; see ${logfile#"$FA_ROOT"/}): starting without"
    return 1
  fi
  rm -rf "$work"
  printf '%s' "$archive"
}
