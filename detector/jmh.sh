#!/bin/sh
# Runs the detector's JMH benchmarks (detector/src/test/java/gatewatch/detector/bench) on a real
# classpath, so that JMH can fork. Run from anywhere; arguments go to JMH, e.g.
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 detector/jmh.sh ScoringBenchmark -rf json -rff target/jmh.json
# The first fork trains the bundled configuration once (a minute or two) and caches it in
# target/bench-models.ser; ../shared/data must be beside the checkout.
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -pl detector -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
CP="detector/target/test-classes:detector/target/classes:$(cat detector/target/test.classpath)"
exec "${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/java" -cp "$CP" org.openjdk.jmh.Main "$@"
