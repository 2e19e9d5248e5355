package execution

import (
	"encoding/binary"
	"fmt"

	"github.com/ethereum/go-ethereum/ethdb"
	"github.com/ethereum/go-ethereum/rlp"

	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

// certPrefix keys certificates by block number in the node's own database,
// beside geth's data and under a prefix geth never uses.
var certPrefix = []byte("sov-qbft-cert-")

// requestsPrefix keys each block's execution requests, which geth does not
// keep beside the block but block sync must hand on with it.
var requestsPrefix = []byte("sov-qbft-reqs-")

func numberKey(prefix []byte, number uint64) []byte {
	k := make([]byte, len(prefix)+8)
	copy(k, prefix)
	binary.BigEndian.PutUint64(k[len(prefix):], number)
	return k
}

func certKey(number uint64) []byte { return numberKey(certPrefix, number) }

// certStore keeps one certificate per finalised block number.
type certStore struct{ db ethdb.KeyValueStore }

func (s certStore) put(c *qbft.Certificate) error {
	if err := s.db.Put(certKey(c.Number), c.Encode()); err != nil {
		return fmt.Errorf("storing certificate of block %d: %w", c.Number, err)
	}
	return nil
}

// sync makes every write so far durable (the database's write-ahead log is
// fsynced; geth writes without syncing). Writes reach the log in order, so
// this covers the block, receipts and state written before.
func (s certStore) sync() error {
	if err := s.db.SyncKeyValue(); err != nil {
		return fmt.Errorf("syncing the chain database: %w", err)
	}
	return nil
}

func (s certStore) get(number uint64) (*qbft.Certificate, error) {
	b, err := s.db.Get(certKey(number))
	if err != nil {
		return nil, fmt.Errorf("no certificate for block %d", number)
	}
	return qbft.DecodeCertificate(b)
}

func (s certStore) putRequests(number uint64, reqs [][]byte) error {
	enc, err := rlp.EncodeToBytes(reqs)
	if err != nil {
		return fmt.Errorf("encoding requests: %w", err)
	}
	if err := s.db.Put(numberKey(requestsPrefix, number), enc); err != nil {
		return fmt.Errorf("storing requests of block %d: %w", number, err)
	}
	return nil
}

func (s certStore) requests(number uint64) [][]byte {
	out := [][]byte{}
	if b, err := s.db.Get(numberKey(requestsPrefix, number)); err == nil {
		_ = rlp.DecodeBytes(b, &out)
	}
	return out
}
