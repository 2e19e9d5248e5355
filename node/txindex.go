package node

import (
	"fmt"
	"os"

	"github.com/ethereum/go-ethereum/core/rawdb"
	gethnode "github.com/ethereum/go-ethereum/node"
)

// markFreshTxIndex records, for a chain about to be created, that its
// transaction index starts at genesis. geth's indexer sets that mark only
// after its first pass over a new head, so until block 1 a fresh node
// answered eth_getTransactionReceipt for a pending transaction with
// "transaction indexing is in progress", which cast and other clients take
// as fatal. A genesis block has no transactions, so the mark is true.
func markFreshTxIndex(stack *gethnode.Node) error {
	if stack.Config().DataDir == "" {
		return nil // in memory: every open is a new database
	}
	if _, err := os.Stat(stack.ResolvePath("chaindata")); err == nil {
		return nil // an existing chain keeps its own index state
	}
	db, err := stack.OpenDatabaseWithOptions("chaindata", gethnode.DatabaseOptions{MetricsNamespace: "sov/txindex/"})
	if err != nil {
		return fmt.Errorf("opening the new chain database: %w", err)
	}
	rawdb.WriteTxIndexTail(db, 0)
	return db.Close()
}
