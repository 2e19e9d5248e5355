package sensitive_test

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaulttest"
)

// After a run that exercises every key operation, no file under the data
// folders (Vault's storage, its server log and audit log, the record store,
// the application log) holds a data key, a validator private key or record
// plaintext in clear, in raw, hex or base64 form.
func TestNoKeysInClearOnDisk(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, true)

	// A validator key lives in Vault KV (written by set-up's admin token)
	// and is read into memory only.
	vk, _ := crypto.GenerateKey()
	validatorKey := crypto.FromECDSA(vk)
	officer := f.login(naming.SecurityOfficerRole)
	if _, err := f.root.Logical().WriteWithContext(ctx, naming.KVMount+"/data/v1",
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
	needles := vaulttest.Forms(secrets...)
	needles = append(needles, []byte("secret-7;"), []byte("scan-batch,row"))

	files := vaulttest.Scan(t, f.dataDir, needles)
	for _, must := range []string{"vault-audit.log", "vault.db", "records.json", "sovereign.log", "vault.log"} {
		if files[must] == 0 {
			t.Errorf("the scan did not cover any %s (scanned %v)", must, files)
		}
	}
	// The scan can fail: a planted key is found.
	leak := []byte("x" + base64.StdEncoding.EncodeToString(secrets[5]) + "x")
	if hits := vaulttest.Find(leak, needles); len(hits) == 0 {
		t.Fatal("the scanner missed a planted data key")
	}
}
