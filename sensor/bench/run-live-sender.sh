#!/usr/bin/env bash
# Where the sender's rate goes in the live benchmark: tcpreplay at top speed for SECONDS into a veth
# pair with nothing, tcpdump or the daemon capturing the other end, the capturers alternated within
# each round. Prints per run tcpreplay's rate, its CPU (user, sys, % of a core, from /usr/bin/time),
# the capturer's CPU (% of a core) and, for the daemon, pcap's dropped frames and its threads' CPU
# seconds (start-up included).
#
# Capturers: none; tcpdump (-B 65536 -w /dev/null, the daemon's 64 MiB buffer); gatewatch (a fresh
# `gatewatch run`, the ./gatewatch launcher, its defaults); gatewatch-warm (the same after 2 M frames
# at 200 k frames/s and a 2 s drain; its drops then count the warm-up too). GATEWATCH_ARGS adds
# options to the daemon's command line (e.g. --config FILE). Two network namespaces (gwsend-s,
# gwsend-c), removed on exit.
#
# usage: run-live-sender.sh [--seconds S] [--rounds N] [CAPTURER...]
#   default: 8 s, 3 rounds, none tcpdump gatewatch gatewatch-warm
# needs: root, iproute2, tcpreplay, tcpdump, curl, bc, JDK 25 (for ./gatewatch)
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${GATEWATCH_SHARED:-$root/../shared}
pcap=$shared/pcaps/bench/benchmark-merged-ethernet-A.pcap
seconds=8
rounds=3
modes=()
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) modes+=("$1"); shift ;;
  esac
done
[ ${#modes[@]} -gt 0 ] || modes=(none tcpdump gatewatch gatewatch-warm)
[ "$(id -u)" = 0 ] || { echo "run-live-sender: needs root (network namespaces)" >&2; exit 2; }

sns=gwsend-s cns=gwsend-c
work=$(mktemp -d)
cap=
cleanup() {
  if [ -n "$cap" ] && kill -0 "$cap" 2>/dev/null; then kill -TERM "$cap"; sleep 3; kill -KILL "$cap" 2>/dev/null; fi
  ip netns del $sns 2>/dev/null
  ip netns del $cns 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
ip netns add $sns
ip netns add $cns
ip link add $sns netns $sns mtu 65535 type veth peer name $cns netns $cns mtu 65535
for side in "$sns" "$cns"; do
  ip netns exec "$side" sysctl -qw "net.ipv6.conf.$side.disable_ipv6=1"
  ip -n "$side" link set lo up
  ip -n "$side" link set "$side" up
done
metrics() { ip netns exec $sns curl -s --max-time 5 http://127.0.0.1:9811/metrics; }
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

"$root/gatewatch" --version >/dev/null # builds on first use, outside the measurement
echo "# $(date -u +%FT%TZ), $(nproc) cpus, $seconds s at top speed per run, $rounds rounds; $(basename "$pcap")"
for round in $(seq "$rounds"); do
  for m in "${modes[@]}"; do
    cap=
    case $m in
      none) ;;
      tcpdump)
        ip netns exec $sns tcpdump -i $sns -B 65536 -w /dev/null 2>/dev/null &
        cap=$!
        sleep 2 ;;
      gatewatch | gatewatch-warm)
        # shellcheck disable=SC2086
        ip netns exec $sns "$root/gatewatch" run --interface $sns --alerts "$work/alerts.jsonl" \
          --metrics-listen 127.0.0.1:9811 --sensor-name bench ${GATEWATCH_ARGS:-} >"$work/daemon.log" 2>&1 &
        cap=$!
        for _ in $(seq 240); do [ "$(ip netns exec $sns curl -s --max-time 1 http://127.0.0.1:9811/healthz)" = ok ] && break; sleep 0.25; done
        if [ "$m" = gatewatch-warm ]; then
          ip netns exec $cns tcpreplay -i $cns --pps=200000 --limit=2000000 --loop=0 --preload-pcap "$pcap" >/dev/null 2>&1
          sleep 2
        fi ;;
      *) echo "run-live-sender: unknown capturer $m" >&2; exit 2 ;;
    esac
    load=$(cut -d' ' -f1 /proc/loadavg)
    c0=0; [ -z "$cap" ] || c0=$(ticks "$cap")
    /usr/bin/time -f '%U %S %e' -o "$work/time" ip netns exec $cns tcpreplay -i $cns --topspeed --duration="$seconds" \
      --loop=0 --preload-pcap "$pcap" >"$work/tcpreplay.out" 2>&1
    c1=0; [ -z "$cap" ] || c1=$(ticks "$cap")
    drops=- threads=
    if [ "${m#gatewatch}" != "$m" ]; then
      drops=$(metrics | awk '/^gatewatch_capture_dropped_frames_total/ { printf "%d", $2 }')
      threads=$(for t in /proc/"$cap"/task/*; do echo "$(tr ' ' _ <"$t/comm") $(ticks "${t#/proc/}")"; done |
        awk -v hz="$(getconf CLK_TCK)" '{ a[$1] += $2 } END { for (k in a) if (a[k] > 5) printf "%s %.1f s; ", k, a[k] / hz }')
    fi
    if [ -n "$cap" ]; then kill -TERM "$cap"; wait "$cap" 2>/dev/null; fi
    cap=
    read -r u s e <"$work/time"
    pps=$(awk '/Rated:/ { for (i = 1; i <= NF; i++) if ($i ~ /^pps/) print int($(i-1)) }' "$work/tcpreplay.out" | head -1)
    printf '%-15s round %d, load %s: tcpreplay %s frames/s, user %s s sys %s s of %s s (%.0f %% of a core); capturer %.0f %% of a core; pcap drops %s\n' \
      "$m" "$round" "$load" "$pps" "$u" "$s" "$e" "$(echo "($u + $s) * 100 / $e" | bc -l)" \
      "$(echo "($c1 - $c0) * 100 / $(getconf CLK_TCK) / $e" | bc -l)" "$drops"
    [ -z "$threads" ] || echo "    threads: $threads"
  done
done
