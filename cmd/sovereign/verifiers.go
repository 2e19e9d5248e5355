package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/review"
	"github.com/sovereign-gov/sovereign/sidechains/consortium"
	"github.com/sovereign-gov/sovereign/zk"
)

// Replaceable verifiers (issue 15 item 7): a verifier made from a new
// ceremony's keys is deployed on both chains (deploy verifier), adopted on
// ReviewBoard by a quorum of validators who each check it against the keys
// (zk adopt), announced to the public registry by the relayer, and
// registered there by whoever deployed its twin (deploy verifier
// --register). Every release keeps the version its proof passed.

var (
	ceremonyKeysFlag = &cli.StringFlag{Name: "keys", Usage: "the ceremony's keys directory: the verifier must accept a proof made with them (and refuse it tampered)", Required: true}
	devKeysFlag      = &cli.BoolFlag{Name: "insecure-dev-keys", Usage: "accept the INSECURE dev keys (anyone can forge their proofs): only on the local devnet's chains"}
)

// ceremonyKeys loads --keys (of --size) for a chain: dev keys only with
// --insecure-dev-keys, and then only on the local devnet's chain ids.
func ceremonyKeys(c *cli.Context, chainID *big.Int) (*zk.Keys, error) {
	keys, err := zk.LoadKeys(c.String(ceremonyKeysFlag.Name), c.Int(sizeFlag.Name))
	if err != nil {
		return nil, fmt.Errorf("--keys: %w", err)
	}
	dev, err := zk.IsDevVerifyingKey(keys.Size, keys.VK)
	if err != nil {
		return nil, fmt.Errorf("--keys: %w", err)
	}
	switch {
	case dev && !c.Bool(devKeysFlag.Name):
		return nil, fmt.Errorf("--keys %s: these are INSECURE dev keys (anyone can forge their proofs); real keys come from \"sovereign zk ceremony\" (--insecure-dev-keys on the devnet only)", c.String(ceremonyKeysFlag.Name))
	case dev && !devnetChain(chainID):
		return nil, fmt.Errorf("--insecure-dev-keys: refusing the INSECURE dev keys on chain %s: only the local devnet's consortium (%d) and public chain (%d) take them",
			chainID, consortium.DefaultChainID, node.DefaultPublicChainID)
	}
	return keys, nil
}

func devnetChain(id *big.Int) bool {
	return id.IsUint64() && (id.Uint64() == consortium.DefaultChainID || id.Uint64() == node.DefaultPublicChainID)
}

// checkAgainstKeys checks the verifier at addr against a fresh proof made
// with keys: accepted, and refused once tampered.
func checkAgainstKeys(ctx context.Context, b bind.ContractCaller, addr common.Address, keys *zk.Keys) error {
	proof, err := zk.SampleProof(keys)
	if err != nil {
		return err
	}
	return deploy.CheckVerifier(ctx, b, addr, proof.Bytes, proof.Public.Inputs())
}

func zkAdoptCommand() *cli.Command {
	return &cli.Command{
		Name:      "adopt",
		Usage:     "vote, as a validator, to adopt a deployed verifier as ReviewBoard's next verifier version (checked against the ceremony's keys first)",
		ArgsUsage: "VERIFIER_ADDRESS",
		Description: `The verifier is checked on the consortium before the vote: it must accept a
proof made with --keys and refuse the same proof tampered. A quorum of
validators voting for the same address adopts it: from then on every
submission's proof goes through it, and proofs of older keys are refused.
Records submitted before keep the version their proof passed. The relayer
announces the adoption (the verifier's code hash) to the public registry.`,
		Flags: []cli.Flag{keystoreFlag, passwordFlag, reasonFlag, ceremonyKeysFlag, sizeFlag, devKeysFlag, manifestFlag, reviewRPCFlag, reviewBoardFlag},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return errors.New("want: zk adopt VERIFIER_ADDRESS")
			}
			addr, err := parseAddress(c.Args().First())
			if err != nil {
				return fmt.Errorf("VERIFIER_ADDRESS: %w", err)
			}
			reason := strings.TrimSpace(c.String(reasonFlag.Name))
			if reason == "" {
				return errors.New("--reason: a vote carries a public reason; it is blank")
			}
			key, err := node.LoadKey(c.String(keystoreFlag.Name), c.String(passwordFlag.Name))
			if err != nil {
				return err
			}
			return withBoard(c, func(ctx context.Context, b *review.Board) error {
				chainID, err := b.Client().ChainID(ctx)
				if err != nil {
					return fmt.Errorf("consortium chain id: %w", err)
				}
				keys, err := ceremonyKeys(c, chainID)
				if err != nil {
					return err
				}
				current, err := b.VerifierVersion(ctx)
				if err != nil {
					return err
				}
				if err := checkAgainstKeys(ctx, b.Client(), addr, keys); err != nil {
					return fmt.Errorf("%s: %w", addr.Hex(), err)
				}
				fmt.Fprintf(c.App.Writer, "verifier %s accepts a proof made with %s and refuses it tampered\n", addr.Hex(), c.String(ceremonyKeysFlag.Name))
				vote, err := b.VoteVerifier(ctx, key, current+1, addr, reason)
				if err != nil {
					return err
				}
				if vote.Adopted {
					fmt.Fprintf(c.App.Writer, "vote decided it: %s is verifier version %d from consortium block %d (tx %s); the relayer announces it to the public registry\n",
						addr.Hex(), current+1, vote.Block, vote.Tx.Hex())
				} else {
					fmt.Fprintf(c.App.Writer, "voted to adopt %s as verifier version %d in block %d (tx %s); it needs a quorum of validators\n",
						addr.Hex(), current+1, vote.Block, vote.Tx.Hex())
				}
				return nil
			})
		},
	}
}

// verifierVersion is one version on both chains, for `zk verifiers`.
type verifierVersion struct {
	Version    uint32         `json:"version"`
	Consortium common.Address `json:"consortium"`
	CodeHash   common.Hash    `json:"codeHash"`
	Current    bool           `json:"current"`
	// Announced is the code hash the public registry has for it (zero: not
	// yet relayed); Registered the public chain's contract (zero: none yet).
	Announced  common.Hash    `json:"announced"`
	Registered common.Address `json:"registered"`
}

func zkVerifiersCommand() *cli.Command {
	return &cli.Command{
		Name:  "verifiers",
		Usage: "every verifier version: the consortium's contract and code hash, and whether the public registry has it announced and registered",
		Flags: readerFlags,
		Action: func(c *cli.Context) error {
			return withReader(c, func(ctx context.Context, s *readerSetup) error {
				board, err := s.board(ctx)
				if err != nil {
					return err
				}
				current, err := board.VerifierVersion(ctx)
				if err != nil {
					return err
				}
				reg := dataregistry.NewDataRegistry()
				inst := reg.Instance(s.public, s.reader.Registry)
				var out []verifierVersion
				for v := uint32(1); v <= current; v++ {
					at, err := board.VerifierAt(ctx, v)
					if err != nil {
						return err
					}
					code, err := deploy.CodeHash(ctx, s.consortium, at, fmt.Sprintf("verifier version %d", v))
					if err != nil {
						return err
					}
					pub, err := bind.Call(inst, &bind.CallOpts{Context: ctx}, reg.PackVerifierOf(v), reg.UnpackVerifierOf)
					if err != nil {
						return fmt.Errorf("public registry verifierOf(%d): %w", v, err)
					}
					out = append(out, verifierVersion{Version: v, Consortium: at, CodeHash: code, Current: v == current,
						Announced: pub.CodeHash, Registered: pub.Verifier})
				}
				if c.Bool("json") {
					return printJSON(c.App.Writer, out)
				}
				for _, v := range out {
					mark := " "
					if v.Current {
						mark = "*"
					}
					pub := "public: not announced yet (the relayer carries it)"
					switch {
					case v.Announced != (common.Hash{}) && v.Announced != v.CodeHash:
						pub = fmt.Sprintf("public: MISMATCH, announced code %s", v.Announced.Hex())
					case v.Registered != (common.Address{}):
						pub = "public: registered at " + v.Registered.Hex()
					case v.Announced != (common.Hash{}):
						pub = "public: announced, no contract registered yet ('deploy verifier --register')"
					}
					fmt.Fprintf(c.App.Writer, "%s version %d: %s code %s; %s\n", mark, v.Version, v.Consortium.Hex(), v.CodeHash.Hex(), pub)
				}
				return nil
			})
		},
	}
}

func deployVerifierCommand(shared []cli.Flag) *cli.Command {
	return &cli.Command{
		Name:  "verifier",
		Usage: "deploy a classification verifier (compiled bytecode) and check it against the ceremony's keys; optionally register it on the public registry as a version",
		Description: `--bytecode is the verifier's creation code: a file of hex, or forge's JSON
artifact of it (out/<Name>.sol/<Name>.json, its bytecode.object), after
"sovereign zk export" and forge build. On the public chain, --register N
--registry ADDRESS registers it as verifier version N: the registry accepts
it only if its code is the code the consortium adopted for N.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "bytecode", Usage: "file of the verifier's creation code (hex, or forge's JSON artifact)", Required: true},
			ceremonyKeysFlag, sizeFlag, devKeysFlag,
			&cli.UintFlag{Name: "register", Usage: "register it on the public registry as this verifier version"},
			&cli.StringFlag{Name: "registry", Usage: "DataRegistry address on this chain (with --register)"},
		}, shared...),
		Action: func(c *cli.Context) error {
			code, err := readBytecode(c.String("bytecode"))
			if err != nil {
				return fmt.Errorf("--bytecode: %w", err)
			}
			var registry common.Address
			version := c.Uint("register")
			if c.IsSet("register") {
				if version == 0 || version > 1<<32-1 {
					return fmt.Errorf("--register %d: a verifier version is 1 to %d", version, uint32(1<<32-1))
				}
				if registry, err = parseAddress(c.String("registry")); err != nil {
					return fmt.Errorf("--registry: %w", err)
				}
			} else if c.IsSet("registry") {
				return errors.New("--registry goes with --register VERSION")
			}
			return withDeployer(c, func(ctx context.Context, d *deploy.Deployer) (any, error) {
				keys, err := ceremonyKeys(c, d.ChainID())
				if err != nil {
					return nil, err
				}
				addr, err := d.DeployVerifier(ctx, code)
				if err != nil {
					return nil, err
				}
				proof, err := zk.SampleProof(keys)
				if err != nil {
					return nil, err
				}
				if err := d.CheckVerifier(ctx, addr, proof.Bytes, proof.Public.Inputs()); err != nil {
					return nil, fmt.Errorf("deployed at %s, but: %w", addr, err)
				}
				out := struct {
					Verifier common.Address `json:"verifier"`
					CodeHash common.Hash    `json:"codeHash"`
					Version  uint32         `json:"registeredAs,omitempty"`
				}{Verifier: addr}
				if out.CodeHash, err = d.CodeHash(ctx, addr); err != nil {
					return nil, err
				}
				if version != 0 {
					if err := d.RegisterVerifier(ctx, registry, uint32(version), addr); err != nil {
						return nil, fmt.Errorf("deployed at %s, not registered: %w", addr, err)
					}
					out.Version = uint32(version)
				}
				return out, nil
			})
		},
	}
}

// readBytecode reads creation code from a file of hex or a forge artifact.
func readBytecode(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s := strings.TrimSpace(string(b))
	if strings.HasPrefix(s, "{") {
		var art struct {
			Bytecode struct {
				Object string `json:"object"`
			} `json:"bytecode"`
		}
		if err := json.Unmarshal(b, &art); err != nil {
			return nil, fmt.Errorf("%s: not a forge artifact: %w", path, err)
		}
		s = art.Bytecode.Object
	}
	if !strings.HasPrefix(s, "0x") {
		s = "0x" + s
	}
	code, err := hexutil.Decode(s)
	if err != nil {
		return nil, fmt.Errorf("%s: not hex bytecode: %w", path, err)
	}
	if len(code) == 0 {
		return nil, fmt.Errorf("%s: empty bytecode", path)
	}
	return code, nil
}
