package sensitive_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
)

// After a run that exercises every key operation, no file under the data
// folders (Vault's storage, its server log and audit log, the record store,
// the application log) holds a data key, a validator private key or record
// plaintext in clear, in raw, hex or base64 form.
func TestNoKeysInClearOnDisk(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, true)

	// A validator key lives in Vault KV and is read into memory only.
	vk, _ := crypto.GenerateKey()
	validatorKey := crypto.FromECDSA(vk)
	officer := f.login(naming.SecurityOfficerRole)
	if _, err := officer.API().Logical().WriteWithContext(ctx, naming.KVMount+"/data/v1",
		map[string]any{"data": map[string]any{"private_key": hex.EncodeToString(validatorKey)}}); err != nil {
		t.Fatal(err)
	}
	sec, err := f.login(naming.ValidatorRole("v1")).API().Logical().ReadWithContext(ctx, naming.KVMount+"/data/v1")
	if err != nil || sec == nil {
		t.Fatalf("validator reads its key: %v", err)
	}

	health := f.dept("health")
	single := inputs("scan-one", 3, 2000)
	for _, in := range single {
		if _, err := health.Submit(ctx, "health", "stays", in); err != nil {
			t.Fatal(err)
		}
	}
	batch := inputs("scan-batch", 150, 1024)
	if _, err := health.SubmitBatch(ctx, "health", "stays", batch); err != nil {
		t.Fatal(err)
	}
	if _, err := officer.Rotate(ctx, "health.stays"); err != nil {
		t.Fatal(err)
	}
	if _, err := sensitive.New(officer, f.store, sensitive.WithLogger(f.log)).Rewrap(ctx, "health.stays", nil); err != nil {
		t.Fatal(err)
	}
	for _, in := range append(single, batch...) {
		if _, err := health.Open(ctx, in.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := officer.GrantDecrypt(ctx, "health.stays", time.Minute, 0); err != nil {
		t.Fatal(err)
	}

	// The secrets to look for: every data key (unwrapped here, in memory, with
	// the root token), the validator key and the record contents.
	recs, _ := f.store.ListByKey(ctx, "health.stays")
	secrets := [][]byte{validatorKey}
	for _, r := range recs {
		s, err := f.root.Logical().Write("transit/decrypt/health.stays", map[string]any{"ciphertext": r.WrappedKey})
		if err != nil {
			t.Fatal(err)
		}
		dek, _ := base64.StdEncoding.DecodeString(s.Data["plaintext"].(string))
		secrets = append(secrets, dek)
	}
	needles := forms(secrets)
	needles = append(needles, []byte("secret-7;"), []byte("scan-batch,row"))

	files := scan(t, f.dataDir, needles)
	for _, must := range []string{"vault-audit.log", "vault.db", "records.json", "sovereign.log", "vault.log"} {
		if files[must] == 0 {
			t.Errorf("the scan did not cover any %s (scanned %v)", must, files)
		}
	}
	// The scan can fail: a planted key is found.
	planted := filepath.Join(t.TempDir(), "leak.txt")
	os.WriteFile(planted, []byte("x"+base64.StdEncoding.EncodeToString(secrets[5])+"x"), 0o600)
	if hits := findIn(planted, needles); len(hits) == 0 {
		t.Fatal("the scanner missed a planted data key")
	}
}

// forms returns each secret raw, in hex (both cases) and in base64 (std, url, raw).
func forms(secrets [][]byte) [][]byte {
	var out [][]byte
	for _, s := range secrets {
		out = append(out, s,
			[]byte(hex.EncodeToString(s)), []byte(strings.ToUpper(hex.EncodeToString(s))),
			[]byte(base64.StdEncoding.EncodeToString(s)), []byte(base64.RawStdEncoding.EncodeToString(s)),
			[]byte(base64.URLEncoding.EncodeToString(s)), []byte(base64.RawURLEncoding.EncodeToString(s)))
	}
	return out
}

// scan fails the test for any file under root holding a needle and returns
// how many files of each base name it read.
func scan(t *testing.T, root string, needles [][]byte) map[string]int {
	t.Helper()
	seen := map[string]int{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		seen[d.Name()]++
		if hits := findIn(path, needles); len(hits) > 0 {
			t.Errorf("%s holds %d secret(s) in clear, e.g. %q…", path, len(hits), hits[0][:8])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return seen
}

func findIn(path string, needles [][]byte) [][]byte {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var hits [][]byte
	for _, n := range needles {
		if bytes.Contains(data, n) {
			hits = append(hits, n)
		}
	}
	return hits
}
