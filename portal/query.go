package portal

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/sovereign-gov/sovereign/publicdata"
)

// Errors the handlers map to HTTP statuses.
var (
	ErrNotFound = errors.New("not found")
	ErrBadQuery = errors.New("bad query")
)

// Release is one indexed release (a dataset version) as pages show it.
type Release struct {
	RecordID     common.Hash
	DatasetID    common.Hash
	Department   common.Hash
	DeptName     string // "" when the portal has no name for the hash
	Title        string // from the metadata, else ""
	Description  string
	Keywords     string
	Version      uint64
	Seq          uint64
	Level        uint8
	Threshold    uint8
	Supersedes   uint64
	SupersededBy uint64
	Commitment   *big.Int
	ReleasedRoot *big.Int
	ContentHash  common.Hash
	// VerifierVersion is the consortium verifier the proof passed (the
	// registry names each version's verifier on the public chain).
	VerifierVersion uint32
	Block           uint64
	BlockHash       common.Hash
	Tx              common.Hash
	Time            time.Time
	Frozen          bool
	FrozenReason    string
	Shredded        bool
	ShredReceipt    common.Hash
	Status          string
}

// Name is the title, or a name made from the ids.
func (r *Release) Name() string {
	if r.Title != "" {
		return r.Title
	}
	return "Dataset " + publicdata.Short(r.DatasetID)
}

// Publisher is the department name, or its short id.
func (r *Release) Publisher() string {
	if r.DeptName != "" {
		return r.DeptName
	}
	if r.Department == (common.Hash{}) {
		return "unknown department"
	}
	return "department " + publicdata.Short(r.Department)
}

// LevelName is open, conditional or sensitive.
func (r *Release) LevelName() string { return publicdata.LevelName(r.Level) }

// HasContent tells whether the release has public content (not sensitive, not shredded).
func (r *Release) HasContent() bool { return r.Level < 2 && !r.Shredded }

const releaseColumns = `r.record_id, r.dataset_id, r.department, COALESCE(d.name, ''), COALESCE(m.title, ''), COALESCE(m.description, ''),
	COALESCE(m.keywords, ''), r.version, r.seq, r.level, r.threshold, r.supersedes, r.superseded_by, r.commitment, r.released_root,
	r.content_hash, r.verifier_version, r.block, r.block_hash, r.tx, r.time, r.frozen, r.frozen_reason, r.shredded, r.shred_receipt, r.status`

const releaseFrom = ` FROM releases r LEFT JOIN departments d ON d.id = r.department LEFT JOIN datasets m ON m.id = r.dataset_id`

type scanner interface{ Scan(...any) error }

func scanRelease(s scanner) (*Release, error) {
	var r Release
	var id, ds, dep, commit, root, content, bh, tx, receipt string
	var t int64
	if err := s.Scan(&id, &ds, &dep, &r.DeptName, &r.Title, &r.Description, &r.Keywords, &r.Version, &r.Seq, &r.Level, &r.Threshold,
		&r.Supersedes, &r.SupersededBy, &commit, &root, &content, &r.VerifierVersion, &r.Block, &bh, &tx, &t, &r.Frozen, &r.FrozenReason,
		&r.Shredded, &receipt, &r.Status); err != nil {
		return nil, err
	}
	r.RecordID, r.DatasetID, r.Department = common.HexToHash(id), common.HexToHash(ds), common.HexToHash(dep)
	r.Commitment, _ = new(big.Int).SetString(strings.TrimPrefix(commit, "0x"), 16)
	r.ReleasedRoot, _ = new(big.Int).SetString(strings.TrimPrefix(root, "0x"), 16)
	r.ContentHash, r.BlockHash, r.Tx = common.HexToHash(content), common.HexToHash(bh), common.HexToHash(tx)
	r.ShredReceipt = common.HexToHash(receipt)
	r.Time = time.Unix(t, 0).UTC()
	return &r, nil
}

func (s *Store) releases(ctx context.Context, where string, args ...any) ([]*Release, error) {
	rows, err := s.query(ctx, `SELECT `+releaseColumns+releaseFrom+` `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("index query: %w", err)
	}
	defer rows.Close()
	var out []*Release
	for rows.Next() {
		r, err := scanRelease(rows)
		if err != nil {
			return nil, fmt.Errorf("index row: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Query is a catalogue search. Zero fields do not filter.
type Query struct {
	Text       string // words, each in the title, department name, keywords or description
	Department string // department id (0x…)
	Level      *uint8
	Status     string
	// From and Until bound the publication date (days, UTC; Until inclusive).
	From, Until string
	Sort        string // newest (default), oldest, title, department
	Page        int    // 1-based
	PerPage     int
}

// Sorts are the catalogue's sort orders, by name.
var Sorts = map[string]string{
	"newest":     "r.seq DESC",
	"oldest":     "r.seq ASC",
	"title":      "COALESCE(m.title, r.dataset_id) ASC, r.version DESC",
	"department": "", // byDepartment
}

// MaxPerPage bounds a page.
const MaxPerPage = 100

// Facet is one value of a facet and how many matches have it.
type Facet struct {
	Value string
	Label string
	Count int
}

// Result is one page of a search, with facet counts over all its matches.
type Result struct {
	Query       Query
	Releases    []*Release
	Total       int
	Departments []Facet
	Levels      []Facet
	Statuses    []Facet
}

// Start is the position of the page's first release.
func (r *Result) Start() int { return (r.Query.Page-1)*r.Query.PerPage + 1 }

// Pages is the number of pages.
func (r *Result) Pages() int { return max(1, (r.Total+r.Query.PerPage-1)/r.Query.PerPage) }

// where builds the filter of q; skip leaves one facet's own filter out
// (a facet counts what choosing another of its values would give).
func (q *Query) where(skip string) (string, []any) {
	var conds []string
	var args []any
	for _, w := range strings.Fields(strings.ToLower(q.Text)) {
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(w) + "%"
		// the words are looked up in the small name tables, not per release
		// numbered: each word's pattern and id are its own two arguments
		like1, id2 := fmt.Sprintf("?%d", len(args)+1), fmt.Sprintf("?%d", len(args)+2)
		conds = append(conds, strings.NewReplacer("?1", like1, "?2", id2).Replace(
			`(r.dataset_id IN (SELECT id FROM datasets WHERE lower(title) LIKE ?1 ESCAPE '\' OR lower(keywords) LIKE ?1 ESCAPE '\'
			OR lower(description) LIKE ?1 ESCAPE '\') OR r.department IN (SELECT id FROM departments WHERE lower(name) LIKE ?1 ESCAPE '\')
			OR r.record_id = ?2 OR r.dataset_id = ?2)`))
		args = append(args, like, w)
	}
	if q.Department != "" && skip != "department" {
		conds = append(conds, "r.department = ?")
		args = append(args, q.Department)
	}
	if q.Level != nil && skip != "level" {
		conds = append(conds, "r.level = ?")
		args = append(args, *q.Level)
	}
	if q.From != "" {
		t, _ := time.Parse(time.DateOnly, q.From)
		conds = append(conds, "r.time >= ?")
		args = append(args, t.Unix())
	}
	if q.Until != "" {
		t, _ := time.Parse(time.DateOnly, q.Until)
		conds = append(conds, "r.time < ?")
		args = append(args, t.AddDate(0, 0, 1).Unix())
	}
	if q.Status != "" && skip != "status" {
		conds = append(conds, "r.status = ?")
		args = append(args, q.Status)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// Check normalises q and names its first bad field.
func (q *Query) Check() error {
	if q.Page == 0 {
		q.Page = 1
	}
	if q.PerPage == 0 {
		q.PerPage = 20
	}
	if q.Page < 1 {
		return fmt.Errorf("%w: page %d: want 1 or more", ErrBadQuery, q.Page)
	}
	if q.PerPage < 1 || q.PerPage > MaxPerPage {
		return fmt.Errorf("%w: per_page %d: want 1 to %d", ErrBadQuery, q.PerPage, MaxPerPage)
	}
	if q.Sort == "" {
		q.Sort = "newest"
	}
	if _, ok := Sorts[q.Sort]; !ok {
		return fmt.Errorf("%w: sort %q: want newest, oldest, title or department", ErrBadQuery, q.Sort)
	}
	if q.Status != "" {
		if err := publicdata.CheckStatus(q.Status); err != nil {
			return err
		}
	}
	for _, d := range []struct{ name, v string }{{"from", q.From}, {"until", q.Until}} {
		if _, err := time.Parse(time.DateOnly, d.v); d.v != "" && err != nil {
			return fmt.Errorf("%w: %s %q: want a date as YYYY-MM-DD", ErrBadQuery, d.name, d.v)
		}
	}
	if q.Department != "" {
		id, err := publicdata.ParseID(q.Department)
		if err != nil {
			return fmt.Errorf("%w: department: %w", ErrBadQuery, err)
		}
		q.Department = id.Hex()
	}
	if len(q.Text) > 200 {
		return fmt.Errorf("%w: q: %d characters, at most 200", ErrBadQuery, len(q.Text))
	}
	return nil
}

// Search runs a catalogue query.
func (s *Store) Search(ctx context.Context, q Query) (*Result, error) {
	if err := q.Check(); err != nil {
		return nil, err
	}
	res := &Result{Query: q}
	c, err := s.searchCounts(ctx, &q)
	if err != nil {
		return nil, err
	}
	res.Total, res.Departments, res.Levels, res.Statuses = c.total, c.departments, c.levels, c.statuses
	where, args := q.where("")
	if q.Sort == "department" {
		res.Releases, err = s.byDepartment(ctx, &q, where, args, c.departments)
	} else {
		res.Releases, err = s.releases(ctx, where+" ORDER BY "+Sorts[q.Sort]+" LIMIT ? OFFSET ?", append(args, q.PerPage, (q.Page-1)*q.PerPage)...)
	}
	if err != nil {
		return nil, err
	}
	return res, nil
}

// byDepartment is a page of q sorted by department name, then newest
// first: the department counts say which departments the page spans, and
// each is read through its (department, seq) index, so a deep page costs
// no sort of every match.
// depts are the department counts in label order.
func (s *Store) byDepartment(ctx context.Context, q *Query, where string, args []any, depts []Facet) ([]*Release, error) {
	skip, want := (q.Page-1)*q.PerPage, q.PerPage
	cond := " WHERE r.department = ?"
	if where != "" {
		cond = where + " AND r.department = ?"
	}
	var out []*Release
	for _, d := range depts {
		if q.Department != "" && d.Value != q.Department {
			continue
		}
		if skip >= d.Count {
			skip -= d.Count
			continue
		}
		rs, err := s.releases(ctx, cond+" ORDER BY r.seq DESC LIMIT ? OFFSET ?", append(slices.Clone(args), d.Value, want, skip)...)
		if err != nil {
			return nil, err
		}
		out = append(out, rs...)
		skip, want = 0, want-len(rs)
		if want <= 0 {
			break
		}
	}
	return out, nil
}

// counts are a filter's match count and facet counts.
type counts struct {
	total                         int
	departments, levels, statuses []Facet
}

// maxCounts bounds the cache of counts.
const maxCounts = 1024

// searchCounts counts q's matches and facets, or takes them from the cache
// when nothing was written since.
func (s *Store) searchCounts(ctx context.Context, q *Query) (*counts, error) {
	level := ""
	if q.Level != nil {
		level = fmt.Sprint(*q.Level)
	}
	key := strings.Join([]string{strings.ToLower(q.Text), q.Department, level, q.Status, q.From, q.Until}, "\x00")
	s.mu.Lock()
	gen := s.gen
	if s.countGen != gen || len(s.counts) >= maxCounts {
		s.counts, s.countGen = map[string]*counts{}, gen
	}
	c := s.counts[key]
	s.mu.Unlock()
	if c != nil {
		return c, nil
	}
	c = &counts{}
	where, args := q.where("")
	if err := s.queryRow(ctx, `SELECT COUNT(*)`+" FROM releases r"+where, args...).Scan(&c.total); err != nil {
		return nil, fmt.Errorf("index count: %w", err)
	}
	var err error
	if c.departments, err = s.facet(ctx, q, "department", "r.department"); err != nil {
		return nil, err
	}
	if c.levels, err = s.facet(ctx, q, "level", "r.level"); err != nil {
		return nil, err
	}
	if c.statuses, err = s.facet(ctx, q, "status", "r.status"); err != nil {
		return nil, err
	}
	names, err := s.departmentNames(ctx)
	if err != nil {
		return nil, err
	}
	for i := range c.levels {
		var l uint8
		fmt.Sscan(c.levels[i].Value, &l)
		c.levels[i].Label = publicdata.LevelName(l)
	}
	for i := range c.statuses {
		c.statuses[i].Label = c.statuses[i].Value
	}
	for i := range c.departments {
		if c.departments[i].Label = names[c.departments[i].Value]; c.departments[i].Label == "" {
			c.departments[i].Label = "department " + publicdata.Short(common.HexToHash(c.departments[i].Value))
		}
	}
	slices.SortStableFunc(c.departments, func(a, b Facet) int { return strings.Compare(a.Label, b.Label) })
	s.mu.Lock()
	if s.countGen == gen {
		s.counts[key] = c
	}
	s.mu.Unlock()
	return c, nil
}

// departmentNames are the known department names by id.
func (s *Store) departmentNames(ctx context.Context) (map[string]string, error) {
	rows, err := s.query(ctx, `SELECT id, name FROM departments`)
	if err != nil {
		return nil, fmt.Errorf("index departments: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		out[id] = name
	}
	return out, rows.Err()
}

// facet counts q's matches (without its own filter name) by col.
func (s *Store) facet(ctx context.Context, q *Query, name, col string) ([]Facet, error) {
	where, args := q.where(name)
	rows, err := s.query(ctx, `SELECT `+col+`, COUNT(*)`+" FROM releases r"+where+` GROUP BY `+col+` ORDER BY `+col, args...)
	if err != nil {
		return nil, fmt.Errorf("index facet %s: %w", name, err)
	}
	defer rows.Close()
	var out []Facet
	for rows.Next() {
		var f Facet
		if err := rows.Scan(&f.Value, &f.Count); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// Release reads one release; ErrNotFound if the index has none.
func (s *Store) Release(ctx context.Context, id common.Hash) (*Release, error) {
	rs, err := s.releases(ctx, "WHERE r.record_id = ?", id.Hex())
	if err != nil {
		return nil, err
	}
	if len(rs) == 0 {
		return nil, fmt.Errorf("%w: record %s is not in the index", ErrNotFound, id.Hex())
	}
	return rs[0], nil
}

// Versions are a dataset's releases, by version.
func (s *Store) Versions(ctx context.Context, dataset common.Hash) ([]*Release, error) {
	return s.releases(ctx, "WHERE r.dataset_id = ? ORDER BY r.version", dataset.Hex())
}

// Recent are the n newest releases.
func (s *Store) Recent(ctx context.Context, n int) ([]*Release, error) {
	return s.releases(ctx, "ORDER BY r.seq DESC LIMIT ?", n)
}

// All are every release, oldest first.
func (s *Store) All(ctx context.Context) ([]*Release, error) {
	return s.releases(ctx, "ORDER BY r.seq")
}

// Certification is where a release came from: the certified consortium
// block (the bridge's Relayed event) and the consortium's decision.
type Certification struct {
	Relayed  bool
	Number   uint64      // consortium block
	Hash     common.Hash // its hash
	Receipt  uint64
	LogIndex uint64
	RelayTx  common.Hash // public chain
	RelayAt  uint64      // public block
	Decided  bool
	Approved bool
	Decision common.Hash // consortium tx of the Decision
	Votes    []Vote
	HasProof bool
}

// Vote is one validator's vote on a record.
type Vote struct {
	Validator common.Address
	Approve   bool
	Reason    string
	Tx        common.Hash
	Block     uint64
}

// Certification reads what the index has about a record's certification.
func (s *Store) Certification(ctx context.Context, id common.Hash) (*Certification, error) {
	c := &Certification{}
	var bh, tx string
	err := s.queryRow(ctx, `SELECT number, block_hash, receipt_index, c_log_index, tx, block FROM relayed WHERE record_id = ? ORDER BY block, log_index LIMIT 1`, id.Hex()).
		Scan(&c.Number, &bh, &c.Receipt, &c.LogIndex, &tx, &c.RelayAt)
	switch {
	case err == nil:
		c.Relayed, c.Hash, c.RelayTx = true, common.HexToHash(bh), common.HexToHash(tx)
	case !errors.Is(err, sql.ErrNoRows):
		return nil, fmt.Errorf("index relayed: %w", err)
	}
	err = s.queryRow(ctx, `SELECT approved, tx FROM decisions WHERE record_id = ? ORDER BY block DESC, log_index DESC LIMIT 1`, id.Hex()).Scan(&c.Approved, &tx)
	switch {
	case err == nil:
		c.Decided, c.Decision = true, common.HexToHash(tx)
	case !errors.Is(err, sql.ErrNoRows):
		return nil, fmt.Errorf("index decisions: %w", err)
	}
	rows, err := s.query(ctx, `SELECT validator, approve, reason, tx, block FROM votes WHERE record_id = ? ORDER BY block, log_index`, id.Hex())
	if err != nil {
		return nil, fmt.Errorf("index votes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v Vote
		var val string
		if err := rows.Scan(&val, &v.Approve, &v.Reason, &tx, &v.Block); err != nil {
			return nil, err
		}
		v.Validator, v.Tx = common.HexToAddress(val), common.HexToHash(tx)
		c.Votes = append(c.Votes, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	_, err = s.Proof(ctx, id)
	c.HasProof = err == nil
	return c, nil
}

// Proof is the proof bytes of a record from the consortium's Submitted
// event; ErrNotFound if the index has none.
func (s *Store) Proof(ctx context.Context, id common.Hash) ([]byte, error) {
	var p []byte
	err := s.queryRow(ctx, `SELECT proof FROM submitted WHERE record_id = ? ORDER BY block DESC, log_index DESC LIMIT 1`, id.Hex()).Scan(&p)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: no Submitted proof of record %s in the index", ErrNotFound, id.Hex())
	}
	return p, err
}

// Stats are the index's counts and cursors.
type Stats struct {
	Releases   int
	NextPublic uint64
}

// Stats reads them.
func (s *Store) Stats(ctx context.Context) (*Stats, error) {
	st := &Stats{}
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM releases`).Scan(&st.Releases); err != nil {
		return nil, err
	}
	var err error
	st.NextPublic, err = s.cursor(ctx, chainPublic)
	return st, err
}
