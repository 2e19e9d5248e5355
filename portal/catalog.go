package portal

// The DCAT-AP 3.0 catalogue: one RDF graph built once per request and
// written as Turtle or as expanded JSON-LD, so the two cannot disagree.
// One dcat:Dataset per release (a dataset version, dcat:version, linked by
// dct:replaces / dct:isReplacedBy along the supersede chain); open and
// conditional releases have a CSV distribution with its sha256 checksum
// (the content hash the registry holds) and a JSON one.

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Namespaces of the catalogue.
const (
	nsRDF  = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	nsDCAT = "http://www.w3.org/ns/dcat#"
	nsDCT  = "http://purl.org/dc/terms/"
	nsFOAF = "http://xmlns.com/foaf/0.1/"
	nsSPDX = "http://spdx.org/rdf/terms#"
	nsXSD  = "http://www.w3.org/2001/XMLSchema#"
	nsADMS = "http://www.w3.org/ns/adms#"
	nsVC   = "http://www.w3.org/2006/vcard/ns#"
)

var prefixes = []struct{ prefix, ns string }{
	{"rdf", nsRDF}, {"dcat", nsDCAT}, {"dct", nsDCT}, {"foaf", nsFOAF}, {"spdx", nsSPDX}, {"xsd", nsXSD}, {"adms", nsADMS}, {"vcard", nsVC},
}

// term is an RDF term: an IRI, a blank node (_:x) or a literal (with a datatype or a language).
type term struct {
	iri, blank, lit, datatype, lang string
}

func iri(s string) term             { return term{iri: s} }
func blank(s string) term           { return term{blank: s} }
func plain(s string) term           { return term{lit: s, lang: "en"} }
func typed(s, datatype string) term { return term{lit: s, datatype: datatype} }
func dateTime(t time.Time) term     { return typed(t.UTC().Format(time.RFC3339), nsXSD+"dateTime") }
func (t term) isLiteral() bool      { return t.iri == "" && t.blank == "" }
func (t term) node() string {
	return map[bool]string{true: "_:" + t.blank, false: t.iri}[t.blank != ""]
}
func statement(s term, p string, o term) triple { return triple{s, p, o} }

type triple struct {
	s term
	p string
	o term
}

type graph struct{ triples []triple }

func (g *graph) add(s term, p string, o ...term) {
	for _, x := range o {
		g.triples = append(g.triples, statement(s, p, x))
	}
}

// catalogGraph builds the catalogue of every indexed release.
func catalogGraph(base, title string, rels []*Release) *graph {
	g := &graph{}
	cat := iri(base + "/catalog")
	portal := iri(base + "/#publisher")
	g.add(cat, nsRDF+"type", iri(nsDCAT+"Catalog"))
	g.add(cat, nsDCT+"title", plain(title))
	g.add(cat, nsDCT+"description", plain("Government records released through the Sovereign consortium and published on its public chain: every release was classified by a published policy, proven in zero knowledge and approved by the consortium."))
	g.add(cat, nsDCT+"publisher", portal)
	g.add(cat, nsFOAF+"homepage", iri(base+"/"))
	g.add(portal, nsRDF+"type", iri(nsFOAF+"Agent"))
	g.add(portal, nsFOAF+"name", plain(title))
	var modified time.Time
	byVersion := map[common.Hash]map[uint64]*Release{}
	for _, r := range rels {
		if byVersion[r.DatasetID] == nil {
			byVersion[r.DatasetID] = map[uint64]*Release{}
		}
		byVersion[r.DatasetID][r.Version] = r
	}
	agents := map[common.Hash]bool{}
	for _, r := range rels {
		if r.Time.After(modified) {
			modified = r.Time
		}
		ds := iri(datasetURL(base, r.RecordID))
		g.add(cat, nsDCAT+"dataset", ds)
		g.add(ds, nsRDF+"type", iri(nsDCAT+"Dataset"))
		g.add(ds, nsDCT+"title", plain(fmt.Sprintf("%s (version %d)", r.Name(), r.Version)))
		g.add(ds, nsDCT+"description", plain(describe(r)))
		g.add(ds, nsDCT+"identifier", typed(r.RecordID.Hex(), ""))
		g.add(ds, nsDCAT+"version", typed(strconv.FormatUint(r.Version, 10), ""))
		g.add(ds, nsDCT+"issued", dateTime(r.Time))
		g.add(ds, nsDCT+"modified", dateTime(r.Time))
		g.add(ds, nsDCT+"accessRights", iri(AccessRight(r.Level).URI))
		g.add(ds, nsDCAT+"landingPage", iri(datasetURL(base, r.RecordID)))
		agent := iri(base + "/department/" + r.Department.Hex())
		g.add(ds, nsDCT+"publisher", agent)
		if !agents[r.Department] {
			agents[r.Department] = true
			g.add(agent, nsRDF+"type", iri(nsFOAF+"Agent"))
			g.add(agent, nsFOAF+"name", plain(r.Publisher()))
		}
		for _, k := range strings.Split(r.Keywords, ",") {
			if k = strings.TrimSpace(k); k != "" {
				g.add(ds, nsDCAT+"keyword", plain(k))
			}
		}
		if old := byVersion[r.DatasetID][r.Supersedes]; old != nil && r.Supersedes != 0 {
			g.add(ds, nsDCT+"replaces", iri(datasetURL(base, old.RecordID)))
		}
		if n := byVersion[r.DatasetID][r.SupersededBy]; n != nil && r.SupersededBy != 0 {
			g.add(ds, nsDCT+"isReplacedBy", iri(datasetURL(base, n.RecordID)))
		}
		if !r.HasContent() {
			continue
		}
		csv := g.distribution(ds, base, r.RecordID, "csv", "text/csv", "CSV", "Released view (CSV, as hashed on chain)")
		sum := blank("sum" + r.RecordID.Hex()[2:18])
		g.add(csv, nsSPDX+"checksum", sum)
		g.add(sum, nsRDF+"type", iri(nsSPDX+"Checksum"))
		g.add(sum, nsSPDX+"algorithm", iri(nsSPDX+"checksumAlgorithm_sha256"))
		g.add(sum, nsSPDX+"checksumValue", typed(common.Bytes2Hex(r.ContentHash[:]), nsXSD+"hexBinary"))
		g.distribution(ds, base, r.RecordID, "json", "application/json", "JSON", "Released columns (JSON)")
	}
	if !modified.IsZero() {
		g.add(cat, nsDCT+"modified", dateTime(modified))
	}
	return g
}

// distribution adds a download of release id as ext to dataset ds.
func (g *graph) distribution(ds term, base string, id common.Hash, ext, mediaType, format, title string) term {
	d := iri(datasetURL(base, id) + "#" + ext)
	g.add(ds, nsDCAT+"distribution", d)
	g.add(d, nsRDF+"type", iri(nsDCAT+"Distribution"))
	g.add(d, nsDCT+"title", plain(title))
	g.add(d, nsDCAT+"accessURL", iri(datasetURL(base, id)))
	g.add(d, nsDCAT+"downloadURL", iri(base+"/download/"+id.Hex()+"."+ext))
	g.add(d, nsDCAT+"mediaType", iri("http://www.iana.org/assignments/media-types/"+mediaType))
	g.add(d, nsDCT+"format", iri("http://publications.europa.eu/resource/authority/file-type/"+format))
	return d
}

func datasetURL(base string, id common.Hash) string { return base + "/dataset/" + id.Hex() }

// describe is a release's description: the metadata's, else one made from
// what the chain says.
func describe(r *Release) string {
	if r.Description != "" {
		return r.Description
	}
	return fmt.Sprintf("Version %d of dataset %s, published by %s on the public chain (record %s), access level %s.",
		r.Version, r.DatasetID.Hex(), r.Publisher(), r.RecordID.Hex(), r.LevelName())
}

// turtle writes the graph as Turtle.
func (g *graph) turtle() string {
	var b strings.Builder
	for _, p := range prefixes {
		fmt.Fprintf(&b, "@prefix %s: <%s> .\n", p.prefix, p.ns)
	}
	b.WriteByte('\n')
	for _, t := range g.triples {
		pred := ttlIRI(t.p)
		if t.p == nsRDF+"type" {
			pred = "a"
		}
		fmt.Fprintf(&b, "%s %s %s .\n", ttlNode(t.s), pred, ttlTerm(t.o))
	}
	return b.String()
}

func ttlNode(t term) string {
	if t.blank != "" {
		return "_:" + t.blank
	}
	return ttlIRI(t.iri)
}

func ttlIRI(s string) string {
	for _, p := range prefixes {
		if local, ok := strings.CutPrefix(s, p.ns); ok && local != "" && !strings.ContainsAny(local, "/#.:") {
			return p.prefix + ":" + local
		}
	}
	return "<" + strings.NewReplacer(">", "%3E", "<", "%3C", " ", "%20", `"`, "%22").Replace(s) + ">"
}

func ttlTerm(t term) string {
	if !t.isLiteral() {
		return ttlNode(t)
	}
	lit, _ := json.Marshal(t.lit) // a JSON string is a valid Turtle string literal
	switch {
	case t.lang != "":
		return string(lit) + "@" + t.lang
	case t.datatype != "":
		return string(lit) + "^^" + ttlIRI(t.datatype)
	}
	return string(lit)
}

// jsonLD writes the graph as expanded JSON-LD (a flattened node array).
func (g *graph) jsonLD() ([]byte, error) {
	nodes := map[string]map[string][]any{}
	var order []string
	for _, t := range g.triples {
		id := t.s.node()
		n := nodes[id]
		if n == nil {
			n = map[string][]any{}
			nodes[id] = n
			order = append(order, id)
		}
		if t.p == nsRDF+"type" {
			n["@type"] = append(n["@type"], t.o.iri)
			continue
		}
		var v any
		switch {
		case !t.o.isLiteral():
			v = map[string]string{"@id": t.o.node()}
		case t.o.lang != "":
			v = map[string]string{"@value": t.o.lit, "@language": t.o.lang}
		case t.o.datatype != "":
			v = map[string]string{"@value": t.o.lit, "@type": t.o.datatype}
		default:
			v = map[string]string{"@value": t.o.lit}
		}
		n[t.p] = append(n[t.p], v)
	}
	out := make([]map[string]any, 0, len(order))
	for _, id := range order {
		m := map[string]any{"@id": id}
		keys := make([]string, 0, len(nodes[id]))
		for k := range nodes[id] {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			m[k] = nodes[id][k]
		}
		out = append(out, m)
	}
	return json.MarshalIndent(out, "", "  ")
}

func (s *Server) graph(r *http.Request) (*graph, error) {
	rels, err := s.cfg.Store.All(r.Context())
	if err != nil {
		return nil, err
	}
	return catalogGraph(s.baseURL(r), s.cfg.Title, rels), nil
}

func (s *Server) catalogTurtle(w http.ResponseWriter, r *http.Request) {
	g, err := s.graph(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/turtle; charset=utf-8")
	_, _ = w.Write([]byte(g.turtle()))
}

func (s *Server) catalogJSONLD(w http.ResponseWriter, r *http.Request) {
	g, err := s.graph(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	b, err := g.jsonLD()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/ld+json")
	_, _ = w.Write(b)
}

// Atom feed of the newest releases.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title    string     `xml:"title"`
	ID       string     `xml:"id"`
	Updated  string     `xml:"updated"`
	Links    []atomLink `xml:"link"`
	Author   atomAuthor `xml:"author"`
	Summary  string     `xml:"summary"`
	Category []atomCat  `xml:"category"`
}

type atomCat struct {
	Term string `xml:"term,attr"`
}

// feedSize is how many releases the Atom feed carries.
const feedSize = 50

func (s *Server) feed(w http.ResponseWriter, r *http.Request) {
	rels, err := s.cfg.Store.Recent(r.Context(), feedSize)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	base := s.baseURL(r)
	f := atomFeed{Title: s.cfg.Title + ": new releases", ID: base + "/feed.atom", Updated: time.Unix(0, 0).UTC().Format(time.RFC3339),
		Links:  []atomLink{{Href: base + "/feed.atom", Rel: "self", Type: "application/atom+xml"}, {Href: base + "/", Rel: "alternate", Type: "text/html"}},
		Author: atomAuthor{Name: s.cfg.Title}}
	for i, rel := range rels {
		if i == 0 {
			f.Updated = rel.Time.Format(time.RFC3339)
		}
		f.Entries = append(f.Entries, atomEntry{
			Title: fmt.Sprintf("%s, version %d", rel.Name(), rel.Version), ID: "urn:sovereign:record:" + rel.RecordID.Hex(),
			Updated: rel.Time.Format(time.RFC3339), Author: atomAuthor{Name: rel.Publisher()},
			Links:    []atomLink{{Href: datasetURL(base, rel.RecordID), Rel: "alternate", Type: "text/html"}},
			Summary:  describe(rel) + " Status: " + rel.Status + ".",
			Category: []atomCat{{Term: rel.LevelName()}, {Term: rel.Status}},
		})
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	_, _ = w.Write([]byte(xml.Header))
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	_ = enc.Encode(f)
}
