#!/usr/bin/env bash
# Planning time and peak memory of the Java planner on BART's shared reference cases, next to the C++
# figures of the same runs (cpp-timings.csv, seed 1), and whether the output files are byte-identical.
#
#   scripts/bench-planner.sh            every reference case (81 runs, about two minutes)
#   scripts/bench-planner.sh 12000      only the cases whose name matches the regex, e.g. the 12000-stripe ones
#
# Each case is one fresh JVM (`bin/bart plan ... --seed 1`, heap capped at 1 GB with -Xmx1g), like one
# BTSGenerator process: java_ms is the planner call as `bart plan` measures it (BART's "time" covers the
# same step), rss is the whole process's peak resident memory from /usr/bin/time. Set BART_BENCH_OPTS to
# change the JVM options.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REF="$ROOT/bart-core/src/test/resources/bart-reference"
FILTER="${1:-.}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

"$ROOT/bin/bart" -h >/dev/null 2>&1 || true   # builds on first use

printf '%-36s %9s %9s %8s %8s %8s %6s\n' case java_ms cpp_ms speedup java_MB cpp_MB files
for meta in "$REF"/outputs/*.sg_meta.gz; do
  name="$(basename "$meta" .sg_meta.gz)"            # e.g. BTPM_6_3_3_30_1200_seed1, BTWeighted_..._bw10_seed1
  [[ "$name" =~ $FILTER ]] || continue
  IFS=_ read -r approach k m lambda nodes stripes extra _ <<<"$name"
  pre="$WORK/pre_${k}_${m}_${lambda}_${nodes}_${stripes}"
  [ -f "$pre" ] || gunzip -c "$REF/pre_placement/pre_placement_${k}_${m}_${lambda}_${nodes}_${stripes}.gz" >"$pre"
  bw=()
  if [[ "$extra" == bw* ]]; then bw=("$REF/bw_profile/bw_profile_${nodes}_${extra#bw}_1000"); fi

  BART_SKIP_BUILD=1 BART_OPTS="${BART_BENCH_OPTS:--Xmx1g}" /usr/bin/time -f '%M' -o "$WORK/time" \
    "$ROOT/bin/bart" plan "$k" "$m" $((k * lambda)) "$m" "$nodes" "$stripes" "$approach" "$pre" \
    "$WORK/post" "$WORK/meta" "${bw[@]}" --seed 1 >"$WORK/out"
  java_ms="$(sed -n 's/^planning time: \([0-9.]*\) ms$/\1/p' "$WORK/out")"
  java_mb=$(( $(tail -n 1 "$WORK/time") / 1024 ))
  if cmp -s "$WORK/post" <(gunzip -c "$REF/outputs/$name.post_placement.gz") \
      && cmp -s "$WORK/meta" <(gunzip -c "$meta"); then same=same; else same=DIFF; fi

  # cpp-timings.csv: k_i,m_i,lambda,nodes,stripes,approach,seed,max_load,bandwidth,plan_ms,wall_s,peak_rss_kb
  read -r cpp_ms cpp_kb < <(awk -F, -v key="$k,$m,$lambda,$nodes,$stripes,$approach,1" \
    '{ sub(/\r$/, "") } index($0, key ",") == 1 { print $10, $12; found = 1 } END { if (!found) print "- -" }' "$REF/cpp-timings.csv")
  if [ "$cpp_ms" = "-" ]; then
    speedup=-; cpp_mb=-
  else
    speedup="$(awk -v c="$cpp_ms" -v j="$java_ms" 'BEGIN { if (c > 0 && j > 0) printf "%.1fx", c / j; else printf "-" }')"
    cpp_mb=$(( cpp_kb / 1024 ))
  fi
  printf '%-36s %9s %9s %8s %8s %8s %6s\n' "$name" "$java_ms" "$cpp_ms" "$speedup" "$java_mb" "$cpp_mb" "$same"
done
