#!/usr/bin/env bash
# Adds a migration for both providers from the current model: `scripts/add-migration.sh <Name>`.
# SQLite's set lives in PaymentLinks.Infrastructure, PostgreSQL's in PaymentLinks.Migrations.Postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
# The tool finds the context through the app's services, which want a connection string; nothing is opened.
export ConnectionStrings__PaymentLinks="Data Source=design-time.db"
dotnet ef migrations add "$name" --project src/PaymentLinks.Infrastructure \
    --startup-project src/PaymentLinks.Dashboard --output-dir Persistence/Migrations
dotnet ef migrations add "$name" --project src/PaymentLinks.Migrations.Postgres \
    --startup-project src/PaymentLinks.Dashboard --output-dir Migrations -- --provider Postgres
