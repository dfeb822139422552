# Reconciler daemon image. Build: docker build -t reconciler .   Run in-cluster with charts/reconciler.
# Runs as uid 10001 with a read-only root file system: it writes only to /tmp (HOME, TMPDIR: git's and ssh's
# files) and /var/lib/reconciler (the git cache, --work-dir), both volumes (emptyDirs in the chart).
# The daemon is published as Native AOT for the build machine's architecture (buildx runs this stage on the target
# platform): one native executable, no .NET runtime in the image, about half the JIT build's memory
# (README "Benchmark"). Native AOT links with clang and zlib.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends clang zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# .dockerignore keeps .git, bin/, obj/, tests and docs out of the context.
COPY . .
RUN dotnet publish src/Reconciler.Daemon -c Release -o /app --use-current-runtime -p:PublishAot=true

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
# git (and ssh for ssh:// remotes) is the desired-state source's only external tool.
RUN apt-get update \
 && apt-get install -y --no-install-recommends git openssh-client ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 reconciler \
 && useradd --system --uid 10001 --gid 10001 --home-dir /tmp --no-create-home --shell /usr/sbin/nologin reconciler \
 && mkdir -p /var/lib/reconciler \
 && chown 10001:10001 /var/lib/reconciler
WORKDIR /app
# The executable only: the .pdb files and the .dbg symbols stay in the build stage.
COPY --from=build /app/reconciler /app/reconciler
ENV HOME=/tmp \
    TMPDIR=/tmp \
    RECONCILER_WORKDIR=/var/lib/reconciler \
    RECONCILER_LISTEN=0.0.0.0:8080 \
    RECONCILER_LOGFORMAT=json
# Writable even under `docker run --read-only`; the chart mounts emptyDirs here.
VOLUME ["/tmp", "/var/lib/reconciler"]
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["/app/reconciler"]
CMD ["run"]
