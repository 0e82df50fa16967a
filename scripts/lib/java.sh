# shellcheck shell=bash
# JVM selection and launch for ./fa. `--jdk 17|25` (or FA_JDK) picks the runtime; every JVM gets the Vector API
# module, native access on JDK >= 22, the shared-folder property and FA_JAVA_OPTS.
# Sourced by ./fa; needs scripts/lib/common.sh and scripts/lib/build.sh.

FA_JDK17_HOME=/usr/lib/jvm/java-17-openjdk-amd64
FA_JDK25_HOME=/usr/lib/jvm/temurin-25-jdk-amd64

# fa_select_java: sets FA_JAVA (the java binary) and FA_JAVA_FEATURE (its feature version, e.g. 17) from FA_JDK.
fa_select_java() {
  case "${FA_JDK:-}" in
    "" | 17)
      if [ -x "$FA_JDK17_HOME/bin/java" ]; then FA_JAVA=$FA_JDK17_HOME/bin/java
      else FA_JAVA=$(command -v java) || fa_die "no java on PATH (install openjdk-17-jdk-headless)"; fi ;;
    25)
      FA_JAVA=$FA_JDK25_HOME/bin/java
      [ -x "$FA_JAVA" ] || fa_die "--jdk 25: $FA_JAVA not found (install Temurin 25 there)" ;;
    *) fa_usage_error "--jdk must be 17 or 25, got '${FA_JDK}'" ;;
  esac
  FA_JAVA_FEATURE=$(fa_java_feature "$FA_JAVA")
}

# fa_java_feature JAVA: the feature version of a java binary, read from its home's `release` file (no JVM start).
fa_java_feature() {
  local home version
  home=$(dirname "$(dirname "$(readlink -f "$1")")")
  version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release" 2>/dev/null)
  [ -n "$version" ] || version=$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  version=${version#1.}
  printf '%s' "${version%%[.+-]*}"
}

# fa_jvm_flags: fills FA_JVM_FLAGS with the options every launched JVM gets.
fa_jvm_flags() {
  FA_JVM_FLAGS=(--add-modules jdk.incubator.vector)
  [ "${FA_JAVA_FEATURE:-0}" -ge 22 ] && FA_JVM_FLAGS+=(--enable-native-access=ALL-UNNAMED)
  [ -d "$FA_ROOT/../shared" ] && FA_JVM_FLAGS+=("-Dfa.shared.dir=$(cd "$FA_ROOT/../shared" && pwd)")
  if [ -n "${FA_JAVA_OPTS:-}" ]; then
    local -a extra
    read -r -a extra <<<"$FA_JAVA_OPTS"
    FA_JVM_FLAGS+=("${extra[@]}")
  fi
}

# fa_run_main MODULE MAIN_CLASS ARGS...: builds MODULE if needed, then replaces this shell with the JVM.
fa_run_main() {
  local module=$1 main=$2
  shift 2
  local classpath
  classpath=$(fa_run_classpath "$module")
  fa_require_file "$classpath" "${main//.//}.class" "main class $main is not in module $module (not written yet, or not compiled: see .fa/logs/build.log)"
  fa_exec_java "$classpath" "$main" "$@"
}

# fa_run_classpath MODULE: builds MODULE if needed and prints FA_CLASSPATH (if set) followed by its classpath.
fa_run_classpath() {
  fa_ensure_built "$1"
  printf '%s' "${FA_CLASSPATH:+$FA_CLASSPATH:}$FA_CLASSPATH_OF_MODULE"
}

# fa_exec_java CLASSPATH MAIN_CLASS ARGS...: replaces this shell with the selected JVM running MAIN_CLASS.
fa_exec_java() {
  local classpath=$1 main=$2
  shift 2
  fa_select_java
  fa_jvm_flags
  exec "$FA_JAVA" "${FA_JVM_FLAGS[@]}" -cp "$classpath" "$main" "$@"
}

# fa_require_file CLASSPATH FILE MESSAGE: fails with MESSAGE unless a folder on CLASSPATH holds FILE (only folders
# are searched: the project's own classes; mains from jars go through fa_exec_java directly).
fa_require_file() {
  local entry
  local IFS=:
  for entry in $1; do
    [ -f "$entry/$2" ] && return 0
  done
  fa_die "$3"
}
