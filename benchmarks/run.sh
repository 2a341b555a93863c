#!/usr/bin/env bash
# Builds the benchmarks module and runs JMH with the given arguments, e.g.
#   benchmarks/run.sh -f 1 -wi 2 -i 3 -w 1s -r 1s -prof gc -rf json -rff bench/results/single-node.json
# With no arguments it lists the benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o -pl benchmarks -am install -DskipTests >/dev/null
cp_file=benchmarks/target/classpath.txt
./mvnw -q -o -pl benchmarks dependency:build-classpath -Dmdep.outputFile=classpath.txt >/dev/null
java -cp "benchmarks/target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main "${@:--l}"
