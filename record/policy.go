package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"strings"
)

// Level is a DCAT-AP access level.
type Level uint8

const (
	LevelOpen        Level = 0 // PUBLIC
	LevelConditional Level = 1 // RESTRICTED: released on an approved request
	LevelSensitive   Level = 2 // NON_PUBLIC: never leaves the private chain

	// levelAbsent is the level field of a category that is not in the policy.
	levelAbsent Level = 3
)

// MaxCategories is the number of categories a policy can name (0..15).
const MaxCategories = 16

var (
	// errPolicyRange is returned if a policy element does not fit 32 bits.
	errPolicyRange = errors.New("policy element does not fit in 32 bits (16 categories × 2 bits)")
	// ErrLevelRange is returned for a level outside 0..2.
	ErrLevelRange = errors.New("level must be 0 (open), 1 (conditional) or 2 (sensitive)")
)

// Valid reports whether l is one of the three levels (0..2).
func (l Level) Valid() bool { return l <= LevelSensitive }

// Policy gives each category its level; categories not in the policy have no
// level and make a proof impossible.
type Policy struct {
	levels [MaxCategories]Level
}

// NewPolicy builds a policy from category → level; other categories are not
// in the policy.
func NewPolicy(levels map[int]Level) (Policy, error) {
	var p Policy
	for i := range p.levels {
		p.levels[i] = levelAbsent
	}
	for c, l := range levels {
		if c < 0 || c >= MaxCategories {
			return Policy{}, fmt.Errorf("category %d: categories are 0..%d", c, MaxCategories-1)
		}
		if !l.Valid() {
			return Policy{}, fmt.Errorf("category %d: %w", c, ErrLevelRange)
		}
		p.levels[c] = l
	}
	return p, nil
}

// PolicyFromElement decodes the public-input form Σ level_i · 4^i.
func PolicyFromElement(e *big.Int) (Policy, error) {
	if e.Sign() < 0 || e.BitLen() > 2*MaxCategories {
		return Policy{}, errPolicyRange
	}
	var p Policy
	v := e.Uint64()
	for i := range p.levels {
		p.levels[i] = Level(v >> (2 * i) & 3)
	}
	return p, nil
}

// Element is the policy as the circuit's public input: Σ level_i · 4^i, with
// level 3 for a category not in the policy.
func (p Policy) Element() *big.Int {
	var v uint64
	for i, l := range p.levels {
		v |= uint64(l) << (2 * i)
	}
	return new(big.Int).SetUint64(v)
}

// Level returns the level of category c, and false if c is not in the policy.
func (p Policy) Level(c int) (Level, bool) {
	if c < 0 || c >= MaxCategories || p.levels[c] == levelAbsent {
		return 0, false
	}
	return p.levels[c], true
}

// PolicyFile is the JSON form of a policy: its categories with their ids,
// names and levels, e.g.
//
//	{"categories": [{"id": 0, "name": "personal-id", "level": 2},
//	                {"id": 3, "name": "aggregate",   "level": 0}]}
//
// It is decoded strictly (DecodePolicy): unknown fields, a missing field, a
// null and a level outside 0..2 are errors naming the entry and the field,
// because a lenient decoder would turn a typo such as "levl" into level 0 —
// open — and release the column.
type PolicyFile struct {
	Categories []PolicyCategory `json:"categories"`
}

// PolicyCategory is one category of a PolicyFile.
type PolicyCategory struct {
	ID    int    `json:"id"`
	Name  string `json:"name"`
	Level Level  `json:"level"`
}

// strictCategory is a category as decoded: pointers tell a missing field
// from a zero one.
type strictCategory struct {
	ID    *int    `json:"id"`
	Name  *string `json:"name"`
	Level *int    `json:"level"`
}

// DecodePolicy parses a policy file's bytes strictly (see PolicyFile).
func DecodePolicy(b []byte) (*PolicyFile, error) {
	var raw struct {
		Categories *[]json.RawMessage `json:"categories"`
	}
	if err := decodeStrict(b, &raw); err != nil {
		return nil, err
	}
	if raw.Categories == nil {
		return nil, errors.New(`field "categories" is missing`)
	}
	if len(*raw.Categories) == 0 {
		return nil, errors.New(`"categories" is empty: a policy names at least one category`)
	}
	f := &PolicyFile{}
	for i, entry := range *raw.Categories {
		var c strictCategory
		if err := decodeStrict(entry, &c); err != nil {
			return nil, fmt.Errorf("category %d: %w", i, err)
		}
		where := fmt.Sprintf("category %d", i)
		if c.Name != nil {
			where = fmt.Sprintf("category %d (%q)", i, *c.Name)
		}
		switch {
		case c.ID == nil:
			return nil, fmt.Errorf(`%s: field "id" is missing`, where)
		case *c.ID < 0 || *c.ID >= MaxCategories:
			return nil, fmt.Errorf(`%s: field "id": %d is not a category (0..%d)`, where, *c.ID, MaxCategories-1)
		case c.Name != nil && *c.Name == "":
			return nil, fmt.Errorf(`%s: field "name" is empty (leave it out, or name the category)`, where)
		case c.Level == nil:
			return nil, fmt.Errorf(`%s: field "level" is missing (0 open, 1 conditional, 2 sensitive)`, where)
		case *c.Level < 0 || *c.Level > int(LevelSensitive):
			return nil, fmt.Errorf(`%s: field "level": %d: %w`, where, *c.Level, ErrLevelRange)
		}
		pc := PolicyCategory{ID: *c.ID, Level: Level(*c.Level)}
		if c.Name != nil {
			pc.Name = *c.Name
		}
		f.Categories = append(f.Categories, pc)
	}
	return f, nil
}

// decodeStrict decodes one JSON value into v, refusing unknown fields, null
// for the whole value and anything after it.
func decodeStrict(b []byte, v any) error {
	if t := bytes.TrimSpace(b); len(t) == 0 || string(t) == "null" {
		return errors.New("empty or null where an object is expected")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("unexpected data after the JSON value")
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("unexpected data after the JSON value")
	}
	return nil
}

// Policy returns the policy of a decoded file and its category ids by name.
func (f *PolicyFile) Policy() (Policy, map[string]int, error) {
	levels := make(map[int]Level, len(f.Categories))
	names := make(map[string]int, len(f.Categories))
	for i, c := range f.Categories {
		if _, dup := levels[c.ID]; dup {
			where := fmt.Sprintf("category %d", i)
			if c.Name != "" {
				where = fmt.Sprintf("category %d (%q)", i, c.Name)
			}
			return Policy{}, nil, fmt.Errorf("%s: id %d listed twice", where, c.ID)
		}
		if c.Name != "" {
			if _, dup := names[c.Name]; dup {
				return Policy{}, nil, fmt.Errorf("category %d: name %q listed twice", i, c.Name)
			}
			names[c.Name] = c.ID
		}
		levels[c.ID] = c.Level
	}
	p, err := NewPolicy(levels)
	if err != nil {
		return Policy{}, nil, err
	}
	return p, names, nil
}

// LoadPolicy reads a policy file and returns the policy and the category ids
// by name; every error names the file.
func LoadPolicy(path string) (Policy, map[string]int, error) {
	f, err := LoadPolicyFile(path)
	if err != nil {
		return Policy{}, nil, err
	}
	p, names, err := f.Policy()
	if err != nil {
		return Policy{}, nil, fmt.Errorf("policy %s: %w", path, err)
	}
	return p, names, nil
}

// LoadPolicyFile reads and strictly decodes a policy file.
func LoadPolicyFile(path string) (*PolicyFile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read policy: %w", err)
	}
	f, err := DecodePolicy(b)
	if err != nil {
		return nil, fmt.Errorf("policy %s: %w", path, err)
	}
	return f, nil
}

// Describe lists the policy's categories with their levels, one per line,
// and the packed public-input value, as deploy prints it before pinning.
func (f *PolicyFile) Describe() string {
	var b strings.Builder
	p, _, err := f.Policy()
	if err != nil {
		return err.Error()
	}
	for _, c := range f.Categories {
		fmt.Fprintf(&b, "  category %2d %-20s level %d (%s)\n", c.ID, c.Name, c.Level, c.Level)
	}
	fmt.Fprintf(&b, "  packed: %#x (2 bits per category, 3 = not in policy)\n", p.Element())
	return b.String()
}

// String is the level's DCAT-AP name.
// ParseLevel reads a level by name (open, conditional, sensitive) or number.
func ParseLevel(s string) (Level, error) {
	for l := LevelOpen; l <= LevelSensitive; l++ {
		if s == l.String() || s == fmt.Sprint(uint8(l)) {
			return l, nil
		}
	}
	return 0, fmt.Errorf("level %q: want open, conditional or sensitive", s)
}

func (l Level) String() string {
	switch l {
	case LevelOpen:
		return "open"
	case LevelConditional:
		return "conditional"
	case LevelSensitive:
		return "sensitive"
	}
	return fmt.Sprintf("level-%d", uint8(l))
}
