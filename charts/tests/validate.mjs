// Validates `helm template` output against Kubernetes' schemas, offline.
//
//   helm template r charts/reconciler -f values.yaml | node charts/tests/validate.mjs [--json]
//
// Built-in kinds are checked with the JSON schemas compiled into the npm package kubernetes-models (the
// Kubernetes OpenAPI definitions), the Prometheus Operator kinds with @kubernetes-models/prometheus-operator, plus
// the fields this chart relies on; fields no type declares are refused as the API server refuses them
// (known-fields.mjs). A kind with no schema is an error, not a pass. Both packages live in
// .tools/node (installed by .ci/install-helm.sh); RECONCILER_TOOLS overrides where .tools is.
// Prints one line per object (ok / error) on stderr; with --json, the parsed objects as a JSON array on stdout.
// Exit code: 0 all valid, 1 any invalid, 2 the tools are missing.
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { unknownFields } from "./known-fields.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const tools = resolve(process.env.RECONCILER_TOOLS ?? join(here, "..", "..", ".tools"));
const modules = join(tools, "node", "node_modules");
if (!existsSync(join(modules, "kubernetes-models")) || !existsSync(join(modules, "yaml"))) {
  console.error(`validate.mjs: kubernetes-models or yaml not found in ${modules}: run .ci/install-helm.sh`);
  process.exit(2);
}
const YAML = createRequire(join(modules, "yaml", "package.json"))("yaml");

// apiVersion -> the package folder holding one model class per kind.
const groups = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
};

// Fields the chart must always set on the CRD kinds, beyond what their schemas require.
const required = {
  ServiceMonitor: (o) => [
    o.spec?.selector?.matchLabels ? null : "spec.selector.matchLabels is missing",
    o.spec?.endpoints?.length ? null : "spec.endpoints is empty",
    ...(o.spec?.endpoints ?? []).map((e, i) => (e.port || e.targetPort ? null : `spec.endpoints[${i}] names no port`)),
  ],
  PrometheusRule: (o) => [
    o.spec?.groups?.length ? null : "spec.groups is empty",
    ...(o.spec?.groups ?? []).flatMap((g, i) => [
      g.name ? null : `spec.groups[${i}].name is missing`,
      g.rules?.length ? null : `spec.groups[${i}].rules is empty`,
      ...(g.rules ?? []).flatMap((r, j) => [
        r.alert || r.record ? null : `spec.groups[${i}].rules[${j}] has neither alert nor record`,
        typeof r.expr === "string" && r.expr.trim() ? null : `spec.groups[${i}].rules[${j}].expr is missing`,
      ]),
    ]),
  ],
};

async function modelFor(apiVersion, kind) {
  const folder = groups[apiVersion];
  if (!folder) return null;
  const module = await import(pathToFileURL(join(modules, folder, "index.js")).href);
  return module[kind] ?? null;
}

async function problemsOf(object) {
  const name = `${object?.kind ?? "?"}/${object?.metadata?.name ?? "?"}`;
  if (!object?.apiVersion || !object?.kind) return [name, ["apiVersion or kind is missing"]];
  const Model = await modelFor(object.apiVersion, object.kind);
  if (!Model) return [name, [`no schema for ${object.apiVersion} ${object.kind}: add its package to validate.mjs`]];
  const problems = [];
  try {
    new Model(object).validate();
  } catch (error) {
    problems.push(error.message);
  }
  if (!object.metadata?.name) problems.push("metadata.name is missing");
  problems.push(...unknownFields(object, join(modules, groups[object.apiVersion], `${object.kind}.d.ts`), modules));
  problems.push(...(required[object.kind]?.(object) ?? []).filter(Boolean));
  return [name, problems];
}

const text = readFileSync(0, "utf8");
const documents = YAML.parseAllDocuments(text);
const objects = [];
let invalid = 0;
for (const document of documents) {
  if (document.errors.length) {
    console.error(`error YAML: ${document.errors.map((e) => e.message).join("; ")}`);
    invalid++;
    continue;
  }
  const object = document.toJS();
  if (object === null || object === undefined) continue;
  objects.push(object);
  const [name, problems] = await problemsOf(object);
  if (problems.length) invalid++;
  console.error(problems.length ? `error ${name}: ${problems.join("; ")}` : `ok ${name}`);
}
if (objects.length === 0) {
  console.error("error: no objects in the input");
  invalid++;
}
if (process.argv.includes("--json")) process.stdout.write(JSON.stringify(objects));
process.exit(invalid ? 1 : 0);
