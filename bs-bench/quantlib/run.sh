#!/usr/bin/env bash
# Same-moment throughput of QuantLib 1.29 (C++) and bs-pricing (Java, JMH) on the option chain of
# PricingBench, alternated so that both see the same machine: prints one CSV row per pair and
# operation. Not part of the build or CI; see docs/performance.md.
#
# Needs g++ and QuantLib 1.29's headers and library (Debian bookworm: apt-get install
# libquantlib0-dev). With QL_SRC=<unpacked QuantLib-1.29 source> it also rebuilds the four files
# on the measured path (blackformula, blackcalculator, normaldistribution, errorfunction) at
# -O3 -march=native and measures that build too ("quantlib-native"), since Debian's library is
# compiled for generic x86-64 at -O2.
#
# Usage: bs-bench/quantlib/run.sh [pairs]   (default 3; about 80 s per pair)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pairs="${1:-3}"
jar="$root/bs-bench/target/benchmarks.jar"
work="${TMPDIR:-/tmp}/bs-quantlib"
mkdir -p "$work"
if [[ ! -f "$jar" ]]; then
  (cd "$root" && ./mvnw -B -ntp -q -Pquick -pl bs-bench -am package)
fi
flags=(-O3 -march=native -std=c++17)
g++ "${flags[@]}" -o "$work/ql-debian" "$here/quantlib_bench.cpp" -lQuantLib
builds=(debian)
if [[ -n "${QL_SRC:-}" ]]; then
  objs=()
  for f in ql/pricingengines/blackformula.cpp ql/pricingengines/blackcalculator.cpp \
    ql/math/distributions/normaldistribution.cpp ql/math/errorfunction.cpp; do
    o="$work/$(basename "$f" .cpp).o"
    g++ "${flags[@]}" -I/usr/include -c "$QL_SRC/$f" -o "$o"
    objs+=("$o")
  done
  g++ "${flags[@]}" -o "$work/ql-native" "$here/quantlib_bench.cpp" "${objs[@]}" -lQuantLib
  builds+=(native)
fi
java -cp "$jar" io.github.bsoptions.bench.QuantLibChain > "$work/chain.csv"

jmh() { # benchmark method -> mean options/s
  java -Djmh.ignoreLock=true -cp "$jar" org.openjdk.jmh.Main "PricingBench.$1\$" \
    -f 1 -wi 3 -i 5 -w 1s -r 1s -rf csv -rff "$work/jmh.csv" > /dev/null 2>&1
  tail -1 "$work/jmh.csv" | awk -F, '{printf "%.0f", $5}'
}
ql() { # build operation -> mean options/s over the measured iterations
  "$work/ql-$1" "$2" "$work/chain.csv" 3 5 2> /dev/null | awk '/measure/ {s += $5; n++} END {printf "%.0f", s / n}'
}
echo "pair,operation,bs_pricing_mops,$(printf 'quantlib_%s_mops,' "${builds[@]}")ratio_to_fastest_quantlib,load"
for ((p = 1; p <= pairs; p++)); do
  for op in price black greeks; do
    # "black" (QuantLib's blackFormula with the forward, deviation and discount precomputed) is
    # compared with the same Java benchmark as "price", which computes them per option.
    case $op in price) j=$(jmh price) ;; black) ;; greeks) j=$(jmh price_first_order_greeks) ;; esac
    row="$p,$op,$(awk -v x="$j" 'BEGIN {printf "%.2f", x / 1e6}')"
    best=0
    for b in "${builds[@]}"; do
      q=$(ql "$b" "$op")
      row="$row,$(awk -v x="$q" 'BEGIN {printf "%.2f", x / 1e6}')"
      if ((q > best)); then best=$q; fi
    done
    echo "$row,$(awk -v a="$j" -v b="$best" 'BEGIN {printf "%.2f", a / b}'),$(cut -d' ' -f1 /proc/loadavg)"
  done
done
