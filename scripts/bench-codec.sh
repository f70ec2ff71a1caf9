#!/usr/bin/env bash
# Builds bart-core and bart-bench, then runs the codec JMH benchmarks briefly (1 fork, 2 warm-up and
# 3 measured iterations of 1 s, single thread) and prints a table in MiB/s with each benchmark's byte
# basis. Extra arguments go to org.bart.bench.CodecBenchTable, e.g. --iterations 5 --cell 65536.
# Takes about two minutes; the machine is shared, so run it when it is quiet.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd "$ROOT"

mvn -q -B -pl bart-core,bart-bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime >&2

exec "$JAVA" -cp "bart-bench/target/classes:$(cat bart-bench/target/bench.classpath)" \
  org.bart.bench.CodecBenchTable "$@"
