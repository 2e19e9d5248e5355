// The DCAT-AP export conforms to the shapes, and each mandatory property,
// removed, makes it fail. CATALOGS: space-separated files or URLs of the
// catalogue (JSON-LD and Turtle).
import { test } from "node:test";
import assert from "node:assert/strict";
import { DataFactory } from "n3";
import { load, parse, validate } from "./shacl.mjs";

const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const mandatory = [
  ["http://www.w3.org/ns/dcat#Catalog", "http://purl.org/dc/terms/title"],
  ["http://www.w3.org/ns/dcat#Catalog", "http://purl.org/dc/terms/description"],
  ["http://www.w3.org/ns/dcat#Catalog", "http://purl.org/dc/terms/publisher"],
  ["http://www.w3.org/ns/dcat#Dataset", "http://purl.org/dc/terms/title"],
  ["http://www.w3.org/ns/dcat#Dataset", "http://purl.org/dc/terms/description"],
  ["http://www.w3.org/ns/dcat#Distribution", "http://www.w3.org/ns/dcat#accessURL"],
  ["http://xmlns.com/foaf/0.1/Agent", "http://xmlns.com/foaf/0.1/name"],
  ["http://spdx.org/rdf/terms#Checksum", "http://spdx.org/rdf/terms#algorithm"],
  ["http://spdx.org/rdf/terms#Checksum", "http://spdx.org/rdf/terms#checksumValue"],
];

const catalogs = (process.env.CATALOGS || "").split(/\s+/).filter(Boolean);
if (!catalogs.length) throw new Error("CATALOGS is empty: give the catalogue's files or URLs");

for (const src of catalogs) {
  test(`${src} conforms to DCAT-AP 3.0`, async () => {
    const data = await parse(await load(src));
    assert.ok(data.size > 20, `only ${data.size} triples`);
    const r = await validate(data);
    assert.deepEqual(r.violations, []);
  });

  for (const [cls, prop] of mandatory) {
    test(`${src} without ${prop.split(/[#/]/).pop()} of a ${cls.split(/[#/]/).pop()} fails`, async () => {
      const data = await parse(await load(src));
      const node = data.getSubjects(DataFactory.namedNode(RDF_TYPE), DataFactory.namedNode(cls), null)[0];
      assert.ok(node, `the catalogue has no ${cls}`);
      const quads = data.getQuads(node, DataFactory.namedNode(prop), null, null);
      assert.ok(quads.length > 0, `${node.value} has no ${prop} to remove`);
      data.removeQuads(quads);
      const r = await validate(data);
      assert.ok(r.violations.some((v) => v.startsWith(node.value + " " + prop)), `no violation for ${node.value} ${prop}: ${r.violations}`);
    });
  }
}
