#!/usr/bin/env bash
# CPU instructions of one parse_text of a text extract, counted by valgrind (cachegrind without
# cache simulation): the same on a busy or an idle machine, so before/after ratios need no
# repeated runs. Parses 0 and 5 times (after one warm-up each) and divides the difference by 5.
#   bench/count_instructions.sh [CHECKOUT] [FILE]     (needs valgrind; run from the project root)
set -euo pipefail
checkout=${1:-.}
file=${2:-raw/2021/wuhan-qiaokou-district-party-committee-office-2021.txt}
count() {
  PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    .venv/bin/python bench/bench_text.py "$file" --repo "$checkout" --repeat "$1" 2>&1 \
    | sed -n 's/.*I *refs: *//p' | tr -d ,
}
none=$(count 0)
five=$(count 5)
echo "$checkout: $(( (five - none) / 5 / 1000000 )) M instructions per parse_text of $file"
