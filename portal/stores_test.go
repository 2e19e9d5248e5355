package portal

// The indexer and catalogue tests run against both stores: the SQLite file
// and a database on a real PostgreSQL server (pgtest).

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/sovereign-gov/sovereign/portal/pgtest"
)

// storeKind is one of the two stores: place makes a fresh empty place for
// an index (a folder, a database), open opens the index there.
type storeKind struct {
	name  string
	place func(t *testing.T) string
	open  func(ctx context.Context, place string, registry common.Address) (*Store, error)
}

var storeKinds = []storeKind{
	{name: "sqlite", place: func(t *testing.T) string { return t.TempDir() }, open: OpenStore},
	{name: "postgres", place: func(t *testing.T) string { return pgtest.Database(t) }, open: OpenPostgres},
}

// eachStore runs fn once per store, as subtests named after them.
func eachStore(t *testing.T, fn func(t *testing.T, k storeKind)) {
	for _, k := range storeKinds {
		t.Run(k.name, func(t *testing.T) { fn(t, k) })
	}
}

// openStore opens an index of k at place, closed when the test ends.
func openStore(t *testing.T, k storeKind, place string, registry common.Address) *Store {
	t.Helper()
	s, err := k.open(testCtx(t), place, registry)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.Stop()
	os.Exit(code)
}

func TestRebindDollar(t *testing.T) {
	for in, want := range map[string]string{
		"SELECT 1":        "SELECT 1",
		"a = ? AND b = ?": "a = $1 AND b = $2",
		"x LIKE ?1 OR y LIKE ?1 OR z = ?2 AND w = ?": "x LIKE $1 OR y LIKE $1 OR z = $2 AND w = $3",
		"?3 ?4 ?3 ? LIMIT ? OFFSET ?":                "$3 $4 $3 $5 LIMIT $6 OFFSET $7",
		"?10 ?":                                      "$10 $11",
	} {
		if got := rebindDollar(in); got != want {
			t.Errorf("rebindDollar(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPostgresStore: a second portal on the same database is refused (one
// indexer per index), a bad URL is named with its flag and without its
// password, and starting over leaves the database's other tables alone.
func TestPostgresStore(t *testing.T) {
	k := storeKinds[1]
	place := k.place(t)
	reg := common.Address{1}
	s := openStore(t, k, place, reg)
	if _, err := OpenPostgres(testCtx(t), place, reg); err == nil || !strings.Contains(err.Error(), "--index.postgres") || !strings.Contains(err.Error(), "another portal") {
		t.Fatalf("second portal on the same database: %v", err)
	}
	if _, err := s.db.ExecContext(testCtx(t), `CREATE TABLE theirs(x BIGINT); INSERT INTO theirs VALUES(42)`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// another registry: the portal's tables start over, theirs stays
	s = openStore(t, k, place, common.Address{2})
	var x int
	if err := s.db.QueryRowContext(testCtx(t), `SELECT x FROM theirs`).Scan(&x); err != nil || x != 42 {
		t.Fatalf("a table that is not the portal's after starting over: %d %v", x, err)
	}
	// the maintenance after a catch-up runs on the portal's tables
	if err := s.afterBulk(testCtx(t)); err != nil {
		t.Fatalf("maintenance after a catch-up: %v", err)
	}
	var vacuumed bool
	if err := s.db.QueryRowContext(testCtx(t), `SELECT last_vacuum IS NOT NULL AND last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'releases'`).Scan(&vacuumed); err != nil || !vacuumed {
		t.Fatalf("releases vacuumed and analysed: %v %v", vacuumed, err)
	}
	for _, bad := range []string{"postgres://user:hunter2@127.0.0.1:1/db?sslmode=disable&connect_timeout=2", "postgres://x y", "host=127.0.0.1 port=1 password=hunter2 connect_timeout=2"} {
		_, err := OpenPostgres(testCtx(t), bad, reg)
		if err == nil || !strings.Contains(err.Error(), "--index.postgres") || strings.Contains(err.Error(), "hunter2") {
			t.Fatalf("OpenPostgres(%q): %v", bad, err)
		}
	}
}
