#!/usr/bin/env bash
# Runs the stage benchmark: capture, + decode, + connections, + features, whole replay, and tcpdump.
#
# usage: run-stage-bench.sh [--passes N] FILE...
#   e.g. sensor/bench/make-bench-capture.sh /tmp/bench-2m.pcap
#        sensor/bench/run-stage-bench.sh --passes 7 ../shared/pcaps/bench/benchmark-merged-ethernet-A.pcap /tmp/bench-2m.pcap
# needs: JDK 25 (JAVA_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64), libpcap, tcpdump
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT

(cd "$root" && ./mvnw -B -q -pl sensor -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null)
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xms2g -Xmx2g \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$root/sensor/target/classes:$root/sensor/target/test-classes:$(cat "$cp_file")" \
  gatewatch.sensor.capture.bench.StageBench "$@"
