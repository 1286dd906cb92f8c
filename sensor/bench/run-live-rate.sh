#!/usr/bin/env bash
# Live rate benchmark of the daemon: the largest replay rate with zero drops on a veth pair.
#
# Two network namespaces joined by one veth pair (MTU 65535, so the capture's large frames pass;
# IPv6 off, so nothing but the replay is on the link). `gatewatch run` (the ./gatewatch launcher)
# captures the server end; for each RATE, tcpreplay replays the capture from the client end with
# --pps=RATE for SECONDS (default 5) worth of frames (looping over the file). The daemon is started
# afresh for each rate. Afterwards the script reads the metrics endpoint (pcap's received, dropped
# and interface-dropped frames, the queues' dropped items, records), stops the daemon with SIGTERM
# (its summary gives the frames it handled and the connections) and prints one row per rate:
# target and achieved rate, frames sent (tcpreplay), received (pcap's ps_recv, which counts the
# frames it then dropped too), handled (the pipeline), every drop counter, connections, and the
# daemon's CPU time over the replay and a 2 s drain, in % of one core. The last lines name the
# largest achieved rate with zero drops and received = sent, and the largest target rate up to
# which every rate was clean. (tcpreplay paces by busy-waiting on one core; above some target it
# sends slower than asked, hence both numbers.) Removes the namespaces (and so the pair) on exit.
#
# tcpreplay's own ceiling: with --ceiling, before the daemon's rows, the same pair carries the same
# replays with nothing capturing, once with --topspeed and once per RATE; those rows (verdict
# "no sensor") give the achieved rate, frames sent, and, as received and ifdrop, the server end's
# rx_packets and drops (its rx_dropped plus the client end's tx_dropped) from /sys/class/net. With
# nothing capturing, the kernel drops (and counts in rx_dropped) the frames no protocol takes: in
# the default capture, 3 frames of EtherType 0x890d per pass over the file; not a capacity limit.
# --no-sensor gives only those rows. A RATE of "top" replays with --topspeed (for SECONDS) in both
# modes.
#
# --warm-up W[@R]: before each measured replay the fresh daemon gets W seconds of the same capture
# at R frames/s (default 200000), then 2 s to drain; the row counts only the measured replay (every
# counter less its value after the warm-up, CPU from then on). A daemon runs for days: a cold one
# spends its first seconds compiling (the JIT threads used as much CPU as the capture thread in a
# 10 s run), CPU the sender shares on a 2-core machine.
#
# usage: run-live-rate.sh [--pcap FILE] [--seconds S] [--warm-up W[@R]] [--config YAML] [--out DIR] [--ceiling | --no-sensor] [RATE...]
#   --config: the daemon's configuration (e.g. a larger capture.buffer_mib); --out: keep the logs
#   --ceiling: first measure tcpreplay with nothing capturing; --no-sensor: only that
#   default capture: ../shared/pcaps/bench/benchmark-merged-ethernet-A.pcap (read in place)
#   default rates:   25000 50000 100000 150000 200000 250000
# needs: root, iproute2, tcpreplay, curl, JDK 25 (for ./gatewatch)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${GATEWATCH_SHARED:-$root/../shared}
pcap=$shared/pcaps/bench/benchmark-merged-ethernet-A.pcap
seconds=5
config=
out=
ceiling=0
sensor=1
warmup=0
warmup_rate=200000
rates=()
while [ $# -gt 0 ]; do
  case $1 in
    --pcap) pcap=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --warm-up) warmup=${2%@*}; [ "$2" = "${2#*@}" ] || warmup_rate=${2#*@}; shift 2 ;;
    --config) config=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --out) out=$2; shift 2 ;;
    --ceiling) ceiling=1; shift ;;
    --no-sensor) ceiling=1; sensor=0; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) rates+=("$1"); shift ;;
  esac
done
[ ${#rates[@]} -gt 0 ] || rates=(25000 50000 100000 150000 200000 250000)
for tool in ip tcpreplay curl; do
  command -v "$tool" >/dev/null || { echo "run-live-rate: $tool not found" >&2; exit 2; }
done
[ -r "$pcap" ] || { echo "run-live-rate: cannot read $pcap" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "run-live-rate: needs root (network namespaces)" >&2; exit 2; }

sns=gwlr$$s cns=gwlr$$c sif=gwlr$$s cif=gwlr$$c
work=${out:-$(mktemp -d)}
mkdir -p "$work"
daemon_pid=
cleanup() {
  if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then
    kill -TERM "$daemon_pid"; sleep 3; kill -KILL "$daemon_pid" 2>/dev/null || true
  fi
  ip netns del "$sns" 2>/dev/null || true
  ip netns del "$cns" 2>/dev/null || true
  [ -n "$out" ] || rm -rf "$work"
}
trap cleanup EXIT

ip netns add "$sns"
ip netns add "$cns"
ip link add "$sif" netns "$sns" mtu 65535 type veth peer name "$cif" netns "$cns" mtu 65535
for side in "$sns $sif" "$cns $cif"; do
  set -- $side
  ip netns exec "$1" sysctl -qw "net.ipv6.conf.$2.disable_ipv6=1"
  ip -n "$1" link set lo up
  ip -n "$1" link set "$2" up
done

[ "$sensor" = 0 ] || "$root/gatewatch" --version >/dev/null # builds on first use, outside the measurement
frames_in_file=$(capinfos -c -M "$pcap" 2>/dev/null | awk -F: '/Number of packets/ {gsub(/ /,"",$2); print $2}' || true)
echo "# live rate bench $(date -u +%FT%TZ), $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# capture $pcap (${frames_in_file:-?} frames), $seconds s per rate, $(tcpreplay --version 2>&1 | head -1)"
echo "# veth $sif <-> $cif, MTU 65535; gatewatch run --interface $sif, configuration: ${config:-the defaults (64 MiB buffer)}"
[ "$warmup" = 0 ] || echo "# each daemon warmed up first: $warmup s at $warmup_rate frames/s, then 2 s; the rows count from then on"
[ -z "$config" ] || sed 's/^/#   /' "$config"

replay() { # RATE TAG [SECONDS]: tcpreplay from the client end, paced at RATE frames/s or at top speed
  local pace s=${3:-$seconds}
  if [ "$1" = top ]; then pace=(--topspeed --duration="$s"); else pace=(--pps="$1" --limit=$(($1 * s))); fi
  ip netns exec "$cns" tcpreplay -i "$cif" "${pace[@]}" --loop=0 --preload-pcap "$pcap" >"$work/tcpreplay-$2.out" 2>&1 || true
}
sent_of() { awk '/Successful packets:/ { print $3 }' "$work/tcpreplay-$1.out"; }
achieved_of() {
  awk '/Rated:/ { for (i = 1; i <= NF; i++) if ($i ~ /^pps/) print int($(i-1)) }' "$work/tcpreplay-$1.out" | head -1
}
link_stat() { ip netns exec "$1" cat "/sys/class/net/$2/statistics/$3"; }
link_drops() { echo $(( $(link_stat "$sns" "$sif" rx_dropped) + $(link_stat "$cns" "$cif" tx_dropped) )); }

metric() { # NAME [LABELS]: the value of one series, as an integer
  awk -v want="$1" '$1 == want { printf "%d\n", $2; found=1 } END { if (!found) print 0 }' "$2"
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

printf '%-8s %10s %10s %10s %10s %8s %8s %8s %11s %5s %s\n' rate achieved sent received handled dropped ifdrop qdrop \
  connections cpu% verdict
top=0
if [ "$ceiling" = 1 ]; then
  for rate in top "${rates[@]}"; do
    [ "$rate" != top ] || [ "$top" = 0 ] || continue # "top" among the rates: measured once
    tag=nosensor-$rate
    rx0=$(link_stat "$sns" "$sif" rx_packets)
    drops0=$(link_drops)
    replay "$rate" "$tag"
    received=$(( $(link_stat "$sns" "$sif" rx_packets) - rx0 ))
    ifdrop=$(( $(link_drops) - drops0 ))
    achieved=$(achieved_of "$tag")
    [ "$rate" != top ] || top=${achieved:-0}
    printf '%-8s %10s %10s %10s %10s %8s %8s %8s %11s %5s %s\n' "$rate" "${achieved:-?}" "$(sent_of "$tag")" "$received" \
      - - "$ifdrop" - - - "no sensor"
  done
  echo "tcpreplay's ceiling on this pair, nothing capturing: $top frames/s (--topspeed)"
fi
[ "$sensor" = 1 ] || exit 0

best=0
best_target=none
clean_up_to=0
all_clean=1
step=0
for rate in "${rates[@]}"; do
  step=$((step + 1))
  tag=$step-$rate
  log=$work/daemon-$tag.log
  ip netns exec "$sns" "$root/gatewatch" run --interface "$sif" ${config:+--config "$config"} --alerts "$work/alerts-$tag.jsonl" \
    --metrics-listen 127.0.0.1:9810 --sensor-name bench >"$log" 2>&1 &
  daemon_pid=$!
  for _ in $(seq 240); do
    [ "$(ip netns exec "$sns" curl -s --max-time 1 http://127.0.0.1:9810/healthz 2>/dev/null)" = ok ] && break
    kill -0 "$daemon_pid" 2>/dev/null || { echo "gatewatch run ended at start:"; cat "$log"; exit 1; }
    sleep 0.25
  done

  base=$work/metrics-$tag-warm.txt
  : >"$base"
  if [ "$warmup" != 0 ]; then
    replay "$warmup_rate" "$tag-warm" "$warmup"
    sleep 2
    ip netns exec "$sns" curl -s --max-time 5 http://127.0.0.1:9810/metrics >"$base"
  fi
  cpu0=$(cpu_ticks "$daemon_pid")
  t0=$(date +%s.%N)
  replay "$rate" "$tag"
  t1=$(date +%s.%N)
  sleep 2 # the pipeline drains
  ip netns exec "$sns" curl -s --max-time 5 http://127.0.0.1:9810/metrics >"$work/metrics-$tag.txt"
  cpu1=$(cpu_ticks "$daemon_pid")
  kill -TERM "$daemon_pid"
  wait "$daemon_pid" || true
  daemon_pid=

  m=$work/metrics-$tag.txt
  sent=$(sent_of "$tag")
  achieved=$(achieved_of "$tag")
  since() { echo $(( $(metric "$1" "$m") - $(metric "$1" "$base") )); } # NAME: its increase over the measured replay
  received=$(since gatewatch_capture_received_frames_total)
  dropped=$(since gatewatch_capture_dropped_frames_total)
  ifdrop=$(since gatewatch_capture_interface_dropped_frames_total)
  qdrop=$(( $(since 'gatewatch_pipeline_queue_dropped_items_total{queue="records"}') \
    + $(since 'gatewatch_pipeline_queue_dropped_items_total{queue="verdicts"}') ))
  handled=$(awk '/^frames / { gsub(/,/, "", $2); print $2 }' "$log")
  connections=$(awk '/^frames / { gsub(/,/, "", $4); print $4 }' "$log")
  if [ "$warmup" != 0 ] && [ -n "$handled" ]; then
    # The warm-up's frames, all handled by then (drained), are its decoder's count.
    handled=$((handled - $(metric gatewatch_decoder_frames_total "$base")))
    connections="$connections(all)"
  fi
  cpu=$(awk -v a="$cpu0" -v b="$cpu1" -v t0="$t0" -v t1="$t1" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.0f", 100 * (b - a) / hz / (t1 - t0 + 2) }')
  verdict=drops
  if [ "$dropped" = 0 ] && [ "$ifdrop" = 0 ] && [ "$qdrop" = 0 ] && [ "${sent:-x}" = "$received" ]; then
    verdict=clean
    [ "${achieved:-0}" -gt "$best" ] && best=${achieved:-0} && best_target=$rate
    [ "$all_clean" = 1 ] && clean_up_to=$rate
  else
    all_clean=0
  fi
  printf '%-8s %10s %10s %10s %10s %8s %8s %8s %11s %5s %s\n' "$rate" "${achieved:-?}" "${sent:-?}" "$received" \
    "${handled:-?}" "$dropped" "$ifdrop" "$qdrop" "${connections:-?}" "$cpu" "$verdict"
done
echo "largest clean rate (zero drops, received = sent): $best frames/s achieved (target $best_target)"
echo "every rate clean up to: $clean_up_to frames/s (rates in the order given)"
