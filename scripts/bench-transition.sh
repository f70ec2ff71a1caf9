#!/usr/bin/env bash
# The transition testbed (DESIGN.md §7): RDPM vs BWPM vs BTPM in one run. For each approach a fresh
# embedded HDFS with 24 DataNodes whose agents are limited to 2 MiB/s per DataNode and direction
# (the emulated links), the same 24 RS-LEGACY(6,3) files of 3 full block groups (72 stripes, 1 MiB
# blocks, seed 1), the transition grouped by 3, and a table of the stage time against the plan's
# bound max_load x block size / rate. Takes about 2 minutes on 2 cores, one cluster at a time; run
# it when the machine is quiet. Extra arguments go to `bin/bart testbed`, e.g. --files 12 (half the
# data), --rate 4MiB, --approaches BTPM,BTWeighted, --conf dfs.bart.coordinator.threads=64, --verbose.
# The clusters' log goes to ${TMPDIR:-/tmp}/bart-testbed.log (BART_DEMO_LOG).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$ROOT/bin/bart" testbed "$@"
