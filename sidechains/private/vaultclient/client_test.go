package vaultclient_test

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/metrics"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultsetup"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaulttest"
)

// logBuffer collects log records so the test can see renewals and re-logins.
type logBuffer struct {
	mu   sync.Mutex
	msgs []string
}

func (b *logBuffer) Enabled(context.Context, slog.Level) bool { return true }
func (b *logBuffer) Handle(_ context.Context, r slog.Record) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.msgs = append(b.msgs, r.Message)
	return nil
}
func (b *logBuffer) WithAttrs([]slog.Attr) slog.Handler { return b }
func (b *logBuffer) WithGroup(string) slog.Handler      { return b }
func (b *logBuffer) count(msg string) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for _, m := range b.msgs {
		if m == msg {
			n++
		}
	}
	return n
}

// A token with a 2 s TTL and a 5 s max TTL: the lifetime watcher renews it,
// logs in again at the max TTL, and requests keep working well past both.
func TestTokenRenewalAndReLogin(t *testing.T) {
	ctx := context.Background()
	srv := vaulttest.Dev(t)
	root, _ := srv.Client()
	if err := vaultsetup.Apply(ctx, root, vaultsetup.Config{
		Datasets: map[string][]string{"health": {"stays"}}, AuditLogPath: filepath.Join(t.TempDir(), "audit.log"),
		TokenTTL: 2 * time.Second, TokenMaxTTL: 5 * time.Second,
	}, nil); err != nil {
		t.Fatal(err)
	}
	id, secret, err := vaultsetup.Credentials(ctx, root, naming.DepartmentRole("health"))
	if err != nil {
		t.Fatal(err)
	}
	logs := &logBuffer{}
	c, err := vaultclient.New(srv.Addr, vaultclient.WithLogger(slog.New(logs)))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.LoginAppRole(ctx, id, secret); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(12 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := c.NewDataKey(ctx, "health.stays"); err != nil {
			t.Fatalf("request after %v: %v", 12*time.Second-time.Until(deadline), err)
		}
		time.Sleep(500 * time.Millisecond)
	}
	if logs.count("vault re-login") == 0 {
		t.Fatalf("no re-login after the max TTL; logs: %v", logs.msgs)
	}
}

func TestLoginErrors(t *testing.T) {
	ctx := context.Background()
	srv := vaulttest.Dev(t)
	root, _ := srv.Client()
	if err := vaultsetup.Apply(ctx, root, vaultsetup.Config{
		Datasets: map[string][]string{"health": {"stays"}}, AuditLogPath: filepath.Join(t.TempDir(), "audit.log"),
	}, nil); err != nil {
		t.Fatal(err)
	}
	id, _, _ := vaultsetup.Credentials(ctx, root, naming.DepartmentRole("health"))
	c, _ := vaultclient.New(srv.Addr)
	if err := c.LoginAppRole(ctx, id, ""); err == nil || !strings.Contains(err.Error(), "role ID and secret ID are required") {
		t.Fatalf("empty secret: %v", err)
	}
	if err := c.LoginAppRole(ctx, id, "wrong-secret"); err == nil || !strings.Contains(err.Error(), "auth/approle/login") {
		t.Fatalf("wrong secret: want an error naming the login path, got %v", err)
	}
	if _, err := vaultclient.New(""); err == nil || !strings.Contains(err.Error(), "no address") {
		t.Fatalf("no address: %v", err)
	}
	// Nothing listens: ErrUnavailable names the path.
	if err := srv.Stop(); err != nil {
		t.Fatal(err)
	}
	_, err := c.NewDataKey(ctx, "health.stays")
	if !errors.Is(err, vaultclient.ErrUnavailable) || !strings.Contains(err.Error(), "transit/datakey/plaintext/health.stays") {
		t.Fatalf("stopped server: %v", err)
	}
}

func TestWrappedVersion(t *testing.T) {
	for in, want := range map[string]int{"vault:v1:abc": 1, "vault:v12:x:y": 12} {
		if got, err := vaultclient.WrappedVersion(in); err != nil || got != want {
			t.Errorf("%s: %d %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "vault:1:abc", "vault:v0:abc", "vault:vx:abc", "other:v1:abc", "vault:v1"} {
		if _, err := vaultclient.WrappedVersion(bad); err == nil || !strings.Contains(err.Error(), "malformed wrapped key") {
			t.Errorf("%q: want a malformed-key error, got %v", bad, err)
		}
	}
}

// TestErrorMetrics counts a real Vault's refusals by kind: a wrong AppRole
// secret (400), a path outside the role's policy (403), then a stopped
// server (no answer); successful requests count nothing.
func TestErrorMetrics(t *testing.T) {
	ctx := context.Background()
	srv := vaulttest.Dev(t)
	root, _ := srv.Client()
	if err := vaultsetup.Apply(ctx, root, vaultsetup.Config{
		Datasets: map[string][]string{"health": {"stays"}, "tax": {"returns"}}, AuditLogPath: filepath.Join(t.TempDir(), "audit.log"),
	}, nil); err != nil {
		t.Fatal(err)
	}
	id, secret, err := vaultsetup.Credentials(ctx, root, naming.DepartmentRole("health"))
	if err != nil {
		t.Fatal(err)
	}
	reg := metrics.NewRegistry()
	c, err := vaultclient.New(srv.Addr, vaultclient.WithMetrics(reg))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	count := func(kind string) int64 {
		m, ok := reg.Get("sovereign/vault/errors/" + kind).(*metrics.Counter)
		if !ok {
			t.Fatalf("no counter for %s", kind)
		}
		return m.Snapshot().Count()
	}
	expect := func(when string, want map[string]int64) {
		t.Helper()
		for _, k := range []string{"badrequest", "forbidden", "notfound", "client", "server", "sealed", "unreachable", "canceled"} {
			if got := count(k); got != want[k] {
				t.Errorf("%s: %s errors = %d, want %d", when, k, got, want[k])
			}
		}
	}
	expect("at start", nil)
	if err := c.LoginAppRole(ctx, id, "wrong-secret"); err == nil {
		t.Fatal("wrong secret: logged in")
	}
	expect("wrong secret", map[string]int64{"badrequest": 1})
	if err := c.LoginAppRole(ctx, id, secret); err != nil {
		t.Fatal(err)
	}
	if _, err := c.NewDataKey(ctx, "health.stays"); err != nil {
		t.Fatal(err)
	}
	expect("own key", map[string]int64{"badrequest": 1})
	if _, err := c.NewDataKey(ctx, "tax.returns"); !errors.Is(err, vaultclient.ErrForbidden) {
		t.Fatalf("another department's key: %v", err)
	}
	expect("another department's key", map[string]int64{"badrequest": 1, "forbidden": 1})
	c.Close() // no renewals while the server is down
	if err := srv.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.NewDataKey(ctx, "health.stays"); !errors.Is(err, vaultclient.ErrUnavailable) {
		t.Fatalf("stopped server: %v", err)
	}
	expect("stopped server", map[string]int64{"badrequest": 1, "forbidden": 1, "unreachable": 1})
}
