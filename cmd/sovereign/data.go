package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/publicdata"
	"github.com/sovereign-gov/sovereign/review"
)

// readerFlags say where the system is: a manifest, each value overridable.
var readerFlags = []cli.Flag{
	manifestFlag,
	&cli.StringFlag{Name: "public.rpc", Usage: "JSON-RPC URL of a public chain node (default: the manifest's first)"},
	&cli.StringFlag{Name: "registry", Usage: "DataRegistry address on the public chain (default: the manifest's)"},
	&cli.StringFlag{Name: "bridge", Usage: "ReleaseBridge address on the public chain (default: the manifest's)"},
	&cli.StringFlag{Name: "verifier", Usage: "classification verifier address on the public chain (default: the manifest's)"},
	&cli.StringFlag{Name: "consortium.rpc", Usage: "JSON-RPC URL of a consortium node, for proofs and decisions (default: the manifest's first)"},
	&cli.StringFlag{Name: "review-board", Usage: "ReviewBoard address on the consortium (default: the manifest's)"},
	&cli.StringFlag{Name: "content", Aliases: []string{"content.url"}, Usage: "base URL of the content store or a mirror (default: the manifest's)"},
	&cli.Uint64Flag{Name: "from-block", Usage: "first block of log scans on both chains"},
	&cli.Uint64Flag{Name: "log-range", Usage: "most blocks one eth_getLogs covers", Value: 5000},
	&cli.BoolFlag{Name: "json", Usage: "print JSON"},
}

// board is the consortium's ReviewBoard of the reader's flags or manifest.
func (s *readerSetup) board(ctx context.Context) (*review.Board, error) {
	if s.consortium == nil || s.reader.ReviewBoard == (common.Address{}) {
		return nil, errors.New("--consortium.rpc and --review-board are needed (or a manifest)")
	}
	return review.New(ctx, s.consortium, s.reader.ReviewBoard)
}

// readerSetup is an open reader and the manifest it came from (nil if none).
type readerSetup struct {
	reader   *publicdata.Reader
	manifest *deploy.Manifest
	// the reader's chains as clients (consortium nil when not given), for
	// commands that also send
	public, consortium *ethclient.Client
	close              func()
}

// openReader resolves every address and URL from the flags, then the
// manifest, and dials the chains it names. The consortium is optional.
func openReader(ctx context.Context, c *cli.Context) (*readerSetup, error) {
	m, merr := deploy.LoadManifest(c.String("manifest"))
	if merr != nil && c.IsSet("manifest") {
		return nil, fmt.Errorf("--manifest: %w", merr)
	}
	missing := func(flag string) error {
		if merr != nil {
			return fmt.Errorf("--%s is needed: no manifest (%v)", flag, merr)
		}
		return fmt.Errorf("--%s is needed: the manifest has none", flag)
	}
	str := func(flag string, fromManifest func(*deploy.Manifest) string) string {
		if c.IsSet(flag) || m == nil {
			return c.String(flag)
		}
		return fromManifest(m)
	}
	addr := func(flag string, fromManifest func(*deploy.Manifest) common.Address) (common.Address, error) {
		if c.IsSet(flag) {
			a, err := parseAddress(c.String(flag))
			if err != nil {
				return common.Address{}, fmt.Errorf("--%s: %w", flag, err)
			}
			return a, nil
		}
		if m == nil {
			return common.Address{}, nil
		}
		return fromManifest(m), nil
	}
	r := &publicdata.Reader{FromBlock: c.Uint64("from-block"), LogRange: c.Uint64("log-range")}
	var err error
	if r.Registry, err = addr("registry", func(m *deploy.Manifest) common.Address { return m.Public.Registry }); err != nil {
		return nil, err
	}
	if r.Bridge, err = addr("bridge", func(m *deploy.Manifest) common.Address { return m.Public.Bridge }); err != nil {
		return nil, err
	}
	if r.Verifier, err = addr("verifier", func(m *deploy.Manifest) common.Address { return m.Public.Verifier }); err != nil {
		return nil, err
	}
	if r.ReviewBoard, err = addr("review-board", func(m *deploy.Manifest) common.Address {
		if m.Consortium.Consortium == nil {
			return common.Address{}
		}
		return m.Consortium.ReviewBoard
	}); err != nil {
		return nil, err
	}
	if r.Registry == (common.Address{}) {
		return nil, missing("registry")
	}
	r.Content = str("content", func(m *deploy.Manifest) string { return m.Content })
	pub := str("public.rpc", func(m *deploy.Manifest) string { return first(m.Public.RPC) })
	if pub == "" {
		return nil, missing("public.rpc")
	}
	pc, err := ethclient.DialContext(ctx, pub)
	if err != nil {
		return nil, fmt.Errorf("connecting to the public chain at %s: %w", pub, err)
	}
	r.Public = pc
	s := &readerSetup{reader: r, manifest: m, public: pc, close: pc.Close}
	if cons := str("consortium.rpc", func(m *deploy.Manifest) string { return first(m.Consortium.RPC) }); cons != "" {
		cc, err := ethclient.DialContext(ctx, cons)
		if err != nil {
			pc.Close()
			return nil, fmt.Errorf("connecting to the consortium at %s: %w", cons, err)
		}
		r.Consortium, s.consortium = cc, cc
		s.close = func() { pc.Close(); cc.Close() }
	}
	return s, nil
}

// withReader runs fn with an open reader and a context cancelled on a signal.
func withReader(c *cli.Context, fn func(ctx context.Context, s *readerSetup) error) error {
	ctx, cancel := signalContext()
	defer cancel()
	s, err := openReader(ctx, c)
	if err != nil {
		return err
	}
	defer s.close()
	return fn(ctx, s)
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// recordArg reads the one RECORD_ID argument.
func recordArg(c *cli.Context) (common.Hash, error) {
	if c.NArg() != 1 {
		for _, a := range c.Args().Slice()[min(1, c.NArg()):] {
			if strings.HasPrefix(a, "-") {
				return common.Hash{}, fmt.Errorf("flags go before RECORD_ID: %q came after it", a)
			}
		}
		return common.Hash{}, fmt.Errorf("want one argument, the record id (0x + 64 hex digits), got %d", c.NArg())
	}
	return publicdata.ParseID(c.Args().First())
}

// dataCommand is the public reader's commands.
func dataCommand() *cli.Command {
	return &cli.Command{
		Name:  "data",
		Usage: "the public: list, show, download and verify released data",
		Description: `Every command reads the public chain only (and the consortium for proofs):
where the system is comes from --manifest (default .devnet), each value
overridable by its flag. Nothing read needs to be trusted: every value is
checked against the public registry.`,
		Subcommands: []*cli.Command{dataListCommand(), dataShowCommand(), dataGetCommand(), dataVerifyCommand(), dataCheckpointsCommand(), dataRequestCommand(), dataOpenCommand()},
	}
}

func dataListCommand() *cli.Command {
	return &cli.Command{
		Name:  "list",
		Usage: "list published records, a page at a time, optionally filtered",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "department", Usage: "only this department's records (a name the manifest registers)"},
			&cli.StringFlag{Name: "level", Usage: "only records of this level: open, conditional or sensitive"},
			&cli.StringFlag{Name: "status", Usage: "only records in this status: current, superseded, frozen or shredded"},
			&cli.StringFlag{Name: "dataset", Usage: "only versions of this dataset (its 32-byte id, 0x…)"},
			&cli.IntFlag{Name: "page", Usage: "page number, from 1", Value: 1},
			&cli.IntFlag{Name: "per-page", Usage: "records per page", Value: 20},
		}, readerFlags...),
		Action: func(c *cli.Context) error {
			if c.NArg() != 0 {
				return fmt.Errorf("list takes no arguments, got %q", c.Args().Slice())
			}
			f := publicdata.Filter{Status: c.String("status"), Page: c.Int("page"), PerPage: c.Int("per-page")}
			if f.Page < 1 || f.PerPage < 1 {
				return errors.New("--page and --per-page must be at least 1")
			}
			if f.Status != "" {
				if err := publicdata.CheckStatus(f.Status); err != nil {
					return fmt.Errorf("--status: %w", err)
				}
			}
			if c.IsSet("level") {
				l, err := publicdata.ParseLevel(c.String("level"))
				if err != nil {
					return fmt.Errorf("--level: %w", err)
				}
				f.Level = &l
			}
			if c.IsSet("dataset") {
				d, err := publicdata.ParseID(c.String("dataset"))
				if err != nil {
					return fmt.Errorf("--dataset %q: want the dataset's 32-byte id as 64 hex digits (0x…)", c.String("dataset"))
				}
				f.Dataset = &d
			}
			return withReader(c, func(ctx context.Context, s *readerSetup) error {
				if c.IsSet("department") {
					name := c.String("department")
					if s.manifest != nil {
						if _, ok := s.manifest.Department(name); !ok {
							var names []string
							for _, d := range s.manifest.Departments {
								names = append(names, d.Name)
							}
							return fmt.Errorf("--department: unknown department %q (the manifest registers: %s)", name, strings.Join(names, ", "))
						}
					}
					id := publicdata.DepartmentID(name)
					f.Department = &id
				}
				page, err := s.reader.List(ctx, f)
				if err != nil {
					return err
				}
				if c.Bool("json") {
					return printJSON(c.App.Writer, page)
				}
				w := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
				fmt.Fprintln(w, "RECORD\tDATASET\tVERSION\tLEVEL\tPUBLISHED\tSTATUS")
				for _, r := range page.Records {
					fmt.Fprintf(w, "%s\t%s\t%d\t%s\t%s\t%s\n", publicdata.Short(r.ID), publicdata.Short(r.Dataset), r.Version,
						r.LevelName, r.PublishedAt.Format(time.RFC3339), r.Status)
				}
				if err := w.Flush(); err != nil {
					return err
				}
				pages := (page.Total + page.PerPage - 1) / page.PerPage
				fmt.Fprintf(c.App.Writer, "page %d of %d (%d records, %d per page)\n", page.Page, max(pages, 1), page.Total, page.PerPage)
				return nil
			})
		},
	}
}

func dataShowCommand() *cli.Command {
	return &cli.Command{
		Name:      "show",
		Usage:     "a record's every field, its dataset's versions, its supersede chain and frozen/shredded state",
		ArgsUsage: "RECORD_ID",
		Flags:     readerFlags,
		Action: func(c *cli.Context) error {
			id, err := recordArg(c)
			if err != nil {
				return err
			}
			return withReader(c, func(ctx context.Context, s *readerSetup) error {
				d, err := s.reader.Show(ctx, id)
				if err != nil {
					return err
				}
				if c.Bool("json") {
					return printJSON(c.App.Writer, d)
				}
				printDetail(c.App.Writer, d)
				return nil
			})
		},
	}
}

func printDetail(out io.Writer, d *publicdata.Detail) {
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	r := d.Record
	p := r.Published
	row := func(k string, v any) { fmt.Fprintf(w, "%s\t%v\n", k, v) }
	row("record", r.ID.Hex())
	row("dataset", r.Dataset.Hex())
	row("version", r.Version)
	row("sequence", r.Seq)
	row("level", fmt.Sprintf("%d (%s)", r.Level, r.LevelName))
	row("threshold", r.Threshold)
	row("status", r.Status)
	row("published", r.PublishedAt.Format(time.RFC3339))
	if r.Department != (common.Hash{}) {
		row("department", r.Department.Hex())
	}
	if p != nil {
		row("commitment", fmt.Sprintf("%#x", p.Commitment))
		row("released root", fmt.Sprintf("%#x", p.ReleasedRoot))
		if r.Level >= 2 {
			row("content", "none public: sensitive (level 2), kept on the private chain")
		} else {
			row("content hash", p.ContentHash.Hex()+" (sha256 of the released view)")
		}
		row("published in", fmt.Sprintf("public block %d, tx %s", p.Block, p.Tx.Hex()))
	}
	row("values hash", r.ValuesHash.Hex())
	if c := d.Certified; c != nil {
		ep := "unknown"
		if c.Epoch != nil {
			ep = fmt.Sprint(*c.Epoch)
		}
		row("certified", fmt.Sprintf("consortium block %d %s (bridge epoch %s)", c.Number, c.BlockHash.Hex(), ep))
	} else {
		row("certified", "no Relayed event found in the publishing block")
	}
	row("frozen", r.Frozen)
	if d.FrozenReason != "" {
		row("frozen reason", d.FrozenReason)
	}
	row("shredded", r.Shredded)
	if d.ShredReceipt != nil {
		row("shred receipt", d.ShredReceipt.Hex())
	}
	chain := func(links []publicdata.ChainLink) string {
		var parts []string
		for _, l := range links {
			s := fmt.Sprintf("v%d %s", l.Version, publicdata.Short(l.RecordID))
			if l.Published {
				s += " (" + l.Status + ")"
			} else {
				s += " (not published yet)"
			}
			parts = append(parts, s)
		}
		if len(parts) == 0 {
			return "none"
		}
		return strings.Join(parts, " → ")
	}
	row("supersedes", chain(d.Older))
	row("superseded by", chain(d.Newer))
	w.Flush()
	fmt.Fprintf(out, "versions of the dataset (%d, in publication order):\n", len(d.Versions))
	w = tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	for _, v := range d.Versions {
		mark := ""
		if v.ID == r.ID {
			mark = "←"
		}
		fmt.Fprintf(w, "  v%d\t%s\t%s\t%s\t%s\t%s\n", v.Version, v.ID.Hex(), v.LevelName, v.PublishedAt.Format(time.RFC3339), v.Status, mark)
	}
	w.Flush()
}

func dataGetCommand() *cli.Command {
	return &cli.Command{
		Name:      "get",
		Usage:     "download a record's released view, checked against its content hash and released root",
		ArgsUsage: "RECORD_ID",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "out", Usage: "file to write (default: standard output)"},
			&cli.BoolFlag{Name: "released-only", Usage: "write the released columns only (default: the whole view, withheld columns blank, as hashed)"},
		}, readerFlags...),
		Action: func(c *cli.Context) error {
			id, err := recordArg(c)
			if err != nil {
				return err
			}
			return withReader(c, func(ctx context.Context, s *readerSetup) error {
				got, err := s.reader.Get(ctx, id)
				if err != nil {
					return err
				}
				if got.Record.Frozen {
					reason := "see `data show`"
					if d, err := s.reader.Show(ctx, id); err == nil && d.FrozenReason != "" {
						reason = fmt.Sprintf("%q", d.FrozenReason)
					}
					fmt.Fprintf(c.App.ErrWriter, "warning: record %s is FROZEN by the supervisor (%s): its content verifies, but do not rely on it until the freeze is lifted\n", id.Hex(), reason)
				}
				b := got.View
				if c.Bool("released-only") {
					if b, err = got.ReleasedColumns(); err != nil {
						return err
					}
				}
				if c.String("out") == "" {
					_, err := c.App.Writer.Write(b)
					return err
				}
				if err := os.WriteFile(c.String("out"), b, 0o644); err != nil {
					return fmt.Errorf("--out: %w", err)
				}
				fmt.Fprintf(c.App.ErrWriter, "record %s v%d: %d bytes written to %s (content hash %s checked, released root checked)\n",
					got.Record.ID.Hex(), got.Record.Version, len(b), c.String("out"), got.Record.Published.ContentHash.Hex())
				return nil
			})
		},
	}
}

func dataVerifyCommand() *cli.Command {
	return &cli.Command{
		Name:  "verify",
		Usage: "check a release end to end: content hash, released root, proof by the public verifier, certified consortium block",
		Description: `Each check prints ok, FAIL or skip; the command fails if any check failed.
The proof is read from the consortium's ReviewBoard Submitted event, or from
--proof FILE; either way it is checked against the public registry's inputs.
A sensitive (level 2) record has no public content: proof and metadata only.`,
		ArgsUsage: "RECORD_ID",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "proof", Usage: "a zk proof file to check instead of the consortium's Submitted proof"},
		}, readerFlags...),
		Action: func(c *cli.Context) error {
			id, err := recordArg(c)
			if err != nil {
				return err
			}
			var pf *publicdata.ProofFile
			if c.IsSet("proof") {
				if pf, err = publicdata.LoadProofFile(c.String("proof")); err != nil {
					return fmt.Errorf("--proof: %w", err)
				}
			}
			return withReader(c, func(ctx context.Context, s *readerSetup) error {
				rep, err := s.reader.Verify(ctx, id, pf)
				if err != nil {
					return err
				}
				if c.Bool("json") {
					if err := printJSON(c.App.Writer, rep); err != nil {
						return err
					}
				} else {
					fmt.Fprintf(c.App.Writer, "record %s (dataset %s v%d, %s)\n", rep.Record.ID.Hex(), rep.Record.Dataset.Hex(), rep.Record.Version, rep.Record.LevelName)
					for _, ch := range rep.Checks {
						fmt.Fprintln(c.App.Writer, ch.String())
					}
				}
				return rep.Err()
			})
		},
	}
}
