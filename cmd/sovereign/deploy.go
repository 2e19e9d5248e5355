package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/contracts/predeploy"
	"github.com/sovereign-gov/sovereign/node"
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
			{
				Name:  "consortium",
				Usage: "deploy ReviewBoard next to the genesis ValidatorSet",
				Flags: append([]cli.Flag{
					&cli.StringFlag{Name: "validator-set", Usage: "ValidatorSet address", Value: predeploy.ValidatorSetAddress.Hex()},
					&cli.StringFlag{Name: "verifier", Usage: "address of the deployed classification verifier", Required: true},
					&cli.StringFlag{Name: "policy", Usage: "pinned policy: uint256, 2 bits per category (decimal or 0x hex)", Required: true},
				}, shared...),
				Action: func(c *cli.Context) error {
					vs, err := parseAddress(c.String("validator-set"))
					if err != nil {
						return fmt.Errorf("--validator-set: %w", err)
					}
					ver, err := parseAddress(c.String("verifier"))
					if err != nil {
						return fmt.Errorf("--verifier: %w", err)
					}
					policy, ok := new(big.Int).SetString(c.String("policy"), 0)
					if !ok || policy.Sign() < 0 || policy.BitLen() > 256 {
						return fmt.Errorf("--policy: %q is not a uint256", c.String("policy"))
					}
					return withDeployer(c, func(ctx context.Context, d *deploy.Deployer) (any, error) {
						return d.DeployConsortium(ctx, vs, ver, policy)
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
					&cli.StringFlag{Name: "security-officer", Usage: "security officer address (shred receipts)", Required: true},
				}, shared...),
				Action: func(c *cli.Context) error {
					addrs := map[string]common.Address{}
					for _, f := range []string{"review-board", "validator-set", "supervisor", "security-officer"} {
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
						return d.DeployPublic(ctx, deploy.PublicParams{
							Supervisor:      addrs["supervisor"],
							SecurityOfficer: addrs["security-officer"],
							Consortium: &deploy.Consortium{ChainID: id, ValidatorSet: addrs["validator-set"],
								ReviewBoard: addrs["review-board"], Validators: vals, Policy: policy, Checkpoint: cp},
						})
					})
				},
			},
			{
				Name:  "private",
				Usage: "deploy SensitiveStore owned by the deploying key",
				Flags: append([]cli.Flag{
					&cli.StringSliceFlag{Name: "writer", Usage: "address allowed to store records (repeat or comma-separate)"},
				}, shared...),
				Action: func(c *cli.Context) error {
					writers, err := addressList(c, "writer")
					if err != nil {
						return err
					}
					return withDeployer(c, func(ctx context.Context, d *deploy.Deployer) (any, error) {
						return d.DeployPrivate(ctx, writers)
					})
				},
			},
		},
	}
}

// withDeployer connects, unlocks the key, runs fn and prints its result as JSON.
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
