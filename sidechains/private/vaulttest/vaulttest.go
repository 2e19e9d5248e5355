// Package vaulttest starts real Vault servers for tests. A missing Vault
// binary fails the test with the command that builds it: CI builds it in
// `make setup`, so a skip would hide a broken set-up.
package vaulttest

import (
	"context"
	"testing"
	"time"

	"github.com/sovereign-gov/sovereign/sidechains/private/vaultserver"
)

// Dev starts `vault server -dev` on a free loopback port with a random root
// token; it stops when the test ends.
func Dev(t testing.TB) *vaultserver.Server {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := vaultserver.StartDev(ctx, t.TempDir())
	if err != nil {
		t.Fatalf("starting a vault dev server: %v", err)
	}
	t.Cleanup(func() { _ = s.Stop() })
	return s
}

// File starts a Vault server with file storage in dir, initialised and
// unsealed; it stops when the test ends.
func File(t testing.TB, dir string) *vaultserver.Server {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := vaultserver.StartFile(ctx, dir)
	if err != nil {
		t.Fatalf("starting a vault server with file storage: %v", err)
	}
	t.Cleanup(func() { _ = s.Stop() })
	return s
}
