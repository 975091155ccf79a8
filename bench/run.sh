#!/usr/bin/env bash
# Measures the app on this machine and prints one table: absolute figures, and ratios against baselines measured
# in the same run (a static file, a bare UPDATE), since this shared machine's absolute speed varies from run to run.
#   bench/run.sh [--provider sqlite|postgres] [--links N]     (N: 100000 on SQLite, 1000000 on PostgreSQL)
# Builds Release, starts the app (Production settings, demo data, a fresh database), drives it with wrk and with
# bench/PaymentLinks.Bench on loopback, and stops everything at the end. Needs wrk and Chromium (apt-get install -y
# wrk chromium), and for PostgreSQL Debian's postgresql. See docs/PERFORMANCE.md for what the figures mean.
set -euo pipefail
cd "$(dirname "$0")/.."

provider=sqlite links=""
while [ $# -gt 0 ]; do
    case "$1" in
        --provider) provider=$2; shift 2 ;;
        --links) links=$2; shift 2 ;;
        *) echo "usage: bench/run.sh [--provider sqlite|postgres] [--links N]" >&2; exit 2 ;;
    esac
done
case "$provider" in
    sqlite) links=${links:-100000} ;;
    postgres) links=${links:-1000000} ;;
    *) echo "--provider is sqlite or postgres" >&2; exit 2 ;;
esac
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }

work=$(mktemp -d /tmp/paymentlinks-bench-XXXXXX)
chmod 755 "$work" # PostgreSQL's own user keeps its data in here
port=${BENCH_PORT:-5190}
url=http://127.0.0.1:$port
app_pid=""
cleanup() {
    [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
    [ "$provider" != postgres ] || PAYMENTLINKS_PG_DIR=$work/postgres scripts/postgres.sh stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "Building (Release)…" >&2
dotnet tool restore >/dev/null # dotnet-gcdump, for the circuits' heap
# Compiled ahead of time (ReadyToRun), as a deployment would publish it: the JIT no longer dominates a cold start.
dotnet publish src/PaymentLinks.Dashboard -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$work/app" -v quiet -nologo >/dev/null
dotnet build bench/PaymentLinks.Bench -c Release -o "$work/bench" -v quiet -nologo >/dev/null

if [ "$provider" = postgres ]; then
    export PAYMENTLINKS_PG_PORT=${BENCH_PG_PORT:-55434}
    server=$(PAYMENTLINKS_PG_DIR=$work/postgres scripts/postgres.sh start)
    psql "host=127.0.0.1 port=$PAYMENTLINKS_PG_PORT user=postgres dbname=postgres" -qc "CREATE DATABASE paymentlinks_bench"
    database=Postgres connection="$server;Database=paymentlinks_bench"
else
    database=Sqlite connection="Data Source=$work/bench.db"
fi

start_app() {
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$url DemoData__Enabled=true \
    Database__Provider=$database ConnectionStrings__PaymentLinks="$connection" Links__PublicBaseUrl=$url \
    RateLimits__CheckoutView__PermitLimit=1000000000 RateLimits__CheckoutPost__PermitLimit=1000000000 \
    RateLimits__SignIn__PermitLimit=1000000000 Api__RateLimit__PermitLimit=1000000000 Logging__LogLevel__Default=Warning \
        nohup dotnet "$work/app/PaymentLinks.Dashboard.dll" --contentRoot "$work/app" >>"$work/app.log" 2>&1 &
    app_pid=$!
}
wait_for() { # wait_for <path>: until it answers 200
    for _ in $(seq 1 3000); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$url$1")" = 200 ] && return 0
        sleep 0.01
    done
    echo "The app did not answer $1; its log:" >&2; tail -20 "$work/app.log" >&2; exit 1
}
bench() { dotnet "$work/bench/PaymentLinks.Bench.dll" "$1" "$database" "$connection" "$url" "${@:2}"; }

start_app
wait_for /readyz
read -r payable disabled < <(bench pages-to-open)
for page in /checkout.css "/pay/$payable"; do # the baseline and the page measured must be what they say
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url$page")" = 200 ] || { echo "$page does not answer 200" >&2; exit 1; }
done

echo "| Measure | Figure | Ratio | Target |"
echo "|---|---|---|---|"
bench/wrk-pages.sh "$url" "/checkout.css" "/pay/$payable" "/pay/$disabled"
bench completion
bench api
bench seed-links "$links"
bench lists "$links"
bench circuits "$app_pid" "$links"

# Cold start: a stopped instance started again over the seeded database, until it serves a pay page.
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
started=$(date +%s%N)
start_app
wait_for "/pay/$payable"
echo "| cold start to the first pay page (200), $links links | $(( ($(date +%s%N) - started) / 1000000 )) ms |  | < 2,000 ms |"
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version) SDK, provider $provider" >&2
