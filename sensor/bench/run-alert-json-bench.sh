#!/usr/bin/env bash
# Nanoseconds and bytes allocated per alert line (the sink thread's JSON), on the bundled capture's connections.
#
# usage: run-alert-json-bench.sh [--paired BASE_SENSOR_CLASSES] [LINES_PER_ROUND] [ROUNDS]   (default 200000 15)
#   --paired: this checkout's sensor classes against another build's (a copy of its sensor/target/classes),
#             round by round in one JVM
# needs: JDK 25 (JAVA_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT

args=("$@")
if [ "${1:-}" = "--paired" ]; then
  args=(--paired "$2" "$root/sensor/target/classes" "${@:3}")
fi
(cd "$root" && ./mvnw -B -q -o -pl sensor -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null)
# The module class directories (not jars), so that --paired can swap the sensor module's.
modules="$root/features/target/classes:$root/features/target/test-classes:$root/detector/target/classes"
exec "$JAVA_HOME/bin/java" -Xms1g -Xmx1g \
  -cp "$root/sensor/target/classes:$root/sensor/target/test-classes:$modules:$(cat "$cp_file")" \
  gatewatch.sensor.alert.bench.AlertLineBench "${args[@]}"
