#!/usr/bin/env bash
# How does a transition scale with the tree? Runs `bin/bart bench-scale` on embedded HDFS clusters
# (24 DataNodes): trees of about 1000, 4000 and 16 000 RS-LEGACY(6,3) stripes with 4 KiB one-cell
# blocks, each written fresh and transitioned in batches of dfs.bart.transition.batch.groups (1000)
# wide groups, then the 4000-stripe tree again with batches of 100 groups. Prints per phase the
# coordinator's ms and the NameNode's calls per stripe, the heap growth, the ratio of time per
# stripe largest / smallest tree, and checks every file byte-identical (composite CRCs) after.
# The defaults took about 40 minutes on 2 busy cores (writes of 17 to 50 stripes/s, transitions of
# 28 to 45 ms per stripe there); smaller trees take minutes, e.g.
#   scripts/bench-scale.sh --trees 1000,4000 --small-batch-tree 4000
# Extra arguments go to the command (bin/bart bench-scale -h lists them). The embedded clusters'
# log goes to ${TMPDIR:-/tmp}/bart-bench-scale.log (BART_DEMO_LOG).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$ROOT/bin/bart" bench-scale "$@"
