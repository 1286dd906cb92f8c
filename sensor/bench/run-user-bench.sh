#!/usr/bin/env bash
# Replay speed as a user sees it (issue 15): whole processes, start to finish, on one large merged
# capture that is not in time order.
#
# Builds a20.pcap as issue 15 shows (the shared benchmark capture shifted by 0, 100, ..., 1900
# million seconds with editcap -t, then mergecap -a: 1,978,660 frames) and a tiny capture
# (`gatewatch synth --connections 5`, 57 frames) in the work directory, never in the checkout,
# then times whole-process runs with /usr/bin/time -v, ROUNDS rounds, the commands alternated
# within each round:
#   gatewatch replay a20.pcap --alerts /dev/null     (each BUILD)
#   gatewatch features a20.pcap -o /dev/null         (each BUILD)
#   gatewatch replay tiny.pcap --alerts /dev/null    (each BUILD: start-up)
#   tcpdump -r a20.pcap -w /dev/null
#   argus -r a20.pcap -w /dev/null                   (where installed)
# and prints a markdown table: best and median wall, frames/s at the best wall, median CPU
# (user+sys, the stable figure on a shared machine), peak RSS; then the rate after start-up
# (frames / (replay wall - tiny replay wall), best of each), the machine and the load averages.
#
# usage: run-user-bench.sh [--work DIR] [--rounds N] [--build LABEL=COMMAND]... [--keep]
#   --work:  where the captures go (default: $TMPDIR or /tmp, in gw-user-bench/); they are made
#            once and reused by later runs
#   --build: a gatewatch command to time (default: gatewatch=./gatewatch of this checkout);
#            repeat it to compare builds in one run, e.g. an old build kept outside the checkout
#            as a script that runs `java -cp OLD.jar:OLD-lib/* gatewatch.sensor.cli.Main "$@"`
#   --no-replay, --no-features, --no-tiny, --no-tools: leave those rows out (tools: tcpdump, argus)
# needs: JDK 25 (for ./gatewatch), editcap, mergecap, capinfos (wireshark-common), tcpdump, GNU time
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${GATEWATCH_SHARED:-$root/../shared}
source_pcap=$shared/pcaps/bench/benchmark-merged-ethernet-A.pcap
work=${TMPDIR:-/tmp}/gw-user-bench
rounds=5
builds=()
replay=1
features=1
tiny=1
tools=1
while [ $# -gt 0 ]; do
  case $1 in
    --work) work=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --build) builds+=("$2"); shift 2 ;;
    --no-replay) replay=0; shift ;;
    --no-features) features=0; shift ;;
    --no-tools) tools=0; shift ;;
    --no-tiny) tiny=0; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-user-bench: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ ${#builds[@]} -gt 0 ] || builds=("gatewatch=$root/gatewatch")
for tool in editcap mergecap capinfos tcpdump /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run-user-bench: $tool not found" >&2; exit 2; }
done
[ -r "$source_pcap" ] || { echo "run-user-bench: cannot read $source_pcap" >&2; exit 2; }
mkdir -p "$work"
work=$(cd "$work" && pwd)
case $work/ in
  "$root"/*) echo "run-user-bench: --work must be outside the checkout" >&2; exit 2 ;;
esac
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

a20=$work/a20.pcap
small=$work/tiny.pcap
if [ ! -s "$a20" ]; then
  echo "run-user-bench: building $a20 ..." >&2
  for i in $(seq 0 19); do editcap -t $((i * 100000000)) "$source_pcap" "$work/p$i.pcap"; done
  mergecap -a -F pcap -w "$a20.part" $(for i in $(seq 0 19); do echo "$work/p$i.pcap"; done)
  rm -f "$work"/p[0-9]*.pcap
  mv "$a20.part" "$a20"
fi
first_build_cmd=${builds[0]#*=}
if [ ! -s "$small" ]; then
  "$first_build_cmd" synth --out "$small" --connections 5 >/dev/null
fi
frames() { capinfos -M -c "$1" | awk -F': *' '/Number of packets/ { print $2 }'; }
a20_frames=$(frames "$a20")
tiny_frames=$(frames "$small")

# name<TAB>frames<TAB>command...; the order is the order within a round.
rows=()
for b in "${builds[@]}"; do
  label=${b%%=*} cmd=${b#*=}
  [ $replay = 0 ] || rows+=("$label replay a20.pcap --alerts /dev/null	$a20_frames	$cmd replay $a20 --alerts /dev/null")
  [ $features = 0 ] || rows+=("$label features a20.pcap -o /dev/null	$a20_frames	$cmd features $a20 -o /dev/null")
  [ $tiny = 0 ] || rows+=("$label replay tiny.pcap --alerts /dev/null	$tiny_frames	$cmd replay $small --alerts /dev/null")
done
[ $tools = 0 ] || rows+=("tcpdump -r a20.pcap -w /dev/null	$a20_frames	tcpdump -r $a20 -w /dev/null")
if [ $tools = 1 ] && command -v argus >/dev/null; then
  rows+=("argus -r a20.pcap -w /dev/null	$a20_frames	argus -r $a20 -w /dev/null")
fi

results=$work/results.$$
: >"$results"
trap 'rm -f "$results" "$work/time.$$"' EXIT
loads=()
# One untimed run of each build first: a launcher that builds or makes its start-up cache does so
# here, not in round 1.
for b in "${builds[@]}"; do "${b#*=}" replay "$small" --alerts /dev/null >/dev/null 2>&1 || true; done
for r in $(seq 1 "$rounds"); do
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  for i in "${!rows[@]}"; do
    IFS=$'\t' read -r _ _ cmd <<<"${rows[$i]}"
    # shellcheck disable=SC2086 # the command is split on purpose
    if ! /usr/bin/time -v -o "$work/time.$$" $cmd >/dev/null 2>&1; then
      echo "run-user-bench: failed: $cmd" >&2
      exit 1
    fi
    awk -v i="$i" -F': ' '
      /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (k = 1; k <= n; k++) w = w * 60 + p[k] }
      /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 }
      END { printf "%d %.3f %.3f %d\n", i, w, u + s, m }' "$work/time.$$" >>"$results"
  done
  echo "run-user-bench: round $r of $rounds done (load ${loads[-1]})" >&2
done
loads+=("$(cut -d' ' -f1 /proc/loadavg)")

echo "| command (whole process) | rounds | best wall | median wall | frames/s (best) | median CPU user+sys | peak RSS |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for i in "${!rows[@]}"; do
  IFS=$'\t' read -r name n _ <<<"${rows[$i]}"
  awk -v i="$i" -v n="$n" -v name="$name" '
    $1 == i { w[++k] = $2; c[k] = $3; if ($4 > m) m = $4 }
    function median(a, k,   j, t, x, y) {
      for (x = 1; x <= k; x++) for (y = x + 1; y <= k; y++) if (a[y] < a[x]) { t = a[x]; a[x] = a[y]; a[y] = t }
      return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
    }
    END {
      mw = median(w, k); mc = median(c, k); best = w[1]
      rate = best > 0 ? n / best : 0
      printf "| `%s` | %d | %.2f s | %.2f s | %s | %.2f s | %d MB |\n", name, k, best, mw,
        (rate >= 1e5 ? sprintf("%.2f M", rate / 1e6) : sprintf("%d", rate)), mc, m / 1024
    }' "$results"
done
echo
if [ $tiny = 1 ] && [ $replay = 1 ]; then
  for b in "${builds[@]}"; do
    label=${b%%=*}
    for i in "${!rows[@]}"; do
      case ${rows[$i]} in "$label replay a20.pcap"*) ia=$i ;; "$label replay tiny.pcap"*) it=$i ;; esac
    done
    awk -v a="$ia" -v t="$it" -v n="$a20_frames" -v label="$label" '
      $1 == a && (ba == "" || $2 < ba) { ba = $2 } $1 == t && (bt == "" || $2 < bt) { bt = $2 }
      END { if (ba > bt) printf "%s: rate after start-up (a20 frames / (best replay wall - best tiny replay wall)): %.2f M frames/s\n", label, n / (ba - bt) / 1e6 }' "$results"
  done
fi
echo "a20.pcap: $a20_frames frames; machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)," \
  "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p)"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); 1-minute load average at each round's start and at the end: ${loads[*]}"
