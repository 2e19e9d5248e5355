package portal

// The PostgreSQL store (--index.postgres): the same tables and SQL as the
// SQLite file, through pgx's database/sql driver (pure Go), for
// deployments where many readers share one index. One portal indexes a
// database at a time: it holds an advisory lock for as long as the store
// is open, and a second one is refused instead of racing the first.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// pgLockKey is the advisory lock the indexing portal holds (any fixed
// bigint: "sovportl").
const pgLockKey = 0x736f76706f72746c

var postgresDialect = &dialect{name: "postgres", blob: "BYTEA", rebind: rebindDollar,
	tables: func(context.Context, *sql.Tx) ([]string, error) { return ownTables, nil },
	// After a bulk insert PostgreSQL's planner statistics are stale and its
	// visibility map empty, so the catalogue's counts scan the wide table
	// instead of its covering indexes until autovacuum comes by: 100-250 ms
	// a cold count at 20,000 releases, 8-17 ms after VACUUM (ANALYZE)
	// (BENCHMARKS.md).
	bulk: func(ctx context.Context, db *sql.DB) error {
		_, err := db.ExecContext(ctx, `VACUUM (ANALYZE) releases, govern, access, relayed, blocks`)
		return err
	}}

// OpenPostgres opens (or creates) the index in the PostgreSQL database at
// url (postgres://user:password@host:port/database?sslmode=…, or
// ?host=/socket/folder; search_path=… puts it in a schema). An index made
// for another registry or schema version is emptied, like the SQLite one;
// tables that are not the portal's are left alone.
func OpenPostgres(ctx context.Context, url string, registry common.Address) (*Store, error) {
	where := redactURL(url)
	if _, err := pgx.ParseConfig(url); err != nil {
		return nil, fmt.Errorf("--index.postgres %s: %w", where, err)
	}
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("--index.postgres %s: %w", where, err)
	}
	// the indexer's lock lives on one connection for the store's life
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("--index.postgres %s: %w", where, err)
	}
	var locked bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, int64(pgLockKey)).Scan(&locked); err != nil {
		conn.Close()
		db.Close()
		return nil, fmt.Errorf("--index.postgres %s: %w", where, err)
	}
	if !locked {
		conn.Close()
		db.Close()
		return nil, fmt.Errorf("--index.postgres %s: %w", where, errIndexLocked)
	}
	s := &Store{db: db, dialect: postgresDialect, release: func() { conn.Close() }}
	if err := s.init(ctx, registry); err != nil {
		s.Close()
		return nil, fmt.Errorf("--index.postgres %s: %w", where, err)
	}
	return s, nil
}

// errIndexLocked is returned when another portal indexes the database.
var errIndexLocked = errors.New("another portal is indexing this database (it holds the portal's advisory lock)")

// rebindDollar rewrites SQLite-style placeholders into PostgreSQL's: ?N is
// $N and a bare ? is one more than the highest number so far (SQLite's
// rule), so the shared SQL binds the same arguments in both. The shared
// SQL has no ? inside string literals.
func rebindDollar(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	highest := 0
	for i := 0; i < len(q); i++ {
		if q[i] != '?' {
			b.WriteByte(q[i])
			continue
		}
		j := i + 1
		for j < len(q) && q[j] >= '0' && q[j] <= '9' {
			j++
		}
		n := highest + 1
		if j > i+1 {
			n, _ = strconv.Atoi(q[i+1 : j])
		}
		highest = max(highest, n)
		b.WriteString("$" + strconv.Itoa(n))
		i = j - 1
	}
	return b.String()
}

// redactURL is url without its password, for error messages.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "postgres" && u.Scheme != "postgresql" {
		return "(a key=value connection string)"
	}
	if u.User == nil {
		return s
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}
