package zk

import (
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/sovereign-gov/sovereign/record"
)

func TestProveVerify(t *testing.T) {
	keys := testKeys(t)
	rec, st := fixtureStatement(t, record.SizeSmall, record.LevelOpen)
	proof, err := Prove(keys, st, rec.Names)
	if err != nil {
		t.Fatal(err)
	}
	if len(proof.Bytes) != ProofSize {
		t.Fatalf("proof is %d bytes", len(proof.Bytes))
	}
	if err := Verify(keys.VK, proof); err != nil {
		t.Fatalf("honest proof rejected: %v", err)
	}

	// Round trip through the proof file.
	path := filepath.Join(t.TempDir(), "proof.json")
	if err := proof.Save(path); err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadProof(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(keys.VK, loaded); err != nil {
		t.Fatalf("reloaded proof rejected: %v", err)
	}

	t.Run("one public input changed", func(t *testing.T) {
		one := new(fr.Element).SetOne()
		changes := map[string]func(p *record.PublicInputs){
			"commitment":   func(p *record.PublicInputs) { p.Commitment.Add(&p.Commitment, one) },
			"level":        func(p *record.PublicInputs) { p.Level = record.LevelConditional },
			"policy":       func(p *record.PublicInputs) { p.Policy = FixturePolicy().Element().Xor(p.Policy, bigOne()) },
			"threshold":    func(p *record.PublicInputs) { p.Threshold = record.LevelConditional },
			"releasedRoot": func(p *record.PublicInputs) { p.ReleasedRoot.Add(&p.ReleasedRoot, one) },
			"binding":      func(p *record.PublicInputs) { p.Binding.Add(&p.Binding, one) },
		}
		for name, change := range changes {
			pub := proof.Public
			pub.Policy = FixturePolicy().Element()
			change(&pub)
			if err := VerifyBytes(keys.VK, proof.Size, &pub, proof.Bytes); !errors.Is(err, errInvalidProof) {
				t.Errorf("%s changed: got %v, want invalid proof", name, err)
			}
		}
	})
	t.Run("one byte flipped", func(t *testing.T) {
		for _, i := range []int{0, 31, 63, 64, 100, 191, 192, 255} {
			b := append([]byte(nil), proof.Bytes...)
			b[i] ^= 0x01
			if err := VerifyBytes(keys.VK, proof.Size, &proof.Public, b); err == nil {
				t.Errorf("byte %d flipped: proof accepted", i)
			}
		}
	})
	t.Run("released view not matching the root", func(t *testing.T) {
		p := *proof
		p.Released = append([]fr.Element(nil), proof.Released...)
		p.Released[0] = rec.Hashes[0] // pretend the sensitive column was released
		if err := Verify(keys.VK, &p); !errors.Is(err, errReleasedView) {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("wrong size keys", func(t *testing.T) {
		_, st64 := fixtureStatement(t, record.SizeLarge, record.LevelOpen)
		if _, err := Prove(keys, st64, nil); err == nil || !strings.Contains(err.Error(), "needs the 64-column keys") {
			t.Fatalf("got %v", err)
		}
	})
}

func TestMalformedProofFile(t *testing.T) {
	keys := testKeys(t)
	rec, st := fixtureStatement(t, record.SizeSmall, record.LevelOpen)
	proof, err := Prove(keys, st, rec.Names)
	if err != nil {
		t.Fatal(err)
	}
	good, err := json.Marshal(proof)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(f func(m map[string]any)) string {
		var m map[string]any
		if err := json.Unmarshal(good, &m); err != nil {
			t.Fatal(err)
		}
		f(m)
		b, _ := json.Marshal(m)
		return string(b)
	}
	cases := []struct{ name, content, want string }{
		{"not json", "proof?", "malformed proof file"},
		{"truncated", string(good[:len(good)/2]), "malformed proof file"},
		{"version", edit(func(m map[string]any) { m["version"] = 9 }), "unknown proof file version 9"},
		{"size", edit(func(m map[string]any) { m["size"] = 32 }), "circuit size must be 16 or 64"},
		{"short proof", edit(func(m map[string]any) { m["proof"] = "0x1234" }), "proof must be 256 bytes, got 2"},
		{"proof not hex", edit(func(m map[string]any) { m["proof"] = "0xzz" }), "proof: encoding/hex"},
		{"commitment too big", edit(func(m map[string]any) {
			m["public"].(map[string]any)["commitment"] = "0x" + strings.Repeat("f", 64)
		}), "is not below the field modulus"},
		{"level 3", edit(func(m map[string]any) { m["public"].(map[string]any)["level"] = 3 }), "level must be 0 (open), 1 (conditional) or 2 (sensitive)"},
		{"policy too wide", edit(func(m map[string]any) { m["public"].(map[string]any)["policy"] = "0x1ffffffff" }), "policy element does not fit in 32 bits"},
		{"released view short", edit(func(m map[string]any) { m["released"] = []string{"0x0"} }), "released view has 1 entries"},
		{"old 5-input file", edit(func(m map[string]any) {
			m["version"] = 1
			delete(m["public"].(map[string]any), "binding")
		}), "proof file version 1 has five public inputs and no binding"},
		{"binding missing", edit(func(m map[string]any) { delete(m["public"].(map[string]any), "binding") }), "binding: missing"},
		{"binding too wide", edit(func(m map[string]any) {
			m["public"].(map[string]any)["binding"] = "0x0100000000000000000000000000000000000000000000000000000000000000"
		}), "binding: more than 248 bits"},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "_")+".json")
			if err := os.WriteFile(path, []byte(c.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadProof(path)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
	t.Run("point not on curve", func(t *testing.T) {
		b := append([]byte(nil), proof.Bytes...)
		b[63] ^= 0x01 // A.y
		err := VerifyBytes(keys.VK, proof.Size, &proof.Public, b)
		if !errors.Is(err, errProofPoint) {
			t.Fatalf("got %v", err)
		}
	})
}

func bigOne() *big.Int { return big.NewInt(1) }

// TestBindingIsBound: a proof made for one record's binding does not verify
// with another's (the binding's verifying-key point is not zero, as it
// would be for a public input in no constraint), and Prove refuses a
// statement that was never bound.
func TestBindingIsBound(t *testing.T) {
	keys := testKeys(t)
	if k := keys.VK.G1.K; len(k) != record.NumPublicInputs+1 || k[record.NumPublicInputs].IsInfinity() {
		t.Fatalf("verifying key: %d IC points, binding's at infinity: a free public input", len(k))
	}
	rec, st := fixtureStatement(t, record.SizeSmall, record.LevelOpen)
	proof, err := Prove(keys, st, rec.Names)
	if err != nil {
		t.Fatal(err)
	}
	content, contentHash, err := FixtureContent(record.SizeSmall)
	if err != nil {
		t.Fatal(err)
	}
	id := record.DatasetID(FixtureDepartment, FixtureDataset)
	if err := proof.CheckBinding(id, FixtureVersion, contentHash); err != nil {
		t.Fatalf("proof not bound to its record: %v", err)
	}
	others := map[string]fr.Element{
		"other department": record.Binding(record.DatasetID("tax", FixtureDataset), FixtureVersion, contentHash),
		"other version":    record.Binding(id, FixtureVersion+1, contentHash),
		"other content":    record.Binding(id, FixtureVersion, record.ContentHash(append(content, '\n'))),
	}
	for name, b := range others {
		pub := proof.Public
		pub.Binding = b
		if err := VerifyBytes(keys.VK, proof.Size, &pub, proof.Bytes); !errors.Is(err, errInvalidProof) {
			t.Errorf("%s: got %v, want invalid proof", name, err)
		}
	}
	if err := proof.CheckBinding(record.DatasetID("tax", FixtureDataset), FixtureVersion, contentHash); !errors.Is(err, ErrOtherRecord) {
		t.Errorf("CheckBinding of another record: %v", err)
	}

	_, unbound := fixtureStatement(t, record.SizeSmall, record.LevelOpen)
	fresh, err := record.NewStatement(rec, FixturePolicy(), record.LevelOpen, unbound.Salt())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Prove(keys, fresh, rec.Names); !errors.Is(err, errUnbound) {
		t.Fatalf("unbound statement: %v", err)
	}
}

// Key files: a missing size says how to make it, a corrupt file is named,
// and a proving key from another setup than the verifying key is refused
// before any proof is made (issue 13 item 15).
func TestKeyFilesErrors(t *testing.T) {
	a, err := DevSetup(record.SizeSmall, []byte("keys-a"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := DevSetup(record.SizeSmall, []byte("keys-b"))
	if err != nil {
		t.Fatal(err)
	}
	dirA, dirB := t.TempDir(), t.TempDir()
	if err := a.Save(dirA); err != nil {
		t.Fatal(err)
	}
	if err := b.Save(dirB); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadKeys(dirA, record.SizeSmall); err != nil {
		t.Fatalf("matching keys refused: %v", err)
	}
	// The 64-column keys are missing: say so, and how to make them.
	_, err = LoadKeys(dirA, record.SizeLarge)
	if err == nil || !strings.Contains(err.Error(), "no 64-column keys in "+dirA) || !strings.Contains(err.Error(), "sovereign zk setup --dev --size 64") {
		t.Fatalf("missing 64-column keys: %v", err)
	}
	// Mixed setups.
	mixed := t.TempDir()
	copyFile(t, pkFile(dirA, record.SizeSmall), pkFile(mixed, record.SizeSmall))
	copyFile(t, vkFile(dirB, record.SizeSmall), vkFile(mixed, record.SizeSmall))
	if _, err := LoadKeys(mixed, record.SizeSmall); !errors.Is(err, errKeysMismatch) {
		t.Fatalf("proving and verifying keys of different setups: %v", err)
	}
	// A corrupt verifying key is named.
	corrupt := t.TempDir()
	copyFile(t, pkFile(dirA, record.SizeSmall), pkFile(corrupt, record.SizeSmall))
	if err := os.WriteFile(vkFile(corrupt, record.SizeSmall), []byte("not a key"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadKeys(corrupt, record.SizeSmall); err == nil || !strings.Contains(err.Error(), vkFile(corrupt, record.SizeSmall)+": corrupt") {
		t.Fatalf("corrupt verifying key: %v", err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
