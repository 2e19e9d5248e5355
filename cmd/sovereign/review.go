package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/publicdata"
	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/review"
	"github.com/sovereign-gov/sovereign/sidechains/private/records/chainstore"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
)

// Flags of the review commands.
var (
	reviewRPCFlag   = &cli.StringFlag{Name: "consortium.rpc", Usage: "JSON-RPC URL of a consortium node (default: the manifest's)"}
	reviewBoardFlag = &cli.StringFlag{Name: "review-board", Usage: "ReviewBoard address (default: the manifest's)"}
	keystoreFlag    = &cli.StringFlag{Name: "keystore", Usage: "keystore file of your validator key", Required: true}
	passwordFlag    = &cli.StringFlag{Name: "password", Usage: "file holding the keystore password", Required: true}
	reasonFlag      = &cli.StringFlag{Name: "reason", Usage: "why (recorded on chain with the vote)", Required: true}
	testedFlag      = &cli.StringFlag{Name: "tested", Usage: "file where `review test` remembers the records that passed (for approve --all-tested)", Value: "review-tested.json"}
)

func reviewCommand() *cli.Command {
	site := []cli.Flag{manifestFlag, reviewRPCFlag, reviewBoardFlag}
	return &cli.Command{
		Name:  "review",
		Usage: "validators: list, inspect, test and vote on submitted records",
		Description: `Votes are signed with your validator key (--keystore, --password) and carry
a reason, recorded on chain. A record is approved once a quorum of the
current validators approves, rejected once approval can no longer reach it.`,
		Subcommands: []*cli.Command{
			{
				Name:      "list",
				Usage:     "list submissions (pending by default)",
				ArgsUsage: " ",
				Flags: append([]cli.Flag{
					&cli.StringFlag{Name: "status", Usage: "pending, approved, rejected or all", Value: "pending"},
					&cli.BoolFlag{Name: "json", Usage: "print JSON: an array of submissions"},
				}, site...),
				Action: func(c *cli.Context) error {
					return withBoard(c, func(ctx context.Context, b *review.Board) error { return reviewList(c, ctx, b) })
				},
			},
			{
				Name:      "show",
				Usage:     "a submission with its proof and every vote",
				ArgsUsage: "RECORD_ID",
				Flags:     site,
				Action: func(c *cli.Context) error {
					id, err := recordArg(c)
					if err != nil {
						return err
					}
					return withBoard(c, func(ctx context.Context, b *review.Board) error {
						e, err := b.Entry(ctx, id)
						if err != nil {
							return err
						}
						printEntry(c, e)
						return nil
					})
				},
			},
			{
				Name:      "test",
				Usage:     "check a submission: its proof on chain, schema and policy, and (under a Vault grant) the decrypted record and released view",
				ArgsUsage: "RECORD_ID",
				Description: `Log in to Vault with a time-limited grant for the record's dataset
(--vault.token, issued by a security officer with 'sovereign keys grant') to
check that the decrypted record opens the reviewed commitment and that the
released view is its released columns. A record that passes is remembered in
--tested for 'review approve --all-tested'.`,
				Flags: append(append([]cli.Flag{
					&cli.StringFlag{Name: "policy", Usage: "the published policy file: the board's pinned policy must equal it"},
					&cli.StringFlag{Name: "content", Usage: "content store URL (default: the manifest's)"},
					testedFlag,
				}, site...), vaultAddrFlag, tokenFlag, rpcFlag, storeFlag, blobsFlag),
				Action: reviewTest,
			},
			voteCommand("approve", true),
			voteCommand("reject", false),
			reviewAccessCommand(),
		},
	}
}

func voteCommand(name string, approve bool) *cli.Command {
	flags := []cli.Flag{reasonFlag, keystoreFlag, passwordFlag, manifestFlag, reviewRPCFlag, reviewBoardFlag}
	usage := "reject records (each vote carries --reason)"
	if approve {
		usage = "approve records (each vote carries --reason); --all-tested approves every pending record that passed 'review test'"
		flags = append(flags, &cli.BoolFlag{Name: "all-tested", Usage: "vote on every pending record in --tested you have not voted on, in one transaction"}, testedFlag)
	}
	return &cli.Command{
		Name:      name,
		Usage:     usage,
		ArgsUsage: "RECORD_ID...",
		Flags:     flags,
		Action: func(c *cli.Context) error {
			if strings.TrimSpace(c.String("reason")) == "" {
				return errors.New("--reason: a vote needs a reason")
			}
			key, err := node.LoadKey(c.String("keystore"), c.String("password"))
			if err != nil {
				return err
			}
			return withBoard(c, func(ctx context.Context, b *review.Board) error {
				ids, err := voteTargets(c, ctx, b, crypto.PubkeyToAddress(key.PublicKey))
				if err != nil {
					return err
				}
				return castVotes(c, ctx, b, key, ids, approve)
			})
		},
	}
}

// voteTargets are the record ids named on the command line, or with
// --all-tested every tested record still pending that key has not voted on.
func voteTargets(c *cli.Context, ctx context.Context, b *review.Board, me common.Address) ([][32]byte, error) {
	if !c.Bool("all-tested") {
		if c.NArg() == 0 {
			return nil, errors.New("name the records to vote on (RECORD_ID...)")
		}
		var ids [][32]byte
		for _, a := range c.Args().Slice() {
			id, err := parseRecordID(a)
			if err != nil {
				return nil, err
			}
			ids = append(ids, id)
		}
		return ids, nil
	}
	if c.NArg() > 0 {
		return nil, errors.New("--all-tested takes no record ids")
	}
	tested, err := loadTested(c.String(testedFlag.Name))
	if err != nil {
		return nil, err
	}
	entries, err := b.Entries(ctx)
	if err != nil {
		return nil, err
	}
	var ids [][32]byte
	for _, e := range entries {
		if e.Tally.Status != review.StatusPending || !tested[hexID(e.RecordID)] || votedBy(e, me) {
			continue
		}
		ids = append(ids, e.RecordID)
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("no pending record that passed 'review test' (in %s) awaits your vote", c.String(testedFlag.Name))
	}
	return ids, nil
}

func votedBy(e *review.Entry, me common.Address) bool {
	for _, v := range e.Votes {
		if v.Validator == me {
			return true
		}
	}
	return false
}

func castVotes(c *cli.Context, ctx context.Context, b *review.Board, key *ecdsa.PrivateKey, ids [][32]byte, approve bool) error {
	ballots := make([]review.Ballot, len(ids))
	for i, id := range ids {
		ballots[i] = review.Ballot{RecordID: id, Approve: approve, Reason: c.String("reason")}
	}
	tx, err := b.Vote(ctx, key, ballots)
	if err != nil {
		return err
	}
	verb := "rejected"
	if approve {
		verb = "approved"
	}
	for _, id := range ids {
		t, err := b.Review(ctx, id)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.App.Writer, "%s 0x%x: now %s (%d approvals, %d rejections)\n", verb, id, t.Status, t.Approvals, t.Rejections)
	}
	fmt.Fprintf(c.App.Writer, "%d votes in tx %s\n", len(ids), tx.Hex())
	return nil
}

func reviewList(c *cli.Context, ctx context.Context, b *review.Board) error {
	want := c.String("status")
	var filter review.Status
	if want != "all" {
		st, err := review.ParseStatus(want)
		if err != nil {
			return fmt.Errorf("--status: %w", err)
		}
		filter = st
	}
	entries, err := b.Entries(ctx)
	if err != nil {
		return err
	}
	if want != "all" {
		entries = slices.DeleteFunc(entries, func(e *review.Entry) bool { return e.Tally.Status != filter })
	}
	if c.Bool("json") {
		out := make([]reviewListItem, 0, len(entries))
		for _, e := range entries {
			out = append(out, reviewListItem{
				Record: hexID(e.RecordID), Dataset: fmt.Sprintf("0x%x", e.Submission.DatasetId), Version: e.Submission.Version,
				Level: record.Level(e.Submission.Level).String(), Status: e.Tally.Status.String(),
				Approvals: e.Tally.Approvals, Rejections: e.Tally.Rejections, Submitter: e.Submitter, Block: e.Block, DecidedAt: e.DecidedAt,
			})
		}
		return printJSON(c.App.Writer, out)
	}
	w := tabwriter.NewWriter(c.App.Writer, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "RECORD\tDATASET\tVERSION\tLEVEL\tSTATUS\tVOTES\tSUBMITTER\tBLOCK")
	n := 0
	for _, e := range entries {
		n++
		fmt.Fprintf(w, "%s\t%s\t%d\t%s\t%s\t%d✓ %d✗\t%s\t%d\n", hexID(e.RecordID), short(e.Submission.DatasetId), e.Submission.Version,
			record.Level(e.Submission.Level), e.Tally.Status, e.Tally.Approvals, e.Tally.Rejections, e.Submitter.Hex(), e.Block)
	}
	w.Flush()
	fmt.Fprintf(c.App.Writer, "%d %s records\n", n, want)
	return nil
}

// reviewListItem is one submission of `review list --json`.
type reviewListItem struct {
	Record     string         `json:"record"`
	Dataset    string         `json:"dataset"`
	Version    uint64         `json:"version"`
	Level      string         `json:"level"`
	Status     string         `json:"status"`
	Approvals  uint64         `json:"approvals"`
	Rejections uint64         `json:"rejections"`
	Submitter  common.Address `json:"submitter"`
	Block      uint64         `json:"block"`     // of the submission
	DecidedAt  uint64         `json:"decidedAt"` // block of the decision, 0 while pending
}

func printEntry(c *cli.Context, e *review.Entry) {
	s := e.Submission
	w := tabwriter.NewWriter(c.App.Writer, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "record\t%s\n", hexID(e.RecordID))
	fmt.Fprintf(w, "dataset\t0x%x\n", s.DatasetId)
	fmt.Fprintf(w, "version\t%d\n", s.Version)
	if s.Supersedes != 0 {
		fmt.Fprintf(w, "supersedes\tversion %d\n", s.Supersedes)
	}
	fmt.Fprintf(w, "level\t%s\n", record.Level(s.Level))
	fmt.Fprintf(w, "threshold\t%s\n", record.Level(s.Threshold))
	fmt.Fprintf(w, "commitment\t%#064x\n", s.Commitment)
	fmt.Fprintf(w, "released root\t%#064x\n", s.ReleasedRoot)
	fmt.Fprintf(w, "content\tsha256 %x\n", s.ContentHash)
	fmt.Fprintf(w, "submitter\t%s (block %d)\n", e.Submitter.Hex(), e.Block)
	fmt.Fprintf(w, "proof\t%d bytes\n", len(e.Proof))
	fmt.Fprintf(w, "status\t%s (%d approvals, %d rejections among current validators)\n", e.Tally.Status, e.Tally.Approvals, e.Tally.Rejections)
	if e.DecidedAt != 0 {
		fmt.Fprintf(w, "decided\tblock %d\n", e.DecidedAt)
	}
	w.Flush()
	for _, v := range e.Votes {
		verb := "reject"
		if v.Approve {
			verb = "approve"
		}
		fmt.Fprintf(c.App.Writer, "  %-7s %s (block %d): %s\n", verb, v.Validator.Hex(), v.Block, v.Reason)
	}
}

func reviewTest(c *cli.Context) error {
	id, err := recordArg(c)
	if err != nil {
		return err
	}
	var policy *record.Policy
	if p := c.String("policy"); p != "" {
		pol, _, err := record.LoadPolicy(p)
		if err != nil {
			return fmt.Errorf("--policy: %w", err)
		}
		policy = &pol
	}
	return withBoard(c, func(ctx context.Context, b *review.Board) error {
		m, err := loadManifest(c)
		if err != nil {
			return err
		}
		content := c.String("content")
		if m != nil {
			content = flagOr(c, "content", m.Content)
		}
		t := &review.Tester{Board: b, Content: content, Client: http.DefaultClient, Policy: policy}
		if c.String(tokenFlag.Name) != "" {
			svc, err := grantedStore(ctx, c, m)
			if err != nil {
				return err
			}
			t.Private = svc
		}
		rep, err := t.Test(ctx, id)
		if err != nil {
			return err
		}
		for _, ch := range rep.Checks {
			mark := "ok  "
			if !ch.OK {
				mark = "FAIL"
			}
			fmt.Fprintf(c.App.Writer, "%s %s: %s\n", mark, ch.Name, ch.Detail)
		}
		if !rep.Passed() {
			return fmt.Errorf("record %s failed review tests", hexID(id))
		}
		if err := rememberTested(c.String(testedFlag.Name), id); err != nil {
			return err
		}
		fmt.Fprintf(c.App.Writer, "record %s passed every test\n", hexID(id))
		return nil
	})
}

// grantedStore opens the private chain read-only under the Vault grant token.
func grantedStore(ctx context.Context, c *cli.Context, m *deploy.Manifest) (*sensitive.Service, error) {
	v, err := vaultLogin(ctx, c, cmdLogger())
	if err != nil {
		return nil, err
	}
	store, err := readOnlyStore(ctx, c, m)
	if err != nil {
		return nil, err
	}
	return sensitive.New(v, store), nil
}

// readOnlyStore opens the SensitiveStore of --store, --rpc and --blobs (or
// the manifest's) with no signing key: reading needs none.
func readOnlyStore(ctx context.Context, c *cli.Context, m *deploy.Manifest) (*chainstore.Store, error) {
	storeAddr, rpc, blobs := c.String(storeFlag.Name), c.String(rpcFlag.Name), c.String(blobsFlag.Name)
	if m != nil {
		storeAddr = flagOr(c, storeFlag.Name, m.Private.Store.Hex())
		rpc = flagOr(c, rpcFlag.Name, first(m.Private.RPC))
		blobs = flagOr(c, blobsFlag.Name, m.Private.Blobs)
	}
	addr, err := parseAddress(storeAddr)
	if err != nil {
		return nil, fmt.Errorf("--store: %w", err)
	}
	client, err := ethclient.DialContext(ctx, rpc)
	if err != nil {
		return nil, fmt.Errorf("private chain %s: %w", rpc, err)
	}
	// read only: no signing key (a grant cannot read one, and needs none)
	return chainstore.New(client, addr, nil, blobs)
}

func withBoard(c *cli.Context, fn func(context.Context, *review.Board) error) error {
	ctx, cancel := signalContext()
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 5*time.Minute)
	defer cancelT()
	b, err := dialBoard(ctx, c)
	if err != nil {
		return err
	}
	defer b.Close()
	return fn(ctx, b)
}

// dialBoard dials the ReviewBoard of --consortium.rpc and --review-board,
// or of the manifest.
func dialBoard(ctx context.Context, c *cli.Context) (*review.Board, error) {
	m, err := loadManifest(c)
	if err != nil {
		return nil, err
	}
	rpc, boardAddr := c.String(reviewRPCFlag.Name), c.String(reviewBoardFlag.Name)
	if m != nil {
		rpc = flagOr(c, reviewRPCFlag.Name, first(m.Consortium.RPC))
		boardAddr = flagOr(c, reviewBoardFlag.Name, m.Consortium.ReviewBoard.Hex())
	}
	if rpc == "" || boardAddr == "" {
		return nil, errors.New("--consortium.rpc and --review-board are required (no manifest found)")
	}
	addr, err := parseAddress(boardAddr)
	if err != nil {
		return nil, fmt.Errorf("--review-board: %w", err)
	}
	return review.Dial(ctx, rpc, addr)
}

// parseRecordID reads a record id (0x and 64 hex digits).
func parseRecordID(s string) ([32]byte, error) { return publicdata.ParseID(s) }

func hexID(id [32]byte) string { return "0x" + hex.EncodeToString(id[:]) }

func short(id [32]byte) string { return "0x" + hex.EncodeToString(id[:4]) + "…" }

// loadTested reads the tested-records file (none yet: empty).
func loadTested(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("--tested: %w", err)
	}
	var ids []string
	if err := json.Unmarshal(b, &ids); err != nil {
		return nil, fmt.Errorf("--tested %s: %w", path, err)
	}
	out := make(map[string]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}

// rememberTested adds id to the tested-records file (atomically).
func rememberTested(path string, id [32]byte) error {
	tested, err := loadTested(path)
	if err != nil {
		return err
	}
	tested[hexID(id)] = true
	ids := make([]string, 0, len(tested))
	for k := range tested {
		ids = append(ids, k)
	}
	sort.Strings(ids)
	b, _ := json.MarshalIndent(ids, "", "  ")
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o600); err != nil {
		return fmt.Errorf("--tested: %w", err)
	}
	return os.Rename(tmp, path)
}
