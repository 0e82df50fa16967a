# shellcheck shell=bash
# Incremental build for ./fa: rebuild a module (and the in-repo modules it depends on) only when a pom.xml or a
# file under their src/ changed since the last successful build, and cache its runtime classpath.
#
# State in .fa/build/ (gitignored), per module M:
#   M.stamp      touched just before the last successful build started (files edited during a build stay newer)
#   M.classpath  runtime classpath: M/target/classes, in-repo modules as their target/classes, then jars
#   M.modules    in-repo modules M is built from (M itself first), read from the classpath Maven reported
# Sourced by ./fa; needs scripts/lib/common.sh.

FA_BUILD_STATE="$FA_STATE/build"
FA_MVN_FLAGS=(-B -Dstyle.color=never)

# fa_modules: the module folders listed in the root pom, in order.
fa_modules() { sed -n 's:.*<module>[[:space:]]*\([^<[:space:]]*\)[[:space:]]*</module>.*:\1:p' "$FA_ROOT/pom.xml"; }

# fa_changed_since MODULE: prints the first input of MODULE's build newer than its stamp ("" when up to date);
# returns 1 when the module was never built (or its classes were cleaned away).
fa_changed_since() {
  local module=$1 stamp="$FA_BUILD_STATE/$1.stamp" m
  [ -f "$stamp" ] && [ -f "$FA_BUILD_STATE/$module.classpath" ] && [ -f "$FA_BUILD_STATE/$module.modules" ] || return 1
  local inputs=("$FA_ROOT/pom.xml")
  while IFS= read -r m; do
    # Cleaned away (a module without main sources has no classes folder at all).
    [ -d "$FA_ROOT/$m/target/classes" ] || [ ! -d "$FA_ROOT/$m/src/main" ] || return 1
    inputs+=("$FA_ROOT/$m/pom.xml")
    [ -d "$FA_ROOT/$m/src" ] && inputs+=("$FA_ROOT/$m/src")
  done <"$FA_BUILD_STATE/$module.modules"
  # Directories count too: adding or deleting a file changes its folder's mtime.
  find "${inputs[@]}" -newer "$stamp" -print -quit 2>/dev/null
}

# fa_module_guess_upstream MODULE: MODULE and the in-repo modules its pom names (transitively), for messages only.
fa_module_guess_upstream() {
  local -a queue=("$1") seen=() all
  mapfile -t all < <(fa_modules)
  while [ ${#queue[@]} -gt 0 ]; do
    local m=${queue[0]} other
    queue=("${queue[@]:1}")
    [[ " ${seen[*]} " == *" $m "* ]] && continue
    seen+=("$m")
    for other in "${all[@]}"; do
      grep -q "<artifactId>$other</artifactId>" "$FA_ROOT/$m/pom.xml" 2>/dev/null && queue+=("$other")
    done
  done
  local -a ordered=()
  for other in "${all[@]}"; do [[ " ${seen[*]} " == *" $other "* ]] && ordered+=("$other"); done
  local IFS=,
  printf '%s' "${ordered[*]}" | sed 's/,/, /g'
}

# fa_mvn_with_fallback LOG ARGS...: runs Maven offline; when that fails only because something is missing from
# ~/.m2, runs it again online. Output goes to LOG; returns Maven's status.
fa_mvn_with_fallback() {
  local log=$1; shift
  if mvn -o "$@" </dev/null >"$log" 2>&1; then return 0; fi
  if grep -qiE 'offline mode|has not been downloaded|could not be resolved|Could not resolve' "$log"; then
    fa_say "some dependencies or plugins are not in ~/.m2 yet: retrying online (downloads)..."
    mvn "$@" </dev/null >"$log" 2>&1 && return 0
  fi
  return 1
}

# fa_ensure_built MODULE: builds MODULE when stale; afterwards FA_CLASSPATH_OF_MODULE holds its runtime classpath.
fa_ensure_built() {
  local module=$1 changed
  [ -f "$FA_ROOT/$module/pom.xml" ] || fa_die "no module '$module' in $FA_ROOT"
  mkdir -p "$FA_BUILD_STATE" "$FA_STATE/logs"
  if ! changed=$(fa_changed_since "$module") || [ -n "$changed" ]; then
    # One build at a time: a second ./fa waits here, then finds the module up to date.
    exec 9>"$FA_BUILD_STATE/.lock"
    flock 9
    if ! changed=$(fa_changed_since "$module"); then
      fa_build "$module" "first use, up to a minute"
    elif [ -n "$changed" ]; then
      fa_build "$module" "changed: ${changed#"$FA_ROOT"/}"
    fi
    exec 9>&-
  fi
  # shellcheck disable=SC2034  # read by the caller (java.sh, bench.sh)
  FA_CLASSPATH_OF_MODULE=$(<"$FA_BUILD_STATE/$module.classpath")
}

# fa_build MODULE WHY: mvn install of MODULE and the in-repo modules it needs, then records each of them.
# Test sources are not compiled here (maven.test.skip): running a command never waits for, or fails on, tests;
# ./fa test compiles and runs them.
fa_build() {
  local module=$1 why=$2 start=$SECONDS log="$FA_STATE/logs/build.log" next="$FA_BUILD_STATE/.stamp.next"
  touch "$next"
  fa_say "building $(fa_module_guess_upstream "$module") ($why)..."
  if ! fa_mvn_with_fallback "$log" "${FA_MVN_FLAGS[@]}" -q -f "$FA_ROOT/pom.xml" -Dmaven.test.skip=true -pl "$module" -am \
       install dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$FA_RAW_CLASSPATH"; then
    fa_maven_errors "$log" >&2
    fa_die "build of $module failed (full log: ${log#"$FA_ROOT"/})"
  fi
  local built
  fa_record_build "$module" "$next"
  # The modules it needs were built by the same run: record them too, so running them needs no rebuild.
  while IFS= read -r built; do
    [ "$built" = "$module" ] || fa_record_build "$built" "$next"
  done <"$FA_BUILD_STATE/$module.modules"
  fa_say "built in $((SECONDS - start)) s"
}

# Where each module's runtime classpath lands (dependency:build-classpath, relative to the module).
FA_RAW_CLASSPATH=target/fa-runtime.classpath

# fa_record_build MODULE STAMP: caches MODULE's classpath and module list from Maven's raw classpath; its stamp
# takes the time of STAMP (taken before the build started).
fa_record_build() {
  local module=$1 entry dir entries=("$FA_ROOT/$1/target/classes") modules=("$1")
  local IFS=:
  # In-repo artifacts appear as <module>/target/<name>.jar: run them from target/classes instead, so the classpath
  # never points at a jar another checkout installed into ~/.m2 under the same version.
  for entry in $(<"$FA_ROOT/$module/$FA_RAW_CLASSPATH"); do
    if [[ $entry == "$FA_ROOT"/*/target/*.jar ]]; then
      dir=${entry#"$FA_ROOT"/}
      dir=${dir%%/target/*}
      entries+=("$FA_ROOT/$dir/target/classes")
      modules+=("$dir")
    else
      entries+=("$entry")
    fi
  done
  printf '%s\n' "${entries[*]}" >"$FA_BUILD_STATE/$module.classpath"
  printf '%s\n' "${modules[@]}" >"$FA_BUILD_STATE/$module.modules"
  touch -r "$2" "$FA_BUILD_STATE/$module.stamp"
}

# fa_maven_errors LOG: the [ERROR] lines of a failed quiet Maven run, without Maven's boilerplate advice. From
# "Failed to execute goal" on when there is one (it repeats the compiler's errors with their details).
fa_maven_errors() {
  local skip_to_goal=0
  grep -q '^\[ERROR\] Failed to execute goal' "$1" && skip_to_goal=1
  awk -v skip="$skip_to_goal" '
    !skip || /^\[ERROR\] Failed to execute goal/ { skip = 0 }
    !skip && /^\[ERROR\]/ && !/^\[ERROR\] *(->.*|Re-run Maven.*|To see the full.*|For more information.*|\[Help [0-9]+\].*|After correcting.*|  mvn <args>.*)?$/ {
      print substr($0, 1, 400) }' "$1" | head -n 60
}
