// Validates a DCAT-AP catalogue (JSON-LD or Turtle, a file or a URL)
// against dcat-ap-3.0-shapes.ttl with a real SHACL engine. Exports
// validate() for the tests; as a script it prints the violations and exits
// 1 if there is any.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import jsonld from "jsonld";
import { Parser, Store } from "n3";
import SHACLValidator from "rdf-validate-shacl";

const here = path.dirname(fileURLToPath(import.meta.url));
const SH = "http://www.w3.org/ns/shacl#";

export async function load(src) {
  if (/^https?:/.test(src)) {
    const r = await fetch(src);
    if (!r.ok) throw new Error(`${src}: ${r.status}`);
    return { text: await r.text(), kind: src.endsWith(".ttl") ? "ttl" : "jsonld" };
  }
  return { text: await readFile(src, "utf8"), kind: src.endsWith(".ttl") ? "ttl" : "jsonld" };
}

// parse returns the catalogue as an n3 Store.
export async function parse({ text, kind }) {
  const store = new Store();
  if (kind === "ttl") {
    store.addQuads(new Parser({ format: "text/turtle" }).parse(text));
    return store;
  }
  const nquads = await jsonld.toRDF(JSON.parse(text), { format: "application/n-quads" });
  store.addQuads(new Parser({ format: "application/n-quads" }).parse(nquads));
  return store;
}

export async function shapes() {
  const store = new Store();
  store.addQuads(new Parser({ format: "text/turtle" }).parse(await readFile(path.join(here, "dcat-ap-3.0-shapes.ttl"), "utf8")));
  return store;
}

// validate returns the violations (and warnings) of data against the shapes.
export async function validate(data) {
  const v = new SHACLValidator(await shapes());
  const report = await v.validate(data);
  const out = { violations: [], warnings: [] };
  for (const r of report.results) {
    const line = `${r.focusNode?.value} ${r.path?.value}: ${r.message.map((m) => m.value).join("; ")}`;
    (r.severity?.value === SH + "Warning" ? out.warnings : out.violations).push(line);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let bad = 0;
  for (const src of process.argv.slice(2)) {
    const data = await parse(await load(src));
    const r = await validate(data);
    console.log(`${src}: ${data.size} triples, ${r.violations.length} violations, ${r.warnings.length} warnings`);
    for (const l of r.violations) console.log("  VIOLATION " + l);
    bad += r.violations.length;
  }
  process.exit(bad ? 1 : 0);
}
