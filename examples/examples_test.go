package examples

import (
	"bytes"
	"testing"

	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/zk"
)

// The examples are what the devnet pins and what a newcomer submits: they
// decode strictly, the table's columns all have a category of the policy,
// and the policy is zk's fixture policy (the one the tests prove with).
func TestExamplesDecodeAndMatch(t *testing.T) {
	pf, err := record.DecodePolicy(Policy)
	if err != nil {
		t.Fatalf("policy.json: %v", err)
	}
	policy, names, err := pf.Policy()
	if err != nil {
		t.Fatalf("policy.json: %v", err)
	}
	if policy.Element().Cmp(zk.FixturePolicy().Element()) != 0 {
		t.Fatalf("policy.json packs to %#x, want zk.FixturePolicy's %#x", policy.Element(), zk.FixturePolicy().Element())
	}
	levels := map[record.Level]bool{}
	for _, c := range pf.Categories {
		levels[c.Level] = true
	}
	if len(levels) != 3 {
		t.Fatalf("policy.json has levels %v, want open, conditional and sensitive categories", levels)
	}
	cats, err := record.DecodeColumnCategories(Columns, names)
	if err != nil {
		t.Fatalf("columns.json: %v", err)
	}
	table, err := record.ParseCSV(bytes.NewReader(Table))
	if err != nil {
		t.Fatalf("stays.csv: %v", err)
	}
	if _, err := record.NewRecord(table, cats); err != nil {
		t.Fatalf("stays.csv with columns.json: %v", err)
	}
}
