package zk

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/sovereign-gov/sovereign/record"
)

// DevSeed is the public seed of the checked-in dev keys: the generated
// verifiers and fixtures come from DevSetup(size, DevSeed) and are for tests
// and local chains only.
const DevSeed = "sovereign.zk.dev.v1"

// DevSeedNext is the seed of a second set of dev keys of the 16-column
// circuit, as another ceremony would make: its checked-in verifier
// (NextVerifierContract) lets the devnet and the tests adopt a new verifier
// version. INSECURE like DevSeed.
const DevSeedNext = "sovereign.zk.dev.v2"

// NextVerifierContract is the contract name of DevSeedNext's verifier.
const NextVerifierContract = "ClassificationVerifier16Next"

// Paths of the generated files, relative to the repository root.
const (
	GeneratedVerifierDir = "contracts/src/generated"
	GeneratedFixtureDir  = "contracts/test/zk/fixtures"
)

// VerifierPath and FixturePath name the generated files of a size.
func VerifierPath(size int) string {
	return filepath.Join(GeneratedVerifierDir, VerifierContractName(size)+".sol")
}
func FixturePath(size int) string {
	return filepath.Join(GeneratedFixtureDir, fmt.Sprintf("ClassificationFixture%d.sol", size))
}
func fixtureProofPath(size int) string {
	return filepath.Join(GeneratedFixtureDir, fmt.Sprintf("proof%d.json", size))
}

// Artifacts are the generated files of one size, by path.
type Artifacts map[string][]byte

// GenerateNextVerifier makes the Solidity verifier of DevSetup(16,
// DevSeedNext), by path (see DevSeedNext).
func GenerateNextVerifier() (Artifacts, error) {
	keys, err := DevSetup(record.SizeSmall, []byte(DevSeedNext))
	if err != nil {
		return nil, err
	}
	var verifier bytes.Buffer
	prov := fmt.Sprintf("INSECURE dev setup, seed %q (anyone can forge proofs for these keys)", DevSeedNext)
	if err := ExportSolidity(&verifier, keys, ExportOptions{Provenance: prov, InterfaceImport: "../interfaces/IClassificationVerifier.sol",
		ContractName: NextVerifierContract}); err != nil {
		return nil, err
	}
	return Artifacts{filepath.Join(GeneratedVerifierDir, NextVerifierContract+".sol"): verifier.Bytes()}, nil
}

// GenerateArtifacts makes, deterministically, the Solidity verifier of the
// dev keys of size and a fixture: a real proof of an example table by the Go
// prover, as a Solidity library and as a proof file.
func GenerateArtifacts(size int) (Artifacts, error) {
	keys, err := DevSetup(size, []byte(DevSeed))
	if err != nil {
		return nil, err
	}
	return generateArtifacts(keys)
}

// generateArtifacts is GenerateArtifacts with the dev keys already made.
func generateArtifacts(keys *Keys) (Artifacts, error) {
	var verifier bytes.Buffer
	prov := fmt.Sprintf("INSECURE dev setup, seed %q (anyone can forge proofs for these keys)", DevSeed)
	if err := ExportSolidity(&verifier, keys, ExportOptions{Provenance: prov, InterfaceImport: "../interfaces/IClassificationVerifier.sol"}); err != nil {
		return nil, err
	}
	proof, err := fixtureProof(keys)
	if err != nil {
		return nil, err
	}
	proofFile, err := proof.MarshalJSON()
	if err != nil {
		return nil, err
	}
	fixture, err := fixtureSolidity(proof)
	if err != nil {
		return nil, err
	}
	return Artifacts{
		VerifierPath(keys.Size):     verifier.Bytes(),
		FixturePath(keys.Size):      fixture,
		fixtureProofPath(keys.Size): append(proofFile, '\n'),
	}, nil
}

// Write stores the artifacts under the repository root.
func (a Artifacts) Write(root string) error {
	for path, b := range a {
		full := filepath.Join(root, path)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	return nil
}

// FixtureTable is the example record of the fixture of a size: a hospital
// table whose columns cycle through four categories of FixturePolicy.
func FixtureTable(size int) (*record.Table, map[string]int) {
	n := 5
	if size == record.SizeLarge {
		n = 40
	}
	kinds := []struct {
		name     string
		category int
	}{{"patient_id", 0}, {"ward", 2}, {"age_band", 3}, {"diagnosis", 1}, {"admissions", 3}}
	t := &record.Table{}
	cats := map[string]int{}
	for i := range n {
		k := kinds[i%len(kinds)]
		name := k.name
		if i >= len(kinds) {
			name = fmt.Sprintf("%s_%d", k.name, i/len(kinds))
		}
		t.Columns = append(t.Columns, name)
		cats[name] = k.category
	}
	for r := range 3 {
		row := make([]string, n)
		for i := range row {
			row[i] = fmt.Sprintf("%s-r%d", t.Columns[i], r)
		}
		t.Rows = append(t.Rows, row)
	}
	return t, cats
}

// FixturePolicy is the example policy: personal-id 0 and health 1 sensitive,
// location 2 conditional, aggregate 3 open.
func FixturePolicy() record.Policy {
	p, err := record.NewPolicy(map[int]record.Level{0: record.LevelSensitive, 1: record.LevelSensitive, 2: record.LevelConditional, 3: record.LevelOpen})
	if err != nil {
		panic(err) // constant input
	}
	return p
}

// fixtureProof proves the fixture table at threshold 0 (open data only),
// with the salt and the proof's blinding drawn from a seeded stream.
func fixtureProof(keys *Keys) (*Proof, error) {
	var proof *Proof
	err := withSeededRandom([]byte(fmt.Sprintf("fixture:%s:%d", DevSeed, keys.Size)), func() error {
		var err error
		proof, err = SampleProof(keys)
		return err
	})
	return proof, err
}

// The record a fixture proof is bound to: version FixtureVersion of dataset
// FixtureDataset of department FixtureDepartment, whose content is the
// fixture table's released view (its CSV).
const (
	FixtureDepartment = "health"
	FixtureDataset    = "hospital-admissions"
	FixtureVersion    = 1
)

// SampleProof proves the example table of FixtureTable with keys and a fresh
// salt, bound to the fixture record (FixtureDepartment, FixtureDataset,
// FixtureVersion), and checks it: what deploy feeds a verifier contract to
// check that it is the verifier of these keys.
func SampleProof(keys *Keys) (*Proof, error) {
	t, cats := FixtureTable(keys.Size)
	rec, err := record.NewRecord(t, cats)
	if err != nil {
		return nil, err
	}
	salt, err := record.NewSalt()
	if err != nil {
		return nil, err
	}
	st, err := record.NewStatement(rec, FixturePolicy(), record.LevelOpen, salt)
	if err != nil {
		return nil, err
	}
	binding, _, err := record.ViewBinding(FixtureDepartment, FixtureDataset, FixtureVersion, t, st)
	if err != nil {
		return nil, err
	}
	st.Bind(binding)
	proof, err := Prove(keys, st, rec.Names)
	if err != nil {
		return nil, err
	}
	if err := Verify(keys.VK, proof); err != nil {
		return nil, fmt.Errorf("sample proof does not verify: %w", err)
	}
	return proof, nil
}

// FixtureContent is the released view of the fixture table of a size (the
// content the fixture proofs are bound to) and its content hash.
func FixtureContent(size int) ([]byte, [32]byte, error) {
	t, cats := FixtureTable(size)
	rec, err := record.NewRecord(t, cats)
	if err != nil {
		return nil, [32]byte{}, err
	}
	var salt fr.Element // the view does not depend on the salt
	st, err := record.NewStatement(rec, FixturePolicy(), record.LevelOpen, salt)
	if err != nil {
		return nil, [32]byte{}, err
	}
	v, err := record.NewReleasedView(t, st)
	if err != nil {
		return nil, [32]byte{}, err
	}
	content, err := v.CSV()
	if err != nil {
		return nil, [32]byte{}, err
	}
	return content, record.ContentHash(content), nil
}

// fixtureSolidity is the proof as a Solidity library for forge tests.
func fixtureSolidity(p *Proof) ([]byte, error) {
	var b strings.Builder
	in := p.Public.Inputs()
	_, contentHash, err := FixtureContent(p.Size)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(&b, `// SPDX-License-Identifier: MIT
// Code generated by sovereign zk from a real proof of the Go prover. DO NOT EDIT.
// Regenerate with: %s
pragma solidity ^0.8.20;

/// A proof of the %d-column classification circuit with the dev keys (seed %q)
/// for zk.FixtureTable(%d) under zk.FixturePolicy() at threshold 0, bound to
/// version %d of dataset %q of department %q with the table's released view
/// as content.
library ClassificationFixture%d {
    function proof() internal pure returns (bytes memory) {
        return hex"%x";
    }

    /// the department id: keccak256(%q)
    function department() internal pure returns (bytes32) {
        return keccak256(%q);
    }

    /// the dataset key: keccak256(%q)
    function dataset() internal pure returns (bytes32) {
        return keccak256(%q);
    }

    function version() internal pure returns (uint64) {
        return %d;
    }

    /// sha256 of the released view
    function contentHash() internal pure returns (bytes32) {
        return 0x%x;
    }

    /// commitment, level, policy, threshold, releasedRoot, binding
    /// (binding = SubmissionBinding.compute(keccak256(abi.encode(department(), dataset())), version(), contentHash()))
    function input() internal pure returns (uint256[%d] memory inputs) {
`, RegenerateCommand, p.Size, DevSeed, p.Size, FixtureVersion, FixtureDataset, FixtureDepartment, p.Size, p.Bytes,
		FixtureDepartment, FixtureDepartment, FixtureDataset, FixtureDataset, FixtureVersion, contentHash, record.NumPublicInputs)
	for i, v := range in {
		fmt.Fprintf(&b, "        inputs[%d] = %s;\n", i, v.String())
	}
	b.WriteString("    }\n}\n")
	return []byte(b.String()), nil
}
