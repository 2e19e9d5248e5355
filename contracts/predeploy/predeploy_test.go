package predeploy

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"math/big"
	"sort"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"

	"github.com/sovereign-gov/sovereign/bindings/validatorset"
)

func keys(t *testing.T, n int) ([]*ecdsa.PrivateKey, []common.Address) {
	t.Helper()
	ks := make([]*ecdsa.PrivateKey, n)
	as := make([]common.Address, n)
	for i := range ks {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		ks[i], as[i] = k, crypto.PubkeyToAddress(k.PublicKey)
	}
	return ks, as
}

// TestValidatorSetGenesis starts a real geth node (ethclient/simulated) from a
// genesis holding the predeployed ValidatorSet, reads getValidators() over
// JSON-RPC, then votes a fifth validator in with transactions.
func TestValidatorSetGenesis(t *testing.T) {
	ks, vals := keys(t, 4)
	acc, err := ValidatorSetAccount(vals)
	if err != nil {
		t.Fatal(err)
	}
	alloc := types.GenesisAlloc{ValidatorSetAddress: acc}
	for _, a := range vals {
		alloc[a] = types.Account{Balance: new(big.Int).Mul(big.NewInt(1e18), big.NewInt(100))}
	}
	sim := simulated.NewBackend(alloc)
	defer sim.Close()
	client := sim.Client()

	vs := validatorset.NewValidatorSet()
	inst := vs.Instance(client, ValidatorSetAddress)
	got, err := bind.Call(inst, nil, vs.PackGetValidators(), vs.UnpackGetValidators)
	if err != nil {
		t.Fatalf("getValidators: %v", err)
	}
	want := append([]common.Address{}, vals...)
	sort.Slice(want, func(i, j int) bool { return bytes.Compare(want[i][:], want[j][:]) < 0 })
	if len(got) != len(want) {
		t.Fatalf("getValidators returned %d validators, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("getValidators()[%d] = %s, want %s (address-sorted)", i, got[i], want[i])
		}
	}
	q, err := bind.Call(inst, nil, vs.PackQuorum(), vs.UnpackQuorum)
	if err != nil || q.Uint64() != 3 {
		t.Fatalf("quorum = %v, %v; want 3", q, err)
	}

	// Three of four vote a newcomer in; the third vote executes.
	newcomer := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	chainID, err := client.ChainID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		tx, err := bind.Transact(inst, bind.NewKeyedTransactor(ks[i], chainID), vs.PackPropose(newcomer, true))
		if err != nil {
			t.Fatalf("propose by validator %d: %v", i, err)
		}
		sim.Commit()
		rc, err := bind.WaitMined(context.Background(), client, tx.Hash())
		if err != nil || rc.Status != types.ReceiptStatusSuccessful {
			t.Fatalf("propose by validator %d: receipt %+v, %v", i, rc, err)
		}
	}
	ok, err := bind.Call(inst, nil, vs.PackIsValidator(newcomer), vs.UnpackIsValidator)
	if err != nil || !ok {
		t.Fatalf("isValidator(newcomer) = %v, %v; want true after a quorum of votes", ok, err)
	}
	got, err = bind.Call(inst, nil, vs.PackGetValidators(), vs.UnpackGetValidators)
	if err != nil || len(got) != 5 || got[0] != newcomer {
		t.Fatalf("getValidators after add = %v, %v; want 5 with the newcomer first", got, err)
	}
}

func TestAccountErrors(t *testing.T) {
	_, vals := keys(t, 2)
	dup := []common.Address{vals[0], vals[1], vals[0]}
	tests := []struct {
		name string
		run  func() error
		want string
	}{
		{"no validators", func() error { _, err := ValidatorSetAccount(nil); return err }, "at least one validator"},
		{"duplicate validator", func() error { _, err := ValidatorSetAccount(dup); return err }, "constructor failed: execution reverted"},
		{"empty code", func() error {
			_, err := Account(nil, nil, common.HexToAddress("0x1000"), params.MergedTestChainConfig)
			return err
		}, "empty creation code"},
		{"nil config", func() error { _, err := Account([]byte{0}, nil, common.Address{1}, nil); return err }, "nil chain config"},
		{"zero address", func() error {
			_, err := Account([]byte{0}, nil, common.Address{}, params.MergedTestChainConfig)
			return err
		}, "zero or a precompile"},
		{"precompile address", func() error {
			_, err := Account([]byte{0}, nil, common.BytesToAddress([]byte{0x0a}), params.MergedTestChainConfig)
			return err
		}, "zero or a precompile"},
		// PUSH1 0 PUSH1 0 RETURN: a constructor returning empty runtime code.
		{"no runtime", func() error {
			_, err := Account([]byte{0x60, 0, 0x60, 0, 0xf3}, nil, common.HexToAddress("0x1000"), params.MergedTestChainConfig)
			return err
		}, "no runtime code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestAccountStorageIsExact(t *testing.T) {
	_, vals := keys(t, 3)
	acc, err := ValidatorSetAccount(vals)
	if err != nil {
		t.Fatal(err)
	}
	// Slot 0: array length 3; three array elements; three isValidator flags.
	if len(acc.Storage) != 7 {
		t.Fatalf("storage has %d slots, want 7: %v", len(acc.Storage), acc.Storage)
	}
	if got := acc.Storage[common.Hash{}]; got != common.BigToHash(big.NewInt(3)) {
		t.Fatalf("slot 0 (validator count) = %s, want 3", got)
	}
	if acc.Nonce != 1 || len(acc.Code) == 0 {
		t.Fatalf("account nonce %d, code %d bytes; want nonce 1 and code", acc.Nonce, len(acc.Code))
	}
}
