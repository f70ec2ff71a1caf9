#!/usr/bin/env bash
# Degraded reads and repair, stock HDFS against BART, in one run on one embedded HDFS (24
# DataNodes) and the same data: `bin/bart bench-reads-repair`. Six RS-LEGACY(6,3) files of one
# 24 MiB block group are written; one is read whole healthy (4 MiB reads: the bound), then with
# 4 KiB and 4 MiB client reads with the DataNodes of 1 and then 3 of its data blocks down, by the
# stock client; a DataNode dies and stock reconstruction restores redundancy; the files are
# transitioned to two (6,3,3) wide groups;
# the same reads through BartFileSystem (with the agents' bytes read and sent per byte read);
# another DataNode dies and BART's -repair restores it.
# Prints both side by side with ratios and the targets (reads >= 1x stock, repair <= 1.2x).
# About 3 minutes; the machine is shared, so run it when it is quiet. Extra arguments go to the
# command, e.g. --block-size 16MiB --runs 5. The cluster's log goes to
# ${TMPDIR:-/tmp}/bart-bench-reads-repair.log (BART_DEMO_LOG).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$ROOT/bin/bart" bench-reads-repair "$@"
