// Package publicdata is the public reader of released data: it lists the
// DataRegistry's records, shows one with its versions and supersede chain,
// downloads a release's content and verifies it end to end (content hash,
// released root, the proof against the public verifier, the certified
// consortium block), and reconciles the consortium's decisions with what
// the public chain published. It only reads: every value it checks comes
// from the public registry, so the RPCs, the content store and the proof's
// source need not be trusted.
package publicdata

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/contentstore"
	"github.com/sovereign-gov/sovereign/record"
)

// Backend is what the reader needs of a chain's JSON-RPC (ethclient.Client
// and the simulated backend's client are Backends).
type Backend interface {
	bind.ContractCaller
	ethereum.LogFilterer
	BlockNumber(ctx context.Context) (uint64, error)
}

// Errors callers may test for.
var (
	ErrUnknownRecord = errors.New("unknown record")
	ErrBadRecordID   = errors.New("malformed record id")
	ErrSensitive     = errors.New("sensitive record")
	ErrContent       = errors.New("released content")
	ErrNoConsortium  = errors.New("no consortium RPC")
	ErrBadFilter     = errors.New("bad filter")
)

// Levels are the DCAT-AP access levels by number.
var Levels = []string{"open", "conditional", "sensitive"}

// LevelName names a level.
func LevelName(l uint8) string {
	if int(l) < len(Levels) {
		return Levels[l]
	}
	return fmt.Sprintf("level %d", l)
}

// Statuses a record can be in, most telling first.
const (
	StatusCurrent    = "current"
	StatusSuperseded = "superseded"
	StatusFrozen     = "frozen"
	StatusShredded   = "shredded"
)

// Reader reads one system's public chain (and, for proofs and reconcile,
// its consortium).
type Reader struct {
	Public   Backend
	Registry common.Address
	Bridge   common.Address
	Verifier common.Address // the classification verifier on the public chain
	// Consortium and ReviewBoard: where proofs and decisions are read
	// (optional for list, show and get).
	Consortium  Backend
	ReviewBoard common.Address
	Content     string       // base URL of the content store (or a mirror)
	HTTP        *http.Client // nil: http.DefaultClient
	// LogRange is the most blocks one eth_getLogs covers (0: 5000);
	// FromBlock is where log scans start on both chains.
	LogRange  uint64
	FromBlock uint64
	// MaxContent bounds a download (0: contentstore.MaxSize).
	MaxContent int64
}

// Record is a published record: the registry's stored view, the values of
// its Published event and its status.
type Record struct {
	ID           common.Hash `json:"recordId"`
	Dataset      common.Hash `json:"datasetId"`
	Seq          uint64      `json:"seq"`
	Version      uint64      `json:"version"`
	Level        uint8       `json:"level"`
	LevelName    string      `json:"levelName"`
	Threshold    uint8       `json:"threshold"`
	Supersedes   uint64      `json:"supersedes,omitempty"`
	SupersededBy uint64      `json:"supersededBy,omitempty"`
	PublishedAt  time.Time   `json:"publishedAt"`
	Frozen       bool        `json:"frozen"`
	Shredded     bool        `json:"shredded"`
	Status       string      `json:"status"`
	ValuesHash   common.Hash `json:"valuesHash"`
	// Department is keccak256(bytes(name)) of the submitting department.
	// Zero until the Published event carries it (events.go fills it from
	// Values.Department); list fills it from the event when filtering on it.
	Department common.Hash `json:"department"`
	// The released values, from the Published event (nil unless loaded).
	Published *Values `json:"published,omitempty"`
}

func fromStored(s dataregistry.IDataRegistryRecord) *Record {
	r := &Record{
		ID: s.RecordId, Dataset: s.DatasetId, Seq: s.Seq, Version: s.Version, Level: s.Level,
		LevelName: LevelName(s.Level), Threshold: s.Threshold, Supersedes: s.Supersedes,
		SupersededBy: s.SupersededBy, PublishedAt: time.Unix(int64(s.PublishedAt), 0).UTC(),
		Frozen: s.Frozen, Shredded: s.Shredded, ValuesHash: s.ValuesHash,
	}
	switch {
	case s.Shredded:
		r.Status = StatusShredded
	case s.Frozen:
		r.Status = StatusFrozen
	case s.SupersededBy != 0:
		r.Status = StatusSuperseded
	default:
		r.Status = StatusCurrent
	}
	return r
}

// RecordID is keccak256(abi.encode(datasetId, version)).
func RecordID(dataset common.Hash, version uint64) common.Hash {
	var buf [64]byte
	copy(buf[:32], dataset[:])
	new(big.Int).SetUint64(version).FillBytes(buf[32:])
	return crypto.Keccak256Hash(buf[:])
}

// ValuesHash is DataRegistry.hashValues: keccak256(abi.encode(commitment,
// releasedRoot, contentHash, verifierVersion)).
func ValuesHash(commitment, releasedRoot *big.Int, contentHash common.Hash, verifierVersion uint32) common.Hash {
	var buf [128]byte
	commitment.FillBytes(buf[:32])
	releasedRoot.FillBytes(buf[32:64])
	copy(buf[64:96], contentHash[:])
	new(big.Int).SetUint64(uint64(verifierVersion)).FillBytes(buf[96:])
	return crypto.Keccak256Hash(buf[:])
}

// DepartmentID is a department's id: keccak256(bytes(name)).
func DepartmentID(name string) common.Hash { return crypto.Keccak256Hash([]byte(name)) }

// ParseID reads a 32-byte id: 64 hex digits, 0x optional.
func ParseID(s string) (common.Hash, error) {
	h := strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(s), "0x"), "0X")
	if len(h) != 64 {
		return common.Hash{}, fmt.Errorf("%w %q: want 32 bytes as 64 hex digits (0x…)", ErrBadRecordID, s)
	}
	for _, c := range h {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return common.Hash{}, fmt.Errorf("%w %q: %q is not a hex digit", ErrBadRecordID, s, c)
		}
	}
	return common.HexToHash(h), nil
}

// Short is the short form of an id (first 4 and last 2 bytes).
func Short(h common.Hash) string { return h.Hex()[:10] + "…" + h.Hex()[62:] }

func (r *Reader) call(ctx context.Context, to common.Address, data []byte) ([]byte, error) {
	return r.Public.CallContract(ctx, ethereum.CallMsg{To: &to, Data: data}, nil)
}

// callRegistry runs a view of the registry and unpacks its answer.
func callRegistry[T any](ctx context.Context, r *Reader, data []byte, unpack func([]byte) (T, error)) (T, error) {
	var zero T
	out, err := r.call(ctx, r.Registry, data)
	if err != nil {
		return zero, fmt.Errorf("registry %s: %w", r.Registry, err)
	}
	v, err := unpack(out)
	if err != nil {
		return zero, fmt.Errorf("registry %s: answer %x: %w", r.Registry, out, err)
	}
	return v, nil
}

// Count is the number of published records.
func (r *Reader) Count(ctx context.Context) (uint64, error) {
	n, err := callRegistry(ctx, r, registryABI.PackRecordCount(), registryABI.UnpackRecordCount)
	if err != nil {
		return 0, err
	}
	return n.Uint64(), nil
}

// Record reads a record by id; ErrUnknownRecord if the registry has none.
func (r *Reader) Record(ctx context.Context, id common.Hash) (*Record, error) {
	out, err := r.call(ctx, r.Registry, registryABI.PackGetRecord(id))
	if err != nil {
		if isUnknownRecord(err) {
			return nil, fmt.Errorf("%w %s: not published on the public registry %s", ErrUnknownRecord, id.Hex(), r.Registry)
		}
		return nil, fmt.Errorf("registry %s: getRecord %s: %w", r.Registry, id.Hex(), err)
	}
	s, err := registryABI.UnpackGetRecord(out)
	if err != nil {
		return nil, fmt.Errorf("registry %s: getRecord answer: %w", r.Registry, err)
	}
	return fromStored(s), nil
}

// isUnknownRecord tells an UnknownRecord revert from other call errors.
func isUnknownRecord(err error) bool {
	id := registryABI.GetABI().Errors["UnknownRecord"].ID
	sel := id[:4]
	var de interface{ ErrorData() interface{} }
	if errors.As(err, &de) {
		if s, ok := de.ErrorData().(string); ok {
			b := common.FromHex(s)
			return len(b) >= 4 && string(b[:4]) == string(sel)
		}
	}
	return strings.Contains(err.Error(), "UnknownRecord") || strings.Contains(err.Error(), common.Bytes2Hex(sel))
}

// versions returns every published version of a dataset, in publication order.
func (r *Reader) versions(ctx context.Context, dataset common.Hash) ([]*Record, error) {
	var out []*Record
	cursor := new(big.Int)
	for {
		page, err := callRegistry(ctx, r, registryABI.PackRecordsByDataset(dataset, cursor, big.NewInt(pageSize)), registryABI.UnpackRecordsByDataset)
		if err != nil {
			return nil, err
		}
		for _, s := range page.Page {
			out = append(out, fromStored(s))
		}
		if page.Next == nil || page.Next.Sign() == 0 || len(page.Page) == 0 {
			break
		}
		cursor = page.Next
	}
	slices.Reverse(out)
	return out, nil
}

// pageSize is how many records one view call returns.
const pageSize = 100

// Filter selects records for List. Zero fields do not filter.
type Filter struct {
	Department *common.Hash // keccak256(bytes(name))
	Level      *uint8
	Status     string
	Dataset    *common.Hash
	Page       int // 1-based (0: 1)
	PerPage    int // 0: 20
}

// Page is one page of a filtered list.
type Page struct {
	Records []*Record `json:"records"`
	Page    int       `json:"page"`
	PerPage int       `json:"perPage"`
	Total   int       `json:"total"` // records matching the filter
}

// ParseLevel reads a level name (open, conditional, sensitive) or number.
func ParseLevel(s string) (uint8, error) {
	if l, err := record.ParseLevel(s); err == nil {
		return uint8(l), nil
	}
	return 0, fmt.Errorf("%w: level %q: want one of %s", ErrBadFilter, s, strings.Join(Levels, ", "))
}

// CheckStatus checks a status name.
func CheckStatus(s string) error {
	switch s {
	case StatusCurrent, StatusSuperseded, StatusFrozen, StatusShredded:
		return nil
	}
	return fmt.Errorf("%w: status %q: want one of current, superseded, frozen, shredded", ErrBadFilter, s)
}

// List returns one page of the records matching f, in publication order.
// Without filters a page costs one view call; with filters the records are
// read a page of pageSize at a time (one dataset's only with f.Dataset).
func (r *Reader) List(ctx context.Context, f Filter) (*Page, error) {
	if f.Page == 0 {
		f.Page = 1
	}
	if f.PerPage == 0 {
		f.PerPage = 20
	}
	if f.Page < 0 || f.PerPage < 0 {
		return nil, fmt.Errorf("%w: page and per-page must be positive", ErrBadFilter)
	}
	if f.Status != "" {
		if err := CheckStatus(f.Status); err != nil {
			return nil, err
		}
	}
	out := &Page{Page: f.Page, PerPage: f.PerPage, Records: []*Record{}}
	first := (f.Page - 1) * f.PerPage
	filtered := f.Department != nil || f.Level != nil || f.Status != "" || f.Dataset != nil
	if !filtered {
		n, err := r.Count(ctx)
		if err != nil {
			return nil, err
		}
		out.Total = int(n)
		if uint64(first) >= n {
			return out, nil
		}
		page, err := callRegistry(ctx, r, registryABI.PackRecordsInRange(big.NewInt(int64(first)), big.NewInt(int64(f.PerPage))), registryABI.UnpackRecordsInRange)
		if err != nil {
			return nil, err
		}
		for _, s := range page {
			out.Records = append(out.Records, fromStored(s))
		}
		return out, nil
	}
	var all []*Record
	if f.Dataset != nil {
		v, err := r.versions(ctx, *f.Dataset)
		if err != nil {
			return nil, err
		}
		all = v
	} else {
		n, err := r.Count(ctx)
		if err != nil {
			return nil, err
		}
		for from := uint64(0); from < n; from += pageSize {
			page, err := callRegistry(ctx, r, registryABI.PackRecordsInRange(new(big.Int).SetUint64(from), big.NewInt(pageSize)), registryABI.UnpackRecordsInRange)
			if err != nil {
				return nil, err
			}
			for _, s := range page {
				all = append(all, fromStored(s))
			}
		}
	}
	if f.Department != nil {
		if err := r.attachPublished(ctx, all); err != nil {
			return nil, err
		}
	}
	var match []*Record
	for _, rec := range all {
		if f.Level != nil && rec.Level != *f.Level {
			continue
		}
		if f.Status != "" && rec.Status != f.Status {
			continue
		}
		if f.Department != nil && rec.Department != *f.Department {
			continue
		}
		match = append(match, rec)
	}
	out.Total = len(match)
	if first < len(match) {
		out.Records = match[first:min(len(match), first+f.PerPage)]
	}
	return out, nil
}

// attachPublished sets Published (and Department) of records from the
// registry's Published events.
func (r *Reader) attachPublished(ctx context.Context, recs []*Record) error {
	if len(recs) == 0 {
		return nil
	}
	want := map[common.Hash]*Record{}
	for _, rec := range recs {
		want[rec.ID] = rec
	}
	return r.scan(ctx, r.Public, r.Registry, [][]common.Hash{{PublishedTopic}}, func(l *types.Log) error {
		v, err := DecodePublished(l)
		if err != nil {
			return err
		}
		if rec := want[v.RecordID]; rec != nil {
			rec.Published, rec.Department = v, v.Department
		}
		return nil
	})
}

// scan calls fn for every log of addr matching topics, block range by
// block range from FromBlock to the head.
func (r *Reader) scan(ctx context.Context, b Backend, addr common.Address, topics [][]common.Hash, fn func(*types.Log) error) error {
	head, err := b.BlockNumber(ctx)
	if err != nil {
		return fmt.Errorf("block number: %w", err)
	}
	step := r.LogRange
	if step == 0 {
		step = 5000
	}
	for lo := r.FromBlock; lo <= head; lo += step {
		hi := min(head, lo+step-1)
		logs, err := b.FilterLogs(ctx, ethereum.FilterQuery{
			FromBlock: new(big.Int).SetUint64(lo), ToBlock: new(big.Int).SetUint64(hi),
			Addresses: []common.Address{addr}, Topics: topics,
		})
		if err != nil {
			return fmt.Errorf("eth_getLogs %d–%d of %s: %w", lo, hi, addr, err)
		}
		for i := range logs {
			if logs[i].Removed || logs[i].Address != addr {
				continue
			}
			if err := fn(&logs[i]); err != nil {
				return err
			}
		}
		if hi == head {
			break
		}
	}
	return nil
}

// published reads the Published event of a record and checks its values
// against the record's stored valuesHash.
func (r *Reader) published(ctx context.Context, rec *Record) (*Values, error) {
	var found *Values
	err := r.scan(ctx, r.Public, r.Registry, [][]common.Hash{{PublishedTopic}, {rec.ID}}, func(l *types.Log) error {
		v, err := DecodePublished(l)
		if err != nil {
			return err
		}
		if v.RecordID == rec.ID {
			found = v
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if found == nil {
		return nil, fmt.Errorf("record %s: no Published event on the registry %s from block %d", rec.ID.Hex(), r.Registry, r.FromBlock)
	}
	if h := ValuesHash(found.Commitment, found.ReleasedRoot, found.ContentHash, found.VerifierVersion); h != rec.ValuesHash {
		return nil, fmt.Errorf("record %s: the Published event's values hash to %s, the registry stores %s", rec.ID.Hex(), h.Hex(), rec.ValuesHash.Hex())
	}
	rec.Published, rec.Department = found, found.Department
	return found, nil
}

// Detail is everything about one record.
type Detail struct {
	Record *Record `json:"record"`
	// Versions are the dataset's published versions, in publication order.
	Versions []*Record `json:"versions"`
	// Older is the supersede chain backwards (the version it corrects, the
	// one that one corrects, …), Newer forwards; an entry not yet published
	// has only its version.
	Older        []ChainLink  `json:"older,omitempty"`
	Newer        []ChainLink  `json:"newer,omitempty"`
	FrozenReason string       `json:"frozenReason,omitempty"`
	ShredReceipt *common.Hash `json:"shredReceipt,omitempty"`
	Certified    *Certified   `json:"certified,omitempty"`
}

// ChainLink is one version in a supersede chain.
type ChainLink struct {
	Version   uint64      `json:"version"`
	RecordID  common.Hash `json:"recordId"`
	Published bool        `json:"published"`
	Status    string      `json:"status,omitempty"`
}

// Show reads a record, its Published values, its dataset's versions, its
// supersede chain both ways, why it is frozen or shredded, and the
// consortium block it was certified in.
func (r *Reader) Show(ctx context.Context, id common.Hash) (*Detail, error) {
	rec, err := r.Record(ctx, id)
	if err != nil {
		return nil, err
	}
	if _, err := r.published(ctx, rec); err != nil {
		return nil, err
	}
	d := &Detail{Record: rec}
	if d.Versions, err = r.versions(ctx, rec.Dataset); err != nil {
		return nil, err
	}
	byVersion := map[uint64]*Record{}
	for _, v := range d.Versions {
		byVersion[v.Version] = v
	}
	link := func(v uint64) ChainLink {
		l := ChainLink{Version: v, RecordID: RecordID(rec.Dataset, v)}
		if p := byVersion[v]; p != nil {
			l.Published, l.Status = true, p.Status
		}
		return l
	}
	for v, seen := rec.Supersedes, 0; v != 0 && seen <= len(d.Versions); seen++ {
		l := link(v)
		d.Older = append(d.Older, l)
		if !l.Published {
			break
		}
		v = byVersion[v].Supersedes
	}
	for v, seen := rec.SupersededBy, 0; v != 0 && seen <= len(d.Versions); seen++ {
		l := link(v)
		d.Newer = append(d.Newer, l)
		if !l.Published {
			break
		}
		v = byVersion[v].SupersededBy
	}
	if rec.Frozen || rec.Shredded {
		// a freeze names the record, a shred its dataset (every version)
		err := r.scan(ctx, r.Public, r.Registry, [][]common.Hash{{FrozenTopic, ShreddedTopic}, {id, rec.Dataset}}, func(l *types.Log) error {
			switch {
			case l.Topics[0] == FrozenTopic && l.Topics[1] == id:
				e, err := registryABI.UnpackFrozenEvent(l)
				if err != nil {
					return err
				}
				d.FrozenReason = e.Reason
			case l.Topics[0] == ShreddedTopic && l.Topics[1] == rec.Dataset:
				e, err := registryABI.UnpackShreddedEvent(l)
				if err != nil {
					return err
				}
				h := common.Hash(e.Receipt)
				d.ShredReceipt = &h
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	d.Certified, _ = r.certified(ctx, rec)
	return d, nil
}

// certified finds the bridge's Relayed event of the record's release, in
// the block that published it, and the epoch that certified it.
func (r *Reader) certified(ctx context.Context, rec *Record) (*Certified, error) {
	if rec.Published == nil {
		return nil, errors.New("no Published event")
	}
	logs, err := r.Public.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(rec.Published.Block), ToBlock: new(big.Int).SetUint64(rec.Published.Block),
		Addresses: []common.Address{r.Bridge}, Topics: [][]common.Hash{{RelayedTopic}},
	})
	if err != nil {
		return nil, fmt.Errorf("eth_getLogs of the bridge %s in block %d: %w", r.Bridge, rec.Published.Block, err)
	}
	for i := range logs {
		kind, subject, c, err := DecodeRelayed(&logs[i])
		if err != nil || kind != LogKindRelease || subject != rec.ID || logs[i].Address != r.Bridge {
			continue
		}
		if out, err := r.call(ctx, r.Bridge, bridgeABI.PackEpochAt(c.Number)); err == nil {
			if e, err := bridgeABI.UnpackEpochAt(out); err == nil {
				c.Epoch = &e
			}
		}
		return c, nil
	}
	return nil, fmt.Errorf("no Relayed event of the bridge %s for record %s in public block %d (the block that published it)", r.Bridge, rec.ID.Hex(), rec.Published.Block)
}

// Content is a downloaded released view.
type Content struct {
	Record *Record
	View   []byte // the released view file, as stored (hashes to the record's contentHash)
	view   *releasedView
}

// ReleasedColumns is the view without its withheld columns, as CSV.
func (c *Content) ReleasedColumns() ([]byte, error) { return c.view.releasedCSV() }

// Get downloads a record's released view and checks it: its sha256 is the
// record's contentHash and its released root the record's releasedRoot.
// Sensitive records have no public content: ErrSensitive.
func (r *Reader) Get(ctx context.Context, id common.Hash) (*Content, error) {
	rec, err := r.Record(ctx, id)
	if err != nil {
		return nil, err
	}
	if rec.Level >= 2 {
		return nil, sensitiveErr(rec)
	}
	v, err := r.published(ctx, rec)
	if err != nil {
		return nil, err
	}
	b, err := r.download(ctx, v.ContentHash)
	if err != nil {
		return nil, err
	}
	view, err := checkView(b, v)
	if err != nil {
		return nil, err
	}
	return &Content{Record: rec, View: b, view: view}, nil
}

func sensitiveErr(rec *Record) error {
	return fmt.Errorf("%w %s: level 2 (sensitive) content never leaves the private chain; the public registry holds its metadata, commitment and proof only (see `data show` and `data verify`)", ErrSensitive, rec.ID.Hex())
}

func (r *Reader) download(ctx context.Context, contentHash common.Hash) ([]byte, error) {
	if r.Content == "" {
		return nil, fmt.Errorf("%w: no content store URL", ErrContent)
	}
	client := r.HTTP
	if client == nil {
		client = http.DefaultClient
	}
	max := r.MaxContent
	if max == 0 {
		max = contentstore.MaxSize
	}
	b, err := contentstore.Get(ctx, client, r.Content, common.Bytes2Hex(contentHash[:]), max)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", ErrContent, contentHash.Hex(), err)
	}
	if sha256.Sum256(b) != contentHash { // Get checks it too: never trust the mirror
		return nil, fmt.Errorf("%w %s: %w", ErrContent, contentHash.Hex(), contentstore.ErrHashMismatch)
	}
	return b, nil
}

// checkView parses a released view and checks its root against the release's.
func checkView(b []byte, v *Values) (*releasedView, error) {
	view, err := parseView(b)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", ErrContent, v.ContentHash.Hex(), err)
	}
	root, err := view.root()
	if err != nil {
		return nil, fmt.Errorf("%w %s: released root: %w", ErrContent, v.ContentHash.Hex(), err)
	}
	if root.Cmp(v.ReleasedRoot) != 0 {
		return nil, fmt.Errorf("%w %s: the released columns hash to root %#x, the registry's releasedRoot is %#x", ErrContent, v.ContentHash.Hex(), root, v.ReleasedRoot)
	}
	return view, nil
}
