package devvault_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/sidechains/private/devvault"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
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
