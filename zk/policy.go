package zk

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
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
	// errLevelRange is returned for a level outside 0..2.
	errLevelRange = errors.New("level must be 0 (open), 1 (conditional) or 2 (sensitive)")
)

func (l Level) valid() bool { return l <= LevelSensitive }

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
		if !l.valid() {
			return Policy{}, fmt.Errorf("category %d: %w", c, errLevelRange)
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

// PolicyFile is the JSON form of a policy: its categories with their names
// and levels, e.g.
//
//	{"categories": [{"id": 0, "name": "personal-id", "level": 2},
//	                {"id": 3, "name": "aggregate",   "level": 0}]}
type PolicyFile struct {
	Categories []PolicyCategory `json:"categories"`
}

// PolicyCategory is one category of a PolicyFile.
type PolicyCategory struct {
	ID    int    `json:"id"`
	Name  string `json:"name"`
	Level Level  `json:"level"`
}

// LoadPolicy reads a policy file and returns the policy and the category ids
// by name.
func LoadPolicy(path string) (Policy, map[string]int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Policy{}, nil, fmt.Errorf("read policy: %w", err)
	}
	var f PolicyFile
	if err := json.Unmarshal(b, &f); err != nil {
		return Policy{}, nil, fmt.Errorf("policy %s: %w", path, err)
	}
	levels := make(map[int]Level, len(f.Categories))
	names := make(map[string]int, len(f.Categories))
	for _, c := range f.Categories {
		if _, dup := levels[c.ID]; dup {
			return Policy{}, nil, fmt.Errorf("policy %s: category %d listed twice", path, c.ID)
		}
		if c.Name != "" {
			if _, dup := names[c.Name]; dup {
				return Policy{}, nil, fmt.Errorf("policy %s: category name %q listed twice", path, c.Name)
			}
			names[c.Name] = c.ID
		}
		levels[c.ID] = c.Level
	}
	p, err := NewPolicy(levels)
	if err != nil {
		return Policy{}, nil, fmt.Errorf("policy %s: %w", path, err)
	}
	return p, names, nil
}
