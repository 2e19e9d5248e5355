package submission

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/record"
)

// ConditionalFormat names a record's conditional envelope: the record's
// columns at level ≤ 1 with their cells, and for every column (level 2
// included) its name, category, level and column hash, with the salt: what
// a requester granted access needs to check the opened columns against the
// record's public commitment. It never holds a cell of a level-2 column.
// It is sealed apart from the full record, under the dataset's conditional
// key (naming.ConditionalMount), so a grant on it cannot reach level 2.
const ConditionalFormat = "sovereign.conditional.v1"

// MaxConditional bounds a conditional envelope's plaintext: it is delivered
// to the requester on the public chain inside a sealed grant, base64 in
// JSON beside the Vault token, and DataRegistry.MAX_SEALED_GRANT is 64 KiB
// (access's tests seal one of this size within it).
const MaxConditional = 46 << 10

// ConditionalID is the private-chain id of a record's conditional envelope:
// keccak256(recordId ‖ "sovereign.conditional.v1"), an entry of its own in
// SensitiveStore next to the record.
func ConditionalID(recordID [32]byte) [32]byte {
	return crypto.Keccak256Hash(recordID[:], []byte(ConditionalFormat))
}

// ConditionalColumn is one column of a conditional envelope.
type ConditionalColumn struct {
	Name     string       `json:"name"`
	Category int          `json:"category"`
	Level    record.Level `json:"level"`
	Hash     string       `json:"hash"`            // the column hash (hex), what the commitment covers
	Cells    []string     `json:"cells,omitempty"` // level ≤ 1 only, top to bottom
}

// Conditional is an opened conditional envelope.
type Conditional struct {
	Format  string              `json:"sealed"`
	Record  string              `json:"record"` // the record id (hex)
	Salt    string              `json:"salt"`
	Rows    int                 `json:"rows"`
	Columns []ConditionalColumn `json:"columns"`
}

var (
	// errNotConditional is returned for plaintext that is not a conditional envelope.
	errNotConditional = errors.New("not a conditional envelope")
	// ErrLevel2 is returned for a level-2 column asked for, or carried with cells.
	ErrLevel2 = errors.New("is sensitive (level 2): it never leaves the private chain")
	// errTooBig is returned for a record whose level ≤ 1 columns exceed MaxConditional.
	errTooBig = fmt.Errorf("its columns at level <= 1 exceed %d KiB, the most an access grant carries on chain", MaxConditional>>10)
)

// NewConditional cuts the conditional envelope of record id from its table
// and statement: cells of the columns the policy puts at level ≤ 1, and each
// column's hash, checked against the statement (the table read for it is
// the table that was committed).
func NewConditional(id [32]byte, t *record.Table, cats map[string]int, policy record.Policy, st *record.Statement) (*Conditional, error) {
	hashes := st.Hashes()
	if len(t.Columns) > len(hashes) {
		return nil, fmt.Errorf("conditional envelope: %d columns, statement has %d", len(t.Columns), len(hashes))
	}
	c := &Conditional{Format: ConditionalFormat, Record: hex.EncodeToString(id[:]), Salt: record.FormatSalt(st.Salt()), Rows: len(t.Rows)}
	for j, name := range t.Columns {
		cat := cats[name]
		lvl, ok := policy.Level(cat)
		if !ok {
			return nil, fmt.Errorf("conditional envelope: column %q: category %d not in the policy", name, cat)
		}
		h := hashes[j].Bytes()
		col := ConditionalColumn{Name: name, Category: cat, Level: lvl, Hash: hex.EncodeToString(h[:])}
		if lvl <= record.LevelConditional {
			col.Cells = t.Cells(j)
			if got := record.ColumnHash(name, col.Cells); !got.Equal(&hashes[j]) {
				return nil, fmt.Errorf("conditional envelope: column %q: %w", name, errTableChanged)
			}
		}
		c.Columns = append(c.Columns, col)
	}
	return c, nil
}

// Marshal encodes the envelope's plaintext.
func (c *Conditional) Marshal() ([]byte, error) {
	b, err := json.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("conditional envelope: %w", err)
	}
	if len(b) > MaxConditional {
		return nil, fmt.Errorf("conditional envelope of record %s: %w", c.Record, errTooBig)
	}
	return b, nil
}

// ParseConditional decodes an opened conditional envelope; unknown fields
// are errors.
func ParseConditional(b []byte) (*Conditional, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var c Conditional
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("%w: %v", errNotConditional, err)
	}
	if c.Format != ConditionalFormat {
		return nil, fmt.Errorf("%w: format %q, want %q", errNotConditional, c.Format, ConditionalFormat)
	}
	if len(c.Columns) == 0 {
		return nil, fmt.Errorf("%w: no columns", errNotConditional)
	}
	if c.Rows < 0 {
		return nil, fmt.Errorf("%w: %d rows", errNotConditional, c.Rows)
	}
	seen := make(map[string]bool, len(c.Columns))
	for _, col := range c.Columns {
		switch {
		case seen[col.Name]:
			return nil, fmt.Errorf("%w: column %q twice", errNotConditional, col.Name)
		case !col.Level.Valid():
			return nil, fmt.Errorf("%w: column %q: level %d", errNotConditional, col.Name, col.Level)
		case col.Level > record.LevelConditional && col.Cells != nil:
			return nil, fmt.Errorf("%w: column %q %w, yet it carries cells", errNotConditional, col.Name, ErrLevel2)
		case col.Level <= record.LevelConditional && len(col.Cells) != c.Rows:
			return nil, fmt.Errorf("%w: column %q: %d cells for %d rows", errNotConditional, col.Name, len(col.Cells), c.Rows)
		}
		seen[col.Name] = true
	}
	return &c, nil
}

// Verify checks the envelope against what is public: it belongs to record
// id; every level is the policy's level of the column's category; no level-2
// column carries cells and every other one does, with as many cells as rows,
// hashing to the column hash given; and salt, hashes and categories make the
// record's commitment (from the public registry). Nothing opened is trusted
// before this passes.
func (c *Conditional) Verify(id [32]byte, policy record.Policy, commitment [32]byte) error {
	if c.Record != hex.EncodeToString(id[:]) {
		return fmt.Errorf("conditional envelope: for record %s, not %x", c.Record, id)
	}
	salt, err := record.ParseSalt(c.Salt)
	if err != nil {
		return fmt.Errorf("conditional envelope: salt: %w", err)
	}
	names := make([]string, len(c.Columns))
	hashes := make([]fr.Element, len(c.Columns))
	cats := make(map[string]int, len(c.Columns))
	for j, col := range c.Columns {
		lvl, ok := policy.Level(col.Category)
		if !ok || lvl != col.Level {
			return fmt.Errorf("conditional envelope: column %q: level %d is not the policy's for category %d", col.Name, col.Level, col.Category)
		}
		hb, err := hex.DecodeString(col.Hash)
		if err != nil || len(hb) != fr.Bytes {
			return fmt.Errorf("conditional envelope: column %q: malformed hash", col.Name)
		}
		hashes[j].SetBytes(hb)
		switch {
		case lvl > record.LevelConditional && col.Cells != nil:
			return fmt.Errorf("conditional envelope: column %q %w, yet it carries cells", col.Name, ErrLevel2)
		case lvl <= record.LevelConditional:
			if len(col.Cells) != c.Rows {
				return fmt.Errorf("conditional envelope: column %q: %d cells for %d rows", col.Name, len(col.Cells), c.Rows)
			}
			if got := record.ColumnHash(col.Name, col.Cells); !got.Equal(&hashes[j]) {
				return fmt.Errorf("conditional envelope: column %q: its cells do not hash to its column hash", col.Name)
			}
		}
		names[j], cats[col.Name] = col.Name, col.Category
	}
	rec, err := record.NewRecordFromHashes(names, hashes, cats)
	if err != nil {
		return fmt.Errorf("conditional envelope: %w", err)
	}
	st, err := record.NewStatement(rec, policy, record.LevelOpen, salt)
	if err != nil {
		return fmt.Errorf("conditional envelope: %w", err)
	}
	if got := st.Public.Commitment.Bytes(); got != commitment {
		return fmt.Errorf("conditional envelope: salt, column hashes and categories make commitment %x, the record's is %x", got, commitment)
	}
	return nil
}

// Table returns the columns at level ≤ 1, or only those named in want (in
// the record's order). A level-2 column named is refused by name, as is an
// unknown one.
func (c *Conditional) Table(want []string) (*record.Table, error) {
	byName := make(map[string]ConditionalColumn, len(c.Columns))
	for _, col := range c.Columns {
		byName[col.Name] = col
	}
	for _, w := range want {
		col, ok := byName[w]
		switch {
		case !ok:
			return nil, fmt.Errorf("column %q: the record has no such column", w)
		case col.Level > record.LevelConditional:
			return nil, fmt.Errorf("column %q %w", w, ErrLevel2)
		}
	}
	t := &record.Table{}
	var cols [][]string
	for _, col := range c.Columns {
		if col.Level > record.LevelConditional || (len(want) > 0 && !slices.Contains(want, col.Name)) {
			continue
		}
		t.Columns = append(t.Columns, col.Name)
		cols = append(cols, col.Cells)
	}
	if len(cols) == 0 {
		return t, nil // no column at level <= 1: nothing to open
	}
	t.Rows = make([][]string, len(cols[0])) // every such column has Rows cells (ParseConditional)
	for r := range t.Rows {
		row := make([]string, len(cols))
		for j := range cols {
			row[j] = cols[j][r]
		}
		t.Rows[r] = row
	}
	return t, nil
}
