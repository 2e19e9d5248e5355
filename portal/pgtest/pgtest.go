// Package pgtest gives tests databases on a real PostgreSQL server:
// scripts/postgres.sh starts a throwaway one per test binary (initdb in a
// temp folder, a unix socket, run as nobody when the tests run as root),
// and each test gets a fresh database on it.
//
// SOVEREIGN_REQUIRE_POSTGRES=1 (set by `make test`, so by CI) turns every
// reason to skip into a failure: a store test that quietly skips in CI
// proves nothing. SOVEREIGN_TEST_POSTGRES=URL uses a server of your own
// (its user must be allowed to create databases).
package pgtest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// Environment variables of the tests.
const (
	RequireEnv = "SOVEREIGN_REQUIRE_POSTGRES"
	URLEnv     = "SOVEREIGN_TEST_POSTGRES"
)

var server struct {
	once sync.Once
	dir  string // set when this binary started the server
	url  string
	err  error
	db   *sql.DB
	n    atomic.Int64
}

// script is the repository's scripts/postgres.sh.
func script() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "scripts", "postgres.sh")
}

func start() {
	server.url = os.Getenv(URLEnv)
	if server.url == "" {
		// the script's watchdog stops the server if this process dies first
		out, err := exec.Command(script(), "start", fmt.Sprint(os.Getpid())).Output()
		if err != nil {
			var ee *exec.ExitError
			stderr := ""
			if errors.As(err, &ee) {
				stderr = strings.TrimSpace(string(ee.Stderr))
			}
			server.err = fmt.Errorf("scripts/postgres.sh start: %v: %s", err, stderr)
			return
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		if len(lines) != 2 {
			server.err = fmt.Errorf("scripts/postgres.sh start printed %q, want a folder and a URL", out)
			return
		}
		server.dir, server.url = lines[0], lines[1]
	}
	server.db, server.err = sql.Open("pgx", server.url)
	if server.err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		server.err = server.db.PingContext(ctx)
	}
}

// Database creates a fresh database on the test server and returns its
// URL; it is dropped when the test ends.
func Database(t testing.TB) string {
	t.Helper()
	server.once.Do(start)
	if server.err != nil {
		msg := fmt.Sprintf("no PostgreSQL server for this test (scripts/postgres.sh install; %s=1 fails instead of skipping, %s=URL uses your own): %v",
			RequireEnv, URLEnv, server.err)
		if os.Getenv(RequireEnv) == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	name := fmt.Sprintf("sovereign_%d_%d", os.Getpid(), server.n.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := server.db.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatalf("creating database %s: %v", name, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_, _ = server.db.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
	})
	u, err := url.Parse(server.url)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// Stop stops the server this binary started (call it from TestMain after
// m.Run).
func Stop() {
	if server.db != nil {
		server.db.Close()
	}
	if server.dir != "" {
		if out, err := exec.Command(script(), "stop", server.dir).CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "stopping the test PostgreSQL server: %v\n%s", err, out)
		}
	}
}
