package portal

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gorilla/websocket"

	"github.com/sovereign-gov/sovereign/contentstore"
	rt "github.com/sovereign-gov/sovereign/publicdata/readertest"
	"github.com/sovereign-gov/sovereign/record"
)

// portalFixture is a chain with roads v1, its correction v2 (transport),
// frozen parks (conditional) and a sensitive record, indexed and served.
type portalFixture struct {
	chain         *rt.Chain
	ix            *Indexer
	srv           *httptest.Server
	id1, id2, idp common.Hash
	ids           common.Hash
}

func newPortal(t *testing.T, k storeKind) *portalFixture {
	t.Helper()
	policy := big.NewInt(0x5555)
	rel1 := rt.Release(t, "roads", 1, 0, 0, roads1, 11)
	rel2 := rt.Release(t, "roads", 2, 0, 1, roads2, 12)
	parks := rt.Release(t, "parks", 1, 1, 0, parks1, 13)
	secret := rt.Release(t, "health", 1, 2, 0, parks1, 14)
	rel1.DatasetId = record.DatasetID("transport", "roads")
	rel2.DatasetId = rel1.DatasetId
	rel1.Department, rel2.Department = DepartmentID("transport"), DepartmentID("transport")
	f := rt.New(t, policy, true)
	s, ix := newIndex(t, k, f)
	if err := s.SetNames(testCtx(t), &Metadata{Departments: []string{"transport", "parks"}, Datasets: []DatasetMeta{
		{Department: "transport", Dataset: "roads", Title: "Road works by district", Description: "Open road works.", Keywords: []string{"roads", "traffic"}},
	}}); err != nil {
		t.Fatal(err)
	}
	f.Put(roads1)
	f.Put(roads2)
	f.Put(parks1)
	f.Submitted(rel1, rt.ProofBytes(1))
	f.Decide(rel1, true)
	f.Commit()
	p := &portalFixture{chain: f, ix: ix}
	p.id1 = f.Publish(rel1, 7)
	p.id2 = f.Publish(rel2, 9)
	p.idp = f.Publish(parks, 0)
	p.ids = f.Publish(secret, 0)
	f.Freeze(p.idp, "court order 12/2026")
	syncIndex(t, ix)
	h, err := NewServer(ServerConfig{Store: s, Indexer: ix, Content: f.Content, PublicRPC: f.RPC, Registry: f.Registry, Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	p.srv = httptest.NewServer(h)
	t.Cleanup(p.srv.Close)
	return p
}

func get(t *testing.T, url string) (int, string, http.Header) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b), resp.Header
}

func mustContain(t *testing.T, what, body string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(body, p) {
			t.Fatalf("%s lacks %q:\n%s", what, p, body)
		}
	}
}

func TestCatalogueAndDataset(t *testing.T) { eachStore(t, testCatalogueAndDataset) }

func testCatalogueAndDataset(t *testing.T, k storeKind) {
	p := newPortal(t, k)
	u := p.srv.URL
	code, body, _ := get(t, u+"/")
	if code != 200 {
		t.Fatalf("catalogue: %d %s", code, body)
	}
	mustContain(t, "catalogue", body, "4 releases", "Road works by district", `<main id="main"`, `role="search"`, `<label for="q">`,
		"transport</a> <span class=\"count\">(2)</span>", "frozen</a> <span class=\"count\">(1)</span>", "court order 12/2026")
	// search by title word, department name and keyword
	for _, q := range []string{"district", "transport", "traffic", "road+works", "district+transport", "roads+traffic+Transport"} {
		_, body, _ = get(t, u+"/?q="+q)
		mustContain(t, "search "+q, body, "2 releases")
	}
	// every word must match, with the other filters after them
	_, body, _ = get(t, u+"/?q=district+parks")
	mustContain(t, "search district parks", body, "0 releases")
	_, body, _ = get(t, u+"/?q=road+works&status=superseded")
	mustContain(t, "search road works, superseded", body, "1 release<")
	_, body, _ = get(t, u+"/?status=frozen")
	mustContain(t, "status filter", body, "1 release<", "court order")
	_, body, _ = get(t, u+"/?level=conditional&status=current")
	mustContain(t, "level and status", body, "0 releases")
	today := time.Now().UTC().Format(time.DateOnly)
	_, body, _ = get(t, u+"/?from="+today+"&until="+today)
	mustContain(t, "today", body, "4 releases")
	_, body, _ = get(t, u+"/?until=2000-01-01")
	mustContain(t, "before 2000", body, "0 releases")
	_, body, _ = get(t, u+"/?per_page=1&page=2&sort=oldest")
	mustContain(t, "paging", body, "Page 2 of 4", `rel="prev"`, `rel="next"`, p.id2.Hex())
	// by department name: the unnamed zero department (sensitive, then parks: newest first), then transport
	var order []string
	for page := 1; page <= 4; page++ {
		_, body, _ = get(t, u+"/?per_page=1&sort=department&page="+strconv.Itoa(page))
		for _, id := range []common.Hash{p.id1, p.id2, p.idp, p.ids} {
			if strings.Contains(body, `href="/dataset/`+id.Hex()+`"`) {
				order = append(order, id.Hex())
			}
		}
	}
	if want := []string{p.ids.Hex(), p.idp.Hex(), p.id2.Hex(), p.id1.Hex()}; strings.Join(order, ",") != strings.Join(want, ",") {
		t.Fatalf("by department: %v, want %v", order, want)
	}
	// bad input: the parameter named, 400
	for q, want := range map[string]string{"level=secret": "level", "page=x": "page", "per_page=1000": "per_page", "sort=size": "sort", "status=lost": "status", "department=0x12": "department", "from=yesterday": "from", "until=2026-13-01": "until"} {
		code, body, _ = get(t, u+"/?"+q)
		if code != 400 || !strings.Contains(body, want) {
			t.Fatalf("?%s: %d %s", q, code, body)
		}
	}
	// dataset pages
	code, body, _ = get(t, u+"/dataset/"+p.idp.Hex())
	if code != 200 {
		t.Fatalf("dataset: %d %s", code, body)
	}
	mustContain(t, "frozen dataset", body, "Frozen by the supervisor", "court order 12/2026", "restricted", "access-right/RESTRICTED")
	_, body, _ = get(t, u+"/dataset/"+p.id1.Hex())
	mustContain(t, "v1", body, "Corrected by", "version 2", "superseded", "number 7", "approved", "Released view, CSV", "Proved with</dt><dd>verifier version 1")
	_, body, _ = get(t, u+"/dataset/"+p.ids.Hex())
	mustContain(t, "sensitive", body, "non-public", "never leave the private chain")
	// its conditional columns can be requested (issue 15 item 3), its sensitive ones never
	mustContain(t, "sensitive record's access form", body, `id="access-form"`, "Sensitive columns are never released")
	if code, _, _ := get(t, u+"/dataset/0x1234"); code != 400 {
		t.Fatalf("malformed id: %d", code)
	}
	if code, _, _ := get(t, u+"/dataset/"+common.Hash{1}.Hex()); code != 404 {
		t.Fatalf("unknown id: %d", code)
	}
}

func TestDownload(t *testing.T) { eachStore(t, testDownload) }

func testDownload(t *testing.T, k storeKind) {
	p := newPortal(t, k)
	u := p.srv.URL
	code, body, h := get(t, u+"/download/"+p.id1.Hex()+".csv")
	if code != 200 || body != string(roads1) || h.Get("X-Content-SHA256") != contentstore.Name(roads1) {
		t.Fatalf("csv: %d %q %v", code, body, h)
	}
	code, body, _ = get(t, u+"/download/"+p.id2.Hex()+".json")
	if code != 200 || strings.TrimSpace(body) != `[{"district":"north","count":"4"},{"district":"south","count":"5"}]` {
		t.Fatalf("json: %d %s", code, body)
	}
	if code, body, _ := get(t, u+"/download/"+p.ids.Hex()+".csv"); code != 403 || !strings.Contains(body, "sensitive") {
		t.Fatalf("sensitive: %d %s", code, body)
	}
	// a store serving other bytes under the name: refused
	p.chain.Store[contentstore.Name(roads1)] = []byte("district,,count\nnorth,,300\nsouth,,5\n")
	if code, body, _ := get(t, u+"/download/"+p.id1.Hex()+".csv"); code != 502 || !strings.Contains(body, "does not hash to its name") {
		t.Fatalf("tampered: %d %s", code, body)
	}
	if code, _, _ := get(t, u+"/download/"+p.id1.Hex()+".xml"); code != 404 {
		t.Fatalf("xml: %d", code)
	}
	// a shredded dataset: its receipt on the page, no download
	p.chain.Shred(record.DatasetID("transport", "roads"), common.Hash{0xab})
	syncIndex(t, p.ix)
	_, body, _ = get(t, u+"/dataset/"+p.id2.Hex())
	mustContain(t, "shredded", body, `<h2 id="shred-h">Shredded</h2>`, common.Hash{0xab}.Hex(), "its content is no longer available")
	if code, body, _ := get(t, u+"/download/"+p.id2.Hex()+".json"); code != 403 || !strings.Contains(body, "shredded") {
		t.Fatalf("shredded download: %d %s", code, body)
	}
}

func TestCatalogFeedRPC(t *testing.T) { eachStore(t, testCatalogFeedRPC) }

func testCatalogFeedRPC(t *testing.T, k storeKind) {
	p := newPortal(t, k)
	u := p.srv.URL
	code, body, h := get(t, u+"/catalog.jsonld")
	var nodes []map[string]any
	if code != 200 || h.Get("Content-Type") != "application/ld+json" || json.Unmarshal([]byte(body), &nodes) != nil {
		t.Fatalf("jsonld: %d %s", code, body)
	}
	mustContain(t, "jsonld", body, nsDCAT+"Catalog", nsSPDX+"checksumValue", contentstore.Name(roads1), "access-right/NON_PUBLIC", nsDCT+"isReplacedBy")
	_, body, _ = get(t, u+"/catalog.ttl")
	mustContain(t, "turtle", body, "@prefix dcat:", "a dcat:Dataset", "dcat:Catalog", "spdx:checksumAlgorithm_sha256")
	code, body, _ = get(t, u+"/feed.atom")
	var feed atomFeed
	if code != 200 || xml.Unmarshal([]byte(body), &feed) != nil || len(feed.Entries) != 4 || !strings.Contains(feed.Entries[3].Title, "Road works") {
		t.Fatalf("atom: %d %s", code, body)
	}
	rpc := func(req string) string {
		resp, err := http.Post(u+"/rpc", "application/json", strings.NewReader(req))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	if out := rpc(`{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}`); !strings.Contains(out, `"result":"0x`) {
		t.Fatalf("eth_chainId: %s", out)
	}
	if out := rpc(`{"jsonrpc":"2.0","id":2,"method":"eth_sendRawTransaction","params":["0x00"]}`); !strings.Contains(out, "not served here") {
		t.Fatalf("eth_sendRawTransaction: %s", out)
	}
	for q, want := range map[string]string{
		`[{"address":"0x01","fromBlock":"0x0","toBlock":"0x1388"}]`:      "at most 5000",
		`[{"address":"0x01","fromBlock":"earliest","toBlock":"latest"}]`: "not tags",
		`[{"fromBlock":"0x1","toBlock":"0x2"}]`:                          "address",
		`[]`:                                                             "one filter",
	} {
		if out := rpc(`{"jsonrpc":"2.0","id":3,"method":"eth_getLogs","params":` + q + `}`); !strings.Contains(out, want) {
			t.Fatalf("eth_getLogs %s: %s", q, out)
		}
	}
	if out := rpc(`{"jsonrpc":"2.0","id":4,"method":"eth_getLogs","params":[{"address":"` + p.chain.Registry.Hex() + `","fromBlock":"0x0","toBlock":"0x3"}]}`); !strings.Contains(out, `"result":[`) {
		t.Fatalf("eth_getLogs in range: %s", out)
	}
	if out := rpc(`[{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}]`); !strings.Contains(out, "no batches") {
		t.Fatalf("batch: %s", out)
	}
	code, body, _ = get(t, u+"/api/verify/"+p.id1.Hex())
	mustContain(t, "verify info", body, `"proof":"0x`, strings.ToLower(p.chain.Registry.Hex()[2:]))
	if code != 200 {
		t.Fatalf("verify info: %d", code)
	}
}

// TestLiveFeed: a release published after a client connects reaches it
// over the WebSocket as soon as the indexer sees it.
func TestLiveFeed(t *testing.T) { eachStore(t, testLiveFeed) }

func testLiveFeed(t *testing.T, k storeKind) {
	p := newPortal(t, k)
	ws, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(p.srv.URL, "http")+"/live", http.Header{"Origin": {p.srv.URL}})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	time.Sleep(100 * time.Millisecond) // the server reads the newest seq at connect time
	rel := rt.Release(t, "roads", 3, 0, 2, roads2, 15)
	rel.DatasetId = record.DatasetID("transport", "roads")
	id := p.chain.Publish(rel, 0)
	syncIndex(t, p.ix)
	_ = ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	var msg LiveRelease
	if err := ws.ReadJSON(&msg); err != nil {
		t.Fatal(err)
	}
	if msg.RecordID != id.Hex() || msg.Title != "Road works by district" || msg.Version != 3 || msg.URL != "/dataset/"+id.Hex() {
		t.Fatalf("live message %+v", msg)
	}
	// another site's page may not subscribe
	if _, resp, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(p.srv.URL, "http")+"/live", http.Header{"Origin": {"http://evil.example"}}); err == nil || resp.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-origin subscription: %v", err)
	}
}

// TestAccessRequest: the form of a conditional record gives the command
// (no JavaScript) or the calldata (a wallet); the request, once on chain,
// has its page: pending, then granted until its expiry.
func TestAccessRequest(t *testing.T) { eachStore(t, testAccessRequest) }

func testAccessRequest(t *testing.T, k storeKind) {
	p := newPortal(t, k)
	u := p.srv.URL
	// parks (conditional) is frozen: no form; unfreeze-free path: a new conditional record
	rel := rt.Release(t, "library", 1, 1, 0, parks1, 21)
	id := p.chain.Publish(rel, 0)
	syncIndex(t, p.ix)
	_, body, _ := get(t, u+"/dataset/"+id.Hex())
	mustContain(t, "conditional", body, `<label for="purpose">Purpose of your request</label>`, "No request yet.")
	_, body, _ = get(t, u+"/dataset/"+p.idp.Hex())
	mustContain(t, "frozen", body, "it takes no access requests")
	code, body, _ := get(t, u+"/dataset/"+id.Hex()+"/request?purpose=road+safety+study")
	if code != 200 {
		t.Fatalf("form: %d %s", code, body)
	}
	mustContain(t, "command", body, "cast send "+p.chain.Registry.Hex(), id.Hex(), "&#39;road safety study&#39;")
	for q, want := range map[string]string{"": "purpose is empty", "purpose=" + strings.Repeat("x", 1001): "at most 1000"} {
		if code, body, _ := get(t, u+"/dataset/"+id.Hex()+"/request?"+q); code != 400 || !strings.Contains(body, want) {
			t.Fatalf("?%.20s: %d %s", q, code, body)
		}
	}
	if code, body, _ := get(t, u+"/dataset/"+p.id1.Hex()+"/request?purpose=x"); code != 400 || !strings.Contains(body, "needs no access request") {
		t.Fatalf("open record: %d %s", code, body)
	}
	_, body, _ = get(t, u+"/api/request-calldata/"+id.Hex()+"?purpose=road+safety+study")
	mustContain(t, "calldata", body, `"data":"0x`)

	p.chain.RequestAccess(id, "road safety study")
	syncIndex(t, p.ix)
	s := p.ix.store
	reqs, err := s.accessRequests(testCtx(t), "record_id = ?", id.Hex())
	if err != nil || len(reqs) != 1 || reqs[0].Status != "pending" || reqs[0].Purpose != "road safety study" || reqs[0].Requester != p.chain.From {
		t.Fatalf("requests: %+v %v", reqs, err)
	}
	req := reqs[0].ID
	_, body, _ = get(t, u+"/request/"+req.Hex())
	mustContain(t, "pending", body, `class="access-status">pending`, "road safety study")
	_, body, _ = get(t, u+"/api/request?tx="+reqs[0].Tx.Hex())
	mustContain(t, "by tx", body, "/request/"+req.Hex())
	p.chain.ResolveAccess(req, id, true, uint64(time.Now().Add(time.Hour).Unix()))
	syncIndex(t, p.ix)
	_, body, _ = get(t, u+"/request/"+req.Hex())
	mustContain(t, "granted", body, `class="access-status">granted`, "Access until")
	if code, _, _ := get(t, u+"/request/"+common.Hash{7}.Hex()); code != 404 {
		t.Fatalf("unknown request: %d", code)
	}
}
