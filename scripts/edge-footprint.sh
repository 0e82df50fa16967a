#!/usr/bin/env bash
# Footprint of the edge runtime as a device starts it: runs
#   ./fa edge run --profile PROFILE --model MODEL --agents N --offline
# (the launcher applies the profile's JVM flags and MALLOC_ARENA_MAX=1), lets it tick for SECONDS after its first
# tick, then reads the whole JVM's resident set (VmRSS, and the peak VmHWM) from /proc/PID/status, and reports the
# time from launch to the first committed tick, as the runtime measured it (from the launcher's timestamp taken
# just before the JVM starts) and as seen from this script (including the ./fa wrapper), with the CPU time the
# process had used by then and the load averages (wall times on a loaded machine stretch; CPU time much less).
# Ends the runtime with SIGTERM and checks that it stopped cleanly.
#
# usage: scripts/edge-footprint.sh [--profile P] [--model M] [--agents N] [--seconds S] [--nmt]
#   --nmt   also start the JVM with -XX:NativeMemoryTracking=summary (and the attach mechanism, which the profile
#           may disable) and print jcmd's summary (costs some RSS itself)
# Defaults: rpi-zero-2w, grid:5, 100 agents, 60 s. Targets: RSS <= 50 MB (goal 40 MB), first tick <= 1 s.
# Also prints where the resident memory is: anonymous (heap, metaspace, code, malloc, stacks) and file-backed
# (libjvm.so, the CDS archive, other libraries), from /proc/PID/smaps, and the threads by name.
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
profile=rpi-zero-2w model=grid:5 agents=100 seconds=60 nmt=0
while [ $# -gt 0 ]; do
  case $1 in
    --profile) profile=$2; shift 2 ;;
    --model) model=$2; shift 2 ;;
    --agents) agents=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --nmt) nmt=1; shift ;;
    -h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "edge-footprint: unknown option '$1' (--help)" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/fa-edge-footprint.XXXXXX")
log="$work/run.log"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Build (if needed), cache the profile's flags and make the class data sharing archive (scripts/edge-launch.sh)
# before timing anything: one tick of one agent in a scratch folder.
"$ROOT/fa" edge run --profile "$profile" --model "$model" --agents 1 --ticks 1 --offline --data "$work/warm-up" \
  --progress-seconds 3600 >"$work/warm-up.log" 2>&1 || { echo "edge-footprint: the warm-up run failed:" >&2; cat "$work/warm-up.log" >&2; exit 1; }

extra=""
[ "$nmt" -eq 1 ] && extra="-XX:NativeMemoryTracking=summary -XX:-DisableAttachMechanism"
launched=$(date +%s%N)
FA_JAVA_OPTS="${FA_JAVA_OPTS:-}${extra:+ $extra}" "$ROOT/fa" edge run --profile "$profile" --model "$model" \
  --agents "$agents" --offline --data "$work/data" --progress-seconds 10 >"$log" 2>&1 &
pid=$!

first_seen=""
for _ in $(seq 1 3000); do
  if grep -q 'first tick .* committed' "$log"; then
    first_seen=$(date +%s%N)
    # CPU time (user + system, all threads) the process had used by then: unlike the wall time, hardly affected
    # by other processes competing for the cores.
    first_cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / hz) }' \
      "/proc/$pid/stat")
    load_at_start=$(cut -d ' ' -f 1-3 /proc/loadavg)
    break
  fi
  kill -0 "$pid" 2>/dev/null || { echo "edge-footprint: the runtime exited early:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.01
done
[ -n "$first_seen" ] || { echo "edge-footprint: no first tick within 30 s" >&2; cat "$log" >&2; exit 1; }
runtime_ms=$(sed -n 's/.*first tick [0-9]* committed \([0-9]*\) ms after.*/\1/p' "$log" | head -n 1)

sleep "$seconds"
status=/proc/$pid/status
rss_kb=$(awk '/^VmRSS:/ {print $2}' "$status")
hwm_kb=$(awk '/^VmHWM:/ {print $2}' "$status")
threads=$(awk '/^Threads:/ {print $2}' "$status")
cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline")
# Resident kB per mapping kind: anonymous, the CDS archive(s), libjvm.so, other files.
breakdown=$(awk '
  /^[0-9a-f]+-[0-9a-f]+ / { name = (NF >= 6) ? $6 : "" }
  /^Rss:/ {
    if (name == "" || name ~ /^\[/) anon += $2
    else if (name ~ /\.jsa$/) cds += $2
    else if (name ~ /libjvm\.so$/) jvm += $2
    else other += $2
  }
  END { printf "anonymous %d kB, CDS archive %d kB, libjvm.so %d kB, other files %d kB", anon, cds, jvm, other }
' "/proc/$pid/smaps")
thread_names=$(for task in /proc/"$pid"/task/*; do cat "$task/comm"; done | sort | uniq -c | awk '{ n = $1; $1 = ""; sub(/^ /, ""); printf "%s%s%s", sep, $0, (n > 1 ? " x" n : ""); sep = ", " }')
if [ "$nmt" -eq 1 ]; then
  java_home=$(dirname "$(dirname "$(readlink -f "/proc/$pid/exe")")")
  "$java_home/bin/jcmd" "$pid" VM.native_memory summary | sed -n '1,60p'
fi

kill -TERM "$pid"
wait "$pid" && exit_status=0 || exit_status=$?
pid=""
ticks=$(sed -n 's/^edge run: \([0-9]*\) ticks.*/\1/p' "$log")

echo "command:   ./fa edge run --profile $profile --model $model --agents $agents --offline"
echo "jvm:       $cmdline"
echo "RSS after ${seconds} s of ticking: $((rss_kb / 1024)) MB ($rss_kb kB; peak VmHWM $((hwm_kb / 1024)) MB), $threads threads"
echo "resident:  $breakdown"
echo "threads:   $thread_names"
echo "first tick: ${runtime_ms} ms after the JVM launch (runtime's measure); $(((first_seen - launched) / 1000000)) ms after ./fa was started (this script's, polling every 10 ms); ${first_cpu_ms} ms CPU time used by then"
echo "load:      $load_at_start at the first tick, $(cut -d ' ' -f 1-3 /proc/loadavg) at the end (1/5/15-min load averages, $(nproc) cores)"
echo "stopped by SIGTERM: exit status $exit_status, $ticks ticks"
grep -E 'WARN|ERROR' "$log" | grep -v 'Using incubator modules' | sed 's/^/log: /' || true
