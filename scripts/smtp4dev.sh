#!/usr/bin/env bash
# A throw-away SMTP server on loopback ports (smtp4dev, a dotnet tool of this repository's manifest), for the tests and
# for trying mail locally:
#   scripts/smtp4dev.sh start   starts it (once) and prints the two variables the tests read, as export lines:
#                               eval "$(scripts/smtp4dev.sh start)"
#   scripts/smtp4dev.sh stop    stops it
# PAYMENTLINKS_SMTP_PORT (52525) is the SMTP port; the port above it serves smtp4dev's web page and REST API
# (GET /api/messages lists what it received). Messages are kept in memory only. An address containing "refused"
# gets a 550, the way a real server refuses a mailbox.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${PAYMENTLINKS_SMTP_PORT:-52525}
api=$((port + 1))
folder=/tmp/paymentlinks-smtp4dev-$port

case "${1:-}" in
start)
    mkdir -p "$folder"
    if ! curl -sf "http://127.0.0.1:$api/api/messages?pageSize=1" >/dev/null 2>&1; then
        dotnet tool restore >/dev/null
        # IMAP and POP3 on ports of the system's choosing: only SMTP and the API are used.
        # Its own process group, so that stop ends the tool and the server it runs. Recipients with "refused" in their
        # address are refused with 550, as a real server refuses an unknown mailbox: the tests' permanent failure.
        ServerOptions__RecipientValidationExpression='!recipient.includes("refused")' setsid nohup dotnet tool run smtp4dev --urls="http://127.0.0.1:$api" --smtpport="$port" --imapport=0 --pop3port=0 \
            --allowremoteconnections- --db= --messagestokeep=1000000 --sessionstokeep=10 >"$folder/server.log" 2>&1 &
        echo $! >"$folder/pid"
        for _ in $(seq 1 120); do
            curl -sf "http://127.0.0.1:$api/api/messages?pageSize=1" >/dev/null 2>&1 && break
            sleep 0.5
        done
        if ! curl -sf "http://127.0.0.1:$api/api/messages?pageSize=1" >/dev/null 2>&1; then
            echo "smtp4dev did not start; its log is $folder/server.log" >&2
            exit 1
        fi
    fi
    echo "export PAYMENTLINKS_TEST_SMTP=127.0.0.1:$port"
    echo "export PAYMENTLINKS_TEST_SMTP_API=http://127.0.0.1:$api"
    ;;
stop)
    if [ -f "$folder/pid" ]; then
        kill -- "-$(cat "$folder/pid")" 2>/dev/null || true
    fi
    rm -rf "$folder"
    ;;
*)
    echo "usage: scripts/smtp4dev.sh start|stop" >&2
    exit 2
    ;;
esac
