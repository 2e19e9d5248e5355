package zk

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
)

// A ceremony is a directory that contributors pass along (see the README):
//
//	ceremony.json       size, FFT domain, phase, beacons
//	phase1/NNNN.bin     powers-of-tau contributions, NNNN = 0001, 0002, …
//	srs.bin             phase 1 sealed with the phase-1 beacon
//	phase2/0000.bin     phase 2 initialised from srs.bin and the circuit
//	phase2/NNNN.bin     circuit-specific contributions
//	keys/               proving and verifying keys, after phase 2 is sealed
//
// Every contribution carries a proof of knowledge of its secret tied to the
// hash of the previous file, so anyone can verify the whole transcript with
// CeremonyVerify; the keys are secure if one contributor destroyed theirs.

// Ceremony phases as recorded in ceremony.json.
const (
	phaseOne  = 1 // collecting phase-1 contributions
	phaseTwo  = 2 // collecting phase-2 contributions
	phaseDone = 3 // keys written
)

var (
	// errCeremonyExists is returned by CeremonyInit on a used directory.
	errCeremonyExists = errors.New("a ceremony already exists in this directory")
	// errCeremonyDone is returned when contributing to a sealed ceremony.
	errCeremonyDone = errors.New("the ceremony is sealed: keys are written")
	// errNoContribution is returned when sealing a phase nobody contributed to.
	errNoContribution = errors.New("no contribution to seal: at least one contributor is needed")
	// errBeacon is returned for an empty beacon.
	errBeacon = errors.New("the beacon must not be empty")
)

type ceremonyState struct {
	Size    int    `json:"size"`
	Domain  uint64 `json:"domain"`
	Phase   int    `json:"phase"`
	Beacon1 string `json:"beacon1,omitempty"`
	Beacon2 string `json:"beacon2,omitempty"`
}

// Contribution identifies one contribution file.
type Contribution struct {
	Phase int
	Index int
	Hash  string // SHA-256 of the file: contributors check theirs is in the transcript
}

// CeremonyReport lists what CeremonyVerify checked.
type CeremonyReport struct {
	Size          int
	Phase         int
	Contributions []Contribution
	SRSChecked    bool // srs.bin equals phase 1 sealed with its beacon
	KeysChecked   bool // keys equal phase 2 sealed with its beacon
}

// CeremonyInit starts a ceremony for the circuit of size in dir.
func CeremonyInit(dir string, size int) error {
	ccs, err := Compile(size)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, "ceremony.json")); err == nil {
		return fmt.Errorf("%s: %w", dir, errCeremonyExists)
	}
	for _, d := range []string{"phase1", "phase2"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return fmt.Errorf("create ceremony dir: %w", err)
		}
	}
	return saveState(dir, &ceremonyState{Size: size, Domain: domainSize(ccs), Phase: phaseOne})
}

// CeremonyContribute adds a contribution to the current phase, with fresh
// randomness that is forgotten when it returns.
func CeremonyContribute(dir string) (Contribution, error) {
	st, err := loadState(dir)
	if err != nil {
		return Contribution{}, err
	}
	switch st.Phase {
	case phaseOne:
		files, err := contributionFiles(dir, "phase1")
		if err != nil {
			return Contribution{}, err
		}
		p := mpcsetup.NewPhase1(st.Domain)
		if len(files) > 0 {
			if err := readPhase(files[len(files)-1], p); err != nil {
				return Contribution{}, err
			}
		}
		p.Contribute()
		return writeContribution(dir, "phase1", phaseOne, len(files)+1, p)
	case phaseTwo:
		files, err := contributionFiles(dir, "phase2")
		if err != nil {
			return Contribution{}, err
		}
		p := new(mpcsetup.Phase2)
		if err := readPhase(files[len(files)-1], p); err != nil {
			return Contribution{}, err
		}
		p.Contribute()
		return writeContribution(dir, "phase2", phaseTwo, len(files), p)
	default:
		return Contribution{}, errCeremonyDone
	}
}

// CeremonyVerify checks the whole transcript: every contribution against the
// one before it, the sealed SRS, the initial phase-2 state recomputed from
// the circuit, and the sealed keys.
func CeremonyVerify(dir string) (*CeremonyReport, error) {
	st, err := loadState(dir)
	if err != nil {
		return nil, err
	}
	rep := &CeremonyReport{Size: st.Size, Phase: st.Phase}
	if st.Phase == phaseOne {
		_, err := verifyPhase1Chain(dir, st, rep)
		return rep, err
	}
	start, err := verifiedPhase2(dir, st, rep)
	if err != nil || st.Phase != phaseDone {
		return rep, err
	}
	beacon2, _ := hex.DecodeString(st.Beacon2)
	pk, vk := start.last.Seal(start.srs, &start.evals, beacon2)
	if err := sameAsFile(vkFile(filepath.Join(dir, "keys"), st.Size), vk.(*groth16bn254.VerifyingKey)); err != nil {
		return rep, fmt.Errorf("verifying key does not come from sealing phase 2 with its beacon: %w", err)
	}
	if err := sameAsFile(pkFile(filepath.Join(dir, "keys"), st.Size), rawWriter{pk.(*groth16bn254.ProvingKey)}); err != nil {
		return rep, fmt.Errorf("proving key does not come from sealing phase 2 with its beacon: %w", err)
	}
	rep.KeysChecked = true
	return rep, nil
}

// phase2State is phase 2 as rebuilt from the verified transcript.
type phase2State struct {
	srs   *mpcsetup.SrsCommons
	evals mpcsetup.Phase2Evaluations
	last  *mpcsetup.Phase2 // the last contribution (or the start)
	files []string
}

// verifiedPhase2 rebuilds what sealing phase 2 needs from what can be
// checked, never from files a contributor could have edited: the SRS is
// phase 1's verified chain sealed again with its beacon (and must equal
// srs.bin), the circuit's evaluations and the initial phase-2 state are
// recomputed from the SRS and the circuit (and phase2/0000.bin must equal
// the latter), and every phase-2 contribution is checked against the one
// before it. (Taking evals.bin or srs.bin as given let a contributor zero
// [K]₁ and obtain keys that accept A=[α]₁, B=[β]₂, C=O for any input.)
func verifiedPhase2(dir string, st *ceremonyState, rep *CeremonyReport) (*phase2State, error) {
	p1, err := verifyPhase1Chain(dir, st, rep)
	if err != nil {
		return nil, err
	}
	beacon1, err := hex.DecodeString(st.Beacon1)
	if err != nil || len(beacon1) == 0 {
		return nil, fmt.Errorf("ceremony state: phase-1 beacon %q is not hex", st.Beacon1)
	}
	srs := p1.Seal(beacon1)
	if err := sameAsFile(filepath.Join(dir, "srs.bin"), &srs); err != nil {
		return nil, fmt.Errorf("srs.bin is not phase 1 sealed with its beacon: %w", err)
	}
	rep.SRSChecked = true
	// The chain of phase-2 contributions first (cheap), then its start.
	files, err := contributionFiles(dir, "phase2")
	if err != nil {
		return nil, err
	}
	if err := verifyPhase2Chain(files, rep); err != nil {
		return nil, err
	}
	ccs, err := Compile(st.Size)
	if err != nil {
		return nil, err
	}
	var initial mpcsetup.Phase2
	evals := initial.Initialize(ccs, &srs)
	if err := sameAsFile(files[0], &initial); err != nil {
		return nil, fmt.Errorf("phase2/0000.bin is not phase 2 initialised from srs.bin and the circuit: %w", err)
	}
	last := new(mpcsetup.Phase2)
	if err := readPhase(files[len(files)-1], last); err != nil {
		return nil, err
	}
	return &phase2State{srs: &srs, evals: evals, last: last, files: files}, nil
}

// CeremonySeal closes the current phase with a public random beacon (chosen
// after the last contribution, e.g. a future block hash). Sealing phase 1
// writes srs.bin and phase2/0000.bin; sealing phase 2 writes keys/.
func CeremonySeal(dir string, beacon []byte) (*CeremonyReport, error) {
	if len(beacon) == 0 {
		return nil, errBeacon
	}
	st, err := loadState(dir)
	if err != nil {
		return nil, err
	}
	rep := &CeremonyReport{Size: st.Size, Phase: st.Phase}
	switch st.Phase {
	case phaseOne:
		p1, err := verifyPhase1Chain(dir, st, rep)
		if err != nil {
			return rep, err
		}
		if len(rep.Contributions) == 0 {
			return rep, errNoContribution
		}
		srs := p1.Seal(beacon)
		if err := writeFile(filepath.Join(dir, "srs.bin"), srs.WriteTo); err != nil {
			return rep, fmt.Errorf("write srs: %w", err)
		}
		ccs, err := Compile(st.Size)
		if err != nil {
			return rep, err
		}
		var p2 mpcsetup.Phase2
		p2.Initialize(ccs, &srs)
		if err := writeFile(filepath.Join(dir, "phase2", "0000.bin"), p2.WriteTo); err != nil {
			return rep, fmt.Errorf("write phase 2 start: %w", err)
		}
		st.Phase, st.Beacon1 = phaseTwo, hex.EncodeToString(beacon)
	case phaseTwo:
		// Everything sealed is rebuilt from the verified transcript: the
		// folder is passed between contributors, any of whom could edit
		// srs.bin, evals.bin or phase2/0000.bin.
		p2, err := verifiedPhase2(dir, st, rep)
		if err != nil {
			return rep, fmt.Errorf("ceremony does not verify, not sealing: %w", err)
		}
		if len(p2.files) < 2 {
			return rep, errNoContribution
		}
		ccs, err := Compile(st.Size)
		if err != nil {
			return rep, err
		}
		pk, vk := p2.last.Seal(p2.srs, &p2.evals, beacon)
		keys := &Keys{Size: st.Size, CS: ccs, PK: pk.(*groth16bn254.ProvingKey), VK: vk.(*groth16bn254.VerifyingKey)}
		if err := keys.Save(filepath.Join(dir, "keys")); err != nil {
			return rep, err
		}
		st.Phase, st.Beacon2 = phaseDone, hex.EncodeToString(beacon)
	default:
		return rep, errCeremonyDone
	}
	rep.Phase = st.Phase
	return rep, saveState(dir, st)
}

func verifyPhase1Chain(dir string, st *ceremonyState, rep *CeremonyReport) (*mpcsetup.Phase1, error) {
	files, err := contributionFiles(dir, "phase1")
	if err != nil {
		return nil, err
	}
	prev := mpcsetup.NewPhase1(st.Domain)
	for i, f := range files {
		next := new(mpcsetup.Phase1)
		if err := readPhase(f, next); err != nil {
			return nil, fmt.Errorf("phase 1 contribution %d: %w", i+1, err)
		}
		if err := prev.Verify(next); err != nil {
			return nil, fmt.Errorf("phase 1 contribution %d does not verify: %w", i+1, err)
		}
		c, err := fileContribution(f, phaseOne, i+1)
		if err != nil {
			return nil, err
		}
		rep.Contributions = append(rep.Contributions, c)
		prev = next
	}
	return prev, nil
}

// verifyPhase2Chain checks each phase-2 contribution against the previous
// file, starting from phase2/0000.bin (itself checked by the caller).
func verifyPhase2Chain(files []string, rep *CeremonyReport) error {
	if len(files) == 0 {
		return errors.New("phase2/0000.bin is missing")
	}
	prev := new(mpcsetup.Phase2)
	if err := readPhase(files[0], prev); err != nil {
		return fmt.Errorf("phase 2 start: %w", err)
	}
	for i, f := range files[1:] {
		next := new(mpcsetup.Phase2)
		if err := readPhase(f, next); err != nil {
			return fmt.Errorf("phase 2 contribution %d: %w", i+1, err)
		}
		if err := prev.Verify(next); err != nil {
			return fmt.Errorf("phase 2 contribution %d does not verify: %w", i+1, err)
		}
		c, err := fileContribution(f, phaseTwo, i+1)
		if err != nil {
			return err
		}
		rep.Contributions = append(rep.Contributions, c)
		prev = next
	}
	return nil
}

type readerFrom interface {
	ReadFrom(io.Reader) (int64, error)
}

type writerTo interface {
	WriteTo(io.Writer) (int64, error)
}

func readPhase(path string, v readerFrom) error {
	if err := readFile(path, v.ReadFrom); err != nil {
		return fmt.Errorf("read %s: %w", filepath.Base(path), err)
	}
	return nil
}

// sameAsFile reports whether v serialises to the content of path.
func sameAsFile(path string, v writerTo) error {
	want, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var got bytes.Buffer
	if _, err := v.WriteTo(&got); err != nil {
		return err
	}
	if !bytes.Equal(got.Bytes(), want) {
		return errors.New("content differs")
	}
	return nil
}

func writeContribution(dir, phase string, n, index int, v writerTo) (Contribution, error) {
	path := filepath.Join(dir, phase, fmt.Sprintf("%04d.bin", index))
	if _, err := os.Stat(path); err == nil {
		return Contribution{}, fmt.Errorf("%s exists: another contribution was added meanwhile", path)
	}
	if err := writeFile(path, v.WriteTo); err != nil {
		return Contribution{}, fmt.Errorf("write contribution: %w", err)
	}
	return fileContribution(path, n, index)
}

func fileContribution(path string, phase, index int) (Contribution, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Contribution{}, err
	}
	sum := sha256.Sum256(b)
	return Contribution{Phase: phase, Index: index, Hash: hex.EncodeToString(sum[:])}, nil
}

// contributionFiles lists NNNN.bin in a phase directory, in order.
func contributionFiles(dir, phase string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, phase, "[0-9][0-9][0-9][0-9].bin"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	start := 1
	if phase == "phase2" {
		start = 0
	}
	for i, f := range files {
		if want := fmt.Sprintf("%04d.bin", i+start); filepath.Base(f) != want {
			return nil, fmt.Errorf("%s: expected %s next, found %s", phase, want, filepath.Base(f))
		}
	}
	return files, nil
}

func loadState(dir string) (*ceremonyState, error) {
	b, err := os.ReadFile(filepath.Join(dir, "ceremony.json"))
	if err != nil {
		return nil, fmt.Errorf("not a ceremony directory (run ceremony init): %w", err)
	}
	var st ceremonyState
	if err := json.Unmarshal(b, &st); err != nil {
		return nil, fmt.Errorf("ceremony.json: %w", err)
	}
	if err := checkSize(st.Size); err != nil {
		return nil, fmt.Errorf("ceremony.json: %w", err)
	}
	return &st, nil
}

func saveState(dir string, st *ceremonyState) error {
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "ceremony.json"), append(b, '\n'), 0o644)
}

// rawWriter writes a proving key as Keys.Save does.
type rawWriter struct{ pk *groth16bn254.ProvingKey }

func (r rawWriter) WriteTo(w io.Writer) (int64, error) { return r.pk.WriteRawTo(w) }
