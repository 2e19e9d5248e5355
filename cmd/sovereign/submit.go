package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/department"
	"github.com/sovereign-gov/sovereign/publicdata"
	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/review"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
	"github.com/sovereign-gov/sovereign/sidechains/private/submission"
	"github.com/sovereign-gov/sovereign/zk"
)

// submitCommand is a department's submission of a record: steps 1–3 of its
// path (DESIGN.md): stored encrypted on the private chain, proved, and put
// up for review on the consortium with its released view in the content
// store. Every step is idempotent, so a run cut short (kill -9, a chain or
// Vault down) is finished by running the same command again.
func submitCommand() *cli.Command {
	return &cli.Command{
		Name:  "submit",
		Usage: "departments: store a table encrypted on the private chain, prove its classification and submit it for review",
		Description: `Steps, each shown as it runs:
  1. the table is encrypted under the dataset's Vault key and stored on the
     private chain with its commitment (the salt and column categories are
     sealed with it, so a reviewer under a Vault grant can open the commitment);
  2. the classification proof is made with the keys in --keys;
  3. the released view (the columns at or under --threshold, withheld columns
     blanked) goes to the content store under its sha256 (not for sensitive
     records: their content never leaves the private chain);
  4. the record is submitted to the ReviewBoard, signed with the department's
     key from Vault.
Addresses come from --manifest (the devnet's by default) unless given as
flags. Run again after any failure: finished steps are recognised and skipped.
--private-only stops after step 1.`,
		Flags: append(append([]cli.Flag{
			&cli.StringFlag{Name: "department", Usage: "your department (lower-case name)", Required: true},
			&cli.StringFlag{Name: "dataset", Usage: "dataset name (lower-case)", Required: true},
			&cli.Uint64Flag{Name: "version", Usage: "dataset version: a positive integer, e.g. 202611", Required: true},
			&cli.StringFlag{Name: "table", Usage: "the table: .csv (header row first) or .json", Required: true},
			&cli.StringFlag{Name: "columns", Usage: "column → category file (JSON)", Required: true},
			&cli.StringFlag{Name: "policy", Usage: "the published policy file (JSON)", Required: true},
			&cli.StringFlag{Name: "salt-file", Usage: "the record's salt file (keep it: it opens the commitment)", Required: true},
			&cli.BoolFlag{Name: "new-salt", Usage: "draw a fresh salt into --salt-file for a new record (the file must not exist)"},
			&cli.StringFlag{Name: "threshold", Usage: "release columns up to this level: open or conditional", Value: "open"},
			&cli.Uint64Flag{Name: "supersedes", Usage: "the version this one corrects (0: none)"},
			&cli.StringFlag{Name: "keys", Usage: "the proving keys directory (zk setup / ceremony output)", Value: "zk-keys"},
			&cli.StringFlag{Name: "content", Usage: "content store URL for the released view (default: the manifest's)"},
			&cli.StringFlag{Name: "consortium.rpc", Usage: "JSON-RPC URL of a consortium node (default: the manifest's)"},
			&cli.StringFlag{Name: "review-board", Usage: "ReviewBoard address (default: the manifest's)"},
			&cli.BoolFlag{Name: "private-only", Usage: "only store the record on the private chain (step 1)"},
			&cli.BoolFlag{Name: "json", Usage: "print the result as JSON (the lines it replaces go to stderr)"},
			&cli.DurationFlag{Name: "timeout", Usage: "give up after this long", Value: 10 * time.Minute},
		}, vaultFlags...), chainFlags...),
		Action: runSubmit,
	}
}

func runSubmit(c *cli.Context) error {
	threshold, err := record.ParseLevel(c.String("threshold"))
	if err != nil {
		return fmt.Errorf("--threshold: %w", err)
	}
	req := submission.Request{
		Department: c.String("department"), Dataset: c.String("dataset"), Version: c.Uint64("version"), Threshold: threshold,
		Table: c.String("table"), Columns: c.String("columns"), Policy: c.String("policy"), SaltFile: c.String("salt-file"),
		NewSalt: c.Bool("new-salt"), Progress: bytesProgress(c.App.ErrWriter),
	}
	if _, err := naming.TransitKey(req.Department, req.Dataset); err != nil {
		return err
	}
	if req.Version == 0 {
		return fmt.Errorf("--version: a positive integer")
	}
	if s := c.Uint64("supersedes"); s >= req.Version {
		return fmt.Errorf("--supersedes %d: a correction supersedes an earlier version (below %d)", s, req.Version)
	}
	ctx, cancel := signalContext()
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, c.Duration("timeout"))
	defer cancelT()

	// Everything that can be checked before Vault and the chains is.
	var site *reviewSite
	if !c.Bool("private-only") {
		if site, err = resolveReviewSite(c); err != nil {
			return err
		}
		if err := checkCorrectable(ctx, c, req, c.Uint64("supersedes")); err != nil {
			return err
		}
	}
	steps := 4
	if site == nil {
		steps = 1
	}
	step := func(n int, what string) { fmt.Fprintf(c.App.ErrWriter, "[%d/%d] %s\n", n, steps, what) }

	log := cmdLogger()
	v, err := vaultLogin(ctx, c, log)
	if err != nil {
		return err
	}
	defer v.Close()
	store, key, err := chainStoreWithKey(ctx, c, v, naming.WriterKey(naming.DepartmentRole(req.Department)))
	if err != nil {
		return err
	}
	svc := sensitive.New(v, store, sensitive.WithLogger(log))
	if site == nil {
		step(1, "encrypting and storing on the private chain")
		res, err := submission.Submit(ctx, svc, req)
		if err != nil {
			return err
		}
		if c.Bool("json") {
			printStored(c.App.ErrWriter, res)
			return printJSON(c.App.Writer, newSubmitJSON(res, nil))
		}
		printStored(c.App.Writer, res)
		return nil
	}
	board, err := review.Dial(ctx, site.rpc, site.board)
	if err != nil {
		return err
	}
	defer board.Close()
	sub := &department.Submitter{
		Private: svc, Key: key, Board: board, Content: site.content,
		Keys: func(size int) (*zk.Keys, error) {
			k, err := zk.LoadKeys(c.String("keys"), size)
			if err != nil {
				return nil, fmt.Errorf("--keys: %w", err)
			}
			return k, nil
		},
		Step: step,
	}
	out, err := sub.Submit(ctx, req, c.Uint64("supersedes"))
	w := c.App.Writer
	if c.Bool("json") {
		w = c.App.ErrWriter
	}
	if out != nil && out.Stored != nil {
		printStored(w, out.Stored)
	}
	if err != nil {
		return err
	}
	if c.Bool("json") {
		return printJSON(c.App.Writer, newSubmitJSON(out.Stored, out))
	}
	fmt.Fprintf(c.App.Writer, "proved in %s\n", out.ProveTime.Round(time.Millisecond))
	if out.Uploaded {
		fmt.Fprintf(c.App.Writer, "released view %s/%x (%d bytes)\n", strings.TrimSuffix(site.content, "/"), out.ContentHash, out.ContentSize)
	}
	if out.Review.Already {
		fmt.Fprintf(c.App.Writer, "record 0x%x was already submitted for review (resumed)\n", out.Review.RecordID)
	} else {
		fmt.Fprintf(c.App.Writer, "record 0x%x submitted for review in consortium block %d (tx %s)\n", out.Review.RecordID, out.Review.Block, out.Review.Tx.Hex())
	}
	return nil
}

// checkCorrectable refuses, before anything is stored, a correction of a
// version the public registry has frozen or shredded: the bridge would
// never publish it (the registry refuses a correction of a frozen record
// until the supervisor lifts the freeze). The registry is the manifest's;
// without one the bridge's refusal is the only check.
func checkCorrectable(ctx context.Context, c *cli.Context, req submission.Request, supersedes uint64) error {
	if supersedes == 0 {
		return nil
	}
	m, err := loadManifest(c)
	if err != nil || m == nil || m.Public.Public == nil || len(m.Public.RPC) == 0 {
		return err
	}
	pc, err := ethclient.DialContext(ctx, m.Public.RPC[0])
	if err != nil {
		return fmt.Errorf("--supersedes %d: reading the public registry at %s: %w", supersedes, m.Public.RPC[0], err)
	}
	defer pc.Close()
	r := &publicdata.Reader{Public: pc, Registry: m.Public.Registry}
	old := common.Hash(submission.RecordID(req.Department, req.Dataset, supersedes))
	rec, err := r.Record(ctx, old)
	switch {
	case errors.Is(err, publicdata.ErrUnknownRecord):
		return nil // not published (yet): nothing to refuse
	case err != nil:
		return fmt.Errorf("--supersedes %d: reading record %s on the public registry: %w", supersedes, old.Hex(), err)
	case rec.Shredded:
		return fmt.Errorf("--supersedes %d: record %s was shredded: its dataset's key is destroyed, and a shredded dataset takes no correction or new version", supersedes, old.Hex())
	case rec.Frozen:
		reason := ""
		if d, err := r.Show(ctx, old); err == nil && d.FrozenReason != "" {
			reason = fmt.Sprintf(" (%q)", d.FrozenReason)
		}
		return fmt.Errorf("--supersedes %d: record %s is frozen by the supervisor%s: a correction of a frozen record is refused until the freeze is lifted", supersedes, old.Hex(), reason)
	}
	return nil
}

// submitJSON is the result of `submit --json`.
type submitJSON struct {
	Record     string `json:"record"`
	Resumed    bool   `json:"resumed"` // already stored on the private chain
	Columns    int    `json:"columns"`
	Rows       int    `json:"rows"`
	Level      int    `json:"level"`
	Key        string `json:"key"` // transit key
	KeyVersion uint32 `json:"keyVersion"`
	Commitment string `json:"commitment"`
	// set unless --private-only
	ProveTimeMs   int64  `json:"proveTimeMs,omitempty"`
	ContentHash   string `json:"contentHash,omitempty"`
	ContentSize   int    `json:"contentSize,omitempty"`
	Uploaded      bool   `json:"uploaded,omitempty"`
	ReviewBlock   uint64 `json:"reviewBlock,omitempty"`
	ReviewTx      string `json:"reviewTx,omitempty"`
	ReviewResumed bool   `json:"reviewResumed,omitempty"` // already on the board
	// Conditional is the private-chain id of the record's conditional
	// envelope (level >= 1: what an access grant opens); NoConditional says
	// why a record of level >= 1 has none.
	Conditional   string `json:"conditional,omitempty"`
	NoConditional string `json:"noConditional,omitempty"`
}

func newSubmitJSON(res *submission.Result, out *department.Outcome) submitJSON {
	j := submitJSON{Record: fmt.Sprintf("0x%x", res.Record.ID), Resumed: res.Resumed, Columns: res.Columns, Rows: res.Rows,
		Level: int(res.Level), Key: res.Record.TransitKey, KeyVersion: res.Record.KeyVersion, Commitment: fmt.Sprintf("0x%x", res.Commitment),
		NoConditional: res.NoConditional}
	if res.Conditional != nil {
		j.Conditional = fmt.Sprintf("0x%x", res.Conditional.ID)
	}
	if out != nil {
		j.ProveTimeMs, j.ContentHash, j.ContentSize, j.Uploaded = out.ProveTime.Milliseconds(), fmt.Sprintf("0x%x", out.ContentHash), out.ContentSize, out.Uploaded
		if out.Review != nil {
			j.ReviewBlock, j.ReviewResumed = out.Review.Block, out.Review.Already
			if !out.Review.Already {
				j.ReviewTx = out.Review.Tx.Hex()
			}
		}
	}
	return j
}

func printStored(w io.Writer, res *submission.Result) {
	how := "stored"
	if res.Resumed {
		how = "already stored (resumed)"
	}
	fmt.Fprintf(w, "record 0x%x %s: %d columns, %d rows, level %d, key %s v%d\n",
		res.Record.ID, how, res.Columns, res.Rows, res.Level, res.Record.TransitKey, res.Record.KeyVersion)
	fmt.Fprintf(w, "commitment 0x%x\n", res.Commitment)
	switch {
	case res.Conditional != nil:
		fmt.Fprintf(w, "conditional envelope 0x%x: its columns at level <= 1, for access grants\n", res.Conditional.ID)
	case res.NoConditional != "":
		fmt.Fprintf(w, "no conditional envelope: %s; access requests for it cannot be answered\n", res.NoConditional)
	}
}

// reviewSite is where a record goes for review.
type reviewSite struct {
	rpc, content string
	board        common.Address
}

// resolveReviewSite takes the consortium and content store from flags or the manifest.
func resolveReviewSite(c *cli.Context) (*reviewSite, error) {
	m, err := loadManifest(c)
	if err != nil {
		return nil, err
	}
	s := &reviewSite{rpc: c.String("consortium.rpc"), content: c.String("content")}
	boardFlag := c.String("review-board")
	if m != nil {
		s.rpc = flagOr(c, "consortium.rpc", first(m.Consortium.RPC))
		s.content = flagOr(c, "content", m.Content)
		boardFlag = flagOr(c, "review-board", m.Consortium.ReviewBoard.Hex())
	}
	for flag, v := range map[string]string{"consortium.rpc": s.rpc, "content": s.content, "review-board": boardFlag} {
		if v == "" {
			return nil, fmt.Errorf("--%s is required (no manifest found; or pass --private-only)", flag)
		}
	}
	if s.board, err = parseAddress(boardFlag); err != nil {
		return nil, fmt.Errorf("--review-board: %w", err)
	}
	return s, nil
}

// bytesProgress draws "phase [#####.....] 42% of 100.0 MB" on w, once
// per percent.
func bytesProgress(w io.Writer) func(phase string, done, total int64) {
	lastPhase, lastPct := "", -1
	return func(phase string, done, total int64) {
		pct := 100
		if total > 0 {
			pct = int(100 * done / total)
		}
		if phase == lastPhase && pct == lastPct {
			return
		}
		lastPhase, lastPct = phase, pct
		const width = 30
		n := width * pct / 100
		fmt.Fprintf(w, "\r%-16s [%s%s] %3d%% of %.1f MB", phase, strings.Repeat("#", n), strings.Repeat(".", width-n), pct, float64(total)/1e6)
		if done >= total {
			fmt.Fprintln(w)
		}
	}
}
