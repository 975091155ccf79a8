#!/usr/bin/env bash
# Prints the bytes each checkout page transfers (HTML as sent with gzip, plus its one stylesheet), walking a
# real payment through a running app: pay page, sandbox bank step, receipt, and the error pages.
# usage: scripts/checkout-bytes.sh [base-url]   (default http://localhost:5080; needs the demo data)
set -euo pipefail
base=${1:-http://localhost:5080}
db=${DB:-data/paymentlinks.db}
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
id() { sqlite3 "$db" "select PublicId from PaymentLinks where Title like '$1%' limit 1"; }
size() { curl -s -o /dev/null -b "$jar" -c "$jar" -H 'Accept-Encoding: gzip' -w '%{http_code} %{size_download}' "$@"; }

active=$(id "Single-origin")
printf '%-28s %s bytes\n' "checkout.css" "$(size "$base/checkout.css" | cut -d' ' -f2)"
printf '%-28s %s\n' "pay page" "$(size "$base/pay/$active")"
page=$(curl -s -b "$jar" -c "$jar" "$base/pay/$active")
field() { sed -n "s/.*name=\"$1\" value=\"\([^\"]*\)\".*/\1/p" <<<"$page" | head -n 1; }
bank=$(curl -s -o /dev/null -b "$jar" -c "$jar" -w '%{redirect_url}' \
    --data-urlencode "__RequestVerificationToken=$(field __RequestVerificationToken)" \
    --data-urlencode "checkout_token=$(field checkout_token)" "$base/pay/$active")
printf '%-28s %s\n' "sandbox bank page" "$(size "$bank")"
page=$(curl -s -b "$jar" -c "$jar" "$bank")
receipt=$(curl -s -o /dev/null -b "$jar" -c "$jar" -w '%{redirect_url}' \
    --data-urlencode "__RequestVerificationToken=$(field __RequestVerificationToken)" "$bank/approve")
printf '%-28s %s\n' "receipt page" "$(size "$receipt")"
for state in "Latte art:disabled page" "Black Friday:expired page" "Gift card:used page" "Old subscription:archived page" "Spring menu:draft (not found) page"; do
    printf '%-28s %s\n' "${state#*:}" "$(size "$base/pay/$(id "${state%%:*}")")"
done
printf '%-28s %s\n' "unknown id page" "$(size "$base/pay/pl_unknown000000000000")"
