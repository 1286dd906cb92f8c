#!/usr/bin/env bash
# Live capture benchmark: a veth pair made here, one end (captured) in this namespace, the other in
# a namespace of its own from which hping3 floods SYNs for SECONDS (default 3) to our end only
# (10.250.252.0/30; nothing leaves the pair). Prints frames delivered, pcap statistics, the capture
# thread's CPU time and the stop latency on the idle link afterwards. Removes the pair and the
# namespace on exit.
#
# usage: run-live-bench.sh [SECONDS]      (as root)
# needs: iproute2, hping3, JDK 25 (JAVA_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64), libpcap
set -euo pipefail

seconds=${1:-3}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
ns=gwlb$$
local_if=gwlb$$a
peer_if=gwlb$$b
cp_file=$(mktemp)
cleanup() {
  ip netns del "$ns" 2>/dev/null || true
  ip link del "$local_if" 2>/dev/null || true
  rm -f "$cp_file"
}
trap cleanup EXIT

ip netns add "$ns"
ip link add "$local_if" type veth peer name "$peer_if" netns "$ns"
sysctl -qw "net.ipv6.conf.$local_if.disable_ipv6=1"
ip addr add 10.250.252.1/30 dev "$local_if"
ip link set "$local_if" up
ip -n "$ns" link set lo up
ip -n "$ns" addr add 10.250.252.2/30 dev "$peer_if"
ip -n "$ns" link set "$peer_if" up

(cd "$root" && ./mvnw -B -q -pl sensor -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null)
echo "# live bench $(date -u +%FT%TZ), $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "$root/sensor/target/classes:$root/sensor/target/test-classes:$(cat "$cp_file")" \
  gatewatch.sensor.capture.bench.LiveBench "$local_if" "tcp and dst host 10.250.252.1 and dst port 80" \
  "ip netns exec $ns timeout -s INT $seconds hping3 -q -S -p 80 --flood 10.250.252.1 2>&1 | grep transmitted"
