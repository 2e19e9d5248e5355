package portal

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/sovereign-gov/sovereign/contentstore"
	"github.com/sovereign-gov/sovereign/publicdata"
	"github.com/sovereign-gov/sovereign/record"
)

//go:embed web/templates/*.html
var templateFS embed.FS

//go:embed web/static
var staticFS embed.FS

// ServerConfig configures the HTTP side of the portal. The portal holds no
// keys: it reads its index, the content store and (for the browser's
// Verify) proxies read-only JSON-RPC calls to the public chain.
type ServerConfig struct {
	Store *Store
	// Indexer (optional) feeds the live updates.
	Indexer *Indexer
	// Content is the content store's base URL.
	Content string
	// PublicRPC is the public chain's JSON-RPC URL that /rpc forwards
	// eth_call, eth_chainId and eth_getLogs to ("" disables /rpc).
	PublicRPC string
	Registry  common.Address
	Bridge    common.Address
	// BaseURL is the portal's public URL for absolute links (DCAT, Atom);
	// "" takes it from each request.
	BaseURL string
	// Title names the catalogue.
	Title  string
	HTTP   *http.Client
	Logger *slog.Logger
	// MaxContent bounds a download (0: contentstore.MaxSize).
	MaxContent int64
}

// Server is the portal's HTTP handler.
type Server struct {
	cfg    ServerConfig
	tmpl   map[string]*template.Template
	static fs.FS
	mux    *http.ServeMux
}

var funcs = template.FuncMap{
	"short":  func(h common.Hash) string { return publicdata.Short(h) },
	"date":   func(t time.Time) string { return t.Format("2 January 2006, 15:04 UTC") },
	"iso":    func(t time.Time) string { return t.Format(time.RFC3339) },
	"access": AccessRight,
	"add":    func(a, b int) int { return a + b },
	"u8":     func(i int) uint8 { return uint8(i) },
	"hexint": func(v interface{ Text(int) string }) string { return "0x" + v.Text(16) },
}

// NewServer builds the portal's handler.
func NewServer(cfg ServerConfig) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("portal server: no store")
	}
	if cfg.HTTP == nil {
		cfg.HTTP = &http.Client{Timeout: 30 * time.Second}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Title == "" {
		cfg.Title = "Sovereign open data"
	}
	if cfg.MaxContent == 0 {
		cfg.MaxContent = contentstore.MaxSize
	}
	s := &Server{cfg: cfg, tmpl: map[string]*template.Template{}, mux: http.NewServeMux()}
	for _, page := range []string{"catalogue", "dataset", "request", "error"} {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "web/templates/layout.html", "web/templates/"+page+".html")
		if err != nil {
			return nil, fmt.Errorf("portal template %s: %w", page, err)
		}
		s.tmpl[page] = t
	}
	static, err := fs.Sub(staticFS, "web/static")
	if err != nil {
		return nil, err
	}
	s.static = static
	s.mux.HandleFunc("GET /{$}", s.catalogue)
	s.mux.HandleFunc("GET /dataset/{id}", s.dataset)
	s.mux.HandleFunc("GET /download/{file}", s.download)
	s.mux.HandleFunc("GET /api/verify/{id}", s.verifyInfo)
	s.mux.HandleFunc("GET /catalog.jsonld", s.catalogJSONLD)
	s.mux.HandleFunc("GET /catalog.ttl", s.catalogTurtle)
	s.mux.HandleFunc("GET /feed.atom", s.feed)
	s.mux.HandleFunc("GET /live", s.live)
	s.mux.HandleFunc("GET /request/{id}", s.request)
	s.mux.HandleFunc("GET /dataset/{id}/request", s.requestForm)
	s.mux.HandleFunc("GET /api/request", s.requestByTx)
	s.mux.HandleFunc("GET /api/request-calldata/{id}", s.requestCalldata)
	s.mux.HandleFunc("POST /rpc", s.rpcProxy)
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		st, err := cfg.Store.Stats(r.Context())
		if err != nil {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
			return
		}
		writeJSON(w, map[string]any{"releases": st.Releases, "nextPublicBlock": st.NextPublic})
	})
	return s, nil
}

// ServeHTTP serves the portal, with security headers on every answer.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	// wasm needs 'wasm-unsafe-eval'; everything else is same-origin
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
	s.mux.ServeHTTP(w, r)
}

// AccessRight is the DCAT-AP access-rights concept of a level: its
// authority URI and English label.
func AccessRight(level uint8) struct{ URI, Label, Code string } {
	const base = "http://publications.europa.eu/resource/authority/access-right/"
	switch level {
	case 0:
		return struct{ URI, Label, Code string }{base + "PUBLIC", "public", "PUBLIC"}
	case 1:
		return struct{ URI, Label, Code string }{base + "RESTRICTED", "restricted", "RESTRICTED"}
	default:
		return struct{ URI, Label, Code string }{base + "NON_PUBLIC", "non-public", "NON_PUBLIC"}
	}
}

// page is what every template gets.
type page struct {
	Title   string
	Catalog string
	Main    any
	Status  int
}

func (s *Server) render(w http.ResponseWriter, name string, status int, title string, data any) {
	var buf bytes.Buffer
	if err := s.tmpl[name].Execute(&buf, page{Title: title, Catalog: s.cfg.Title, Main: data, Status: status}); err != nil {
		s.cfg.Logger.Error("Portal template failed", "page", name, "err", err)
		http.Error(w, "template error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// fail answers an error page (or text for non-HTML clients) with the
// status the error calls for.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusInternalServerError
	switch {
	case errors.Is(err, ErrBadQuery), errors.Is(err, publicdata.ErrBadRecordID), errors.Is(err, publicdata.ErrBadFilter):
		status = http.StatusBadRequest
	case errors.Is(err, ErrNotFound):
		status = http.StatusNotFound
	case errors.Is(err, publicdata.ErrSensitive):
		status = http.StatusForbidden
	case errors.Is(err, publicdata.ErrContent), errors.Is(err, contentstore.ErrHashMismatch):
		status = http.StatusBadGateway
	}
	if status == http.StatusInternalServerError {
		s.cfg.Logger.Error("Portal request failed", "path", r.URL.Path, "err", err)
	}
	if strings.HasPrefix(r.URL.Path, "/api/") || strings.HasPrefix(r.URL.Path, "/download/") {
		http.Error(w, err.Error(), status)
		return
	}
	s.render(w, "error", status, http.StatusText(status), err.Error())
}

// catalogueView is the catalogue template's data.
type catalogueView struct {
	*Result
	LevelNames  []string
	StatusNames []string
	Sorts       []string
	LevelSel    string
	Link        func(key, value string) string
	PageLink    func(n int) string
}

func (s *Server) catalogue(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := s.cfg.Store.Search(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := r.URL.Query()
	link := func(key, value string) string {
		u := url.Values{}
		for k, vs := range v {
			u[k] = vs
		}
		u.Del("page")
		if value == "" || u.Get(key) == value {
			u.Del(key) // a chosen facet value links to its removal
		} else {
			u.Set(key, value)
		}
		if len(u) == 0 {
			return "/"
		}
		return "/?" + u.Encode()
	}
	view := catalogueView{Result: res, LevelNames: publicdata.Levels,
		StatusNames: []string{publicdata.StatusCurrent, publicdata.StatusSuperseded, publicdata.StatusFrozen, publicdata.StatusShredded},
		Sorts:       []string{"newest", "oldest", "title", "department"}, Link: link,
		PageLink: func(n int) string {
			u := url.Values{}
			for k, vs := range v {
				u[k] = vs
			}
			u.Set("page", strconv.Itoa(n))
			return "/?" + u.Encode()
		}}
	if q.Level != nil {
		view.LevelSel = strconv.Itoa(int(*q.Level))
	}
	s.render(w, "catalogue", http.StatusOK, "Catalogue", view)
}

// parseQuery reads a catalogue query, naming the bad parameter.
func parseQuery(v url.Values) (Query, error) {
	q := Query{Text: strings.TrimSpace(v.Get("q")), Department: v.Get("department"), Status: v.Get("status"), Sort: v.Get("sort"),
		From: v.Get("from"), Until: v.Get("until")}
	for _, p := range []struct {
		name string
		to   *int
	}{{"page", &q.Page}, {"per_page", &q.PerPage}} {
		if s := v.Get(p.name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				return q, fmt.Errorf("%w: %s %q: want a whole number", ErrBadQuery, p.name, s)
			}
			*p.to = n
		}
	}
	if s := v.Get("level"); s != "" {
		l, err := publicdata.ParseLevel(s)
		if err != nil {
			return q, err
		}
		q.Level = &l
	}
	return q, q.Check()
}

// datasetView is the dataset template's data.
type datasetView struct {
	R        *Release
	Versions []*Release
	Cert     *Certification
	Older    []*Release // the supersede chain backwards
	Newer    []*Release // and forwards
	HasRPC   bool
	Requests []*AccessRequest
}

// release reads the release a request names by its record id (raw),
// answering the error itself when there is none.
func (s *Server) release(w http.ResponseWriter, r *http.Request, raw string) (*Release, bool) {
	id, err := publicdata.ParseID(raw)
	if err == nil {
		var rel *Release
		if rel, err = s.cfg.Store.Release(r.Context(), id); err == nil {
			return rel, true
		}
	}
	s.fail(w, r, err)
	return nil, false
}

func (s *Server) dataset(w http.ResponseWriter, r *http.Request) {
	rel, ok := s.release(w, r, r.PathValue("id"))
	if !ok {
		return
	}
	id := rel.RecordID
	var err error
	v := datasetView{R: rel, HasRPC: s.cfg.PublicRPC != ""}
	if v.Versions, err = s.cfg.Store.Versions(r.Context(), rel.DatasetID); err != nil {
		s.fail(w, r, err)
		return
	}
	if v.Cert, err = s.cfg.Store.Certification(r.Context(), id); err != nil {
		s.fail(w, r, err)
		return
	}
	v.Older, v.Newer = chain(rel, v.Versions)
	if v.Requests, err = s.cfg.Store.accessRequests(r.Context(), "record_id = ?", id.Hex()); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, "dataset", http.StatusOK, rel.Name()+" — version "+strconv.FormatUint(rel.Version, 10), v)
}

// chain walks the supersede links of rel both ways among versions.
func chain(rel *Release, versions []*Release) (older, newer []*Release) {
	by := map[uint64]*Release{}
	for _, v := range versions {
		by[v.Version] = v
	}
	for v := by[rel.Supersedes]; v != nil && len(older) < len(versions); v = by[v.Supersedes] {
		older = append(older, v)
		if v.Supersedes == 0 {
			break
		}
	}
	for v := by[rel.SupersededBy]; v != nil && len(newer) < len(versions); v = by[v.SupersededBy] {
		newer = append(newer, v)
		if v.SupersededBy == 0 {
			break
		}
	}
	return older, newer
}

// content downloads a release's released view from the content store,
// checked against the release's content hash.
func (s *Server) content(ctx context.Context, rel *Release) ([]byte, error) {
	if !rel.HasContent() {
		return nil, fmt.Errorf("%w %s: level %d (%s)%s: no public content", publicdata.ErrSensitive, rel.RecordID.Hex(), rel.Level, rel.LevelName(),
			map[bool]string{true: ", shredded", false: ""}[rel.Shredded])
	}
	if s.cfg.Content == "" {
		return nil, fmt.Errorf("%w: the portal has no content store URL (--content.url)", publicdata.ErrContent)
	}
	b, err := contentstore.Get(ctx, s.cfg.HTTP, s.cfg.Content, common.Bytes2Hex(rel.ContentHash[:]), s.cfg.MaxContent)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", publicdata.ErrContent, rel.ContentHash.Hex(), err)
	}
	return b, nil
}

// download serves /download/{record id}.csv (the released view file as
// hashed on chain, withheld columns empty) or .json (the released columns
// as an array of objects).
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	file := r.PathValue("file")
	ext := file[strings.LastIndexByte(file, '.')+1:]
	if ext != "csv" && ext != "json" {
		s.fail(w, r, fmt.Errorf("%w: download %q: want RECORD_ID.csv or RECORD_ID.json", ErrNotFound, file))
		return
	}
	rel, ok := s.release(w, r, strings.TrimSuffix(file, "."+ext))
	if !ok {
		return
	}
	b, err := s.content(r.Context(), rel)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	name := fmt.Sprintf("%s-v%d", strings.Trim(strings.Map(safeName, strings.ToLower(rel.Name())), "-"), rel.Version)
	h := w.Header()
	h.Set("X-Content-SHA256", common.Bytes2Hex(rel.ContentHash[:]))
	h.Set("Cache-Control", "public, max-age=31536000, immutable") // content-addressed
	if ext == "csv" {
		h.Set("Content-Type", "text/csv; charset=utf-8")
		h.Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
		_, _ = w.Write(b)
		return
	}
	view, err := record.ParseReleasedView(b)
	if err != nil {
		s.fail(w, r, fmt.Errorf("%w %s: %w", publicdata.ErrContent, rel.ContentHash.Hex(), err))
		return
	}
	t := view.ReleasedColumns()
	rows := make([]orderedRow, len(t.Rows))
	for i, row := range t.Rows {
		rows[i] = orderedRow{cols: t.Columns, cells: row}
	}
	h.Set("Content-Type", "application/json")
	h.Set("Content-Disposition", `attachment; filename="`+name+`.json"`)
	_ = json.NewEncoder(w).Encode(rows)
}

// orderedRow is a JSON object with its keys in column order.
type orderedRow struct{ cols, cells []string }

func (o orderedRow) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, c := range o.cols {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, _ := json.Marshal(c)
		v, _ := json.Marshal(o.cells[i])
		buf.Write(k)
		buf.WriteByte(':')
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

func safeName(r rune) rune {
	if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
		return r
	}
	return '-'
}

// verifyInfo is what the browser's Verify starts from: where to check
// (the registry, which names the verifier of each version) and the proof
// from the consortium's Submitted event. Every value it checks it reads
// from the chain itself.
func (s *Server) verifyInfo(w http.ResponseWriter, r *http.Request) {
	rel, ok := s.release(w, r, r.PathValue("id"))
	if !ok {
		return
	}
	id := rel.RecordID
	out := map[string]any{
		"recordId": id, "registry": s.cfg.Registry, "bridge": s.cfg.Bridge,
		"publishedTopic": publicdata.PublishedTopic, "block": rel.Block,
		"download": "/download/" + id.Hex() + ".csv", "rpc": "/rpc", "hasContent": rel.HasContent(),
	}
	if p, err := s.cfg.Store.Proof(r.Context(), id); err == nil {
		out["proof"] = "0x" + common.Bytes2Hex(p)
	}
	writeJSON(w, out)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// rpcMethods are the JSON-RPC methods /rpc forwards: reads only.
var rpcMethods = map[string]bool{"eth_call": true, "eth_chainId": true, "eth_getLogs": true}

// maxRPCBody bounds a proxied request.
const maxRPCBody = 64 << 10

// rpcProxy forwards one JSON-RPC request (no batches) of an allowed
// method to the public chain.
func (s *Server) rpcProxy(w http.ResponseWriter, r *http.Request) {
	if s.cfg.PublicRPC == "" {
		http.Error(w, "no public RPC configured", http.StatusNotFound)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxRPCBody+1))
	if err != nil {
		http.Error(w, "reading the request: "+err.Error(), http.StatusBadRequest)
		return
	}
	if len(body) > maxRPCBody {
		http.Error(w, fmt.Sprintf("request over %d bytes", maxRPCBody), http.StatusRequestEntityTooLarge)
		return
	}
	var req struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Method  string          `json:"method"`
		Params  json.RawMessage `json:"params"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		rpcError(w, nil, -32700, "parse error: want one JSON-RPC request object (no batches): "+err.Error())
		return
	}
	if !rpcMethods[req.Method] {
		rpcError(w, req.ID, -32601, fmt.Sprintf("method %q is not served here: only eth_call, eth_chainId and eth_getLogs", req.Method))
		return
	}
	if req.Method == "eth_getLogs" {
		if err := checkLogQuery(req.Params); err != nil {
			rpcError(w, req.ID, -32602, "eth_getLogs: "+err.Error())
			return
		}
	}
	clean, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": req.ID, "method": req.Method, "params": req.Params})
	if err != nil {
		rpcError(w, req.ID, -32600, err.Error())
		return
	}
	fwd, err := http.NewRequestWithContext(r.Context(), http.MethodPost, s.cfg.PublicRPC, bytes.NewReader(clean))
	if err != nil {
		rpcError(w, req.ID, -32603, err.Error())
		return
	}
	fwd.Header.Set("Content-Type", "application/json")
	resp, err := s.cfg.HTTP.Do(fwd)
	if err != nil {
		rpcError(w, req.ID, -32603, "public chain: "+err.Error())
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(w, io.LimitReader(resp.Body, 8<<20))
}

// maxLogRange is the most blocks an eth_getLogs through /rpc may cover.
const maxLogRange = 5000

// checkLogQuery admits one filter naming an address and a bounded block
// range (numbers, at most maxLogRange blocks) or a block hash.
func checkLogQuery(params json.RawMessage) error {
	var q []struct {
		Address   json.RawMessage `json:"address"`
		FromBlock string          `json:"fromBlock"`
		ToBlock   string          `json:"toBlock"`
		BlockHash string          `json:"blockHash"`
	}
	if err := json.Unmarshal(params, &q); err != nil || len(q) != 1 {
		return errors.New("params: want one filter object")
	}
	f := q[0]
	if len(f.Address) == 0 || string(f.Address) == "null" {
		return errors.New("address: a contract address is needed")
	}
	if f.BlockHash != "" {
		return nil
	}
	from, err1 := strconv.ParseUint(strings.TrimPrefix(f.FromBlock, "0x"), 16, 64)
	to, err2 := strconv.ParseUint(strings.TrimPrefix(f.ToBlock, "0x"), 16, 64)
	if err1 != nil || err2 != nil || !strings.HasPrefix(f.FromBlock, "0x") || !strings.HasPrefix(f.ToBlock, "0x") {
		return errors.New("fromBlock and toBlock: want block numbers (0x…), not tags")
	}
	if to < from || to-from >= maxLogRange {
		return fmt.Errorf("fromBlock %d to toBlock %d: at most %d blocks", from, to, maxLogRange)
	}
	return nil
}

func rpcError(w http.ResponseWriter, id json.RawMessage, code int, msg string) {
	if len(id) == 0 {
		id = json.RawMessage("null")
	}
	writeJSON(w, map[string]any{"jsonrpc": "2.0", "id": id, "error": map[string]any{"code": code, "message": msg}})
}

// baseURL is the portal's URL for absolute links.
func (s *Server) baseURL(r *http.Request) string {
	if s.cfg.BaseURL != "" {
		return strings.TrimSuffix(s.cfg.BaseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
