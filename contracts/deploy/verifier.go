package deploy

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/bindings/classificationverifier16"
	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/internal/ethtx"
)

// verifierABI is IClassificationVerifier (contracts/src/interfaces).
const verifierABI = `[{"type":"function","name":"verifyProof","stateMutability":"view","inputs":[{"name":"proof","type":"bytes"},{"name":"input","type":"uint256[6]"}],"outputs":[]}]`

var (
	// ErrNotTheVerifier is returned when a contract does not accept a proof
	// made with the keys it is said to verify.
	ErrNotTheVerifier = errors.New("deploy: the contract does not accept proofs made with these keys: it is not their verifier")
	// ErrUnsoundVerifier is returned when a contract accepts a tampered proof.
	ErrUnsoundVerifier = errors.New("deploy: the contract accepts a tampered proof: it is not a sound verifier")
)

// CheckVerifier checks the contract at addr against a proof made with the
// keys it should verify: the proof must be accepted and the same proof with
// one byte changed refused. A verifier of other keys (the INSECURE dev keys,
// say) refuses the first; a contract that accepts everything, the second.
func CheckVerifier(ctx context.Context, b bind.ContractCaller, addr common.Address, proof []byte, inputs [6]*big.Int) error {
	code, err := b.CodeAt(ctx, addr, nil)
	if err != nil {
		return fmt.Errorf("deploy: code of verifier %s: %w", addr, err)
	}
	if len(code) == 0 {
		return fmt.Errorf("%w: %s", errNoCode, addr)
	}
	if err := VerifyProof(ctx, b, addr, proof, inputs); err != nil {
		return fmt.Errorf("%w (%s: %v)", ErrNotTheVerifier, addr, err)
	}
	tampered := append([]byte(nil), proof...)
	tampered[len(tampered)-1] ^= 1 // the last byte of C's y coordinate
	if err := VerifyProof(ctx, b, addr, tampered, inputs); err == nil {
		return fmt.Errorf("%w (%s)", ErrUnsoundVerifier, addr)
	}
	return nil
}

// VerifyProof asks the classification verifier at addr (eth_call) whether
// proof proves the public inputs [commitment, level, policy, threshold,
// releasedRoot, binding] (record.PublicInputs.Inputs; the caller computes
// the binding from the record it checks): nil if it accepts, the revert
// otherwise.
func VerifyProof(ctx context.Context, b bind.ContractCaller, addr common.Address, proof []byte, inputs [6]*big.Int) error {
	parsed, err := abi.JSON(strings.NewReader(verifierABI))
	if err != nil {
		return fmt.Errorf("deploy: verifier ABI: %w", err)
	}
	data, err := parsed.Pack("verifyProof", proof, inputs)
	if err != nil {
		return fmt.Errorf("deploy: packing verifyProof: %w", err)
	}
	_, err = b.CallContract(ctx, ethereum.CallMsg{To: &addr, Data: data}, nil)
	return err
}

// CheckVerifier is CheckVerifier on the Deployer's chain.
func (d *Deployer) CheckVerifier(ctx context.Context, addr common.Address, proof []byte, inputs [6]*big.Int) error {
	return CheckVerifier(ctx, d.backend, addr, proof, inputs)
}

// DeployDevVerifier deploys ClassificationVerifier16 as generated from the
// INSECURE dev keys (zk.DevSetup(16, zk.DevSeed): anyone can forge its
// proofs). For the local devnet and tests only, never a real network.
func (d *Deployer) DeployDevVerifier(ctx context.Context) (common.Address, error) {
	return d.deploy(ctx, "ClassificationVerifier16 (INSECURE dev keys)", classificationverifier16.ClassificationVerifier16MetaData.Bin, nil)
}

// DeployVerifier deploys a classification verifier from its creation code
// (as compiled from "sovereign zk export"); Check it before trusting it.
func (d *Deployer) DeployVerifier(ctx context.Context, creation []byte) (common.Address, error) {
	return d.deploy(ctx, "classification verifier", common.Bytes2Hex(creation), nil)
}

// CodeHash is the code hash of the contract at addr on the Deployer's chain.
func (d *Deployer) CodeHash(ctx context.Context, addr common.Address) (common.Hash, error) {
	return CodeHash(ctx, d.backend, addr, "contract")
}

// RegisterVerifier registers the contract at addr as verifier version on
// the DataRegistry at registry (the registry checks its code is the version's).
func (d *Deployer) RegisterVerifier(ctx context.Context, registry common.Address, version uint32, addr common.Address) error {
	dr := dataregistry.NewDataRegistry()
	data := dr.PackRegisterVerifier(version, addr)
	if _, err := d.backend.CallContract(ctx, ethereum.CallMsg{From: crypto.PubkeyToAddress(d.key.PublicKey), To: &registry, Data: data}, nil); err != nil {
		return fmt.Errorf("deploy: registerVerifier(%d, %s) refused: %w", version, addr, ethtx.Revert(err, dr.UnpackError, "DataRegistry"))
	}
	return d.transact(ctx, registry, data, fmt.Sprintf("DataRegistry.registerVerifier(%d)", version))
}
