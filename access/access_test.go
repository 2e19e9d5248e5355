package access_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/access"
	"github.com/sovereign-gov/sovereign/publicdata"
)

// A sealed grant opens with the requester's key and for its request only.
func TestSealOpensForTheRequesterOnly(t *testing.T) {
	alice, _ := crypto.GenerateKey()
	mallory, _ := crypto.GenerateKey()
	req := common.HexToHash("0x01")
	g := &access.Grant{Format: access.GrantFormat, Request: req.Hex(), WrappingToken: "hvs.x", Envelope: []byte{1, 2, 3}}
	sealed, err := access.Seal(&alice.PublicKey, req, g)
	if err != nil {
		t.Fatal(err)
	}
	got, err := access.Open(alice, req, sealed)
	if err != nil || got.WrappingToken != "hvs.x" {
		t.Fatalf("open: %v", err)
	}
	if _, err := access.Open(mallory, req, sealed); !errors.Is(err, access.ErrNotForYou) {
		t.Fatalf("another key: want ErrNotForYou, got %v", err)
	}
	if _, err := access.Open(alice, common.HexToHash("0x02"), sealed); !errors.Is(err, access.ErrNotForYou) {
		t.Fatalf("another request id: want ErrNotForYou, got %v", err)
	}
	sealed[len(sealed)-1] ^= 1
	if _, err := access.Open(alice, req, sealed); err == nil {
		t.Fatal("a tampered grant opened")
	}
}

// The requester's key comes from its transaction's signature, whatever the
// transaction type.
func TestSenderKey(t *testing.T) {
	key, _ := crypto.GenerateKey()
	chain := big.NewInt(7000)
	to := common.HexToAddress("0x1234")
	for name, tx := range map[string]types.TxData{
		"dynamic fee": &types.DynamicFeeTx{ChainID: chain, Nonce: 3, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(2), Gas: 50000, To: &to, Data: []byte{1}},
		"legacy":      &types.LegacyTx{Nonce: 1, GasPrice: big.NewInt(2), Gas: 50000, To: &to, Data: []byte{2}},
		"access list": &types.AccessListTx{ChainID: chain, Nonce: 2, GasPrice: big.NewInt(2), Gas: 50000, To: &to},
	} {
		tx, err := types.SignNewTx(key, types.LatestSignerForChainID(chain), tx)
		if err != nil {
			t.Fatal(err)
		}
		pub, err := publicdata.SenderKey(tx)
		if err != nil || crypto.PubkeyToAddress(*pub) != crypto.PubkeyToAddress(key.PublicKey) {
			t.Fatalf("%s: %v", name, err)
		}
	}
}
