// Package devnet sets up and runs the local development system that
// `sovereign devnet` starts: deterministic funded accounts, keys, genesis
// files and nodes of every chain under one data folder.
package devnet

import (
	"crypto/ecdsa"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Account is a funded development account.
type Account struct {
	Address common.Address
	Key     *ecdsa.PrivateKey
}

// devSeed is public on purpose: development accounts are derived from it so
// that every devnet, test and tutorial has the same well-known, worthless
// accounts (like Hardhat's or anvil's). Never fund them on a real network.
const devSeed = "sovereign devnet account"

// DevAccounts returns the first n well-known development accounts.
func DevAccounts(n int) []Account {
	out := make([]Account, n)
	for i := range out {
		key, err := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("%s %d", devSeed, i))))
		if err != nil {
			panic(fmt.Sprintf("dev account %d: %v", i, err)) // a keccak digest is always a valid scalar here
		}
		out[i] = Account{Address: crypto.PubkeyToAddress(key.PublicKey), Key: key}
	}
	return out
}
