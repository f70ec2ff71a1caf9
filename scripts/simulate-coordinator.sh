#!/usr/bin/env bash
# The coordinator's phases at warehouse scale, without a cluster: plan, stage, verify, commit and clean
# up run against the in-memory fakes of the agent and NameNode seams (sizes only, no block bytes) for
# 10^6 stripes of RS-LEGACY(6,3) on 1000 simulated DataNodes, in batches of 30000 stripes. Prints per
# batch and in total the JVM's CPU time per stripe, what the finished job retains per stripe, the
# peak heap, and the planned max_load / bandwidth beside what the operations moved (a few minutes).
#
#   scripts/simulate-coordinator.sh                                  the default run
#   scripts/simulate-coordinator.sh --stripes 90000 --approach RDPM  any of CoordinatorSimulation's options
#
# The heap is capped at 2 GB (-Xmx2g); set BART_SIM_OPTS to change the JVM options. The simulation lives
# with the fakes in bart-hdfs-plugin's test classes (org.bart.namenode.transition.CoordinatorSimulation).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"
mvn -o -B -q -pl bart-core,bart-hdfs-plugin test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp" >/dev/null
CP="bart-hdfs-plugin/target/test-classes:bart-hdfs-plugin/target/classes:bart-core/target/classes:$(cat "$WORK/cp")"
exec java ${BART_SIM_OPTS:--Xmx2g} -cp "$CP" org.bart.namenode.transition.CoordinatorSimulation "$@"
