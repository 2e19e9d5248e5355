package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/big"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/internal/ethtx"
	"github.com/sovereign-gov/sovereign/review"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
)

// superviseCommand is the supervisor's (the regulator's) commands.
func superviseCommand() *cli.Command {
	return &cli.Command{
		Name:  "supervise",
		Usage: "the supervisor: freeze and unfreeze records on the public registry with a public reason; list every review decision",
		Description: `freeze and unfreeze sign with the supervisor's key, read from Vault KV
into memory after an AppRole login as the supervisor role (--vault.role-id,
--vault.secret-id-file): the public registry accepts them from that key only, and
the reason is public (data show prints it). decisions reads the consortium's
ReviewBoard: every submission, every vote with its reason, and the decision.`,
		Subcommands: []*cli.Command{superviseFreezeCommand(true), superviseFreezeCommand(false), superviseDecisionsCommand()},
	}
}

func superviseFreezeCommand(freeze bool) *cli.Command {
	name, done, usage := "freeze", "frozen", "freeze a published record: readers are warned, corrections of it refused, until unfrozen"
	if !freeze {
		name, done, usage = "unfreeze", "unfrozen", "lift a freeze"
	}
	return &cli.Command{
		Name:      name,
		Usage:     usage,
		ArgsUsage: "RECORD_ID",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "reason", Usage: "the public reason (required, non-blank)", Required: true},
			vaultAddrFlag, roleIDFlag, secretIDFlag, tokenFlag,
			&cli.StringFlag{Name: "supervisor-key", Usage: "Vault KV path (under validator-keys/) of the supervisor's chain key", Value: naming.WriterKey(naming.SupervisorRole)},
		}, readerFlags...),
		Action: func(c *cli.Context) error {
			id, err := recordArg(c)
			if err != nil {
				return err
			}
			reason := strings.TrimSpace(c.String("reason"))
			if reason == "" {
				return errors.New("--reason: a freeze and its lifting carry a public reason; it is blank")
			}
			return withReader(c, func(ctx context.Context, s *readerSetup) error {
				v, err := vaultLogin(ctx, c, cmdLogger())
				if err != nil {
					return err
				}
				key, err := v.SigningKey(ctx, c.String("supervisor-key"))
				if err != nil {
					return fmt.Errorf("the supervisor's key: %w", err)
				}
				reg := dataregistry.NewDataRegistry()
				data := reg.PackFreeze(id, reason)
				if !freeze {
					data = reg.PackUnfreeze(id, reason)
				}
				rc, err := sendSigned(ctx, s, key, data, reg.UnpackError)
				if err != nil {
					return fmt.Errorf("%s %s: %w", name, id.Hex(), err)
				}
				fmt.Fprintf(c.App.Writer, "record %s %s: %q (tx %s, public block %d)\n", id.Hex(), done, reason, rc.TxHash.Hex(), rc.BlockNumber)
				return nil
			})
		},
	}
}

// sendSigned sends data to the registry signed by key: simulated first, so
// a refusal comes back as the registry's named error before any gas is
// spent; then it waits for the receipt.
func sendSigned(ctx context.Context, s *readerSetup, key *ecdsa.PrivateKey, data []byte, unpack ethtx.Unpacker) (*receiptInfo, error) {
	pub := s.public
	from, to := crypto.PubkeyToAddress(key.PublicKey), s.reader.Registry
	gas, err := pub.EstimateGas(ctx, ethereum.CallMsg{From: from, To: &to, Data: data})
	if err != nil {
		return nil, fmt.Errorf("refused for %s: %w", from.Hex(), ethtx.Revert(err, unpack, "DataRegistry"))
	}
	chainID, err := pub.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("public chain id: %w", err)
	}
	opts := bind.NewKeyedTransactor(key, chainID)
	opts.Context, opts.GasLimit = ctx, gas+gas/4
	tx, err := bind.NewBoundContract(to, dataregistry.NewDataRegistry().GetABI(), pub, pub, pub).RawTransact(opts, data)
	if err != nil {
		return nil, fmt.Errorf("sending: %w", err)
	}
	rc, err := ethtx.Wait{Limit: 2 * time.Minute}.Success(ctx, pub, tx.Hash())
	if err != nil {
		return nil, err
	}
	return &receiptInfo{TxHash: rc.TxHash, BlockNumber: rc.BlockNumber.Uint64()}, nil
}

type receiptInfo struct {
	TxHash      common.Hash
	BlockNumber uint64
}

func superviseDecisionsCommand() *cli.Command {
	return &cli.Command{
		Name:  "decisions",
		Usage: "every submission on the consortium's ReviewBoard with each vote, its reason and the decision",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "department", Usage: "only this department's records (its name, e.g. health)"},
			&cli.TimestampFlag{Name: "since", Usage: "only records submitted at or after this time (2006-01-02T15:04:05Z)", Layout: time.RFC3339},
			&cli.TimestampFlag{Name: "until", Usage: "only records submitted before this time", Layout: time.RFC3339},
		}, readerFlags...),
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return fmt.Errorf("decisions takes no arguments (got %q): filters are flags", c.Args().First())
			}
			return withReader(c, func(ctx context.Context, s *readerSetup) error {
				board, err := s.board(ctx)
				if err != nil {
					return err
				}
				entries, err := board.Entries(ctx)
				if err != nil {
					return err
				}
				names := departmentNames(s.manifest)
				var want [32]byte
				if d := c.String("department"); d != "" {
					want = deploy.DepartmentID(d)
					if _, known := names[want]; !known && len(names) > 0 {
						return fmt.Errorf("--department %q: not a department of the manifest (%s)", d, strings.Join(sortedNames(names), ", "))
					}
				}
				times := blockTimes{client: s.consortium, seen: map[uint64]time.Time{}}
				var out []decisionRow
				for _, e := range entries {
					if want != ([32]byte{}) && e.Submission.Department != want {
						continue
					}
					at, err := times.of(ctx, e.Block)
					if err != nil {
						return err
					}
					if since := c.Timestamp("since"); since != nil && at.Before(*since) {
						continue
					}
					if until := c.Timestamp("until"); until != nil && !at.Before(*until) {
						continue
					}
					out = append(out, decisionRow{entry: e, submitted: at, department: nameOf(names, e.Submission.Department)})
				}
				if c.Bool("json") {
					return printJSON(c.App.Writer, decisionsJSON(out))
				}
				writeDecisions(c.App.Writer, out)
				return nil
			})
		},
	}
}

type decisionRow struct {
	entry      *review.Entry
	submitted  time.Time
	department string
}

// blockTimes reads (once each) the times of consortium blocks.
type blockTimes struct {
	client *ethclient.Client
	seen   map[uint64]time.Time
}

func (b *blockTimes) of(ctx context.Context, n uint64) (time.Time, error) {
	if t, ok := b.seen[n]; ok {
		return t, nil
	}
	h, err := b.client.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
	if err != nil {
		return time.Time{}, fmt.Errorf("consortium block %d: %w", n, err)
	}
	t := time.Unix(int64(h.Time), 0).UTC()
	b.seen[n] = t
	return t, nil
}

// departmentNames maps department ids to names (from the manifest).
func departmentNames(m *deploy.Manifest) map[[32]byte]string {
	out := map[[32]byte]string{}
	if m != nil {
		for _, d := range m.Departments {
			out[deploy.DepartmentID(d.Name)] = d.Name
		}
	}
	return out
}

func sortedNames(m map[[32]byte]string) []string {
	var out []string
	for _, n := range m {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

func nameOf(names map[[32]byte]string, id [32]byte) string {
	if n, ok := names[id]; ok {
		return n
	}
	return "0x" + hex.EncodeToString(id[:])
}

func writeDecisions(w io.Writer, rows []decisionRow) {
	if len(rows) == 0 {
		fmt.Fprintln(w, "no submission matches")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, r := range rows {
		e := r.entry
		fmt.Fprintf(tw, "record 0x%x\t%s v%d\tsubmitted %s (block %d)\t%s\n", e.RecordID, r.department, e.Submission.Version,
			r.submitted.Format(time.RFC3339), e.Block, e.Tally.Status)
		for _, v := range e.Votes {
			verdict := "approve"
			if !v.Approve {
				verdict = "reject"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%q\t(block %d)\n", v.Validator.Hex(), verdict, v.Reason, v.Block)
		}
		if e.DecidedAt != 0 {
			fmt.Fprintf(tw, "  decided in block %d\t\t\t\n", e.DecidedAt)
		}
	}
	tw.Flush()
}

type voteJSON struct {
	Validator common.Address `json:"validator"`
	Approve   bool           `json:"approve"`
	Reason    string         `json:"reason"`
	Block     uint64         `json:"block"`
}

type decisionJSON struct {
	RecordID   common.Hash `json:"recordId"`
	Department string      `json:"department"`
	Version    uint64      `json:"version"`
	Submitted  time.Time   `json:"submitted"`
	Block      uint64      `json:"block"`
	Status     string      `json:"status"`
	DecidedAt  uint64      `json:"decidedAt,omitempty"`
	Votes      []voteJSON  `json:"votes"`
}

func decisionsJSON(rows []decisionRow) []decisionJSON {
	out := make([]decisionJSON, 0, len(rows))
	for _, r := range rows {
		e := r.entry
		d := decisionJSON{RecordID: e.RecordID, Department: r.department, Version: e.Submission.Version, Submitted: r.submitted,
			Block: e.Block, Status: e.Tally.Status.String(), DecidedAt: e.DecidedAt, Votes: []voteJSON{}}
		for _, v := range e.Votes {
			d.Votes = append(d.Votes, voteJSON{Validator: v.Validator, Approve: v.Approve, Reason: v.Reason, Block: v.Block})
		}
		out = append(out, d)
	}
	return out
}
