package devvault_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/sidechains/private/devvault"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
)

// The devnet Vault starts on disk, gives each validator a key in KV that
// only that validator reads, and keeps everything across a restart.
func TestStartRestartKeepsKeys(t *testing.T) {
	ctx := context.Background()
	cfg := devvault.Config{
		Dir:        filepath.Join(t.TempDir(), "vault"),
		Datasets:   map[string][]string{"health": {"stays"}},
		Validators: []string{"v1", "v2"},
	}
	v, err := devvault.Start(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	addr1, err := v.Address(ctx, "v1")
	if err != nil {
		t.Fatal(err)
	}
	val, err := v.Login(ctx, naming.ValidatorRole("v1"))
	if err != nil {
		t.Fatal(err)
	}
	key, err := val.SigningKey(ctx, "v1")
	if err != nil {
		t.Fatalf("validator v1 reads its key into memory: %v", err)
	}
	if got := crypto.PubkeyToAddress(key.PublicKey).Hex(); got != addr1 {
		t.Fatalf("validator key %s, want %s", got, addr1)
	}
	if _, err := val.SigningKey(ctx, "v2"); err == nil || !strings.Contains(err.Error(), "403") {
		t.Fatalf("v1 reading v2's key: want 403, got %v", err)
	}
	val.Close()
	if err := v.Stop(); err != nil {
		t.Fatal(err)
	}

	v2, err := devvault.Start(ctx, cfg, nil)
	if err != nil {
		t.Fatalf("restart: %v", err)
	}
	defer v2.Stop()
	addr2, _ := v2.Address(ctx, "v1")
	if addr1 != addr2 || addr1 == "" {
		t.Fatalf("validator address changed across restart: %s -> %s", addr1, addr2)
	}
	dept, err := v2.Login(ctx, naming.DepartmentRole("health"))
	if err != nil {
		t.Fatal(err)
	}
	defer dept.Close()
	if _, err := dept.NewDataKey(ctx, "health.stays"); err != nil {
		t.Fatalf("department after restart: %v", err)
	}
	if _, err := devvault.Start(ctx, devvault.Config{}, nil); err == nil || !strings.Contains(err.Error(), "a folder is required") {
		t.Fatalf("no folder: %v", err)
	}
}

// A devnet restart keeps a shredded dataset shredded (set-up does not
// re-create its key), and the audit folder is one a non-root user can
// write into (0700, repaired if an earlier run left it 0600).
func TestRestartKeepsShreddedAndAuditFolderUsable(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "vault")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "audit"), 0o600); err != nil { // as Vault's audit device made it
		t.Fatal(err)
	}
	cfg := devvault.Config{Dir: dir, Datasets: map[string][]string{"health": {"stays", "births"}}, Validators: []string{"v1"}}
	v, err := devvault.Start(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(dir, "audit"))
	if err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("audit folder: %v %v, want 0700", st.Mode(), err)
	}
	if _, err := os.Stat(v.AuditLog); err != nil {
		t.Fatalf("audit log: %v", err)
	}
	officer, err := v.Login(ctx, naming.SecurityOfficerRole)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := officer.PutShredMark(ctx, vaultclient.ShredMark{Key: "health.stays", Records: 0, At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if err := officer.DeleteKey(ctx, "health.stays"); err != nil {
		t.Fatal(err)
	}
	officer.Close()
	if err := v.Stop(); err != nil {
		t.Fatal(err)
	}

	v2, err := devvault.Start(ctx, cfg, nil)
	if err != nil {
		t.Fatalf("restart: %v", err)
	}
	defer v2.Stop()
	dept, err := v2.Login(ctx, naming.DepartmentRole("health"))
	if err != nil {
		t.Fatal(err)
	}
	defer dept.Close()
	if _, err := dept.NewDataKey(ctx, "health.births"); err != nil {
		t.Fatalf("the other dataset after restart: %v", err)
	}
	if _, err := dept.NewDataKey(ctx, "health.stays"); err == nil {
		t.Fatal("the shredded key was re-created by the restart")
	}
	officer2, err := v2.Login(ctx, naming.SecurityOfficerRole)
	if err != nil {
		t.Fatal(err)
	}
	defer officer2.Close()
	if _, err := officer2.GrantDecrypt(ctx, "health.stays", time.Minute, 0); !errors.Is(err, vaultclient.ErrShredded) {
		t.Fatalf("grant on the shredded key after restart: %v", err)
	}
}
