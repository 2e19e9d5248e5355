package zk

import "testing"

// Native fuzz target for proof files, which a stranger can hand the tools
// (the policy, column category and table decoders are fuzzed in package
// record). None may panic; what decodes must be a well-formed proof file.

func FuzzProofFile(f *testing.F) {
	f.Add([]byte(`{"version": 1, "size": 16, "proof": "0x12"`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"version": 1, "size": 16}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var p Proof
		if err := p.UnmarshalJSON(b); err != nil {
			return
		}
		if checkSize(p.Size) != nil || len(p.Released) != p.Size || len(p.Bytes) != ProofSize {
			t.Fatalf("malformed proof file accepted: size %d, %d released, %d proof bytes", p.Size, len(p.Released), len(p.Bytes))
		}
	})
}
