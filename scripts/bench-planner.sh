#!/usr/bin/env bash
# Planning time and peak memory of the Java planner on BART's shared reference cases, next to the C++
# figures of the same runs (cpp-timings.csv, seed 1), and whether the output files are byte-identical.
#
#   scripts/bench-planner.sh            every reference case (81 runs, about two minutes)
#   scripts/bench-planner.sh 12000      only the cases whose name matches the regex, e.g. the 12000-stripe ones
#   scripts/bench-planner.sh --lspm     BTPM and LSPM side by side on the 12 reference placements with 1200
#                                       stripes, then (6,3,3) on 1000 nodes with 99999 and 999999 stripes
#   scripts/bench-planner.sh --lspm 1200   the same, only the cases whose name matches the regex
#
# Each case is one fresh JVM (`bin/bart plan ... --seed 1`, heap capped at 1 GB with -Xmx1g), like one
# BTSGenerator process: java_ms is the planner call as `bart plan` measures it (BART's "time" covers the
# same step), rss is the whole process's peak resident memory from /usr/bin/time. Set BART_BENCH_OPTS to
# change the JVM options, BART to use another launcher than bin/bart.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REF="$ROOT/bart-core/src/test/resources/bart-reference"
FILTER="${1:-.}"
BART="${BART:-$ROOT/bin/bart}"   # another launcher with bin/bart's arguments, e.g. one running only bart-core
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

"$BART" -h >/dev/null 2>&1 || true   # builds on first use

# One `bart plan` run under /usr/bin/time; prints max_load bandwidth plan_ms wall_s cpu_s rss_MB (cpu_s =
# user + system time of the whole JVM: on a shared machine it varies less than the wall clock).
plan_once() {
  local k=$1 m=$2 lambda=$3 nodes=$4 stripes=$5 approach=$6 pre=$7
  if ! BART_SKIP_BUILD=1 BART_OPTS="${BART_BENCH_OPTS:--Xmx1g}" /usr/bin/time -f '%e %M %U %S' -o "$WORK/time" \
      "$BART" plan "$k" "$m" $((k * lambda)) "$m" "$nodes" "$stripes" "$approach" "$pre" \
      "$WORK/post" "$WORK/meta" --seed 1 >"$WORK/out" 2>"$WORK/err"; then
    echo "- - - - - -"
    return
  fi
  read -r wall kb user sys <"$WORK/time"
  sed -n 's/^max_load: \([0-9]*\), bandwidth: \([0-9]*\)$/\1 \2/p' "$WORK/out" | tr '\n' ' '
  sed -n 's/^planning time: \([0-9.]*\) ms$/\1/p' "$WORK/out" | tr '\n' ' '
  echo "$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') $((kb / 1024))"
}

# BTPM vs LSPM: max_load, bandwidth, max_load / (bandwidth / N) (1 is perfect balance), bandwidth per wide
# group. BTPM's grouping is quadratic in memory (BART's C++ needs 4.1 GB at 12000 stripes), so it is not run
# above BTPM_MAX_STRIPES (default 12000).
if [ "${1:-}" = "--lspm" ]; then
  FILTER="${2:-.}"
  printf '%-26s %-5s %8s %9s %7s %7s %10s %7s %7s %7s\n' case appr max_load bandwidth max/avg bw/group plan_ms wall_s \
    cpu_s rss_MB
  cases=()
  for f in "$REF"/pre_placement/pre_placement_*_1200.gz; do
    cases+=("$(basename "$f" .gz | sed 's/^pre_placement_//')")
  done
  cases+=(6_3_3_1000_99999 6_3_3_1000_999999)   # stripes must be a multiple of lambda
  for shape in "${cases[@]}"; do
    [[ "$shape" =~ $FILTER ]] || continue
    IFS=_ read -r k m lambda nodes stripes <<<"$shape"
    pre="$WORK/pre_$shape"
    if [ -f "$REF/pre_placement/pre_placement_$shape.gz" ]; then
      gunzip -c "$REF/pre_placement/pre_placement_$shape.gz" >"$pre"
    else
      BART_SKIP_BUILD=1 "$BART" gen-placement "$k" "$m" $((k * lambda)) "$m" "$nodes" "$stripes" "$pre" \
        --seed 1 >/dev/null
    fi
    for approach in BTPM LSPM; do
      if [ "$approach" = BTPM ] && [ "$stripes" -gt "${BTPM_MAX_STRIPES:-12000}" ]; then
        printf '%-26s %-5s %s\n' "$shape" "$approach" "not run (quadratic grouping)"
        continue
      fi
      read -r load bw ms wall cpu mb < <(plan_once "$k" "$m" "$lambda" "$nodes" "$stripes" "$approach" "$pre")
      ratio="$(awk -v l="$load" -v b="$bw" -v n="$nodes" 'BEGIN { if (b > 0) printf "%.3f", l * n / b; else printf "-" }')"
      per="$(awk -v b="$bw" -v s="$stripes" -v l="$lambda" 'BEGIN { if (b > 0) printf "%.3f", b * l / s; else printf "-" }')"
      printf '%-26s %-5s %8s %9s %7s %7s %10s %7s %7s %7s\n' "$shape" "$approach" "$load" "$bw" "$ratio" "$per" \
        "$ms" "$wall" "$cpu" "$mb"
    done
    rm -f "$pre"
  done
  exit 0
fi

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
    "$BART" plan "$k" "$m" $((k * lambda)) "$m" "$nodes" "$stripes" "$approach" "$pre" \
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
