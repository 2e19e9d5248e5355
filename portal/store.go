package portal

// The store is the portal's index: an SQLite file (pure-Go driver) that
// holds what the indexer read from the chains and nothing else, so it can
// be deleted and rebuilt from the chains at any time. Every row carries the
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
const schemaVersion = "3"

const schema = `
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- hashes of indexed blocks: every block that had a log, and the last block of every pass
CREATE TABLE IF NOT EXISTS blocks(chain TEXT NOT NULL, number INTEGER NOT NULL, hash TEXT NOT NULL, logs INTEGER NOT NULL, PRIMARY KEY(chain, number));
CREATE TABLE IF NOT EXISTS releases(
	record_id TEXT PRIMARY KEY, dataset_id TEXT NOT NULL, department TEXT NOT NULL, version INTEGER NOT NULL,
	seq INTEGER NOT NULL, level INTEGER NOT NULL, threshold INTEGER NOT NULL, supersedes INTEGER NOT NULL,
	commitment TEXT NOT NULL, released_root TEXT NOT NULL, content_hash TEXT NOT NULL,
	block INTEGER NOT NULL, block_hash TEXT NOT NULL, tx TEXT NOT NULL, log_index INTEGER NOT NULL, time INTEGER NOT NULL,
	-- derived from the other rows (recompute)
	superseded_by INTEGER NOT NULL DEFAULT 0, frozen INTEGER NOT NULL DEFAULT 0, frozen_reason TEXT NOT NULL DEFAULT '',
	shredded INTEGER NOT NULL DEFAULT 0, shred_receipt TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'current');
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
-- Frozen, Unfrozen and Shredded events of the registry
CREATE TABLE IF NOT EXISTS govern(block INTEGER NOT NULL, log_index INTEGER NOT NULL, tx TEXT NOT NULL, record_id TEXT NOT NULL,
	kind TEXT NOT NULL, reason TEXT NOT NULL, receipt TEXT NOT NULL, PRIMARY KEY(block, log_index));
CREATE INDEX IF NOT EXISTS govern_record ON govern(record_id, block, log_index);
-- access requests for conditional records: AccessRequested, AccessResolved, AccessGrantRefused
CREATE TABLE IF NOT EXISTS access(block INTEGER NOT NULL, log_index INTEGER NOT NULL, tx TEXT NOT NULL, request_id TEXT NOT NULL,
	record_id TEXT NOT NULL, kind TEXT NOT NULL, requester TEXT NOT NULL, purpose TEXT NOT NULL, granted INTEGER NOT NULL,
	expires_at INTEGER NOT NULL, reason TEXT NOT NULL, PRIMARY KEY(block, log_index));
CREATE INDEX IF NOT EXISTS access_request ON access(request_id, block, log_index);
CREATE INDEX IF NOT EXISTS access_record ON access(record_id);
CREATE INDEX IF NOT EXISTS access_tx ON access(tx);
-- the bridge's Relayed events of releases: the certified consortium block
CREATE TABLE IF NOT EXISTS relayed(block INTEGER NOT NULL, log_index INTEGER NOT NULL, tx TEXT NOT NULL, record_id TEXT NOT NULL,
	number INTEGER NOT NULL, block_hash TEXT NOT NULL, receipt_index INTEGER NOT NULL, c_log_index INTEGER NOT NULL, PRIMARY KEY(block, log_index));
CREATE INDEX IF NOT EXISTS relayed_record ON relayed(record_id);
-- the consortium's ReviewBoard: Submitted (the proof), Voted, Decision
CREATE TABLE IF NOT EXISTS submitted(block INTEGER NOT NULL, log_index INTEGER NOT NULL, tx TEXT NOT NULL, record_id TEXT NOT NULL,
	proof BLOB NOT NULL, PRIMARY KEY(block, log_index));
CREATE INDEX IF NOT EXISTS submitted_record ON submitted(record_id);
CREATE TABLE IF NOT EXISTS votes(block INTEGER NOT NULL, log_index INTEGER NOT NULL, tx TEXT NOT NULL, record_id TEXT NOT NULL,
	validator TEXT NOT NULL, approve INTEGER NOT NULL, reason TEXT NOT NULL, PRIMARY KEY(block, log_index));
CREATE INDEX IF NOT EXISTS votes_record ON votes(record_id);
CREATE TABLE IF NOT EXISTS decisions(block INTEGER NOT NULL, log_index INTEGER NOT NULL, tx TEXT NOT NULL, record_id TEXT NOT NULL,
	approved INTEGER NOT NULL, PRIMARY KEY(block, log_index));
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

// Store is the portal's SQLite index.
type Store struct {
	db *sql.DB

	// counts caches a search's total and facet counts by its filter, for
	// as long as nothing was written (gen counts the writes).
	mu       sync.Mutex
	gen      uint64
	countGen uint64
	counts   map[string]*counts
}

// OpenStore opens (or creates) the index in dir. An index made for another
// registry or schema is emptied: the indexer rebuilds it from the chain.
func OpenStore(ctx context.Context, dir string, registry common.Address) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("--index.dir %s: %w", dir, err)
	}
	path := filepath.Join(dir, "portal.sqlite")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=foreign_keys(on)")
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", path, err)
	}
	s := &Store{db: db}
	if err := s.init(ctx, registry); err != nil {
		db.Close()
		return nil, fmt.Errorf("index %s: %w", path, err)
	}
	return s, nil
}

func (s *Store) init(ctx context.Context, registry common.Address) error {
	want := schemaVersion + " " + registry.Hex()
	var have string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'identity'`).Scan(&have)
	if err != nil && !errors.Is(err, sql.ErrNoRows) && !strings.Contains(err.Error(), "no such table") {
		return err
	}
	if have != want {
		// another registry or schema (or a new file): start over, cursors included
		if err := s.tx(ctx, func(tx *sql.Tx) error {
			rows, err := tx.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
			if err != nil {
				return err
			}
			var tables []string
			for rows.Next() {
				var t string
				if err := rows.Scan(&t); err != nil {
					rows.Close()
					return err
				}
				tables = append(tables, t)
			}
			rows.Close()
			for _, t := range tables {
				if _, err := tx.ExecContext(ctx, `DROP TABLE "`+t+`"`); err != nil {
					return fmt.Errorf("dropping %s: %w", t, err)
				}
			}
			return nil
		}); err != nil {
			return err
		}
	}
	if _, err := s.db.ExecContext(ctx, schema); err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	_, err = s.db.ExecContext(ctx, `INSERT OR REPLACE INTO meta(key, value) VALUES('identity', ?)`, want)
	return err
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
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
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM departments; DELETE FROM datasets`); err != nil {
			return err
		}
		for _, name := range m.Departments {
			if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO departments(id, name) VALUES(?, ?)`, hexID(DepartmentID(name)), name); err != nil {
				return err
			}
		}
		for _, d := range m.Datasets {
			if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO datasets(id, title, description, keywords) VALUES(?, ?, ?, ?)`,
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
	err := s.db.QueryRowContext(ctx, `SELECT number, hash FROM blocks WHERE chain = ? ORDER BY number DESC LIMIT 1`, chain).Scan(&n, &h)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, common.Hash{}, nil
	}
	return n, common.HexToHash(h), err
}

// cursor is the next block of chain to index.
func (s *Store) cursor(ctx context.Context, chain string) (uint64, error) {
	var v sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?`, "next."+chain).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return uint64(v.Int64), err
}

// blocksBelow are the stored block hashes of chain at or below n, newest first.
func (s *Store) blocksBelow(ctx context.Context, chain string, n uint64, limit int) ([]storedBlock, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT number, hash FROM blocks WHERE chain = ? AND number <= ? ORDER BY number DESC LIMIT ?`, chain, n, limit)
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

// rollback deletes every row of chain from block next on and recomputes
// what they touched; the next pass indexes from next.
func (s *Store) rollback(ctx context.Context, chain string, next uint64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		// the datasets whose derived columns may change
		if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS touched(dataset_id TEXT PRIMARY KEY); DELETE FROM touched`); err != nil {
			return err
		}
		if chain == chainPublic {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO touched SELECT dataset_id FROM releases WHERE block >= ?1
				UNION SELECT r.dataset_id FROM govern g JOIN releases r USING(record_id) WHERE g.block >= ?1`, next); err != nil {
				return err
			}
		}
		for _, t := range chainTables[chain] {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+t+" WHERE block >= ?", next); err != nil {
				return fmt.Errorf("rollback %s: %w", t, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM blocks WHERE chain = ? AND number >= ?`, chain, next); err != nil {
			return err
		}
		if err := setCursor(ctx, tx, chain, next); err != nil {
			return err
		}
		return recompute(ctx, tx)
	})
}

func setCursor(ctx context.Context, tx *sql.Tx, chain string, next uint64) error {
	_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)`, "next."+chain, fmt.Sprint(next))
	return err
}

// recompute sets the derived columns of every release of the datasets in
// the temp table touched.
func recompute(ctx context.Context, tx *sql.Tx) error {
	const last = `(SELECT %s FROM govern g WHERE g.record_id = releases.record_id AND g.kind IN ('frozen', 'unfrozen') ORDER BY g.block DESC, g.log_index DESC LIMIT 1)`
	_, err := tx.ExecContext(ctx, `UPDATE releases SET
		superseded_by = COALESCE((SELECT MIN(n.version) FROM releases n WHERE n.dataset_id = releases.dataset_id AND n.supersedes = releases.version), 0),
		frozen = COALESCE(`+fmt.Sprintf(last, "g.kind = 'frozen'")+`, 0),
		frozen_reason = COALESCE(`+fmt.Sprintf(last, "g.reason")+`, ''),
		shredded = EXISTS(SELECT 1 FROM govern g WHERE g.record_id = releases.record_id AND g.kind = 'shredded'),
		shred_receipt = COALESCE((SELECT g.receipt FROM govern g WHERE g.record_id = releases.record_id AND g.kind = 'shredded' LIMIT 1), '')
		WHERE dataset_id IN (SELECT dataset_id FROM touched)`)
	if err != nil {
		return fmt.Errorf("recompute: %w", err)
	}
	_, err = tx.ExecContext(ctx, `UPDATE releases SET status = CASE
		WHEN shredded THEN 'shredded' WHEN frozen THEN 'frozen' WHEN superseded_by != 0 THEN 'superseded' ELSE 'current' END
		WHERE dataset_id IN (SELECT dataset_id FROM touched)`)
	if err != nil {
		return fmt.Errorf("recompute status: %w", err)
	}
	return nil
}

func hexID(h [32]byte) string { return common.Hash(h).Hex() }
