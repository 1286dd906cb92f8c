#!/usr/bin/env bash
# Builds a large Ethernet capture for the capture benchmark from the shared corpus:
# ROUNDS rounds (default 25: 2,128,275 frames, 235 MB) of seven shared captures (SYN floods,
# HTTP, an ISAKMP flood, all-flag TCP, browsing), each copy time-shifted with editcap so that it
# starts one second after the previous one ends, then concatenated with mergecap -a. The timeline
# is monotonic and dense (about 2.8 hours), with no packet modified other than its timestamp.
#
# usage: make-bench-capture.sh OUT.pcap [ROUNDS]
# needs: editcap, mergecap, capinfos (Debian package wireshark-common), awk
set -euo pipefail

out=${1:?usage: make-bench-capture.sh OUT.pcap [ROUNDS]}
rounds=${2:-25}
here=$(cd "$(dirname "$0")" && pwd)
shared=${GATEWATCH_SHARED:-$here/../../../shared}
pcaps=$shared/pcaps
sources=(
  attack/stopddos-synflood-spoofed.pcap
  attack/hping3-synflood-with-background.pcap
  normal/visakhsuku-http-1010-connections.pcapng
  attack/http-get-flood.pcapng
  odd/esnet-tcp-two-way-all-flag-combos.pcap
  attack/isakmp-udp-amplification.pcap
  normal/anvita13-normal-browsing.pcap
)
for tool in editcap mergecap capinfos; do
  command -v "$tool" >/dev/null || { echo "make-bench-capture: $tool not found (apt-get install wireshark-common)" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cursor=1577836800 # 2020-01-01T00:00:00Z
parts=()
for ((r = 0; r < rounds; r++)); do
  for i in "${!sources[@]}"; do
    src=$pcaps/${sources[$i]}
    # start and end time of the source, seconds since the epoch
    read -r start end < <(capinfos -a -e -S -T -r "$src" | awk -F'\t' 'END { print $(NF-1), $NF }')
    shift_s=$(awk -v c="$cursor" -v s="$start" 'BEGIN { printf "%.9f", c - s }')
    part=$work/$(printf '%03d-%d' "$r" "$i").pcap
    editcap -F pcap -t "$shift_s" "$src" "$part"
    parts+=("$part")
    cursor=$(awk -v c="$cursor" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", c + (e - s) + 1 }')
  done
done
mergecap -a -F pcap -w "$out" "${parts[@]}"
capinfos -c -u -M "$out" | sed -n '2,3p'
