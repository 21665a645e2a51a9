#!/usr/bin/env bash
# CPU instructions of one parse_text of a text extract, counted by valgrind (cachegrind without
# cache simulation): the same on a busy or an idle machine, so before/after ratios need no
# repeated runs. Parses 0 and 5 times (after one warm-up each) and divides the difference by 5.
# With --stages, also each stage's share, run on its own as bench_text.py times it (the
# garbage collector on, as it is outside parse_text).
#   bench/count_instructions.sh [CHECKOUT] [FILE] [--stages]   (needs valgrind; run from the project root)
set -euo pipefail
checkout=${1:-.}
file=${2:-raw/2021/wuhan-qiaokou-district-party-committee-office-2021.txt}
count() {  # count TIMES [STAGE]
  PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    .venv/bin/python bench/bench_text.py "$file" --repo "$checkout" --repeat "$1" ${2:+--upto "$2"} 2>&1 \
    | sed -n 's/.*I *refs: *//p' | tr -d ,
}
per_parse() {  # per_parse [STAGE]
  echo $(( ($(count 5 "${1:-}") - $(count 0 "${1:-}")) / 5 ))
}
if [[ "${3:-}" == "--stages" ]]; then
  before=0
  for stage in decode "split lines" "sentence model" tables profile headings "narrative facts"; do
    upto=$(per_parse "$stage")
    echo "  $stage: $(( (upto - before) / 1000000 )) M"
    before=$upto
  done
fi
echo "$checkout: $(( $(per_parse) / 1000000 )) M instructions per parse_text of $file"
