package vaultserver_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/sovereign-gov/sovereign/sidechains/private/vaulttest"
)

func TestDevServerAnswers(t *testing.T) {
	s := vaulttest.Dev(t)
	c, err := s.Client()
	if err != nil {
		t.Fatal(err)
	}
	h, err := c.Sys().Health()
	if err != nil {
		t.Fatalf("health: %v", err)
	}
	if !h.Initialized || h.Sealed || h.Version != "1.21.1" {
		t.Fatalf("unexpected health %+v", h)
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Sys().Health(); err == nil {
		t.Fatal("a stopped server still answers")
	}
}

func TestFileServerInitSealUnsealRestart(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := vaulttest.File(t, dir)
	c, _ := s.Client()
	if err := c.Sys().Mount("kv", &vaultMount); err != nil {
		t.Fatalf("mount: %v", err)
	}
	if _, err := c.Logical().Write("kv/x", map[string]any{"v": "1"}); err != nil {
		t.Fatalf("write: %v", err)
	}
	if err := s.Seal(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Logical().Read("kv/x"); err == nil {
		t.Fatal("a sealed server answered a read")
	}
	if err := s.Unseal(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if err := s.Restart(ctx); err != nil {
		t.Fatalf("restart: %v", err)
	}
	sec, err := c.Logical().Read("kv/x")
	if err != nil || sec == nil || sec.Data["v"] != "1" {
		t.Fatalf("data lost across restart: %v %v", sec, err)
	}
	if st, err := os.Stat(filepath.Join(dir, "dev-only-unseal.json")); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("unseal file: %v %v", st, err)
	}
}

func TestMissingBinaryNamesTheBuildCommand(t *testing.T) {
	t.Setenv("SOVEREIGN_VAULT_BIN", filepath.Join(t.TempDir(), "nope"))
	_, err := vaulttestStartDev(t)
	if err == nil || !contains(err.Error(), "scripts/vault.sh build") {
		t.Fatalf("want an error naming the build command, got %v", err)
	}
}
