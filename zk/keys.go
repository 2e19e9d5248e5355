package zk

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/constraint"
	cs "github.com/consensys/gnark/constraint/bn254"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/sovereign-gov/sovereign/record"
)

var (
	// errSize is returned for a circuit size other than 16 or 64.
	errSize = fmt.Errorf("circuit size must be %d or %d", record.SizeSmall, record.SizeLarge)
	// errDevSeed is returned for an empty dev setup seed.
	errDevSeed = errors.New("dev setup needs a non-empty seed")
)

func checkSize(size int) error {
	if !slices.Contains(record.Sizes, size) {
		return fmt.Errorf("size %d: %w", size, errSize)
	}
	return nil
}

// Compile builds the constraint system of the circuit with size slots.
func Compile(size int) (*cs.R1CS, error) {
	if err := checkSize(size); err != nil {
		return nil, err
	}
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, newCircuit(size))
	if err != nil {
		return nil, fmt.Errorf("compile circuit %d: %w", size, err)
	}
	return ccs.(*cs.R1CS), nil
}

// Keys are a circuit with its proving and verifying keys.
type Keys struct {
	Size int
	CS   *cs.R1CS
	PK   *groth16bn254.ProvingKey
	VK   *groth16bn254.VerifyingKey
}

// domainSize is the FFT domain of a constraint system, as groth16.Setup picks it.
func domainSize(ccs *cs.R1CS) uint64 {
	return ecc.NextPowerOfTwo(uint64(ccs.GetNbConstraints()))
}

// devVerifyingKeyHashes are VerifyingKeyHash of DevSetup(size, DevSeed), the
// keys of the checked-in dev verifiers (TestDevVerifyingKeyHashes keeps them
// true): deploy refuses these on any chain but a local devnet.
var devVerifyingKeyHashes = map[int]string{
	record.SizeSmall: "f981512085e70d04277dda4ae87a971fa2a1c986e48c3f45d8b3bba8c338a701",
	record.SizeLarge: "d147f561adeae8acaad48a81c297934c03b78dc95dbdee70def0b26a4fd66fa1",
}

// devNextVerifyingKeyHash is VerifyingKeyHash of DevSetup(16, DevSeedNext),
// the second dev keys: refused like the first.
const devNextVerifyingKeyHash = "6bc4114454e50d363f94d78534c13426ddc77b1520f75df08acd44d051f2a047"

// VerifyingKeyHash is the sha256 of a verifying key's encoding, hex: the
// name by which a ceremony's transcript and deploy refer to it.
func VerifyingKeyHash(vk *groth16bn254.VerifyingKey) (string, error) {
	h := sha256.New()
	if _, err := vk.WriteTo(h); err != nil {
		return "", fmt.Errorf("hashing verifying key: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// IsDevVerifyingKey reports whether vk is the INSECURE dev key of size made
// from DevSeed (anyone can forge proofs for it).
func IsDevVerifyingKey(size int, vk *groth16bn254.VerifyingKey) (bool, error) {
	h, err := VerifyingKeyHash(vk)
	if err != nil {
		return false, err
	}
	return h == devVerifyingKeyHashes[size] || (size == record.SizeSmall && h == devNextVerifyingKeyHash), nil
}

// DevSetup makes keys whose every secret is derived from the public seed:
// anyone who knows the seed can forge proofs. It is deterministic (the same
// seed gives the same keys), which local runs and the checked-in Solidity
// verifier and fixture need, and it is INSECURE for anything else.
func DevSetup(size int, seed []byte) (*Keys, error) {
	if len(seed) == 0 {
		return nil, errDevSeed
	}
	var keys *Keys
	err := withSeededRandom(append([]byte("dev-setup:"), seed...), func() error {
		var err error
		keys, err = RandomSetup(size)
		return err
	})
	return keys, err
}

// RandomSetup runs gnark's single-party Groth16 setup with fresh randomness.
// Its secrets are forgotten but nobody can check that, which is why real
// keys come from a ceremony; the bench uses it as the reference setup.
func RandomSetup(size int) (*Keys, error) {
	ccs, err := Compile(size)
	if err != nil {
		return nil, err
	}
	pk, vk, err := groth16.Setup(ccs)
	if err != nil {
		return nil, fmt.Errorf("setup circuit %d: %w", size, err)
	}
	return &Keys{Size: size, CS: ccs, PK: pk.(*groth16bn254.ProvingKey), VK: vk.(*groth16bn254.VerifyingKey)}, nil
}

// File names of the keys of one size inside a keys directory.
func pkFile(dir string, size int) string {
	return filepath.Join(dir, fmt.Sprintf("classification-%d.pk", size))
}
func vkFile(dir string, size int) string {
	return filepath.Join(dir, fmt.Sprintf("classification-%d.vk", size))
}

// Save writes the keys into dir (created if needed).
func (k *Keys) Save(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create keys dir: %w", err)
	}
	if err := writeFile(pkFile(dir, k.Size), k.PK.WriteRawTo); err != nil {
		return fmt.Errorf("write proving key: %w", err)
	}
	if err := writeFile(vkFile(dir, k.Size), k.VK.WriteTo); err != nil {
		return fmt.Errorf("write verifying key: %w", err)
	}
	return nil
}

// LoadVerifyingKey reads the verifying key of a size from dir. A missing
// file says how to make keys of that size; a corrupt one names the file.
func LoadVerifyingKey(dir string, size int) (*groth16bn254.VerifyingKey, error) {
	if err := checkSize(size); err != nil {
		return nil, err
	}
	vk := new(groth16bn254.VerifyingKey)
	if err := readKeyFile(vkFile(dir, size), size, "verifying", vk.ReadFrom); err != nil {
		return nil, err
	}
	return vk, nil
}

// LoadKeys reads the keys of a size from dir, checks that the proving and
// verifying keys belong together, and compiles the circuit.
func LoadKeys(dir string, size int) (*Keys, error) {
	vk, err := LoadVerifyingKey(dir, size)
	if err != nil {
		return nil, err
	}
	pk := new(groth16bn254.ProvingKey)
	// Our own proving key, written by Save: skip the subgroup checks.
	if err := readKeyFile(pkFile(dir, size), size, "proving", pk.UnsafeReadFrom); err != nil {
		return nil, err
	}
	if err := keysMatch(pk, vk); err != nil {
		return nil, fmt.Errorf("keys in %s: %s and %s: %w", dir, filepath.Base(pkFile(dir, size)), filepath.Base(vkFile(dir, size)), err)
	}
	ccs, err := Compile(size)
	if err != nil {
		return nil, err
	}
	if want := len(vk.G1.K) - 1; want != ccs.GetNbPublicVariables()-1 {
		return nil, fmt.Errorf("verifying key %s has %d public inputs, the circuit has %d", vkFile(dir, size), want, ccs.GetNbPublicVariables()-1)
	}
	if uint64(len(pk.G1.Z)) != domainSize(ccs)-1 && uint64(len(pk.G1.Z)) != domainSize(ccs) {
		return nil, fmt.Errorf("proving key %s is for another circuit (domain %d, the %d-column circuit needs %d)", pkFile(dir, size), len(pk.G1.Z), size, domainSize(ccs))
	}
	return &Keys{Size: size, CS: ccs, PK: pk, VK: vk}, nil
}

// errKeysMismatch is returned when a proving key and a verifying key come
// from different setups: every proof would then fail to verify.
var errKeysMismatch = errors.New("the proving and verifying keys are from different setups")

// keysMatch compares the setup elements both keys carry ([α]₁, [β]₁, [β]₂,
// [δ]₁, [δ]₂).
func keysMatch(pk *groth16bn254.ProvingKey, vk *groth16bn254.VerifyingKey) error {
	switch {
	case !pk.G1.Alpha.Equal(&vk.G1.Alpha):
		return fmt.Errorf("%w ([α]₁ differs)", errKeysMismatch)
	case !pk.G1.Beta.Equal(&vk.G1.Beta), !pk.G2.Beta.Equal(&vk.G2.Beta):
		return fmt.Errorf("%w ([β] differs)", errKeysMismatch)
	case !pk.G1.Delta.Equal(&vk.G1.Delta), !pk.G2.Delta.Equal(&vk.G2.Delta):
		return fmt.Errorf("%w ([δ] differs)", errKeysMismatch)
	}
	return nil
}

// readKeyFile reads one key file, naming it in every error.
func readKeyFile(path string, size int, kind string, read func(io.Reader) (int64, error)) error {
	err := readFile(path, read)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("read %s key: no %d-column keys in %s (%s is missing): make them with "+
			"\"sovereign zk setup --dev --size %d --out %s\" (INSECURE, local chains only) or a ceremony "+
			"(\"sovereign zk ceremony init --size %d\")", kind, size, filepath.Dir(path), filepath.Base(path), size, filepath.Dir(path), size)
	default:
		return fmt.Errorf("read %s key %s: corrupt or not a %d-column key: %w", kind, path, size, err)
	}
}

func writeFile(path string, write func(io.Writer) (int64, error)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if _, err := write(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func readFile(path string, read func(io.Reader) (int64, error)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = read(bufio.NewReader(f))
	return err
}

// assert the constraint system type once, at compile time.
var _ constraint.ConstraintSystem = (*cs.R1CS)(nil)
