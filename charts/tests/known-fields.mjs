// Unknown-field check for validate.mjs. The schemas compiled into kubernetes-models do not refuse fields they do
// not know (Kubernetes' OpenAPI has no additionalProperties: false), while the API server does (strict field
// validation): a typo such as `securityContxt` would pass the schema check and fail at install time. The type
// declarations of the same packages list every field of every type, so they are read here instead.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const shapes = new Map();

/** The fields of the model class declared in `file` (a .d.ts), each with the .d.ts of its type when it has one. */
function shapeOf(file, modules) {
  if (shapes.has(file)) return shapes.get(file);
  let shape = null;
  if (existsSync(file)) {
    const text = readFileSync(file, "utf8");
    const imports = new Map();
    for (const [, names, from] of text.matchAll(/^import \{ ([^}]+) \} from "([^"]+)";$/gm)) {
      const target = from.startsWith(".") ? join(dirname(file), from.replace(/\.js$/, ".d.ts")) : join(modules, `${from}.d.ts`);
      for (const name of names.split(",").map((n) => n.trim())) imports.set(name, target);
    }
    const body = text.match(/^export declare class \w+ extends Model<[^>]+>[^{]*\{\n([\s\S]*?)^\}/m)?.[1];
    if (body) shape = fieldsOf(body, imports);
  }
  shapes.set(file, shape);
  return shape;
}

function fieldsOf(body, imports) {
  const fields = new Map();
  const lines = body.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const field = lines[i].match(/^ {4}"([^"]+)"\??: (.*)$/);
    if (!field) continue;
    let [, name, type] = field;
    let map = false;
    if (type === "{") {
      // A multi-line inline type: a map when it is `[key: string]: T`, otherwise an inline object (not checked).
      const value = lines[i + 1]?.match(/^\s+\[key: string\]: (.*);$/);
      map = Boolean(value);
      type = value?.[1] ?? "";
    }
    const refs = [...type.matchAll(/\b(I[A-Za-z0-9]+)\b/g)].map((m) => imports.get(m[1])).filter(Boolean);
    fields.set(name, { map, type: refs.length === 1 ? refs[0] : null });
  }
  return fields;
}

/** Every field of `value` (walked through the types declared in `file`) that its type does not declare. */
export function unknownFields(value, file, modules, path = "") {
  if (Array.isArray(value)) return value.flatMap((item, i) => unknownFields(item, file, modules, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  const shape = shapeOf(file, modules);
  if (!shape) return [];
  const found = [];
  for (const [key, child] of Object.entries(value)) {
    const field = shape.get(key);
    const at = path ? `${path}.${key}` : key;
    if (!field) {
      found.push(`${at}: unknown field`);
    } else if (field.type && field.map && child && typeof child === "object") {
      for (const [entry, item] of Object.entries(child)) found.push(...unknownFields(item, field.type, modules, `${at}.${entry}`));
    } else if (field.type) {
      found.push(...unknownFields(child, field.type, modules, at));
    }
  }
  return found;
}
