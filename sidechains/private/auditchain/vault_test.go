package auditchain_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sovereign-gov/sovereign/sidechains/private/auditchain"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultsetup"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaulttest"
)

// The chain over a real Vault audit log: it grows with each request, an
// incremental head equals a full recomputation, and an edit is caught.
func TestRealVaultAuditLog(t *testing.T) {
	ctx := context.Background()
	srv := vaulttest.Dev(t)
	root, _ := srv.Client()
	logPath := filepath.Join(t.TempDir(), "audit.log")
	if err := vaultsetup.Apply(ctx, root, vaultsetup.Config{
		Datasets: map[string][]string{"health": {"stays"}}, AuditLogPath: logPath,
	}, nil); err != nil {
		t.Fatal(err)
	}
	h1, err := auditchain.ExtendFile(auditchain.Genesis(), logPath)
	if err != nil || h1.Entries == 0 {
		t.Fatalf("first head: %v %v", h1, err)
	}
	for i := 0; i < 5; i++ {
		if _, err := root.Logical().Write("transit/datakey/plaintext/health.stays", nil); err != nil {
			t.Fatal(err)
		}
	}
	h2, err := auditchain.ExtendFile(h1, logPath)
	if err != nil || h2.Entries < h1.Entries+10 { // a request and a response line each
		t.Fatalf("second head %v after %v: %v", h2, h1, err)
	}
	full, _ := auditchain.ExtendFile(auditchain.Genesis(), logPath)
	if err := auditchain.Verify(logPath, h2); err != nil || full.Entries < h2.Entries {
		t.Fatalf("verify: %v (full %v)", err, full)
	}
	data, _ := os.ReadFile(logPath)
	if err := os.WriteFile(logPath, []byte(strings.Replace(string(data), "datakey", "datakeY", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := auditchain.Verify(logPath, h2); err == nil {
		t.Fatal("an edited audit log still verifies")
	}
}
