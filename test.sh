#!/usr/bin/env bash
# Runs every test of the solution (domain, dashboard, end-to-end in Chromium) and ends with one line:
# "N passed, N failed, N skipped". Extra arguments go to `dotnet test` (e.g. --filter) and make it one pass, over
# SQLite, or over PostgreSQL with PAYMENTLINKS_TEST_PROVIDER=Postgres.
set -uo pipefail
cd "$(dirname "$0")"

# axe-core (accessibility checks in the browser tests) comes from npm, pinned by the lock file.
if [ ! -f tests/PaymentLinks.E2E/node_modules/axe-core/axe.min.js ]; then
    npm ci --prefix tests/PaymentLinks.E2E --no-audit --no-fund --loglevel=error || exit 1
fi

results=$(mktemp -d)
# A throw-away PostgreSQL server (scripts/postgres.sh) unless one is named; stopped at the end if started here.
# Without one, the PostgreSQL tests fail, saying how to start it.
started_postgres=""
# Its durability across a power cut is nobody's test (the crash tests kill the app, never the server): it skips the
# flushes to disk, which made each test's CREATE DATABASE and every commit wait on the disk.
if [ -z "${PAYMENTLINKS_TEST_POSTGRES:-}" ] &&
    PAYMENTLINKS_TEST_POSTGRES=$(PAYMENTLINKS_PG_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off" scripts/postgres.sh start); then
    export PAYMENTLINKS_TEST_POSTGRES
    started_postgres=1
fi
# A real SMTP server for the mail tests (scripts/smtp4dev.sh) unless one is named; stopped at the end if started here.
started_smtp=""
if [ -z "${PAYMENTLINKS_TEST_SMTP:-}" ] && smtp=$(scripts/smtp4dev.sh start); then
    eval "$smtp"
    started_smtp=1
fi
cleanup() {
    rm -rf "$results"
    [ -z "$started_postgres" ] || scripts/postgres.sh stop
    [ -z "$started_smtp" ] || scripts/smtp4dev.sh stop
}
trap cleanup EXIT

# Build once, then run the tests in two stages: the domain, infrastructure and dashboard suites, then the browser
# suites. In each stage the SQLite pass and the PostgreSQL pass run side by side, so that like runs beside like (the
# browser tests are timing-sensitive and do not share the cores with the concurrency tests); a browser suite keeps
# about half a core busy, most of its time going to waiting on the page.
# The SQLite pass runs everything (and the tests that are about PostgreSQL itself); the PostgreSQL pass runs the
# infrastructure, dashboard and browser suites again, but for the tests that are about one provider only.
# Release: the app under test runs as it is deployed, with the JIT's optimizations.
test_project() { # test_project sqlite|postgres <project>
    if [ "$1" = postgres ]; then
        PAYMENTLINKS_TEST_PROVIDER=Postgres dotnet test "$2" -c Release --no-build --logger "trx;LogFilePrefix=postgres" \
            --results-directory "$results" --filter "Provider!=SqliteOnly&Provider!=PostgresOnly"
    else
        dotnet test "$2" -c Release --no-build --logger "trx;LogFilePrefix=sqlite" --results-directory "$results"
    fi
}
# The PostgreSQL pass's lines are marked as its own, where they interleave with the SQLite pass's.
run_stage() { # run_stage "<SQLite pass's projects>" "<PostgreSQL pass's projects>"
    local project
    {
        for project in $2; do
            test_project postgres "$project" || touch "$results/postgres-failed"
        done
    } 2>&1 | sed -u 's/^/[postgres] /' &
    for project in $1; do
        test_project sqlite "$project" || status=1
    done
    wait $!
    if [ -e "$results/postgres-failed" ]; then
        status=1
    fi
}
postgres_projects=(tests/PaymentLinks.Infrastructure.Tests tests/PaymentLinks.Dashboard.Tests tests/PaymentLinks.E2E)
[ "$#" -eq 0 ] || postgres_projects=()
status=1
if dotnet build PaymentLinks.Dashboard.sln -c Release; then
    status=0
    if [ "$#" -gt 0 ]; then
        dotnet test PaymentLinks.Dashboard.sln -c Release --no-build -m:1 --logger "trx;LogFilePrefix=sqlite" --results-directory "$results" "$@" || status=1
    else
        run_stage "tests/PaymentLinks.Domain.Tests tests/PaymentLinks.Infrastructure.Tests tests/PaymentLinks.Dashboard.Tests" \
            "tests/PaymentLinks.Infrastructure.Tests tests/PaymentLinks.Dashboard.Tests"
        run_stage "tests/PaymentLinks.E2E" "tests/PaymentLinks.E2E"
    fi
fi

passed=0 failed=0 skipped=0
counter() { grep -o "$1=\"[0-9]*\"" <<<"$2" | head -n 1 | tr -dc '0-9'; }
for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    passed=$((passed + $(counter passed "$counters")))
    failed=$((failed + $(counter failed "$counters") + $(counter error "$counters") + $(counter timeout "$counters") + $(counter aborted "$counters")))
    # A skipped test is counted in total but not as executed (xUnit leaves notExecuted at 0).
    skipped=$((skipped + $(counter total "$counters") - $(counter executed "$counters")))
done

# Each test project (not the helpers, such as the Stripe fake) leaves one result file per pass; fewer means a project's results went missing.
expected=$(( $(grep -L "<IsTestProject>false</IsTestProject>" tests/*/*.csproj | wc -l) + ${#postgres_projects[@]} ))
found=$(ls "$results"/*.trx 2>/dev/null | wc -l)
if [ "$found" -ne "$expected" ]; then
    echo "expected $expected test result files, found $found" >&2
    failed=$((failed + 1))
fi

# A build or runner failure leaves no counted failure behind; it still must not read as green.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
    echo "dotnet test exited with $status (build or test-host failure)" >&2
fi
# Where the time goes, for whoever makes the run faster: the slowest tests of both passes, read from the result files.
echo "slowest tests:"
grep -oh '<UnitTestResult [^>]*>' "$results"/*.trx 2>/dev/null \
    | sed -n 's/.*testName="\([^"]*\)".*duration="\([0-9:.]*\)".*/  \2  \1/p' \
    | sed -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g' | sort -r | head -n 10

# The only tests ever skipped are the real-Stripe suite's, which run against Stripe's test mode when given its key. Said
# just above the last line, which CI reads and which keeps its exact form.
if [ "$skipped" -gt 0 ] && [ -z "${STRIPE_TEST_SECRET_KEY:-}" ]; then
    echo "$skipped skipped: the real-Stripe suite (set STRIPE_TEST_SECRET_KEY to an sk_test_ key to run it)"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
