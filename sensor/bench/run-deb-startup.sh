#!/usr/bin/env bash
# Start-up of the .deb as installed: `gatewatch --version` and a `gatewatch replay` of a capture of
# a few frames, whole process (wall, user+sys, peak RSS from /usr/bin/time), for one or more
# packages in one run, the packages alternated within each round.
#
# Each package is unpacked with `dpkg-deb -x` into its own directory (no root, nothing installed)
# and run through its /usr/bin/gatewatch: the same launcher, runtime, jars and AOT cache as
# installed, only under another prefix (the JVM takes an AOT cache from a moved tree as long as the
# class path keeps its layout). The capture is `gatewatch synth --connections 5` (57 frames), made
# with the first package. Prints one line per run and, per package and command, the median and best
# wall, the median CPU and the peak RSS, and the load average at each round's start.
# LABEL=LAUNCHER (any path not ending in .deb, e.g. the checkout's ./gatewatch) adds that launcher
# as it is, for comparison.
# --daemon (root): each round also starts the daemon as the unit does (`gatewatch run`, -Xmx1g) on
# the loopback interface of a network namespace made here (gwdeb-start, removed on exit) and times
# it from exec until its /healthz answers ok, with its CPU then; then stops it with SIGTERM. Its
# rows are "daemon"; the wall is the time to ready, the peak RSS is not measured (0).
#
# usage: run-deb-startup.sh [--rounds N] [--keep DIR] [--daemon] LABEL=PACKAGE.deb|LABEL=LAUNCHER...
# needs: dpkg-deb, /usr/bin/time; for --daemon root, iproute2, curl
set -euo pipefail

rounds=7
keep=
daemon=0
builds=()
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --daemon) daemon=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *=*) builds+=("$1"); shift ;;
    *) echo "run-deb-startup: LABEL=PACKAGE.deb expected, got $1" >&2; exit 2 ;;
  esac
done
[ ${#builds[@]} -gt 0 ] || { echo "usage: run-deb-startup.sh [--rounds N] LABEL=PACKAGE.deb..." >&2; exit 2; }

work=${keep:-$(mktemp -d)}
mkdir -p "$work"
ns=gwdeb-start
cleanup() {
  [ "$daemon" = 0 ] || ip netns del "$ns" 2>/dev/null || :
  [ -n "$keep" ] || rm -rf "$work"
}
trap cleanup EXIT
if [ "$daemon" = 1 ]; then
  [ "$(id -u)" = 0 ] || { echo "run-deb-startup: --daemon needs root (a network namespace)" >&2; exit 2; }
  ip netns add "$ns"
  ip -n "$ns" link set lo up
fi

labels=()
declare -A launcher
for build in "${builds[@]}"; do
  label=${build%%=*} deb=${build#*=}
  [ -f "$deb" ] || { echo "run-deb-startup: no such package or launcher: $deb" >&2; exit 2; }
  labels+=("$label")
  if [ "${deb%.deb}" = "$deb" ]; then
    launcher[$label]=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
    echo "# $label: the launcher ${launcher[$label]}"
    continue
  fi
  launcher[$label]=$work/$label/usr/bin/gatewatch
  rm -rf "${work:?}/$label"
  dpkg-deb -x "$deb" "$work/$label"
  echo "# $label: $(basename "$deb"), $(stat -c %s "$deb") bytes, AOT cache:" \
    "$([ -f "$work/$label/usr/lib/gatewatch/aot/gatewatch.aot" ] && echo yes || echo no)," \
    "runtime CDS archive: $([ -f "$work/$label/usr/lib/gatewatch/runtime/lib/server/classes.jsa" ] && echo yes || echo no)"
done
tiny=$work/tiny.pcap
"${launcher[${labels[0]}]}" synth --out "$tiny" --connections 5 >/dev/null
echo "# $(date -u +%FT%TZ), $(nproc) cpus, $rounds rounds, capture $(basename "$tiny") (5 connections)"

commands=("--version" "replay $tiny --alerts /dev/null")
# LABEL: starts the daemon, waits for /healthz, prints "WALL CPU 0" (seconds), stops it.
daemon_start() {
  local pid t0 t1 cpu
  t0=$(date +%s%N)
  ip netns exec "$ns" env GATEWATCH_JAVA_OPTS=-Xmx1g "${launcher[$1]}" run --interface lo \
    --metrics-listen 127.0.0.1:9813 --alerts "$work/alerts.jsonl" --sensor-name bench >"$work/daemon.log" 2>&1 &
  pid=$!
  until [ "$(ip netns exec "$ns" curl -s --max-time 1 http://127.0.0.1:9813/healthz 2>/dev/null)" = ok ]; do
    kill -0 "$pid" 2>/dev/null || { echo "run-deb-startup: the daemon of $1 ended:" >&2; cat "$work/daemon.log" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$pid/stat")
  kill -TERM "$pid"
  wait "$pid" || :
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }') $cpu 0"
}

results=$work/results.txt
: >"$results"
printf '%-10s %-8s %7s %7s %7s\n' build command wall_s cpu_s rss_mb
for round in $(seq "$rounds"); do
  echo "# round $round, load $(cut -d' ' -f1-3 /proc/loadavg)"
  for c in 0 1 $([ "$daemon" = 0 ] || echo 2); do
    for label in "${labels[@]}"; do
      if [ "$c" = 2 ]; then
        read -r wall cpu rss < <(daemon_start "$label")
        name=daemon
      else
        # shellcheck disable=SC2086
        /usr/bin/time -f '%e %U %S %M' -o "$work/time" "${launcher[$label]}" ${commands[$c]} >/dev/null 2>&1
        read -r wall user sys rss <"$work/time"
        cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
        name=$([ "$c" = 0 ] && echo version || echo replay)
      fi
      printf '%-10s %-8s %7s %7s %7d\n' "$label" "$name" "$wall" "$cpu" "$((rss / 1024))"
      echo "$label $name $wall $cpu $rss" >>"$results"
    done
  done
done
echo "# end, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-10s %-8s %11s %9s %10s %12s\n' build command median_wall best_wall median_cpu peak_rss_mb
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for label in "${labels[@]}"; do
  for name in version replay $([ "$daemon" = 0 ] || echo daemon); do
    rows=$(awk -v l="$label" -v n="$name" '$1 == l && $2 == n { print $3, $4, $5 }' "$results")
    printf '%-10s %-8s %11s %9s %10s %12d\n' "$label" "$name" "$(cut -d' ' -f1 <<<"$rows" | median)" \
      "$(cut -d' ' -f1 <<<"$rows" | sort -n | head -1)" "$(cut -d' ' -f2 <<<"$rows" | median)" \
      "$(($(cut -d' ' -f3 <<<"$rows" | sort -n | tail -1) / 1024))"
  done
done
