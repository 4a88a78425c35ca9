#!/usr/bin/env bash
# Generates the compiled EF Core models of both providers again (Data/CompiledModels): run it after any
# change to the entities or their configuration; CompiledModelTests fails until it is done.
# The portal uses the compiled models it has, so the new ones are written beside the build (under obj/)
# from the model built from code, and only then replace the old ones.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
dotnet tool restore >/dev/null
dotnet build DigitalAlmaty.Web -v q -nologo
fresh=DigitalAlmaty.Web/obj/compiled-models
rm -rf "$fresh"
for provider in Sqlite Postgres; do
    dotnet ef dbcontext optimize --no-build --project DigitalAlmaty.Web --context "${provider}PortalDbContext" \
        --output-dir "obj/compiled-models/$provider" --namespace "DigitalAlmaty.Web.Data.CompiledModels.$provider"
done
rm -rf DigitalAlmaty.Web/Data/CompiledModels
mkdir -p DigitalAlmaty.Web/Data/CompiledModels
mv "$fresh"/* DigitalAlmaty.Web/Data/CompiledModels/
rmdir "$fresh"
