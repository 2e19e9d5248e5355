// Package zkbench measures the classification proofs: constraints, setup,
// prove and verify time, proof size and on-chain verification gas, next to
// native Go Poseidon2 hashing of the same columns measured in the same run.
package zkbench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/vm/runtime"
	"github.com/holiman/uint256"

	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/zk"
)

// Options select what to measure.
type Options struct {
	Sizes []int
	Runs  int    // proofs and verifications per size; the median is reported
	Root  string // repository root: forge builds the checked-in verifier there
}

// Result is one size's figures.
type Result struct {
	Size        int
	Constraints int
	Setup       time.Duration // groth16.Setup (the dev setup: seeded randomness)
	Prove       time.Duration // median
	ProveCPU    time.Duration // median CPU time of the process during a proof (less sensitive to other load)
	Verify      time.Duration // median
	ProofBytes  int
	Native      time.Duration // median: Go Poseidon2 of the same column hashes (commitment + released root)
	NativeTable time.Duration // median: Go column hashing of the table plus the above
	ExecGas     uint64        // verifyProof execution gas in geth's EVM
	TxGas       uint64        // ExecGas plus the transaction's intrinsic gas
	GasErr      error
}

// Run measures every size and prints a table to w.
func Run(ctx context.Context, w io.Writer, o Options) error {
	if o.Runs < 1 {
		o.Runs = 1
	}
	fmt.Fprintf(w, "bench zk: Groth16 BN254, %d runs per size (median), reference: native Go Poseidon2 over the same columns\n", o.Runs)
	fmt.Fprintf(w, "%5s %11s %9s %9s %10s %9s %7s %11s %8s %11s %9s %9s\n",
		"cols", "constraints", "setup", "prove", "prove-cpu", "verify", "proof", "native", "prove/x", "native+tbl", "gas(exec)", "gas(tx)")
	for _, size := range o.Sizes {
		if err := ctx.Err(); err != nil {
			return err
		}
		r, err := Measure(ctx, size, o)
		if err != nil {
			return err
		}
		gasExec, gasTx := fmt.Sprint(r.ExecGas), fmt.Sprint(r.TxGas)
		if r.GasErr != nil {
			gasExec, gasTx = "n/a", "n/a"
		}
		fmt.Fprintf(w, "%5d %11d %9s %9s %10s %9s %6dB %11s %7.0fx %11s %9s %9s\n",
			r.Size, r.Constraints, round(r.Setup), round(r.Prove), round(r.ProveCPU), round(r.Verify), r.ProofBytes,
			round(r.Native), float64(r.Prove)/float64(r.Native), round(r.NativeTable), gasExec, gasTx)
		if r.GasErr != nil {
			fmt.Fprintf(w, "      gas not measured: %v\n", r.GasErr)
		}
	}
	return nil
}

func round(d time.Duration) string {
	switch {
	case d >= time.Second:
		return d.Round(10 * time.Millisecond).String()
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond).String()
	}
	return d.Round(100 * time.Nanosecond).String()
}

// Measure takes one size's figures with the dev keys of zk.DevSeed, so the
// checked-in verifier contract matches the proofs whose gas it measures.
func Measure(ctx context.Context, size int, o Options) (*Result, error) {
	start := time.Now()
	keys, err := zk.DevSetup(size, []byte(zk.DevSeed))
	if err != nil {
		return nil, err
	}
	r := &Result{Size: size, Constraints: keys.CS.GetNbConstraints(), Setup: time.Since(start)}

	tab, cats := zk.FixtureTable(size)
	rec, err := record.NewRecord(tab, cats)
	if err != nil {
		return nil, err
	}
	salt, err := record.NewSalt()
	if err != nil {
		return nil, err
	}
	// The record the proofs are bound to (it does not depend on the salt).
	st0, err := record.NewStatement(rec, zk.FixturePolicy(), record.LevelOpen, salt)
	if err != nil {
		return nil, err
	}
	binding, _, err := record.ViewBinding(zk.FixtureDepartment, zk.FixtureDataset, zk.FixtureVersion, tab, st0)
	if err != nil {
		return nil, err
	}
	var proof *zk.Proof
	var proves, proveCPUs, verifies, natives, tables []time.Duration
	for range o.Runs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t0 := time.Now()
		st, err := record.NewStatement(rec, zk.FixturePolicy(), record.LevelOpen, salt)
		if err != nil {
			return nil, err
		}
		natives = append(natives, time.Since(t0))
		st.Bind(binding)

		t0 = time.Now()
		rec2, err := record.NewRecord(tab, cats)
		if err != nil {
			return nil, err
		}
		if _, err := record.NewStatement(rec2, zk.FixturePolicy(), record.LevelOpen, salt); err != nil {
			return nil, err
		}
		tables = append(tables, time.Since(t0))

		t0, c0 := time.Now(), cpuTime()
		proof, err = zk.Prove(keys, st, rec.Names)
		if err != nil {
			return nil, err
		}
		proves = append(proves, time.Since(t0))
		proveCPUs = append(proveCPUs, cpuTime()-c0)

		t0 = time.Now()
		if err := zk.Verify(keys.VK, proof); err != nil {
			return nil, err
		}
		verifies = append(verifies, time.Since(t0))
	}
	r.Prove, r.ProveCPU, r.Verify = median(proves), median(proveCPUs), median(verifies)
	r.Native, r.NativeTable = median(natives), median(tables)
	r.ProofBytes = len(proof.Bytes)
	r.ExecGas, r.TxGas, r.GasErr = VerifyGas(o.Root, proof)
	return r, nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// VerifyGas deploys the checked-in verifier of the proof's size (built by
// forge from contracts/src/generated) in geth's EVM and calls verifyProof.
func VerifyGas(root string, p *zk.Proof) (exec, tx uint64, err error) {
	code, err := verifierBytecode(root, p.Size)
	if err != nil {
		return 0, 0, err
	}
	cfg := &runtime.Config{GasLimit: 30_000_000}
	_, addr, _, err := runtime.Create(code, cfg)
	if err != nil {
		return 0, 0, fmt.Errorf("deploy verifier: %w", err)
	}
	input, err := verifyProofCalldata(p)
	if err != nil {
		return 0, 0, err
	}
	cfg.GasLimit = 10_000_000
	_, left, err := runtime.Call(addr, input, cfg)
	if err != nil {
		return 0, 0, fmt.Errorf("verifyProof reverted on a valid proof: %w", err)
	}
	exec = cfg.GasLimit - left
	rules := cfg.ChainConfig.Rules(cfg.BlockNumber, true, cfg.Time)
	intrinsic, err := core.IntrinsicGas(input, nil, nil, cfg.Origin, &addr, new(uint256.Int), rules)
	if err != nil {
		return 0, 0, err
	}
	return exec, exec + intrinsic, nil
}

// verifyProofCalldata ABI-encodes verifyProof(bytes, uint256[6]).
func verifyProofCalldata(p *zk.Proof) ([]byte, error) {
	bytesT, _ := abi.NewType("bytes", "", nil)
	arrT, _ := abi.NewType("uint256[6]", "", nil)
	args := abi.Arguments{{Type: bytesT}, {Type: arrT}}
	in := p.Public.Inputs()
	packed, err := args.Pack(p.Bytes, in)
	if err != nil {
		return nil, fmt.Errorf("encode verifyProof call: %w", err)
	}
	sel := common.FromHex("0x" + fmt.Sprintf("%x", abi.NewMethod("verifyProof", "verifyProof", abi.Function, "view", false, false, args, nil).ID))
	return append(sel, packed...), nil
}

// verifierBytecode reads the creation code of the generated verifier from
// forge's artifacts, running forge build if they are missing.
func verifierBytecode(root string, size int) ([]byte, error) {
	name := zk.VerifierContractName(size)
	art := filepath.Join(root, "build", "forge-out", name+".sol", name+".json")
	if _, err := os.Stat(art); err != nil {
		cmd := exec.Command(filepath.Join(root, "scripts", "foundry.sh"), "forge", "build", "--quiet")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("forge build: %w: %s", err, out)
		}
	}
	b, err := os.ReadFile(art)
	if err != nil {
		return nil, fmt.Errorf("verifier artifact: %w", err)
	}
	var a struct {
		Bytecode struct {
			Object string `json:"object"`
		} `json:"bytecode"`
	}
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, fmt.Errorf("verifier artifact %s: %w", art, err)
	}
	code := common.FromHex(a.Bytecode.Object)
	if len(code) == 0 {
		return nil, fmt.Errorf("verifier artifact %s has no bytecode", art)
	}
	return code, nil
}

// cpuTime is the CPU time (user + system) the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
