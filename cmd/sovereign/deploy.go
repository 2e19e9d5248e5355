package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	gnarklogger "github.com/consensys/gnark/logger"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/contracts/predeploy"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/sidechains/consortium"
	"github.com/sovereign-gov/sovereign/zk"
)

// deployCommand deploys the contracts of one chain over JSON-RPC and prints
// their addresses as JSON.
func deployCommand() *cli.Command {
	shared := []cli.Flag{
		&cli.StringFlag{Name: "rpc", Usage: "JSON-RPC URL of the chain to deploy to", Required: true},
		&cli.StringFlag{Name: "keystore", Usage: "keystore file of the deploying key", Required: true},
		&cli.StringFlag{Name: "password", Usage: "file holding the keystore password", Required: true},
		&cli.DurationFlag{Name: "timeout", Usage: "give up after this long", Value: 2 * time.Minute},
		verbosityFlag,
	}
	return &cli.Command{
		Name:  "deploy",
		Usage: "deploy the contracts of a chain (consortium first, then public and private)",
		Subcommands: []*cli.Command{
			deployVerifierCommand(shared),
			{
				Name:  "consortium",
				Usage: "deploy ReviewBoard next to the genesis ValidatorSet",
				Flags: append([]cli.Flag{
					&cli.StringFlag{Name: "validator-set", Usage: "ValidatorSet address", Value: predeploy.ValidatorSetAddress.Hex()},
					&cli.StringFlag{Name: "verifier", Usage: "address of the deployed classification verifier", Required: true},
					&cli.StringFlag{Name: "keys", Usage: "the ceremony's keys directory: the verifier must accept a proof made with them (and refuse it tampered)"},
					&cli.IntFlag{Name: "size", Usage: "circuit size of the verifier: 16 or 64 columns", Value: record.SizeSmall},
					&cli.BoolFlag{Name: "insecure-dev-verifier", Usage: "use the INSECURE dev verifier (anyone can forge its proofs): only on the local devnet's consortium chain id"},
					&cli.StringFlag{Name: "policy", Usage: "the published policy file (JSON, as the prover reads it); packed and printed before it is pinned", Required: true},
					&cli.StringFlag{Name: "security-officer", Usage: "security officer address (records shred receipts)", Required: true},
				}, shared...),
				Action: func(c *cli.Context) error {
					vs, err := parseAddress(c.String("validator-set"))
					if err != nil {
						return fmt.Errorf("--validator-set: %w", err)
					}
					officer, err := parseAddress(c.String("security-officer"))
					if err != nil {
						return fmt.Errorf("--security-officer: %w", err)
					}
					ver, err := parseAddress(c.String("verifier"))
					if err != nil {
						return fmt.Errorf("--verifier: %w", err)
					}
					// The same file and the same packing as the prover: a policy
					// packed by hand (e.g. unused categories as 0 instead of 3, "not
					// in policy") would pin a value no proof can match.
					pf, err := record.LoadPolicyFile(c.String("policy"))
					if err != nil {
						return fmt.Errorf("--policy: %w", err)
					}
					pol, _, err := pf.Policy()
					if err != nil {
						return fmt.Errorf("--policy %s: %w", c.String("policy"), err)
					}
					policy := pol.Element()
					fmt.Fprintf(c.App.ErrWriter, "pinning policy %s:\n%s", c.String("policy"), pf.Describe())
					keys, err := verifierKeys(c)
					if err != nil {
						return err
					}
					return withDeployer(c, func(ctx context.Context, d *deploy.Deployer) (any, error) {
						if c.Bool("insecure-dev-verifier") && d.ChainID().Uint64() != consortium.DefaultChainID {
							return nil, fmt.Errorf("--insecure-dev-verifier: refusing the INSECURE dev verifier on chain %s: it is allowed only on the local devnet's consortium (chain id %d)", d.ChainID(), consortium.DefaultChainID)
						}
						proof, err := zk.SampleProof(keys)
						if err != nil {
							return nil, err
						}
						if err := d.CheckVerifier(ctx, ver, proof.Bytes, proof.Public.Inputs()); err != nil {
							return nil, fmt.Errorf("--verifier %s: %w", ver, err)
						}
						fmt.Fprintf(c.App.ErrWriter, "verifier %s accepts a proof made with the %d-column keys and refuses it tampered\n", ver, keys.Size)
						return d.DeployConsortium(ctx, vs, ver, policy, officer)
					})
				},
			},
			{
				Name:  "public",
				Usage: "deploy DataRegistry and ReleaseBridge, starting at the consortium's latest certified block (its validator set and epoch) with its pinned policy",
				Flags: append([]cli.Flag{
					&cli.StringFlag{Name: "consortium.rpc", Usage: "JSON-RPC URL of the consortium chain (validators, chain id)", Required: true},
					&cli.StringFlag{Name: "review-board", Usage: "ReviewBoard address on the consortium", Required: true},
					&cli.StringFlag{Name: "validator-set", Usage: "ValidatorSet address on the consortium", Value: predeploy.ValidatorSetAddress.Hex()},
					&cli.StringFlag{Name: "supervisor", Usage: "supervisor address (freeze/unfreeze)", Required: true},
					&cli.StringFlag{Name: "security-officer", Usage: "security officer address", Required: true},
					&cli.StringFlag{Name: "verifier", Usage: "the classification verifier deployed on this chain with the code of the consortium's verifier version 1 (registered as version 1)", Required: true},
				}, shared...),
				Action: func(c *cli.Context) error {
					addrs := map[string]common.Address{}
					for _, f := range []string{"review-board", "validator-set", "supervisor", "security-officer", "verifier"} {
						a, err := parseAddress(c.String(f))
						if err != nil {
							return fmt.Errorf("--%s: %w", f, err)
						}
						addrs[f] = a
					}
					return withDeployer(c, func(ctx context.Context, d *deploy.Deployer) (any, error) {
						cc, err := ethclient.DialContext(ctx, c.String("consortium.rpc"))
						if err != nil {
							return nil, fmt.Errorf("connecting to the consortium at %s: %w", c.String("consortium.rpc"), err)
						}
						defer cc.Close()
						id, err := cc.ChainID(ctx)
						if err != nil {
							return nil, fmt.Errorf("consortium chain id: %w", err)
						}
						vals, err := deploy.Validators(ctx, cc, addrs["validator-set"])
						if err != nil {
							return nil, err
						}
						// the bridge starts at the latest certified block, checked
						// against its certificate and the set it names
						cp, err := deploy.ReadCheckpoint(ctx, cc, deploy.RPCCertificates{Client: cc.Client()}, addrs["validator-set"])
						if err != nil {
							return nil, err
						}
						policy, err := deploy.Policy(ctx, cc, addrs["review-board"])
						if err != nil {
							return nil, err
						}
						code, err := deploy.AdoptedVerifierCode(ctx, cc, addrs["review-board"], 1)
						if err != nil {
							return nil, err
						}
						return d.DeployPublic(ctx, deploy.PublicParams{
							Supervisor:      addrs["supervisor"],
							SecurityOfficer: addrs["security-officer"],
							Verifier:        addrs["verifier"],
							Consortium: &deploy.Consortium{ChainID: id, ValidatorSet: addrs["validator-set"],
								ReviewBoard: addrs["review-board"], Validators: vals, Policy: policy, Checkpoint: cp, VerifierCodeHash: code},
						})
					})
				},
			},
			{
				Name:  "private",
				Usage: "deploy SensitiveStore owned by the deploying key",
				Flags: append([]cli.Flag{
					&cli.StringSliceFlag{Name: "writer", Usage: "department address allowed to store records and act on its own (repeat or comma-separate)"},
					&cli.StringSliceFlag{Name: "officer", Usage: "security officer address allowed to rewrap and shred any record (repeat or comma-separate)"},
				}, shared...),
				Action: func(c *cli.Context) error {
					writers, err := addressList(c, "writer")
					if err != nil {
						return err
					}
					officers, err := addressList(c, "officer")
					if err != nil {
						return err
					}
					return withDeployer(c, func(ctx context.Context, d *deploy.Deployer) (any, error) {
						return d.DeployPrivate(ctx, writers, officers)
					})
				},
			},
		},
	}
}

// withDeployer connects, unlocks the key, runs fn and prints its result as JSON.
// verifierKeys are the keys deploy consortium checks the verifier with: the
// ceremony's (--keys), never the INSECURE dev keys unless
// --insecure-dev-verifier says so.
func verifierKeys(c *cli.Context) (*zk.Keys, error) {
	gnarklogger.Disable() // stdout carries the deployment's JSON
	size := c.Int("size")
	if c.Bool("insecure-dev-verifier") {
		if c.String("keys") != "" {
			return nil, errors.New("--keys and --insecure-dev-verifier: give one")
		}
		fmt.Fprint(c.App.ErrWriter, insecureBanner)
		return zk.DevSetup(size, []byte(zk.DevSeed))
	}
	if c.String("keys") == "" {
		return nil, errors.New("--keys: the ceremony's keys directory is required, to check the verifier (the dev verifier needs --insecure-dev-verifier, on the devnet only)")
	}
	keys, err := zk.LoadKeys(c.String("keys"), size)
	if err != nil {
		return nil, fmt.Errorf("--keys: %w", err)
	}
	if dev, err := zk.IsDevVerifyingKey(size, keys.VK); err != nil || dev {
		return nil, fmt.Errorf("--keys %s: these are the INSECURE dev keys (anyone can forge their proofs); real keys come from \"sovereign zk ceremony\"", c.String("keys"))
	}
	return keys, nil
}

func withDeployer(c *cli.Context, fn func(context.Context, *deploy.Deployer) (any, error)) error {
	setupLogging(c)
	ctx, cancel := signalContext()
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, c.Duration("timeout"))
	defer cancelT()
	key, err := node.LoadKey(c.String("keystore"), c.String("password"))
	if err != nil {
		return err
	}
	client, err := ethclient.DialContext(ctx, c.String("rpc"))
	if err != nil {
		return fmt.Errorf("connecting to %s: %w", c.String("rpc"), err)
	}
	defer client.Close()
	d, err := deploy.New(ctx, client, key)
	if err != nil {
		return err
	}
	out, err := fn(ctx, d)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(c.App.Writer)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
