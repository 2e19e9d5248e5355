package main

import (
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"

	gnarklogger "github.com/consensys/gnark/logger"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/zk"
	"github.com/sovereign-gov/sovereign/zk/zkbench"
)

// zkCommand groups the zero-knowledge classification proof tools.
func zkCommand() *cli.Command {
	return &cli.Command{
		Name:  "zk",
		Usage: "zero-knowledge classification proofs: keys, ceremony, prove, verify, Solidity verifier, verifier versions",
		Description: `A Groth16 (BN254) proof that a released view is a table classified and
redacted by the published policy, matching the department's commitment.
Encoding and public inputs: see the zk package documentation.`,
		// gnark logs every compile and proof to stdout; the commands print their own results.
		Before: func(*cli.Context) error { gnarklogger.Disable(); return nil },
		Subcommands: []*cli.Command{
			zkSetupCommand(),
			zkCeremonyCommand(),
			zkProveCommand(),
			zkVerifyCommand(),
			zkExportCommand(),
			zkGenerateCommand(),
			zkAdoptCommand(),
			zkVerifiersCommand(),
		},
	}
}

var sizeFlag = &cli.IntFlag{Name: "size", Usage: "circuit size: 16 or 64 columns", Value: record.SizeSmall}

const insecureBanner = `
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
!!  INSECURE DEV SETUP: every secret of these keys comes from the seed.      !!
!!  Anyone who knows the seed can forge proofs. Local chains and tests only; !!
!!  real keys come from "sovereign zk ceremony".                             !!
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
`

func zkSetupCommand() *cli.Command {
	return &cli.Command{
		Name:  "setup",
		Usage: "make INSECURE deterministic dev keys (--dev); real keys come from the ceremony",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "dev", Usage: "acknowledge that the keys are insecure (required)"},
			&cli.StringFlag{Name: "seed", Usage: "public seed the keys are derived from", Value: zk.DevSeed},
			&cli.IntSliceFlag{Name: "size", Usage: "circuit sizes (16, 64)", Value: cli.NewIntSlice(record.SizeSmall, record.SizeLarge)},
			&cli.StringFlag{Name: "out", Usage: "keys directory", Value: "zk-keys"},
		},
		Action: func(c *cli.Context) error {
			if !c.Bool("dev") {
				return errors.New("only --dev keys are made here, and they are insecure; for real keys run \"sovereign zk ceremony\"")
			}
			fmt.Fprint(c.App.ErrWriter, insecureBanner)
			for _, size := range c.IntSlice("size") {
				keys, err := zk.DevSetup(size, []byte(c.String("seed")))
				if err != nil {
					return err
				}
				if err := keys.Save(c.String("out")); err != nil {
					return err
				}
				fmt.Fprintf(c.App.Writer, "wrote INSECURE dev keys for %d columns (%d constraints) to %s\n", size, keys.CS.GetNbConstraints(), c.String("out"))
			}
			fmt.Fprint(c.App.ErrWriter, insecureBanner)
			return nil
		},
	}
}

func zkCeremonyCommand() *cli.Command {
	dirFlag := &cli.StringFlag{Name: "dir", Usage: "ceremony directory (passed from contributor to contributor)", Required: true}
	printContributions := func(c *cli.Context, rep *zk.CeremonyReport) {
		for _, k := range rep.Contributions {
			fmt.Fprintf(c.App.Writer, "phase %d contribution %d ok  sha256 %s\n", k.Phase, k.Index, k.Hash)
		}
	}
	return &cli.Command{
		Name:  "ceremony",
		Usage: "multi-party trusted setup (gnark mpcsetup), file based",
		Description: `init, then each contributor runs contribute on the directory and passes it
on; seal closes phase 1 with a public beacon (e.g. a future block hash), then
phase-2 contributions follow and seal closes phase 2 and writes dir/keys/.
Anyone can run verify on the directory at any time.`,
		Subcommands: []*cli.Command{
			{
				Name:  "init",
				Usage: "start a ceremony for one circuit size",
				Flags: []cli.Flag{dirFlag, sizeFlag},
				Action: func(c *cli.Context) error {
					if err := zk.CeremonyInit(c.String("dir"), c.Int("size")); err != nil {
						return err
					}
					fmt.Fprintf(c.App.Writer, "ceremony for %d columns started in %s: phase 1 awaits contributions\n", c.Int("size"), c.String("dir"))
					return nil
				},
			},
			{
				Name:  "contribute",
				Usage: "add a contribution with fresh randomness (forgotten on exit)",
				Flags: []cli.Flag{dirFlag},
				Action: func(c *cli.Context) error {
					k, err := zk.CeremonyContribute(c.String("dir"))
					if err != nil {
						return err
					}
					fmt.Fprintf(c.App.Writer, "phase %d contribution %d written; keep its sha256 to find it in the transcript:\n%s\n", k.Phase, k.Index, k.Hash)
					return nil
				},
			},
			{
				Name:  "verify",
				Usage: "verify every contribution, the sealed SRS and the keys",
				Flags: []cli.Flag{dirFlag},
				Action: func(c *cli.Context) error {
					rep, err := zk.CeremonyVerify(c.String("dir"))
					if rep != nil {
						printContributions(c, rep)
					}
					if err != nil {
						return fmt.Errorf("ceremony does not verify: %w", err)
					}
					fmt.Fprintf(c.App.Writer, "ceremony verified: %d contributions, srs checked: %v, keys checked: %v\n", len(rep.Contributions), rep.SRSChecked, rep.KeysChecked)
					return nil
				},
			},
			{
				Name:  "seal",
				Usage: "close the current phase with a public random beacon",
				Flags: []cli.Flag{dirFlag, &cli.StringFlag{Name: "beacon", Usage: "public randomness chosen after the last contribution (hex or text)", Required: true}},
				Action: func(c *cli.Context) error {
					beacon := []byte(c.String("beacon"))
					if b, err := hex.DecodeString(strings.TrimPrefix(c.String("beacon"), "0x")); err == nil && len(b) > 0 {
						beacon = b
					}
					rep, err := zk.CeremonySeal(c.String("dir"), beacon)
					if rep != nil {
						printContributions(c, rep)
					}
					if err != nil {
						return err
					}
					if rep.Phase == 2 {
						fmt.Fprintln(c.App.Writer, "phase 1 sealed: phase 2 awaits contributions")
					} else {
						fmt.Fprintf(c.App.Writer, "phase 2 sealed: keys written to %s\n", filepath.Join(c.String("dir"), "keys"))
					}
					return nil
				},
			},
		},
	}
}

func zkProveCommand() *cli.Command {
	return &cli.Command{
		Name:  "prove",
		Usage: "prove the classification and redaction of a CSV/JSON table, bound to its record",
		Description: `The proof is bound to one record: version --version of dataset --dataset
of department --department, whose content is the table's released view (the
CSV the department uploads; --view-out writes it). Its binding,
uint256(keccak256(abi.encode(datasetId, version, sha256(view)))) >> 8, is the
proof's sixth public input, which the ReviewBoard recomputes from the
submission: the proof verifies for that record only.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "department", Usage: "the record's department (lower-case name, e.g. health)", Required: true},
			&cli.StringFlag{Name: "dataset", Usage: "the record's dataset name within the department", Required: true},
			&cli.Uint64Flag{Name: "version", Usage: "the record's version (non-zero)", Required: true},
			&cli.StringFlag{Name: "view-out", Usage: "write the released view (the content the proof is bound to) to this file"},
			&cli.StringFlag{Name: "keys", Usage: "keys directory", Value: "zk-keys"},
			&cli.StringFlag{Name: "table", Usage: "table file (.csv with a header row, or .json array of objects)", Required: true},
			&cli.StringFlag{Name: "columns", Usage: "column → category file (JSON object)", Required: true},
			&cli.StringFlag{Name: "policy", Usage: "policy file (JSON)", Required: true},
			&cli.IntFlag{Name: "threshold", Usage: "release columns up to this level: 0 open, 1 conditional, 2 sensitive", Value: 0},
			&cli.StringFlag{Name: "salt", Usage: "the record's salt file (must exist unless --new-salt)", Required: true},
			&cli.BoolFlag{Name: "new-salt", Usage: "draw a fresh salt into --salt (0600) for a new record; never overwrites"},
			&cli.StringFlag{Name: "out", Usage: "proof file to write", Value: "proof.json"},
		},
		Action: func(c *cli.Context) error {
			th := c.Int("threshold")
			if th < 0 || th > 2 {
				return fmt.Errorf("--threshold %d: must be 0 (open), 1 (conditional) or 2 (sensitive)", th)
			}
			dept := c.String("department")
			if dept != strings.ToLower(dept) || strings.TrimSpace(dept) == "" {
				return fmt.Errorf("--department %q: a department name is non-empty and lower-case", dept)
			}
			if c.String("dataset") == "" {
				return errors.New("--dataset: empty dataset name")
			}
			if c.Uint64("version") == 0 {
				return errors.New("--version: versions start at 1")
			}
			p, err := zk.ProveFiles(zk.ProveRequest{
				Department: dept, Dataset: c.String("dataset"), Version: c.Uint64("version"), ViewOut: c.String("view-out"),
				KeysDir: c.String("keys"), Table: c.String("table"), Columns: c.String("columns"),
				Policy: c.String("policy"), SaltFile: c.String("salt"), NewSalt: c.Bool("new-salt"), Threshold: record.Level(th),
			})
			if err != nil {
				return err
			}
			if err := p.Save(c.String("out")); err != nil {
				return err
			}
			released := 0
			for _, r := range p.Released {
				if !r.IsZero() {
					released++
				}
			}
			fmt.Fprintf(c.App.Writer, "wrote %s: %d columns, level %d, %d released at threshold %d, bound to %s/%s version %d (binding %s)\n",
				c.String("out"), len(p.Columns), p.Public.Level, released, p.Public.Threshold, dept, c.String("dataset"), c.Uint64("version"), record.HexElement(&p.Public.Binding))
			return nil
		},
	}
}

func zkVerifyCommand() *cli.Command {
	return &cli.Command{
		Name:  "verify",
		Usage: "verify a proof file (and, with --table, the released table against it; with --department, --dataset, --version and --view, the record it is bound to)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "keys", Usage: "keys directory", Value: "zk-keys"},
			&cli.StringFlag{Name: "proof", Usage: "proof file", Required: true},
			&cli.StringFlag{Name: "table", Usage: "released table to check against the proof's released view"},
			&cli.StringFlag{Name: "department", Usage: "the record's department: check the proof is bound to it (with --dataset, --version, --view)"},
			&cli.StringFlag{Name: "dataset", Usage: "the record's dataset name"},
			&cli.Uint64Flag{Name: "version", Usage: "the record's version"},
			&cli.StringFlag{Name: "view", Usage: "the record's released view file (its sha256 is the content hash)"},
		},
		Action: func(c *cli.Context) error {
			set := btoi(c.IsSet("department")) + btoi(c.IsSet("dataset")) + btoi(c.IsSet("version")) + btoi(c.IsSet("view"))
			if set != 0 && set != 4 {
				return errors.New("--department, --dataset, --version and --view name the record together: give all four or none")
			}
			p, err := zk.LoadProof(c.String("proof"))
			if err != nil {
				return err
			}
			bound := ""
			if set == 4 {
				view, err := os.ReadFile(c.String("view"))
				if err != nil {
					return fmt.Errorf("--view: %w", err)
				}
				id := record.DatasetID(c.String("department"), c.String("dataset"))
				if err := p.CheckBinding(id, c.Uint64("version"), record.ContentHash(view)); err != nil {
					return fmt.Errorf("proof %s: %w", c.String("proof"), err)
				}
				bound = fmt.Sprintf(", bound to %s/%s version %d", c.String("department"), c.String("dataset"), c.Uint64("version"))
			}
			vk, err := zk.LoadVerifyingKey(c.String("keys"), p.Size)
			if err != nil {
				return err
			}
			if err := zk.Verify(vk, p); err != nil {
				return fmt.Errorf("proof %s: %w", c.String("proof"), err)
			}
			if path := c.String("table"); path != "" {
				t, err := record.LoadTable(path)
				if err != nil {
					return err
				}
				if err := record.CheckReleasedTable(p.Columns, p.Released, t); err != nil {
					return fmt.Errorf("released table %s: %w", path, err)
				}
			}
			fmt.Fprintf(c.App.Writer, "proof ok: level %d, threshold %d, policy 0x%s%s\n", p.Public.Level, p.Public.Threshold, p.Public.Policy.Text(16), bound)
			return nil
		},
	}
}

func zkExportCommand() *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write the Solidity verifier of a keys directory",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "keys", Usage: "keys directory", Value: "zk-keys"},
			sizeFlag,
			&cli.StringFlag{Name: "out", Usage: "Solidity file to write", Required: true},
			&cli.StringFlag{Name: "interface-import", Usage: "import path of IClassificationVerifier, relative to --out: the contract then declares it implements it"},
		},
		Action: func(c *cli.Context) error {
			keys, err := zk.LoadKeys(c.String("keys"), c.Int("size"))
			if err != nil {
				return err
			}
			f, err := os.Create(c.String("out"))
			if err != nil {
				return err
			}
			opts := zk.ExportOptions{Provenance: "from " + c.String("keys"), InterfaceImport: c.String("interface-import")}
			if err := zk.ExportSolidity(f, keys, opts); err != nil {
				f.Close()
				return err
			}
			return f.Close()
		},
	}
}

func zkGenerateCommand() *cli.Command {
	return &cli.Command{
		Name:  "generate",
		Usage: "regenerate the checked-in dev verifiers and proof fixtures (deterministic)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "root", Usage: "repository root", Value: "."},
			&cli.IntSliceFlag{Name: "size", Usage: "circuit sizes", Value: cli.NewIntSlice(record.SizeSmall, record.SizeLarge)},
		},
		Action: func(c *cli.Context) error {
			for _, size := range c.IntSlice("size") {
				a, err := zk.GenerateArtifacts(size)
				if err != nil {
					return err
				}
				if size == record.SizeSmall {
					next, err := zk.GenerateNextVerifier()
					if err != nil {
						return err
					}
					maps.Copy(a, next)
				}
				if err := a.Write(c.String("root")); err != nil {
					return err
				}
				for path := range a {
					fmt.Fprintln(c.App.Writer, "wrote", path)
				}
			}
			return nil
		},
	}
}

func benchZKCommand() *cli.Command {
	return &cli.Command{
		Name:  "zk",
		Usage: "classification proofs: constraints, setup/prove/verify time, proof size and on-chain gas, vs native Poseidon2",
		Flags: []cli.Flag{
			&cli.IntSliceFlag{Name: "size", Usage: "circuit sizes", Value: cli.NewIntSlice(record.SizeSmall, record.SizeLarge)},
			&cli.IntFlag{Name: "runs", Usage: "proofs per size (median reported)", Value: 5},
			&cli.StringFlag{Name: "root", Usage: "repository root (for the forge-built verifier used to measure gas)", Value: "."},
		},
		Action: func(c *cli.Context) error {
			gnarklogger.Disable()
			return zkbench.Run(c.Context, c.App.Writer, zkbench.Options{
				Sizes: c.IntSlice("size"), Runs: c.Int("runs"), Root: c.String("root"),
			})
		},
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
