#!/usr/bin/env bash
# Generates the compiled EF Core models of both providers again (Data/CompiledModels): run it after any
# change to the entities or their configuration; CompiledModelTests fails until it is done.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
dotnet tool restore >/dev/null
rm -rf DigitalAlmaty.Web/Data/CompiledModels
for provider in Sqlite Postgres; do
    dotnet ef dbcontext optimize --project DigitalAlmaty.Web --context "${provider}PortalDbContext" \
        --output-dir "Data/CompiledModels/$provider" --namespace "DigitalAlmaty.Web.Data.CompiledModels.$provider"
done
