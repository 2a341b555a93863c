#!/usr/bin/env bash
# Builds the benchmarks (and the modules they need) and runs JMH with the given arguments, e.g.
#   benchmarks/run.sh -f 1 -wi 2 -i 3 -w 1s -r 1s -prof gc -rf json -rff bench/results/single-node.json
# With no arguments it lists the benchmarks. Uses the java on PATH (or JAVA_HOME's).
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file="$PWD/benchmarks/target/classpath.txt"
./mvnw -q -o -pl benchmarks -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$cp_file" >/dev/null
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java_bin" -cp "benchmarks/target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main "${@:--l}"
