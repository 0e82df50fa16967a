# shellcheck shell=bash
# `./fa bench jmh` and `./fa bench numpy`: JMH on the benchmarks module, and the NumPy population baseline.
# Sourced by ./fa; needs scripts/lib/common.sh, build.sh and java.sh.

fa_bench_help() {
  cat <<'EOT'
usage: ./fa [--jdk 17|25] bench [BENCH OPTIONS]     throughput harness (io.freeagentics.bench.BenchCommand)
       ./fa [--jdk 17|25] bench jmh [JMH ARGS...]   JMH micro-benchmarks of the benchmarks module
       ./fa bench numpy [SIDE AGENTS STEPS]         NumPy population baseline (default 5 10000 20)

  bench jmh --help      JMH's own options (e.g. -l to list, -f 1 -wi 3 -i 5 REGEX to run some)
  bench numpy --help    this text; installs python3-numpy with apt-get when /usr/bin/python3 lacks numpy

JMH forks get -jvmArgsAppend "--add-modules=jdk.incubator.vector" unless you pass your own -jvmArgsAppend.
EOT
}

# fa_bench_jmh JMH_ARGS...: org.openjdk.jmh.Main on the benchmarks classpath (its target/classes carries the
# META-INF/BenchmarkList the JMH annotation processor generated).
fa_bench_jmh() {
  local args=("$@") arg own_append=0
  for arg in "${args[@]}"; do
    case $arg in
      -h | --help)
        fa_bench_help
        printf '\nJMH options (org.openjdk.jmh.Main -h):\n'
        args=(-h)
        own_append=1
        break ;;
      -jvmArgsAppend | -jvmArgsAppend=*) own_append=1 ;;
    esac
  done
  local classpath
  classpath=$(fa_run_classpath benchmarks)
  [ "${args[0]:-}" = -h ] || fa_require_file "$classpath" META-INF/BenchmarkList \
    "no JMH benchmark compiled in module benchmarks (no META-INF/BenchmarkList in benchmarks/target/classes)"
  if [ "$own_append" -eq 0 ]; then
    fa_select_java
    local fork_flags="--add-modules=jdk.incubator.vector"
    [ "$FA_JAVA_FEATURE" -ge 22 ] && fork_flags+=" --enable-native-access=ALL-UNNAMED"
    args+=(-jvmArgsAppend "$fork_flags")
  fi
  fa_exec_java "$classpath" org.openjdk.jmh.Main "${args[@]}"
}

# fa_bench_numpy [SIDE AGENTS STEPS]: ../shared/baselines/numpy_population.py with the system Python.
fa_bench_numpy() {
  case "${1:-}" in -h | --help) fa_bench_help; return 0 ;; esac
  local script="$FA_ROOT/../shared/baselines/numpy_population.py" python=/usr/bin/python3
  [ -f "$script" ] || fa_die "NumPy baseline not found: $script (the shared folder belongs next to the repository)"
  [ -x "$python" ] || fa_die "$python not found (apt-get install -y python3)"
  if ! "$python" -c 'import numpy' 2>/dev/null; then
    fa_apt_install python3-numpy || fa_die "could not install python3-numpy (see .fa/logs/apt.log)"
  fi
  [ $# -gt 0 ] || set -- 5 10000 20
  fa_say "running the NumPy baseline: $*"
  exec "$python" "$script" "$@"
}
