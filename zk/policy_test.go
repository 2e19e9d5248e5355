package zk

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
