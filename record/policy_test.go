package record

import (
	"math/big"
	"strings"
	"testing"
)

func TestPolicyElement(t *testing.T) {
	p, err := NewPolicy(map[int]Level{0: LevelSensitive, 5: LevelConditional, 15: LevelOpen})
	if err != nil {
		t.Fatal(err)
	}
	// Σ level_i · 4^i with 3 for the categories not in the policy.
	want := new(big.Int)
	for i := MaxCategories - 1; i >= 0; i-- {
		l := map[int]int64{0: 2, 5: 1, 15: 0}[i]
		if _, in := map[int]bool{0: true, 5: true, 15: true}[i]; !in {
			l = 3
		}
		want.Lsh(want, 2).Or(want, big.NewInt(l))
	}
	if p.Element().Cmp(want) != 0 {
		t.Fatalf("element %x, want %x", p.Element(), want)
	}
	q, err := PolicyFromElement(p.Element())
	if err != nil || q != p {
		t.Fatalf("round trip: %v %v", q, err)
	}
	if _, ok := p.Level(1); ok {
		t.Error("category 1 is not in the policy")
	}
	if l, ok := p.Level(5); !ok || l != LevelConditional {
		t.Errorf("category 5: %d %v", l, ok)
	}
	if _, err := NewPolicy(map[int]Level{16: LevelOpen}); err == nil || !strings.Contains(err.Error(), "categories are 0..15") {
		t.Errorf("category 16: %v", err)
	}
	if _, err := PolicyFromElement(new(big.Int).Lsh(big.NewInt(1), 32)); err == nil {
		t.Error("33-bit policy accepted")
	}
}

// The policy file is packed in one place (deploy pins what the prover
// proves against) and described with its categories before it is pinned.
func TestPolicyFileStrictAndDescribed(t *testing.T) {
	f, err := DecodePolicy([]byte(`{"categories": [{"id": 0, "name": "personal-id", "level": 2}, {"id": 3, "name": "aggregate", "level": 0}]}`))
	if err != nil {
		t.Fatal(err)
	}
	p, names, err := f.Policy()
	if err != nil || names["aggregate"] != 3 {
		t.Fatalf("policy: %v %v", names, err)
	}
	// Unused categories pack as 3 ("not in policy"), not 0: 0xffffff3e.
	if got := p.Element().Text(16); got != "ffffff3e" {
		t.Fatalf("packed policy %s, want ffffff3e", got)
	}
	d := f.Describe()
	for _, want := range []string{"category  0 personal-id", "level 2 (sensitive)", "category  3 aggregate", "level 0 (open)", "packed: 0xffffff3e"} {
		if !strings.Contains(d, want) {
			t.Fatalf("description lacks %q:\n%s", want, d)
		}
	}
	bad := map[string]string{
		`{"categories": [{"id": 0, "name": "a", "levl": 2}]}`:     `category 0: json: unknown field "levl"`,
		`{"categories": [{"id": 0, "name": "a"}]}`:                `category 0 ("a"): field "level" is missing`,
		`{"categories": [{"id": 0, "name": "a", "level": null}]}`: `category 0 ("a"): field "level" is missing`,
		`{"categories": [{"id": 0, "name": "a", "level": -1}]}`:   `field "level": -1: level must be`,
		`{"categories": [{"id": 16, "name": "a", "level": 0}]}`:   `field "id": 16 is not a category (0..15)`,
		`{"categories": [{"id": 0, "name": "", "level": 0}]}`:     `field "name" is empty`,
		`{"categories": []}`:     `"categories" is empty`,
		`{"categories": null}`:   `field "categories" is missing`,
		`{"categories": [null]}`: `category 0: empty or null`,
		`{"categorys": []}`:      `unknown field "categorys"`,
		`{"categories": [{"id": 0, "name": "a", "level": 1}]} trailing`:                            `unexpected data after the JSON value`,
		`{"categories": [{"id": 0, "name": "a", "level": 1.5}]}`:                                   `category 0: json: cannot unmarshal number 1.5`,
		`{"categories": [{"id": 0, "name": "a", "level": "2"}]}`:                                   `category 0: json: cannot unmarshal string`,
		`{"categories": [{"id": 0, "name": "a", "level": 1, "x": true}]}`:                          `unknown field "x"`,
		`{"categories": [{"id": 0, "level": 1}, {"id": 0, "level": 2}]}`:                           `id 0 listed twice`,
		`{"categories": [{"id": 0, "name": "a", "level": 1}, {"id": 1, "name": "a", "level": 2}]}`: `name "a" listed twice`,
	}
	for in, want := range bad {
		f, err := DecodePolicy([]byte(in))
		if err == nil {
			_, _, err = f.Policy()
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", in, err, want)
		}
	}
}
