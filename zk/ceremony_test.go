package zk

import (
	"os"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/frontend"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sovereign-gov/sovereign/record"
)

func flipByte(t *testing.T, path string, at int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[at] ^= 0x40
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// copyDir copies a ceremony so a tampered copy can be checked beside it.
func copyDir(t *testing.T, from string) string {
	t.Helper()
	to := filepath.Join(t.TempDir(), "copy")
	if out, err := exec.Command("cp", "-r", from, to).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v %s", err, out)
	}
	return to
}

// TestCeremony runs a real three-contributor ceremony for the 16-column
// circuit, detects tampered contributions, and proves with the keys.
func TestCeremony(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ceremony")
	if err := CeremonyInit(dir, record.SizeSmall); err != nil {
		t.Fatal(err)
	}
	if err := CeremonyInit(dir, record.SizeSmall); err == nil || !strings.Contains(err.Error(), "a ceremony already exists") {
		t.Fatalf("second init: %v", err)
	}
	if _, err := CeremonySeal(dir, []byte("beacon")); err == nil || !strings.Contains(err.Error(), "no contribution to seal") {
		t.Fatalf("seal without contributions: %v", err)
	}
	start := time.Now()
	for i := range 3 {
		c, err := CeremonyContribute(dir)
		if err != nil {
			t.Fatal(err)
		}
		if c.Phase != 1 || c.Index != i+1 || len(c.Hash) != 64 {
			t.Fatalf("contribution %+v", c)
		}
	}
	t.Logf("phase 1: 3 contributions in %v", time.Since(start))
	rep, err := CeremonyVerify(dir)
	if err != nil {
		t.Fatalf("honest phase 1 rejected: %v", err)
	}
	if len(rep.Contributions) != 3 {
		t.Fatalf("report %+v", rep)
	}

	t.Run("tampered phase 1 contribution", func(t *testing.T) {
		bad := copyDir(t, dir)
		path := filepath.Join(bad, "phase1", "0002.bin")
		info, _ := os.Stat(path)
		flipByte(t, path, int(info.Size()/2))
		_, err := CeremonyVerify(bad)
		if err == nil || !strings.Contains(err.Error(), "phase 1 contribution 2") {
			t.Fatalf("got %v, want contribution 2 rejected", err)
		}
		if _, err := CeremonySeal(bad, []byte("beacon")); err == nil {
			t.Fatal("sealed a tampered transcript")
		}
	})

	start = time.Now()
	if _, err := CeremonySeal(dir, []byte("phase-1 beacon")); err != nil {
		t.Fatal(err)
	}
	t.Logf("phase 1 sealed, phase 2 initialised in %v", time.Since(start))
	start = time.Now()
	for i := range 3 {
		c, err := CeremonyContribute(dir)
		if err != nil {
			t.Fatal(err)
		}
		if c.Phase != 2 || c.Index != i+1 {
			t.Fatalf("contribution %+v", c)
		}
	}
	t.Logf("phase 2: 3 contributions in %v", time.Since(start))

	t.Run("tampered phase 2 contribution", func(t *testing.T) {
		bad := copyDir(t, dir)
		path := filepath.Join(bad, "phase2", "0002.bin")
		info, _ := os.Stat(path)
		flipByte(t, path, int(info.Size()/2))
		_, err := CeremonyVerify(bad)
		if err == nil || !strings.Contains(err.Error(), "phase 2 contribution 2") {
			t.Fatalf("got %v, want contribution 2 rejected", err)
		}
	})

	// Sealing phase 2 rebuilds what it seals from the verified transcript:
	// files in the shared folder that a contributor edited are refused, not
	// trusted (issue 13 item 9).
	for _, file := range []string{"srs.bin", filepath.Join("phase2", "0000.bin")} {
		t.Run("seal refuses an edited "+file, func(t *testing.T) {
			bad := copyDir(t, dir)
			path := filepath.Join(bad, file)
			info, _ := os.Stat(path)
			flipByte(t, path, int(info.Size()/2))
			_, err := CeremonySeal(bad, []byte("phase-2 beacon"))
			if err == nil || !strings.Contains(err.Error(), "ceremony does not verify, not sealing") {
				t.Fatalf("sealed with an edited %s: %v", file, err)
			}
			if _, err := os.Stat(filepath.Join(bad, "keys")); err == nil {
				t.Fatal("keys written from an edited transcript")
			}
		})
	}

	start = time.Now()
	rep, err = CeremonySeal(dir, []byte("phase-2 beacon"))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Phase != phaseDone || len(rep.Contributions) != 6 || !rep.SRSChecked { // the whole transcript was verified before sealing
		t.Fatalf("seal report %+v", rep)
	}
	t.Logf("phase 2 sealed in %v", time.Since(start))
	start = time.Now()
	rep, err = CeremonyVerify(dir)
	if err != nil {
		t.Fatalf("honest ceremony rejected: %v", err)
	}
	if len(rep.Contributions) != 6 || !rep.SRSChecked || !rep.KeysChecked {
		t.Fatalf("report %+v", rep)
	}
	t.Logf("whole transcript verified (phase 2 start recomputed, keys rebuilt) in %v", time.Since(start))
	if _, err := CeremonyContribute(dir); err == nil || !strings.Contains(err.Error(), "the ceremony is sealed") {
		t.Fatalf("contribute after seal: %v", err)
	}

	keys, err := LoadKeys(filepath.Join(dir, "keys"), record.SizeSmall)
	if err != nil {
		t.Fatal(err)
	}
	rec, st := fixtureStatement(t, record.SizeSmall, record.LevelConditional)
	proof, err := Prove(keys, st, rec.Names)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(keys.VK, proof); err != nil {
		t.Fatalf("proof with ceremony keys rejected: %v", err)
	}
	if err := Verify(testKeys(t).VK, proof); err == nil {
		t.Fatal("dev keys accepted a proof made with ceremony keys")
	}
	// The forgery that zeroed [K]₁ allowed: A=[α]₁, B=[β]₂, C=O. With real
	// keys no K point is the identity and the forgery fails.
	for i, k := range keys.VK.G1.K {
		if k.IsInfinity() {
			t.Fatalf("sealed verifying key has K[%d] at infinity", i)
		}
	}
	var forged groth16bn254.Proof
	forged.Ar, forged.Bs = keys.VK.G1.Alpha, keys.VK.G2.Beta
	w, err := frontend.NewWitness(publicAssignment(record.SizeSmall, &proof.Public), ecc.BN254.ScalarField(), frontend.PublicOnly())
	if err != nil {
		t.Fatal(err)
	}
	if err := groth16.Verify(&forged, keys.VK, w); err == nil {
		t.Fatal("the sealed keys accept A=[α]₁, B=[β]₂, C=O")
	}
}
