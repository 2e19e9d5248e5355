package portal

// The store is the portal's index: an SQLite file (pure-Go driver), or a
// PostgreSQL database (--index.postgres) for deployments with many readers,
// that holds what the indexer read from the chains and nothing else, so it
// can be deleted and rebuilt from the chains at any time. Both run the same
// SQL (the dialects agree on it: upserts, BIGINT, BOOLEAN, temp tables); a
// dialect only rewrites placeholders and names the blob type. Every row carries the
// block it came from; a reorganised block is rolled back by deleting the
// rows above the common ancestor and recomputing the derived columns
// (status, supersede links, freeze state) of the datasets they touched.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/common"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// schemaVersion changes whenever the tables change: an index of another
// version is dropped and rebuilt from the chain.
const schemaVersion = "6"

const schema = `
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- hashes of indexed blocks: every block that had a log, and the last block of every pass
CREATE TABLE IF NOT EXISTS blocks(chain TEXT NOT NULL, number BIGINT NOT NULL, hash TEXT NOT NULL, logs BOOLEAN NOT NULL, PRIMARY KEY(chain, number));
CREATE TABLE IF NOT EXISTS releases(
	record_id TEXT PRIMARY KEY, dataset_id TEXT NOT NULL, department TEXT NOT NULL, version BIGINT NOT NULL,
	seq BIGINT NOT NULL, level BIGINT NOT NULL, threshold BIGINT NOT NULL, supersedes BIGINT NOT NULL,
	commitment TEXT NOT NULL, released_root TEXT NOT NULL, content_hash TEXT NOT NULL, verifier_version BIGINT NOT NULL,
	block BIGINT NOT NULL, block_hash TEXT NOT NULL, tx TEXT NOT NULL, log_index BIGINT NOT NULL, time BIGINT NOT NULL,
	-- derived from the other rows (recompute)
	superseded_by BIGINT NOT NULL DEFAULT 0, frozen BOOLEAN NOT NULL DEFAULT false, frozen_reason TEXT NOT NULL DEFAULT '',
	shredded BOOLEAN NOT NULL DEFAULT false, shred_receipt TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'current');
CREATE INDEX IF NOT EXISTS releases_dataset ON releases(dataset_id, version);
CREATE INDEX IF NOT EXISTS releases_block ON releases(block);
CREATE INDEX IF NOT EXISTS releases_seq ON releases(seq);
CREATE INDEX IF NOT EXISTS releases_time ON releases(time);
-- covering indexes of the catalogue's counts: each filter with the other two facets
CREATE INDEX IF NOT EXISTS releases_level ON releases(level, status, department);
CREATE INDEX IF NOT EXISTS releases_status ON releases(status, level, department);
CREATE INDEX IF NOT EXISTS releases_department ON releases(department, level, status);
-- and of its pages: one filter, newest or oldest first
CREATE INDEX IF NOT EXISTS releases_level_seq ON releases(level, seq);
CREATE INDEX IF NOT EXISTS releases_status_seq ON releases(status, seq);
CREATE INDEX IF NOT EXISTS releases_department_seq ON releases(department, seq);
-- Frozen, Unfrozen and Shredded events of the registry (record_id of a
-- Shredded row is its dataset id: a shred covers every version)
CREATE TABLE IF NOT EXISTS govern(block BIGINT NOT NULL, log_index BIGINT NOT NULL, tx TEXT NOT NULL, record_id TEXT NOT NULL,
	kind TEXT NOT NULL, reason TEXT NOT NULL, receipt TEXT NOT NULL, PRIMARY KEY(block, log_index));
CREATE INDEX IF NOT EXISTS govern_record ON govern(record_id, block, log_index);
-- access requests for conditional records: AccessRequested, AccessResolved, AccessGrantRefused
CREATE TABLE IF NOT EXISTS access(block BIGINT NOT NULL, log_index BIGINT NOT NULL, tx TEXT NOT NULL, request_id TEXT NOT NULL,
	record_id TEXT NOT NULL, kind TEXT NOT NULL, requester TEXT NOT NULL, purpose TEXT NOT NULL, granted BOOLEAN NOT NULL,
	expires_at BIGINT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY(block, log_index));
CREATE INDEX IF NOT EXISTS access_request ON access(request_id, block, log_index);
CREATE INDEX IF NOT EXISTS access_record ON access(record_id);
CREATE INDEX IF NOT EXISTS access_tx ON access(tx);
-- the bridge's Relayed events of releases: the certified consortium block
CREATE TABLE IF NOT EXISTS relayed(block BIGINT NOT NULL, log_index BIGINT NOT NULL, tx TEXT NOT NULL, record_id TEXT NOT NULL,
	number BIGINT NOT NULL, block_hash TEXT NOT NULL, receipt_index BIGINT NOT NULL, c_log_index BIGINT NOT NULL, PRIMARY KEY(block, log_index));
CREATE INDEX IF NOT EXISTS relayed_record ON relayed(record_id);
-- the consortium's ReviewBoard: Submitted (the proof), Voted, Decision
CREATE TABLE IF NOT EXISTS submitted(block BIGINT NOT NULL, log_index BIGINT NOT NULL, tx TEXT NOT NULL, record_id TEXT NOT NULL,
	proof {{blob}} NOT NULL, PRIMARY KEY(block, log_index));
CREATE INDEX IF NOT EXISTS submitted_record ON submitted(record_id);
CREATE TABLE IF NOT EXISTS votes(block BIGINT NOT NULL, log_index BIGINT NOT NULL, tx TEXT NOT NULL, record_id TEXT NOT NULL,
	validator TEXT NOT NULL, approve BOOLEAN NOT NULL, reason TEXT NOT NULL, PRIMARY KEY(block, log_index));
CREATE INDEX IF NOT EXISTS votes_record ON votes(record_id);
CREATE TABLE IF NOT EXISTS decisions(block BIGINT NOT NULL, log_index BIGINT NOT NULL, tx TEXT NOT NULL, record_id TEXT NOT NULL,
	approved BOOLEAN NOT NULL, PRIMARY KEY(block, log_index));
CREATE INDEX IF NOT EXISTS decisions_record ON decisions(record_id);
-- names the chain has only as hashes, from the portal's configuration (replaced at every start)
CREATE TABLE IF NOT EXISTS departments(id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS datasets(id TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL, keywords TEXT NOT NULL);
`

// chainTables are the tables each chain's rows are in (rolled back on a reorg).
var chainTables = map[string][]string{
	chainPublic:     {"releases", "govern", "relayed", "access"},
	chainConsortium: {"submitted", "votes", "decisions"},
}

// ownTables are every table of the schema: what a PostgreSQL index drops
// when it starts over (the database may hold other tables: they stay).
var ownTables = []string{"meta", "blocks", "releases", "govern", "access", "relayed", "submitted", "votes", "decisions", "departments", "datasets"}

// dialect is what differs between the two databases.
type dialect struct {
	name string
	blob string // the byte-string column type
	// rebind rewrites the shared SQL's placeholders (?, ?N) into the
	// database's own.
	rebind func(string) string
	// tables are the tables init drops when the index starts over.
	tables func(ctx context.Context, tx *sql.Tx) ([]string, error)
	// bulk, if set, runs after a sync indexed many rows (bulkRows).
	bulk func(ctx context.Context, db *sql.DB) error
}

// bulkRows is how many logs one sync indexes before the store's bulk
// maintenance runs.
const bulkRows = 2000

// afterBulk runs the dialect's maintenance after a large sync.
func (s *Store) afterBulk(ctx context.Context) error {
	if s.dialect.bulk == nil {
		return nil
	}
	return s.dialect.bulk(ctx, s.db)
}

var sqliteDialect = &dialect{name: "sqlite", blob: "BLOB", rebind: func(q string) string { return q },
	tables: func(ctx context.Context, tx *sql.Tx) ([]string, error) {
		// every table: an index file of an older schema may have others
		rows, err := tx.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var tables []string
		for rows.Next() {
			var t string
			if err := rows.Scan(&t); err != nil {
				return nil, err
			}
			tables = append(tables, t)
		}
		return tables, rows.Err()
	}}

// Store is the portal's index.
type Store struct {
	db      *sql.DB
	dialect *dialect
	// release, if set, is called by Close after the database is closed.
	release func()

	// counts caches a search's total and facet counts by its filter, for
	// as long as nothing was written (gen counts the writes).
	mu       sync.Mutex
	gen      uint64
	countGen uint64
	counts   map[string]*counts
}

// OpenStore opens (or creates) the SQLite index in dir. An index made for
// another registry or schema is emptied: the indexer rebuilds it from the
// chain.
func OpenStore(ctx context.Context, dir string, registry common.Address) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("--index.dir %s: %w", dir, err)
	}
	path := filepath.Join(dir, "portal.sqlite")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=foreign_keys(on)")
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", path, err)
	}
	s := &Store{db: db, dialect: sqliteDialect}
	if err := s.init(ctx, registry); err != nil {
		db.Close()
		return nil, fmt.Errorf("index %s: %w", path, err)
	}
	return s, nil
}

// Dialect names the store's database: sqlite or postgres.
func (s *Store) Dialect() string { return s.dialect.name }

func (s *Store) init(ctx context.Context, registry common.Address) error {
	want := schemaVersion + " " + registry.Hex()
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)`); err != nil {
		return err
	}
	var have string
	err := s.queryRow(ctx, `SELECT value FROM meta WHERE key = 'identity'`).Scan(&have)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if have != want {
		// another registry or schema (or a new index): start over, cursors included
		if err := s.tx(ctx, func(tx *txn) error {
			tables, err := s.dialect.tables(ctx, tx.Tx)
			if err != nil {
				return err
			}
			for _, t := range tables {
				if _, err := tx.exec(ctx, `DROP TABLE IF EXISTS "`+t+`"`); err != nil {
					return fmt.Errorf("dropping %s: %w", t, err)
				}
			}
			return nil
		}); err != nil {
			return err
		}
	}
	for _, stmt := range strings.Split(strings.ReplaceAll(schema, "{{blob}}", s.dialect.blob), ";\n") {
		if strings.TrimSpace(stmt) == "" {
			continue
		}
		if _, err := s.db.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("schema: %w", err)
		}
	}
	_, err = s.exec(ctx, `INSERT INTO meta(key, value) VALUES('identity', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, want)
	return err
}

// Close closes the database.
func (s *Store) Close() error {
	err := s.db.Close()
	if s.release != nil {
		s.release()
	}
	return err
}

// query, queryRow and exec run the shared SQL on the store's database.
func (s *Store) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, s.dialect.rebind(q), args...)
}

func (s *Store) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return s.db.QueryRowContext(ctx, s.dialect.rebind(q), args...)
}

func (s *Store) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return s.db.ExecContext(ctx, s.dialect.rebind(q), args...)
}

// txn is a write transaction running the shared SQL.
type txn struct {
	*sql.Tx
	rebind func(string) string
}

func (t *txn) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.ExecContext(ctx, t.rebind(q), args...)
}

func (s *Store) tx(ctx context.Context, fn func(*txn) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(&txn{Tx: tx, rebind: s.dialect.rebind}); err != nil {
		_ = tx.Rollback()
		return err
	}
	defer s.written()
	return tx.Commit()
}

// written drops what was cached from before a write.
func (s *Store) written() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gen++
}

// SetNames replaces the department names and dataset metadata.
func (s *Store) SetNames(ctx context.Context, m *Metadata) error {
	return s.tx(ctx, func(tx *txn) error {
		for _, t := range []string{"departments", "datasets"} {
			if _, err := tx.exec(ctx, `DELETE FROM `+t); err != nil {
				return err
			}
		}
		for _, name := range m.Departments {
			if _, err := tx.exec(ctx, `INSERT INTO departments(id, name) VALUES(?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name`,
				hexID(DepartmentID(name)), name); err != nil {
				return err
			}
		}
		for _, d := range m.Datasets {
			if _, err := tx.exec(ctx, `INSERT INTO datasets(id, title, description, keywords) VALUES(?, ?, ?, ?)
				ON CONFLICT(id) DO UPDATE SET title = excluded.title, description = excluded.description, keywords = excluded.keywords`,
				hexID(d.ID()), d.Title, d.Description, strings.Join(d.Keywords, ", ")); err != nil {
				return err
			}
		}
		return nil
	})
}

// head is the highest block of chain the index has a hash of (0, zero hash: none).
func (s *Store) head(ctx context.Context, chain string) (uint64, common.Hash, error) {
	var n uint64
	var h string
	err := s.queryRow(ctx, `SELECT number, hash FROM blocks WHERE chain = ? ORDER BY number DESC LIMIT 1`, chain).Scan(&n, &h)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, common.Hash{}, nil
	}
	return n, common.HexToHash(h), err
}

// cursor is the next block of chain to index.
func (s *Store) cursor(ctx context.Context, chain string) (uint64, error) {
	var v sql.NullInt64
	err := s.queryRow(ctx, `SELECT CAST(value AS BIGINT) FROM meta WHERE key = ?`, "next."+chain).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return uint64(v.Int64), err
}

// blocksBelow are the stored block hashes of chain at or below n, newest first.
func (s *Store) blocksBelow(ctx context.Context, chain string, n uint64, limit int) ([]storedBlock, error) {
	rows, err := s.query(ctx, `SELECT number, hash FROM blocks WHERE chain = ? AND number <= ? ORDER BY number DESC LIMIT ?`, chain, n, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []storedBlock
	for rows.Next() {
		var b storedBlock
		var h string
		if err := rows.Scan(&b.number, &h); err != nil {
			return nil, err
		}
		b.hash = common.HexToHash(h)
		out = append(out, b)
	}
	return out, rows.Err()
}

type storedBlock struct {
	number uint64
	hash   common.Hash
}

// touch starts the transaction's set of datasets whose derived columns
// recompute sets (a temp table of the transaction's connection).
func touch(ctx context.Context, tx *txn) error {
	if _, err := tx.exec(ctx, `CREATE TEMP TABLE IF NOT EXISTS touched(dataset_id TEXT PRIMARY KEY)`); err != nil {
		return err
	}
	_, err := tx.exec(ctx, `DELETE FROM touched`)
	return err
}

// rollback deletes every row of chain from block next on and recomputes
// what they touched; the next pass indexes from next.
func (s *Store) rollback(ctx context.Context, chain string, next uint64) error {
	return s.tx(ctx, func(tx *txn) error {
		// the datasets whose derived columns may change
		if err := touch(ctx, tx); err != nil {
			return err
		}
		if chain == chainPublic {
			if _, err := tx.exec(ctx, `INSERT INTO touched SELECT dataset_id FROM releases WHERE block >= ?1
				UNION SELECT r.dataset_id FROM govern g JOIN releases r USING(record_id) WHERE g.block >= ?1
				ON CONFLICT DO NOTHING`, next); err != nil {
				return err
			}
		}
		for _, t := range chainTables[chain] {
			if _, err := tx.exec(ctx, "DELETE FROM "+t+" WHERE block >= ?", next); err != nil {
				return fmt.Errorf("rollback %s: %w", t, err)
			}
		}
		if _, err := tx.exec(ctx, `DELETE FROM blocks WHERE chain = ? AND number >= ?`, chain, next); err != nil {
			return err
		}
		if err := setCursor(ctx, tx, chain, next); err != nil {
			return err
		}
		return recompute(ctx, tx)
	})
}

func setCursor(ctx context.Context, tx *txn, chain string, next uint64) error {
	_, err := tx.exec(ctx, `INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, "next."+chain, fmt.Sprint(next))
	return err
}

// recompute sets the derived columns of every release of the datasets in
// the temp table touched.
func recompute(ctx context.Context, tx *txn) error {
	const last = `(SELECT %s FROM govern g WHERE g.record_id = releases.record_id AND g.kind IN ('frozen', 'unfrozen') ORDER BY g.block DESC, g.log_index DESC LIMIT 1)`
	_, err := tx.exec(ctx, `UPDATE releases SET
		superseded_by = COALESCE((SELECT MIN(n.version) FROM releases n WHERE n.dataset_id = releases.dataset_id AND n.supersedes = releases.version), 0),
		frozen = COALESCE(`+fmt.Sprintf(last, "g.kind = 'frozen'")+`, false),
		frozen_reason = COALESCE(`+fmt.Sprintf(last, "g.reason")+`, ''),
		shredded = EXISTS(SELECT 1 FROM govern g WHERE g.record_id = releases.dataset_id AND g.kind = 'shredded'),
		shred_receipt = COALESCE((SELECT g.receipt FROM govern g WHERE g.record_id = releases.dataset_id AND g.kind = 'shredded' ORDER BY g.block, g.log_index LIMIT 1), '')
		WHERE dataset_id IN (SELECT dataset_id FROM touched)`)
	if err != nil {
		return fmt.Errorf("recompute: %w", err)
	}
	_, err = tx.exec(ctx, `UPDATE releases SET status = CASE
		WHEN shredded THEN 'shredded' WHEN frozen THEN 'frozen' WHEN superseded_by != 0 THEN 'superseded' ELSE 'current' END
		WHERE dataset_id IN (SELECT dataset_id FROM touched)`)
	if err != nil {
		return fmt.Errorf("recompute status: %w", err)
	}
	return nil
}

func hexID(h [32]byte) string { return common.Hash(h).Hex() }
