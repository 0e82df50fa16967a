# shellcheck shell=bash
# `./fa test`: services up, then `mvn -B verify` on all modules with a short progress view of Maven's output.
# Sourced by ./fa; needs scripts/lib/common.sh, java.sh and scripts/services.sh.

fa_test_help() {
  cat <<'EOT'
usage: ./fa [--jdk 17|25] test [--unit] [-- MAVEN ARGS...]

Runs every module's tests: unit tests (surefire, *Test) and integration tests (failsafe, *IT) with `mvn -B verify`,
after making sure PostgreSQL (5432), Redis (6379) and Mosquitto (1883) answer on 127.0.0.1 (started when stopped,
installed with apt-get when missing). Prints one line per module and Maven's test summaries; the full Maven log is
in .fa/logs/test.log. Exits with Maven's status.

  --unit            unit tests only (`mvn -B test`), no services
  ./fa --jdk 25 test   runs the test JVMs on Temurin 25 (-Djvm=...; the build always targets --release 17)
  -- MAVEN ARGS     passed to Maven, e.g. ./fa test -- -pl shared-model -Dtest='Tensor*'

Environment: FA_REQUIRE_SERVICES=1 makes a service that cannot be brought up an error (CI sets it); the tests
get FA_PG_URL, FA_PG_USER (FA_PG_PASSWORD), FA_REDIS_URI, FA_MQTT_URI and FA_REQUIRE_SERVICES.
EOT
}

fa_cmd_test() {
  local phase=verify maven_args=()
  while [ $# -gt 0 ]; do
    case $1 in
      -h | --help) fa_test_help; return 0 ;;
      --unit) phase="test" ;;
      --) shift; maven_args=("$@"); break ;;
      *) fa_usage_error "test: unknown option '$1' (Maven arguments go after --; see ./fa test --help)" ;;
    esac
    shift
  done
  command -v mvn >/dev/null || fa_die "mvn not found (apt-get install -y maven)"
  if [ "$phase" = verify ]; then
    # shellcheck source=scripts/services.sh
    . "$FA_ROOT/scripts/services.sh"
    fa_services_up
  fi
  if [ -n "${FA_JDK:-}" ]; then
    fa_select_java
    maven_args=("-Djvm=$FA_JAVA" "${maven_args[@]}")
  fi
  local log start=$SECONDS status
  log="$(fa_state_dir)/logs/test.log"
  fa_say "mvn $phase${maven_args[*]:+ ${maven_args[*]}} (full log: .fa/logs/test.log)..."
  set +e
  mvn "${FA_MVN_FLAGS[@]}" -fae -f "$FA_ROOT/pom.xml" "$phase" "${maven_args[@]}" </dev/null 2>&1 \
    | tee "$log" | fa_maven_progress
  status=${PIPESTATUS[0]}
  set -e
  if [ "$status" -eq 0 ]; then
    fa_say "tests passed ($((SECONDS - start)) s)"
  else
    fa_say "tests FAILED: mvn exit status $status after $((SECONDS - start)) s (full log: .fa/logs/test.log)"
  fi
  return "$status"
}

# fa_maven_progress: reads Maven's batch output, prints a line per module and per test phase, Maven's test
# summaries (Tests run: N, Failures: ...) with the failures listed above them, failing test classes, errors and the
# reactor summary, without Maven's boilerplate advice.
fa_maven_progress() {
  awk '
    function say(s) { print s; fflush() }
    { gsub(/\033\[[0-9;]*m/, "") }
    /^\[INFO\] Building .* \[[0-9]+\/[0-9]+\]$/ {
      line = $0; sub(/^\[INFO\] Building /, "", line); gsub(/  +/, " ", line); say("fa: module " line); next }
    /^\[INFO\] --- .*surefire.*:test .*jdk25.*@/      { say("fa:   unit tests again on JDK 25 (surefire)"); next }
    /^\[INFO\] --- .*surefire.*:test .*@/             { say("fa:   unit tests (surefire)"); next }
    /^\[INFO\] --- .*failsafe.*:integration-test .*@/ { say("fa:   integration tests (failsafe)"); next }
    /Tests run: .*(FAILURE|ERROR)/                     { say($0); next }
    /^\[[A-Z]+\] Results:$/                            { results = 1; next }
    /Tests run: / && !/Time elapsed/                    { results = 0; say($0); next }
    results && !/^\[[A-Z]+\] *$/                        { say($0); next }
    /^\[ERROR\] *(->.*|Re-run Maven.*|To see the full.*|For more information.*|\[Help [0-9]+\].*|After correcting.*|  mvn <args>.*)?$/ { next }
    /Reactor Summary/                                  { summary = 1 }
    summary && /^\[INFO\] (-+)?$/                      { next }
    summary                                            { sub(/^\[INFO\] /, ""); if ($0 != "") say($0); next }
    /^\[ERROR\]/                                       { say($0); next }
  '
}
