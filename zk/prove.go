package zk

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"strings"

	"github.com/consensys/gnark-crypto/ecc"
	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend/groth16"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/frontend"
	"github.com/sovereign-gov/sovereign/record"
)

// ProofSize is the length of a proof in the Solidity verifier's encoding.
const ProofSize = 8 * fp.Bytes

var (
	// errProofLength is returned for proof bytes of the wrong length.
	errProofLength = fmt.Errorf("proof must be %d bytes", ProofSize)
	// errProofPoint is returned for proof bytes that are not curve points.
	errProofPoint = errors.New("proof point is not on the curve or not in the subgroup")
	// errInvalidProof is returned if the pairing check fails.
	errInvalidProof = errors.New("invalid proof")
	// errReleasedView is returned if a released view does not hash to the root.
	errReleasedView = errors.New("released view does not match the released root")
	// errUnbound is returned by Prove for a statement not bound to a record.
	errUnbound = errors.New("statement is not bound to a record: call Statement.Bind(record.Binding(datasetId, version, contentHash)) before proving")
	// ErrOtherRecord is returned by CheckBinding for a proof bound to another record.
	ErrOtherRecord = errors.New("proof is bound to another record (binding differs from record.Binding(datasetId, version, contentHash))")
)

// ProofFileVersion is the version of the proof file format: 2 carries the
// binding (six public inputs); version 1 files (five inputs) are refused.
const ProofFileVersion = 2

// Proof is a classification proof with its public inputs and released view.
type Proof struct {
	Size     int
	Public   record.PublicInputs
	Columns  []string     // names of the table's columns, in slot order
	Released []fr.Element // one per slot: column hash, or 0 if withheld
	Bytes    []byte       // ProofSize bytes, as the Solidity verifier takes them
}

// Prove makes a Groth16 proof of st with keys of the statement's size; st
// must be bound to its record (Statement.Bind).
func Prove(keys *Keys, st *record.Statement, columns []string) (*Proof, error) {
	if !st.Bound() {
		return nil, errUnbound
	}
	if keys.Size != st.Size {
		return nil, fmt.Errorf("statement needs the %d-column keys, got %d-column keys", st.Size, keys.Size)
	}
	w, err := frontend.NewWitness(Assignment(st), ecc.BN254.ScalarField())
	if err != nil {
		return nil, fmt.Errorf("witness: %w", err)
	}
	p, err := groth16.Prove(keys.CS, keys.PK, w)
	if err != nil {
		return nil, fmt.Errorf("prove: %w", err)
	}
	return &Proof{
		Size:     st.Size,
		Public:   st.Public,
		Columns:  columns,
		Released: st.Released,
		Bytes:    p.(*groth16bn254.Proof).MarshalSolidity(),
	}, nil
}

// Verify checks the proof against a verifying key of its size, and that its
// released view hashes to its released root.
func Verify(vk *groth16bn254.VerifyingKey, p *Proof) error {
	if err := checkSize(p.Size); err != nil {
		return err
	}
	if len(p.Released) != p.Size {
		return fmt.Errorf("released view has %d entries, the %d-column circuit has %d", len(p.Released), p.Size, p.Size)
	}
	if root := record.ReleasedRoot(p.Released); !root.Equal(&p.Public.ReleasedRoot) {
		return errReleasedView
	}
	return VerifyBytes(vk, p.Size, &p.Public, p.Bytes)
}

// CheckBinding checks that the proof is bound to the record (datasetId,
// version, contentHash): a verifier computes the binding from the record it
// is checking, never takes the proof file's word for it.
func (p *Proof) CheckBinding(datasetID [32]byte, version uint64, contentHash [32]byte) error {
	if want := record.Binding(datasetID, version, contentHash); !want.Equal(&p.Public.Binding) {
		return ErrOtherRecord
	}
	return nil
}

// VerifyBytes checks proof bytes against public inputs, as the on-chain
// verifier does.
func VerifyBytes(vk *groth16bn254.VerifyingKey, size int, pub *record.PublicInputs, proof []byte) error {
	gp, err := parseProof(proof)
	if err != nil {
		return err
	}
	w, err := frontend.NewWitness(publicAssignment(size, pub), ecc.BN254.ScalarField(), frontend.PublicOnly())
	if err != nil {
		return fmt.Errorf("public witness: %w", err)
	}
	if err := groth16.Verify(gp, vk, w); err != nil {
		return fmt.Errorf("%w: %v", errInvalidProof, err)
	}
	return nil
}

// parseProof decodes the Solidity encoding (A, B, C; B with the imaginary
// part first), checking that every point is on the curve and in the subgroup.
func parseProof(b []byte) (*groth16bn254.Proof, error) {
	if len(b) != ProofSize {
		return nil, fmt.Errorf("%w, got %d", errProofLength, len(b))
	}
	var words [8]fp.Element
	for i := range words {
		if err := words[i].SetBytesCanonical(b[i*fp.Bytes : (i+1)*fp.Bytes]); err != nil {
			return nil, fmt.Errorf("proof word %d: %w", i, err)
		}
	}
	p := new(groth16bn254.Proof)
	p.Ar = curve.G1Affine{X: words[0], Y: words[1]}
	p.Bs.X.A1, p.Bs.X.A0, p.Bs.Y.A1, p.Bs.Y.A0 = words[2], words[3], words[4], words[5]
	p.Krs = curve.G1Affine{X: words[6], Y: words[7]}
	if !p.Ar.IsInSubGroup() || !p.Bs.IsInSubGroup() || !p.Krs.IsInSubGroup() {
		return nil, errProofPoint
	}
	return p, nil
}

// proofJSON is the proof file: hex field elements, public inputs by name.
type proofJSON struct {
	Version  int      `json:"version"`
	Size     int      `json:"size"`
	Public   pubJSON  `json:"public"`
	Columns  []string `json:"columns"`
	Released []string `json:"released"`
	Proof    string   `json:"proof"`
}

type pubJSON struct {
	Commitment   string `json:"commitment"`
	Level        int    `json:"level"`
	Policy       string `json:"policy"`
	Threshold    int    `json:"threshold"`
	ReleasedRoot string `json:"releasedRoot"`
	Binding      string `json:"binding"`
}

// MarshalJSON writes the proof file format.
func (p *Proof) MarshalJSON() ([]byte, error) {
	j := proofJSON{
		Version: ProofFileVersion,
		Size:    p.Size,
		Public: pubJSON{
			Commitment:   record.HexElement(&p.Public.Commitment),
			Level:        int(p.Public.Level),
			Policy:       "0x" + p.Public.Policy.Text(16),
			Threshold:    int(p.Public.Threshold),
			ReleasedRoot: record.HexElement(&p.Public.ReleasedRoot),
			Binding:      record.HexElement(&p.Public.Binding),
		},
		Columns: p.Columns,
		Proof:   "0x" + hex.EncodeToString(p.Bytes),
	}
	for i := range p.Released {
		j.Released = append(j.Released, record.HexElement(&p.Released[i]))
	}
	return json.MarshalIndent(j, "", "  ")
}

// UnmarshalJSON reads the proof file format, checking every field.
func (p *Proof) UnmarshalJSON(b []byte) error {
	var j proofJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	if j.Version == 1 {
		return errors.New("proof file version 1 has five public inputs and no binding to its record: this verifier takes version 2 (six inputs); prove the record again")
	}
	if j.Version != ProofFileVersion {
		return fmt.Errorf("unknown proof file version %d", j.Version)
	}
	if err := checkSize(j.Size); err != nil {
		return err
	}
	var q Proof
	q.Size = j.Size
	var err error
	if q.Public.Commitment, err = record.ParseElement(j.Public.Commitment); err != nil {
		return fmt.Errorf("commitment: %w", err)
	}
	if q.Public.ReleasedRoot, err = record.ParseElement(j.Public.ReleasedRoot); err != nil {
		return fmt.Errorf("releasedRoot: %w", err)
	}
	if j.Public.Binding == "" {
		return errors.New("binding: missing")
	}
	if q.Public.Binding, err = record.ParseElement(j.Public.Binding); err != nil {
		return fmt.Errorf("binding: %w", err)
	}
	if q.Public.Binding.BigInt(new(big.Int)).BitLen() > record.BindingBits {
		return fmt.Errorf("binding: more than %d bits", record.BindingBits)
	}
	if j.Public.Level < 0 || !record.Level(j.Public.Level).Valid() {
		return fmt.Errorf("level: %w", record.ErrLevelRange)
	}
	if j.Public.Threshold < 0 || !record.Level(j.Public.Threshold).Valid() {
		return fmt.Errorf("threshold: %w", record.ErrThreshold)
	}
	q.Public.Level, q.Public.Threshold = record.Level(j.Public.Level), record.Level(j.Public.Threshold)
	pol, ok := new(big.Int).SetString(strings.TrimPrefix(j.Public.Policy, "0x"), 16)
	if !ok {
		return fmt.Errorf("policy: not a hex number: %q", j.Public.Policy)
	}
	if _, err := record.PolicyFromElement(pol); err != nil {
		return fmt.Errorf("policy: %w", err)
	}
	q.Public.Policy = pol
	if len(j.Released) != j.Size {
		return fmt.Errorf("released view has %d entries, the %d-column circuit has %d", len(j.Released), j.Size, j.Size)
	}
	q.Released = make([]fr.Element, len(j.Released))
	for i, s := range j.Released {
		if q.Released[i], err = record.ParseElement(s); err != nil {
			return fmt.Errorf("released[%d]: %w", i, err)
		}
	}
	if len(j.Columns) > j.Size {
		return fmt.Errorf("%d column names for a %d-column circuit", len(j.Columns), j.Size)
	}
	q.Columns = j.Columns
	if q.Bytes, err = hex.DecodeString(strings.TrimPrefix(j.Proof, "0x")); err != nil {
		return fmt.Errorf("proof: %w", err)
	}
	if len(q.Bytes) != ProofSize {
		return fmt.Errorf("proof: %w, got %d", errProofLength, len(q.Bytes))
	}
	*p = q
	return nil
}

// LoadProof reads a proof file.
func LoadProof(path string) (*Proof, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read proof: %w", err)
	}
	p := new(Proof)
	if err := json.Unmarshal(b, p); err != nil {
		return nil, fmt.Errorf("malformed proof file %s: %w", path, err)
	}
	return p, nil
}

// Save writes the proof file.
func (p *Proof) Save(path string) error {
	b, err := json.Marshal(p)
	if err != nil {
		return err
	}
	var out []byte
	out = append(out, b...)
	out = append(out, '\n')
	if err := os.WriteFile(path, out, 0o644); err != nil {
		return fmt.Errorf("write proof: %w", err)
	}
	return nil
}
