package access_test

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/access"
	"github.com/sovereign-gov/sovereign/publicdata"
	"github.com/sovereign-gov/sovereign/sidechains/private/submission"
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

// FuzzOpen: a sealed grant is read from the public chain; whatever its
// bytes, opening it never panics and accepts nothing but a grant sealed
// to the key for the request.
func FuzzOpen(f *testing.F) {
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("fuzz requester")))
	req := common.HexToHash("0x0a")
	good, err := access.Seal(&key.PublicKey, req, &access.Grant{Format: access.GrantFormat, Request: req.Hex()})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte{})
	f.Add([]byte{4})
	f.Add(append([]byte{4}, make([]byte, 200)...))
	f.Fuzz(func(t *testing.T, b []byte) {
		g, err := access.Open(key, req, b)
		if err == nil && (g.Format != access.GrantFormat || g.Request != req.Hex()) {
			t.Fatalf("opened a grant for %q (%q)", g.Request, g.Format)
		}
	})
}

// The largest conditional envelope a submission makes fits a sealed grant
// the registry takes (DataRegistry.MAX_SEALED_GRANT).
func TestLargestEnvelopeFitsTheRegistry(t *testing.T) {
	key, _ := crypto.GenerateKey()
	req := common.HexToHash("0x0b")
	env := make([]byte, submission.MaxConditional+32) // AES-GCM's tag and the envelope header
	g := &access.Grant{Format: access.GrantFormat, Request: req.Hex(), Record: req.Hex(), Requester: common.Address{}.Hex(),
		ExpiresAt: 1 << 40, OpenBy: 1 << 40, Key: strings.Repeat("k", 127) + "." + strings.Repeat("d", 63),
		WrappingToken: "hvs." + strings.Repeat("t", 200), Envelope: env}
	sealed, err := access.Seal(&key.PublicKey, req, g)
	if err != nil || len(sealed) > access.MaxSealed {
		t.Fatalf("a maximal grant: %d bytes, %v", len(sealed), err)
	}
}
