#!/usr/bin/env bash
# Does the agents' bandwidth limit (dfs.bart.agent.bandwidth.per.sec) hold? Runs
# `bin/bart bench-bandwidth` on an embedded HDFS (14 DataNodes): 20 sends of 4 MiB blocks from one
# DataNode to another, 20 from 4 DataNodes into one, and 7 merges of 3 remote replicas on one
# DataNode, each timed against bytes / limit (10 MiB/s) on its bottleneck link, and prints a table
# with the deviation in percent. Takes about 50 s; the machine is shared, so run it when it is
# quiet. Extra arguments go to the command, e.g. --rate 20MiB --blocks 40 --block-size 1MiB.
# The embedded cluster's log goes to ${TMPDIR:-/tmp}/bart-bench-bandwidth.log (BART_DEMO_LOG).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$ROOT/bin/bart" bench-bandwidth "$@"
