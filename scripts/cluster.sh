#!/usr/bin/env bash
# The scale-out set-up on one machine: PostgreSQL, two app instances on loopback ports and nginx in front,
# with sticky sessions for Blazor's circuits.
#   scripts/cluster.sh         build, start everything, print the URL (the demo merchant is seeded)
#   scripts/cluster.sh stop    stop everything and delete its state
# Needs Debian's postgresql and nginx (apt-get install -y postgresql nginx). Ports: PAYMENTLINKS_CLUSTER_PORT (8080)
# for nginx, PAYMENTLINKS_CLUSTER_APP_PORTS ("5101 5102") for the instances, PAYMENTLINKS_PG_PORT (55433).
# It runs the app in Development (plain http on loopback, demo data): a demonstration, not a deployment.
set -euo pipefail
cd "$(dirname "$0")/.."

front_port=${PAYMENTLINKS_CLUSTER_PORT:-8080}
read -r -a app_ports <<<"${PAYMENTLINKS_CLUSTER_APP_PORTS:-5101 5102}"
export PAYMENTLINKS_PG_PORT=${PAYMENTLINKS_PG_PORT:-55433}
state=${PAYMENTLINKS_CLUSTER_DIR:-/tmp/paymentlinks-cluster-$front_port}
export PAYMENTLINKS_PG_DIR=$state/postgres
configuration=${PAYMENTLINKS_CLUSTER_CONFIGURATION:-Release}
names=(a b)

stop() {
    for pid_file in "$state"/instance-*.pid; do
        [ -e "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null || true
    done
    [ -f "$state/nginx.pid" ] && nginx -p "$state" -c "$state/nginx.conf" -s stop 2>/dev/null || true
    scripts/postgres.sh stop
    rm -rf "$state"
}

if [ "${1:-}" = "stop" ]; then
    stop
    echo "Cluster stopped."
    exit 0
fi
if ! command -v nginx >/dev/null; then
    echo "nginx is not installed: apt-get update && apt-get install -y nginx postgresql" >&2
    exit 1
fi

mkdir -p "$state/nginx-temp"
server=$(scripts/postgres.sh start)
psql "host=127.0.0.1 port=$PAYMENTLINKS_PG_PORT user=postgres dbname=postgres" -qtAc \
    "SELECT 1 FROM pg_database WHERE datname = 'paymentlinks'" | grep -q 1 \
    || psql "host=127.0.0.1 port=$PAYMENTLINKS_PG_PORT user=postgres dbname=postgres" -qc "CREATE DATABASE paymentlinks"

[ -n "${PAYMENTLINKS_CLUSTER_NO_BUILD:-}" ] || dotnet build src/PaymentLinks.Dashboard -c "$configuration" -v quiet -nologo >/dev/null
app=src/PaymentLinks.Dashboard/bin/$configuration/net10.0/PaymentLinks.Dashboard.dll

# One instance after the other: the first migrates the database and seeds the demo merchant.
for i in "${!app_ports[@]}"; do
    port=${app_ports[$i]}
    ASPNETCORE_ENVIRONMENT=Development \
    ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Database__Provider=Postgres \
    ConnectionStrings__PaymentLinks="$server;Database=paymentlinks" \
    Links__PublicBaseUrl="http://127.0.0.1:$front_port" \
    ForwardedHeaders__KnownProxies__0=127.0.0.1 \
        nohup dotnet "$app" >"$state/instance-${names[$i]}.log" 2>&1 &
    echo $! >"$state/instance-${names[$i]}.pid"
    for _ in $(seq 1 120); do
        curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
        sleep 0.5
    done
    curl -fs "http://127.0.0.1:$port/readyz" >/dev/null || { echo "instance ${names[$i]} did not start; see $state/instance-${names[$i]}.log" >&2; exit 1; }
done

sed -e "s#@STATE@#$state#g" -e "s#@FRONT@#$front_port#g" -e "s#@A@#${app_ports[0]}#g" -e "s#@B@#${app_ports[1]}#g" \
    scripts/cluster-nginx.conf >"$state/nginx.conf"
nginx -p "$state" -c "$state/nginx.conf"

echo "Cluster up: http://127.0.0.1:$front_port/ (instance a on ${app_ports[0]}, b on ${app_ports[1]}, PostgreSQL on $PAYMENTLINKS_PG_PORT)"
echo "Sign in as demo@paymentlinks.test / demo-pass-123. Stop it with: scripts/cluster.sh stop"
