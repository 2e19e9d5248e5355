package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/bindings/releasebridge"
	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/contracts/predeploy"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/sidechains/consortium"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

var validatorSetFlag = &cli.StringFlag{Name: "validator-set", Usage: "ValidatorSet address on the consortium (default: the manifest's, else the genesis predeploy)"}

func validatorsCommand() *cli.Command {
	return &cli.Command{
		Name:  "validators",
		Usage: "the consortium's validator set: list it, and vote to add or remove a validator",
		Description: `A validator joins or leaves the consortium by a quorum of the current
validators' votes on the ValidatorSet contract; the change takes effect from
the block after the deciding vote. The relayer carries it to the public
chain's ReleaseBridge, which from then on accepts the new set's seals
only, and ReviewBoard's quorum follows the new set.`,
		Subcommands: []*cli.Command{
			{
				Name:  "list",
				Usage: "the current set, its epoch and quorum, and whether the public bridge has learnt it",
				Flags: []cli.Flag{manifestFlag, reviewRPCFlag, validatorSetFlag, &cli.BoolFlag{Name: "json", Usage: "print JSON"}},
				Action: func(c *cli.Context) error {
					return withMembership(c, func(ctx context.Context, mb *consortium.Membership, m *deploy.Manifest) error {
						set, err := mb.Current(ctx)
						if err != nil {
							return err
						}
						known := bridgeEpoch(ctx, m)
						if c.Bool("json") {
							return printJSON(c.App.Writer, struct {
								*consortium.Set
								Bridge *bridgeKnows `json:"publicBridge,omitempty"`
							}{set, known})
						}
						fmt.Fprintf(c.App.Writer, "epoch %d at consortium block %d: %d validators, quorum %d\n", set.Epoch, set.Block, len(set.Validators), set.Quorum)
						for _, v := range set.Validators {
							fmt.Fprintf(c.App.Writer, "  %s\n", v.Hex())
						}
						if known != nil {
							switch {
							case known.Err != "":
								fmt.Fprintf(c.App.Writer, "public bridge: unknown (%s)\n", known.Err)
							case known.Epoch == set.Epoch && known.SetHash == setHash(set.Validators):
								fmt.Fprintf(c.App.Writer, "public bridge: knows epoch %d (this set), from consortium block %d\n", known.Epoch, known.FirstBlock)
							default:
								fmt.Fprintf(c.App.Writer, "public bridge: at epoch %d; the relayer has not carried the change yet\n", known.Epoch)
							}
						}
						return nil
					})
				},
			},
			{
				Name:      "propose",
				Usage:     "vote, as a validator, to add or remove a validator (add|remove ADDRESS)",
				ArgsUsage: "add|remove ADDRESS",
				Flags:     []cli.Flag{keystoreFlag, passwordFlag, manifestFlag, reviewRPCFlag, validatorSetFlag},
				Action: func(c *cli.Context) error {
					if c.NArg() != 2 {
						return errors.New("want: validators propose add|remove ADDRESS")
					}
					var add bool
					switch c.Args().Get(0) {
					case "add":
						add = true
					case "remove":
					default:
						return fmt.Errorf("%q: want add or remove", c.Args().Get(0))
					}
					candidate, err := parseAddress(c.Args().Get(1))
					if err != nil {
						return fmt.Errorf("ADDRESS: %w", err)
					}
					key, err := node.LoadKey(c.String(keystoreFlag.Name), c.String(passwordFlag.Name))
					if err != nil {
						return err
					}
					return withMembership(c, func(ctx context.Context, mb *consortium.Membership, _ *deploy.Manifest) error {
						out, err := mb.Propose(ctx, key, candidate, add)
						if err != nil {
							return err
						}
						verb := map[bool]string{true: "add", false: "remove"}[add]
						if out.Executed {
							fmt.Fprintf(c.App.Writer, "vote to %s %s decided it in block %d (tx %s): epoch %d, %d validators from block %d\n",
								verb, candidate.Hex(), out.Block, out.Tx.Hex(), out.Set.Epoch, len(out.Set.Validators), out.Block+1)
							return nil
						}
						set, err := mb.Current(ctx)
						if err != nil {
							return err
						}
						n, err := mb.Votes(ctx, candidate, add)
						if err != nil {
							return err
						}
						fmt.Fprintf(c.App.Writer, "voted to %s %s in block %d (tx %s): %d of %d votes\n", verb, candidate.Hex(), out.Block, out.Tx.Hex(), n, set.Quorum)
						return nil
					})
				},
			},
		},
	}
}

// withMembership dials the consortium named by the flags or the manifest.
func withMembership(c *cli.Context, fn func(context.Context, *consortium.Membership, *deploy.Manifest) error) error {
	m, err := loadManifest(c)
	if err != nil {
		return err
	}
	rpc := c.String(reviewRPCFlag.Name)
	vs := predeploy.ValidatorSetAddress
	if m != nil {
		rpc = flagOr(c, reviewRPCFlag.Name, first(m.Consortium.RPC))
		if m.Consortium.ValidatorSet != (common.Address{}) {
			vs = m.Consortium.ValidatorSet
		}
	}
	if c.IsSet(validatorSetFlag.Name) {
		if vs, err = parseAddress(c.String(validatorSetFlag.Name)); err != nil {
			return fmt.Errorf("--%s: %w", validatorSetFlag.Name, err)
		}
	}
	if rpc == "" {
		return errors.New("--consortium.rpc is required (no manifest found)")
	}
	ctx, cancel := signalContext()
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 5*time.Minute)
	defer cancelT()
	client, err := ethclient.DialContext(ctx, rpc)
	if err != nil {
		return fmt.Errorf("consortium %s: %w", rpc, err)
	}
	defer client.Close()
	mb, err := consortium.NewMembership(ctx, client, vs)
	if err != nil {
		return fmt.Errorf("consortium %s: %w", rpc, err)
	}
	return fn(ctx, mb, m)
}

// bridgeKnows is the public bridge's latest epoch of the consortium's set.
type bridgeKnows struct {
	Epoch      uint64      `json:"epoch"`
	FirstBlock uint64      `json:"firstBlock"`
	SetHash    common.Hash `json:"setHash"`
	Err        string      `json:"error,omitempty"`
}

// bridgeEpoch asks the manifest's public bridge which set it knows; nil
// without a manifest naming one.
func bridgeEpoch(ctx context.Context, m *deploy.Manifest) *bridgeKnows {
	if m == nil || m.Public.Bridge == (common.Address{}) || len(m.Public.RPC) == 0 {
		return nil
	}
	k := &bridgeKnows{}
	pub, err := ethclient.DialContext(ctx, first(m.Public.RPC))
	if err != nil {
		k.Err = err.Error()
		return k
	}
	defer pub.Close()
	rb := releasebridge.NewReleaseBridge()
	inst := rb.Instance(pub, m.Public.Bridge)
	if k.Epoch, err = bind.Call(inst, nil, rb.PackLatestEpoch(), rb.UnpackLatestEpoch); err != nil {
		k.Err = err.Error()
		return k
	}
	e, err := bind.Call(inst, nil, rb.PackEpoch(k.Epoch), rb.UnpackEpoch)
	if err != nil {
		k.Err = err.Error()
		return k
	}
	k.FirstBlock, k.SetHash = e.FirstBlock, e.SetHash
	return k
}

// setHash is the bridge's validatorSetHash of vals (sorted, as the set holds them).
func setHash(vals []common.Address) common.Hash {
	set, err := qbft.NewValidatorSet(vals)
	if err != nil {
		return common.Hash{}
	}
	return qbft.ValidatorSetHash(set)
}
