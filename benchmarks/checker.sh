#!/usr/bin/env bash
# Builds the model and runs the checker benchmark pinned to one core, writing
# bench/results/checker.json and checker.md (or into the folder given as the first argument).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o -pl benchmarks -am compile -DskipTests >/dev/null
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec taskset -c 0 "$java_bin" -Xmx6g -cp model/target/classes:benchmarks/target/classes \
  dev.procgroups.bench.checker.CheckerBenchmark "$@"
