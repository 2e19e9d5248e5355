package zk

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/sovereign-gov/sovereign/record"
)

// TestGeneratedArtifacts regenerates the 16-column verifier and fixture and
// compares them with the committed files (the 64-column ones are checked by
// `make zk-generated-check`, which CI runs).
func TestGeneratedArtifacts(t *testing.T) {
	a, err := generateArtifacts(testKeys(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != 3 {
		t.Fatalf("%d artifacts", len(a))
	}
	for path, want := range a {
		got, err := os.ReadFile(filepath.Join("..", path))
		if err != nil {
			t.Fatalf("committed %s: %v (run: %s)", path, err, RegenerateCommand)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from a fresh generation: run %s", path, RegenerateCommand)
		}
	}
	// The fixture is a proof that verifies.
	p, err := LoadProof(filepath.Join("..", fixtureProofPath(record.SizeSmall)))
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(testKeys(t).VK, p); err != nil {
		t.Fatalf("fixture proof: %v", err)
	}
}

// TestDevVerifyingKeyHashes keeps the pinned hashes of the dev keys true, so
// that deploy recognises (and refuses) the INSECURE dev verifiers.
func TestDevVerifyingKeyHashes(t *testing.T) {
	keys := map[int]*Keys{record.SizeSmall: testKeys(t)}
	if !testing.Short() {
		k, err := DevSetup(record.SizeLarge, []byte(DevSeed))
		if err != nil {
			t.Fatal(err)
		}
		keys[record.SizeLarge] = k
	}
	next, err := DevSetup(record.SizeSmall, []byte(DevSeedNext))
	if err != nil {
		t.Fatal(err)
	}
	if dev, err := IsDevVerifyingKey(record.SizeSmall, next.VK); err != nil || !dev {
		t.Errorf("the second dev keys (DevSeedNext) are not recognised as dev keys: %v, %v", dev, err)
	}
	for size, k := range keys {
		h, err := VerifyingKeyHash(k.VK)
		if err != nil {
			t.Fatal(err)
		}
		if h != devVerifyingKeyHashes[size] {
			t.Errorf("dev verifying key %d hashes to %s, pinned %s", size, h, devVerifyingKeyHashes[size])
		}
	}
	other, err := DevSetup(record.SizeSmall, []byte("not the dev seed"))
	if err != nil {
		t.Fatal(err)
	}
	if dev, _ := IsDevVerifyingKey(record.SizeSmall, other.VK); dev {
		t.Fatal("keys from another seed taken for the dev keys")
	}
}
