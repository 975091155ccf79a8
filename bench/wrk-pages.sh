#!/usr/bin/env bash
# wrk-pages.sh <base URL> <static path> <pay page path> <error page path>: loads each with wrk at 32 connections,
# in three interleaved rounds so that the machine's drift touches all three alike, and prints table rows: mean
# requests/s, the rounds' median p50 and p99, and each page's throughput as a share of the static file's.
set -euo pipefail
base=$1 static=$2 pay=$3 error=$4
rounds=${BENCH_WRK_ROUNDS:-3} seconds=${BENCH_WRK_SECONDS:-4}
results=$(mktemp)
trap 'rm -f "$results"' EXIT

# wrk prints latencies as 812.00us, 2.34ms or 1.02s
to_ms() { awk '{ v = $1 + 0; if ($1 ~ /us$/) v /= 1000; else if ($1 ~ /[^m]s$/) v *= 1000; printf "%.2f", v }' <<<"$1"; }

for path in "$static" "$pay" "$error"; do
    wrk -t2 -c32 -d2s "$base$path" >/dev/null # warm-up: JIT, caches, connection pools
done
for _ in $(seq 1 "$rounds"); do
    for path in "$static" "$pay" "$error"; do
        out=$(wrk -t2 -c32 -d"${seconds}s" --latency "$base$path")
        rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
        p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
        p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
        non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
        echo "$path $rps $p50 $p99 ${non2xx:-0}" >>"$results"
    done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
summary() { # summary <path>: mean requests/s, median p50, median p99, answers other than 2xx/3xx
    local rows; rows=$(awk -v path="$1" '$1 == path' "$results")
    echo "$(awk '{ s += $2 } END { printf "%.0f", s / NR }' <<<"$rows") $(awk '{print $3}' <<<"$rows" | median)" \
        "$(awk '{print $4}' <<<"$rows" | median) $(awk '{ s += $5 } END { print s }' <<<"$rows")"
}
read -r static_rps static_p50 static_p99 _ < <(summary "$static")
row() { # row <label> <path> <target> <expected status note>
    read -r rps p50 p99 odd < <(summary "$2")
    ratio=$(awk -v a="$rps" -v b="$static_rps" 'BEGIN { printf "%.2f", a / b }')
    echo "| $1, 32 connections | $rps requests/s, p50 $p50 ms, p99 $p99 ms, $odd answers not 2xx/3xx$4 | $ratio of static | $3 |"
}
read -r _ _ _ static_odd < <(summary "$static")
echo "| static file ($static), 32 connections | $static_rps requests/s, p50 $static_p50 ms, p99 $static_p99 ms, $static_odd answers not 2xx/3xx | 1.00 (baseline) |  |"
row "checkout pay page (ACTIVE link)" "$pay" "≥ 0.35 of static, p99 < 25 ms" ""
row "checkout error page (DISABLED link)" "$error" "" " (its status is 403)"
