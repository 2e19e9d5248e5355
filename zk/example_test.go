package zk_test

import (
	"fmt"

	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/zk"
)

// Example walks the whole path: a table and its categories, a policy, a
// statement at threshold 0, (insecure, deterministic) dev keys, a proof, and
// its verification, which is what the on-chain verifier repeats.
func Example() {
	table := &record.Table{
		Columns: []string{"patient", "ward", "admissions"},
		Rows:    [][]string{{"P-001", "North", "3"}, {"P-002", "South", "1"}},
	}
	rec, err := record.NewRecord(table, map[string]int{"patient": 0, "ward": 2, "admissions": 3})
	if err != nil {
		panic(err)
	}
	policy, _ := record.NewPolicy(map[int]record.Level{0: record.LevelSensitive, 2: record.LevelConditional, 3: record.LevelOpen})
	salt, _ := record.NewSalt()
	st, err := record.NewStatement(rec, policy, record.LevelOpen, salt)
	if err != nil {
		panic(err)
	}
	// Bind the proof to the record it is for: version 1 of dataset
	// "admissions" of department "health", with its released view as content.
	binding, _, err := record.ViewBinding("health", "admissions", 1, table, st)
	if err != nil {
		panic(err)
	}
	st.Bind(binding)
	keys, err := zk.DevSetup(st.Size, []byte("example seed: insecure"))
	if err != nil {
		panic(err)
	}
	proof, err := zk.Prove(keys, st, rec.Names)
	if err != nil {
		panic(err)
	}
	fmt.Println("circuit size:", proof.Size, "level:", proof.Public.Level, "proof bytes:", len(proof.Bytes))
	fmt.Println("verified:", zk.Verify(keys.VK, proof) == nil)
	for j, name := range proof.Columns {
		fmt.Printf("%s released: %v\n", name, !proof.Released[j].IsZero())
	}
	// Output:
	// circuit size: 16 level: sensitive proof bytes: 256
	// verified: true
	// patient released: false
	// ward released: false
	// admissions released: true
}
