# Reconciler daemon image. Build: docker build -t reconciler . ; run in-cluster with an IAM role (IRSA / task role).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Reconciler.Daemon -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# git (and ssh for ssh:// remotes) is the desired-state source's only external tool.
RUN apt-get update \
 && apt-get install -y --no-install-recommends git openssh-client ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
USER app
ENV RECONCILER_WORKDIR=/tmp/reconciler RECONCILER_LOGFORMAT=json
EXPOSE 8080
ENTRYPOINT ["dotnet", "reconciler.dll"]
CMD ["run", "--listen", "0.0.0.0:8080"]
