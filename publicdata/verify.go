package publicdata

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/record"
)

// verifierABI is IClassificationVerifier (contracts/src/interfaces).
var verifierABI = func() abi.ABI {
	a, err := abi.JSON(strings.NewReader(`[{"type":"function","name":"verifyProof","stateMutability":"view","inputs":[{"name":"proof","type":"bytes"},{"name":"input","type":"uint256[6]"}],"outputs":[]}]`))
	if err != nil {
		panic(err)
	}
	return a
}()

// Check is one line of a verification: ok, FAIL or skipped, with what it saw.
type Check struct {
	Name    string `json:"name"`
	OK      bool   `json:"ok"`
	Skipped bool   `json:"skipped,omitempty"`
	Detail  string `json:"detail"`
}

// String is the check as verify prints it.
func (c Check) String() string {
	mark := "ok  "
	switch {
	case c.Skipped:
		mark = "skip"
	case !c.OK:
		mark = "FAIL"
	}
	return fmt.Sprintf("%s  %-16s %s", mark, c.Name, c.Detail)
}

// Report is the outcome of Verify.
type Report struct {
	Record    *Record    `json:"record"`
	Checks    []Check    `json:"checks"`
	Certified *Certified `json:"certified,omitempty"`
}

// Failed counts the failed checks.
func (r *Report) Failed() int {
	n := 0
	for _, c := range r.Checks {
		if !c.OK && !c.Skipped {
			n++
		}
	}
	return n
}

// ErrVerify is returned (wrapped) when a check failed.
var ErrVerify = errors.New("verification failed")

// Err is nil when every check passed or was skipped.
func (r *Report) Err() error {
	if n := r.Failed(); n > 0 {
		return fmt.Errorf("%w: %d of %d checks failed for record %s", ErrVerify, n, len(r.Checks), r.Record.ID.Hex())
	}
	return nil
}

// Verify checks a record end to end, every input from the public registry:
// its Published values against the stored hash, the content's hash, the
// released root recomputed from the released columns, the proof (from the
// consortium's Submitted event, or proofFile if not nil) accepted by the
// public verifier, and the certified consortium block the release was
// relayed from. A sensitive record has no public content: its content
// checks are skipped. Errors are for a record that cannot be read at all;
// failed checks are in the Report (Report.Err).
func (r *Reader) Verify(ctx context.Context, id common.Hash, proofFile *ProofFile) (*Report, error) {
	rec, err := r.Record(ctx, id)
	if err != nil {
		return nil, err
	}
	rep := &Report{Record: rec}
	add := func(name string, err error, ok string) {
		if err != nil {
			rep.Checks = append(rep.Checks, Check{Name: name, Detail: err.Error()})
		} else {
			rep.Checks = append(rep.Checks, Check{Name: name, OK: true, Detail: ok})
		}
	}
	v, err := r.published(ctx, rec)
	add("values", err, "the Published event's commitment, released root and content hash hash to the stored valuesHash")
	if err != nil {
		return rep, nil // nothing else can be checked against unknown values
	}
	if rec.Level >= 2 {
		skip := "sensitive (level 2): the content stays on the private chain"
		rep.Checks = append(rep.Checks, Check{Name: "content hash", Skipped: true, Detail: skip},
			Check{Name: "released root", Skipped: true, Detail: skip})
	} else {
		b, err := r.download(ctx, v.ContentHash)
		add("content hash", err, fmt.Sprintf("sha256 of the released view (%d bytes) is %s", len(b), v.ContentHash.Hex()))
		if err != nil {
			rep.Checks = append(rep.Checks, Check{Name: "released root", Detail: "not checked: no content"})
		} else {
			_, err := checkView(b, v)
			add("released root", err, fmt.Sprintf("recomputed from the released columns: %#x", v.ReleasedRoot))
		}
	}
	src, verifier, err := r.checkProof(ctx, rec, v, proofFile)
	add("proof", err, fmt.Sprintf("accepted by verifier version %d, %s, on the public chain (proof from %s)", v.VerifierVersion, verifier, src))
	c, err := r.certified(ctx, rec)
	if err == nil {
		rep.Certified = c
		ep := "epoch unknown"
		if c.Epoch != nil {
			ep = fmt.Sprintf("epoch %d", *c.Epoch)
		}
		add("certified block", nil, fmt.Sprintf("consortium block %d %s, receipt %d log %d, %s (relayed in public block %d)",
			c.Number, c.BlockHash.Hex(), c.ReceiptIndex, c.LogIndex, ep, c.PublicBlock))
	} else {
		add("certified block", err, "")
	}
	return rep, nil
}

// Inputs are a release's public inputs as the public registry has them:
// [commitment, level, policy, threshold, releasedRoot, binding], the binding
// computed from the registry's dataset id and version and the Published
// content hash (record.Binding), never taken from a proof file.
func (r *Reader) Inputs(ctx context.Context, rec *Record, v *Values) ([record.NumPublicInputs]*big.Int, error) {
	policy, err := callRegistry(ctx, r, registryABI.PackPolicy(), registryABI.UnpackPolicy)
	if err != nil {
		return [record.NumPublicInputs]*big.Int{}, err
	}
	return Inputs(rec.Dataset, rec.Version, rec.Level, rec.Threshold, policy, v.Commitment, v.ReleasedRoot, v.ContentHash), nil
}

// Inputs are the verifier's public inputs of a release of version of
// dataset with these values under policy; the binding is computed.
func Inputs(datasetID common.Hash, version uint64, level, threshold uint8, policy, commitment, releasedRoot *big.Int, contentHash common.Hash) [record.NumPublicInputs]*big.Int {
	b := record.Binding(datasetID, version, contentHash)
	return [record.NumPublicInputs]*big.Int{commitment, big.NewInt(int64(level)), policy, big.NewInt(int64(threshold)), releasedRoot, b.BigInt(new(big.Int))}
}

var inputNames = [record.NumPublicInputs]string{"commitment", "level", "policy", "threshold", "releasedRoot", "binding"}

// checkProof checks the record's proof against the registry's public inputs
// with the public chain's verifier of the release's verifier version; it
// returns where the proof came from and the verifier.
func (r *Reader) checkProof(ctx context.Context, rec *Record, v *Values, file *ProofFile) (string, common.Address, error) {
	inputs, err := r.Inputs(ctx, rec, v)
	if err != nil {
		return "", common.Address{}, err
	}
	verifier, err := r.verifierOf(ctx, v.VerifierVersion)
	if err != nil {
		return "", common.Address{}, err
	}
	src, err := r.checkProofWith(ctx, verifier, rec, inputs, file)
	return src, verifier, err
}

// ErrNoVerifier is wrapped when the public chain has no verifier for a
// release's verifier version.
var ErrNoVerifier = errors.New("no verifier for this version on the public chain")

// verifierOf is the public chain's verifier of a version: the one
// registered on the registry, else Reader.Verifier when its code is the
// version's announced code.
func (r *Reader) verifierOf(ctx context.Context, version uint32) (common.Address, error) {
	out, err := callRegistry(ctx, r, registryABI.PackVerifierOf(version), registryABI.UnpackVerifierOf)
	if err != nil {
		return common.Address{}, err
	}
	if out.CodeHash == ([32]byte{}) {
		return common.Address{}, fmt.Errorf("%w: version %d is not announced on the registry (the relayer carries the consortium's adoption)", ErrNoVerifier, version)
	}
	verifier := out.Verifier
	if verifier == (common.Address{}) {
		verifier = r.Verifier
	}
	if verifier == (common.Address{}) {
		return common.Address{}, fmt.Errorf("%w: no contract is registered as version %d (code hash %x): deploy it and register it with 'sovereign deploy verifier --register %d'", ErrNoVerifier, version, out.CodeHash, version)
	}
	code, err := r.Public.CodeAt(ctx, verifier, nil)
	if err != nil {
		return common.Address{}, fmt.Errorf("code of the verifier %s: %w", verifier, err)
	}
	if have := crypto.Keccak256Hash(code); have != out.CodeHash {
		return common.Address{}, fmt.Errorf("%w: %s is not verifier version %d (its code hash is %s, the consortium adopted %x); none is registered: deploy it and register it with 'sovereign deploy verifier --register %d'",
			ErrNoVerifier, verifier, version, have, out.CodeHash, version)
	}
	return verifier, nil
}

// checkProofWith checks the proof (from file, or as submitted) with verifier.
func (r *Reader) checkProofWith(ctx context.Context, verifier common.Address, rec *Record, inputs [record.NumPublicInputs]*big.Int, file *ProofFile) (string, error) {
	var err error
	var proof []byte
	src := "the proof file"
	if file != nil {
		for i := range inputs {
			if file.Inputs[i] == nil || file.Inputs[i].Cmp(inputs[i]) != 0 {
				return src, fmt.Errorf("the proof file's %s %#x is not the registry's %#x: it is the proof of another release", inputNames[i], file.Inputs[i], inputs[i])
			}
		}
		proof = file.Bytes
	} else {
		if proof, src, err = r.submittedProof(ctx, rec.ID); err != nil {
			return "", err
		}
	}
	data, err := VerifierCall(proof, inputs)
	if err != nil {
		return src, fmt.Errorf("packing verifyProof: %w", err)
	}
	if _, err := r.Public.CallContract(ctx, ethereum.CallMsg{To: &verifier, Data: data}, nil); err != nil {
		return src, fmt.Errorf("the verifier %s refused the proof (from %s) for the registry's public inputs: %v", verifier, src, err)
	}
	return src, nil
}

// submittedProof reads the proof bytes of a record's ReviewBoard Submitted
// event on the consortium.
func (r *Reader) submittedProof(ctx context.Context, id common.Hash) ([]byte, string, error) {
	if r.Consortium == nil || r.ReviewBoard == (common.Address{}) {
		return nil, "", fmt.Errorf("%w: the proof is read from the consortium's ReviewBoard; give its RPC and address, or --proof FILE", ErrNoConsortium)
	}
	var proof []byte
	var at *types.Log
	err := r.scan(ctx, r.Consortium, r.ReviewBoard, [][]common.Hash{{SubmittedTopic}, {id}}, func(l *types.Log) error {
		rid, p, err := DecodeSubmitted(l)
		if err != nil {
			return err
		}
		if rid == id {
			proof, at = p, l
		}
		return nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("consortium: %w", err)
	}
	if at == nil {
		return nil, "", fmt.Errorf("no Submitted event for record %s on the consortium's ReviewBoard %s", id.Hex(), r.ReviewBoard)
	}
	return proof, fmt.Sprintf("the Submitted event in consortium block %d", at.BlockNumber), nil
}

// VerifierCall is the calldata of verifyProof(proof, inputs).
func VerifierCall(proof []byte, inputs [record.NumPublicInputs]*big.Int) ([]byte, error) {
	return verifierABI.Pack("verifyProof", proof, inputs)
}
