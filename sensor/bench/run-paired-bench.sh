#!/usr/bin/env bash
# Before and after in one run: capture + decode + connections + all 41 features of the working
# tree against another commit's features module, passes alternating in one JVM (see
# PairedFeaturesBench for why).
#
# usage: run-paired-bench.sh BASE_REF [--rounds N] FILE...
#   e.g. sensor/bench/run-paired-bench.sh HEAD~1 --rounds 12 /tmp/bench-2m.pcap
#        sensor/bench/run-paired-bench.sh HEAD --rounds 8 FILE   (A/A: what noise alone gives)
# needs: JDK 25 (JAVA_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64), libpcap, git
set -euo pipefail

base_ref=${1:?usage: run-paired-bench.sh BASE_REF [--rounds N] FILE...}
shift
rounds=10
if [ "${1:-}" = "--rounds" ]; then
  rounds=${2:?--rounds needs a number}
  shift 2
fi
[ $# -gt 0 ] || { echo "run-paired-bench: no capture file given" >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$(mktemp -d)
cp_file=$work/classpath
cleanup() {
  git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

git -C "$root" worktree add --detach -q "$work/base" "$base_ref"
(cd "$work/base" && ./mvnw -B -q -o -pl features compile >/dev/null)
(cd "$root" && ./mvnw -B -q -o -pl sensor -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null)
# The sensor's logging is set up in code (StderrLogging), which this class path does not hold:
# INFO on stderr here too, not logback's DEBUG default.
cat >"$work/logback.xml" <<'XML'
<configuration>
  <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
    <target>System.err</target>
    <encoder><pattern>%-5level %logger{20} - %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="STDERR"/></root>
</configuration>
XML
# The bench's own class path: the third-party jars and the bench classes, none of the project's
# main classes (each build's loader brings its own).
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xms3g -Xmx3g \
  -Dlogback.configurationFile="$work/logback.xml" \
  -cp "$(tr ':' '\n' < "$cp_file" | grep '\.jar$' | paste -sd:):$root/sensor/target/test-classes" \
  gatewatch.sensor.capture.bench.PairedFeaturesBench \
  "$work/base/features/target/classes" "$root/features/target/classes" "$root/sensor/target/classes" \
  "$root/sensor/target/test-classes" "$rounds" "$@"
