package sensitive_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	vault "github.com/hashicorp/vault/api"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/records/recordstest"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultserver"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultsetup"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaulttest"
)

// fixture is a real Vault server set up as code, a file-backed record store
// and a log file, all in folders the key scan can read afterwards.
type fixture struct {
	t       *testing.T
	srv     *vaultserver.Server
	root    *vault.Client
	cfg     vaultsetup.Config
	store   *recordstest.FileStore
	dataDir string
	logPath string
	log     *slog.Logger
}

// newFixture starts a dev server, or with onDisk a raft-storage server that
// can be sealed, stopped and restarted.
func newFixture(t *testing.T, onDisk bool) *fixture {
	t.Helper()
	dataDir := t.TempDir()
	var srv *vaultserver.Server
	if onDisk {
		srv = vaulttest.File(t, filepath.Join(dataDir, "vault"))
	} else {
		srv = vaulttest.Dev(t)
	}
	root, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	cfg := vaultsetup.Config{
		Datasets:     map[string][]string{"health": {"stays", "births"}, "tax": {"returns"}},
		Validators:   []string{"v1"},
		AuditLogPath: filepath.Join(dataDir, "audit", "vault-audit.log"),
	}
	err = vaultsetup.Apply(context.Background(), root, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	store, err := recordstest.NewFileStore(filepath.Join(dataDir, "records"))
	if err != nil {
		t.Fatal(err)
	}
	logPath := filepath.Join(dataDir, "logs", "sovereign.log")
	if err := os.MkdirAll(filepath.Dir(logPath), 0o700); err != nil {
		t.Fatal(err)
	}
	lf, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lf.Close() })
	log := slog.New(slog.NewJSONHandler(lf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	return &fixture{t: t, srv: srv, root: root, cfg: cfg, store: store, dataDir: dataDir, logPath: logPath, log: log}
}

// login returns a client logged in with a role's AppRole credentials.
func (f *fixture) login(role string) *vaultclient.Client {
	f.t.Helper()
	id, secret, err := vaultsetup.Credentials(context.Background(), f.root, role)
	if err != nil {
		f.t.Fatal(err)
	}
	c, err := vaultclient.New(f.srv.Addr, vaultclient.WithLogger(f.log))
	if err != nil {
		f.t.Fatal(err)
	}
	if err := c.LoginAppRole(context.Background(), id, secret); err != nil {
		f.t.Fatalf("login %s: %v", role, err)
	}
	f.t.Cleanup(c.Close)
	return c
}

func (f *fixture) service(role string, opts ...sensitive.Option) *sensitive.Service {
	return sensitive.New(f.login(role), f.store, append([]sensitive.Option{sensitive.WithLogger(f.log)}, opts...)...)
}

func (f *fixture) dept(name string, opts ...sensitive.Option) *sensitive.Service {
	return f.service(naming.DepartmentRole(name), opts...)
}

// inputs makes n records of size bytes with distinct IDs and contents.
func inputs(prefix string, n, size int) []sensitive.Input {
	out := make([]sensitive.Input, n)
	for i := range out {
		out[i].ID = sha256.Sum256([]byte(fmt.Sprintf("%s/%d", prefix, i)))
		row := []byte(fmt.Sprintf("%s,row %d,secret-%d;", prefix, i, i))
		for len(out[i].Plaintext) < size {
			out[i].Plaintext = append(out[i].Plaintext, row...)
		}
		out[i].Plaintext = out[i].Plaintext[:size]
		out[i].Commitment = sha256.Sum256(out[i].Plaintext)
	}
	return out
}
