package zk

import (
	"bytes"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/sovereign-gov/sovereign/record"
)

// Native fuzz target for proof files, which a stranger can hand the tools
// (the policy, column category and table decoders are fuzzed in package
// record). None may panic; what decodes must be a well-formed proof file,
// and it must be written back as the same proof.

func FuzzProofFile(f *testing.F) {
	var p Proof
	p.Size = 16
	p.Public.Level, p.Public.Threshold = 2, 1
	p.Public.Policy = record.Policy{}.Element()
	p.Public.Commitment.SetUint64(7)
	p.Public.Binding.SetUint64(9)
	p.Columns = []string{"id", "name"}
	p.Released = make([]fr.Element, p.Size)
	p.Released[1].SetUint64(5)
	p.Bytes = bytes.Repeat([]byte{0xab}, ProofSize)
	good, err := p.MarshalJSON()
	if err != nil {
		f.Fatal(err)
	}
	if err := new(Proof).UnmarshalJSON(good); err != nil {
		f.Fatalf("the valid seed is refused: %v", err)
	}
	f.Add(good)
	f.Add(bytes.Replace(good, []byte(`"version": 2`), []byte(`"version": 1`), 1))
	f.Add(bytes.Replace(good, []byte(`"size": 16`), []byte(`"size": 17`), 1))
	f.Add([]byte(`{"version": 1, "size": 16, "proof": "0x12"`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"version": 1, "size": 16}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var p Proof
		if err := p.UnmarshalJSON(b); err != nil {
			return
		}
		if checkSize(p.Size) != nil || len(p.Released) != p.Size || len(p.Bytes) != ProofSize || len(p.Columns) > p.Size {
			t.Fatalf("malformed proof file accepted: size %d, %d released, %d proof bytes, %d columns", p.Size, len(p.Released), len(p.Bytes), len(p.Columns))
		}
		if !p.Public.Level.Valid() || !p.Public.Threshold.Valid() {
			t.Fatalf("level %d or threshold %d out of range accepted", p.Public.Level, p.Public.Threshold)
		}
		// Written back and read again, it is the same proof.
		out, err := p.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var q Proof
		if err := q.UnmarshalJSON(out); err != nil {
			t.Fatalf("a proof file written from an accepted one is refused: %v", err)
		}
		again, _ := q.MarshalJSON()
		if !bytes.Equal(out, again) || q.Public.Policy.Cmp(p.Public.Policy) != 0 || !bytes.Equal(q.Bytes, p.Bytes) {
			t.Fatal("proof file does not round-trip")
		}
	})
}
