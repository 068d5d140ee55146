# Muster's container image: the self-contained tool on .NET's runtime-deps base, run as a non-root user.
#   docker build -t muster .
#   docker run --rm -v "$PWD:/src:ro" muster audit /src --state /tmp/muster
# SDK and BASE name the two base images, so a machine that cannot pull them builds from local ones (docs/ci.md).
ARG SDK=mcr.microsoft.com/dotnet/sdk:10.0
ARG BASE=mcr.microsoft.com/dotnet/runtime-deps:10.0

FROM ${SDK} AS build
WORKDIR /source
COPY . .
RUN dotnet publish src/Muster.Cli -c Release -r linux-x64 --self-contained -p:UseAppHost=true -o /app \
    && mv /app/Muster.Cli /app/muster

FROM ${BASE}
# git lets the secrets agent rate files by git status and read history; the base may already have it.
RUN command -v git >/dev/null 2>&1 \
    || (apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*)
COPY --from=build /app /app
# The .NET images' non-root user (app, uid 1654), by number so any base works.
USER 1654:1654
WORKDIR /src
ENTRYPOINT ["/app/muster"]
CMD ["--help"]
