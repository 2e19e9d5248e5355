package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/access"
	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/publicdata"
	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/review"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/submission"
)

// Access requests for conditional data (issue 15 item 3): the public asks
// (data request), validators read the request from the public chain and
// vote on the consortium (review access), the relayer carries the decision,
// the security officer delivers the grant sealed to the requester (keys
// grant-access), and the requester opens the record's columns at level ≤ 1
// (data open).

var (
	requestFlag     = &cli.StringFlag{Name: "request", Usage: "the access request id (0x + 64 hex digits) that 'data request' printed", Required: true}
	accountKeyFlag  = &cli.StringFlag{Name: "keystore", Usage: "keystore file of your account ('sovereign account new')", Required: true}
	accountPassFlag = &cli.StringFlag{Name: "password", Usage: "file holding the keystore password", Required: true}
)

// maxPurpose bounds a request's purpose (the portal's form says the same).
const maxPurpose = 1000

func parseRequestFlag(c *cli.Context) (common.Hash, error) {
	id, err := publicdata.ParseID(c.String(requestFlag.Name))
	if err != nil {
		return common.Hash{}, fmt.Errorf("--request: %w", err)
	}
	return id, nil
}

func dataRequestCommand() *cli.Command {
	return &cli.Command{
		Name:  "request",
		Usage: "ask for access to a record's columns at level <= 1 (a conditional or sensitive record), with a public purpose",
		Description: `Sends DataRegistry.requestAccess from your account (--keystore). The consortium
votes on it; once the decision is relayed and the security officer delivers the
grant, 'data open --request ID' opens the record's columns at level <= 1 with the
same account, until the expiry the validators chose.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "record", Usage: "the record id (0x + 64 hex digits)", Required: true},
			&cli.StringFlag{Name: "purpose", Usage: "what the data is for (public, on chain)", Required: true},
			accountKeyFlag, accountPassFlag,
		}, readerFlags...),
		Action: func(c *cli.Context) error {
			id, err := publicdata.ParseID(c.String("record"))
			if err != nil {
				return fmt.Errorf("--record: %w", err)
			}
			purpose := strings.TrimSpace(c.String("purpose"))
			switch {
			case purpose == "":
				return errors.New("--purpose: it is blank; say what the data is for (it is public)")
			case len(purpose) > maxPurpose:
				return fmt.Errorf("--purpose: %d bytes, at most %d", len(purpose), maxPurpose)
			}
			key, err := node.LoadKey(c.String("keystore"), c.String("password"))
			if err != nil {
				return fmt.Errorf("--keystore: %w", err)
			}
			return withReader(c, func(ctx context.Context, s *readerSetup) error {
				reg := dataregistry.NewDataRegistry()
				rc, err := sendSigned(ctx, s, key, reg.PackRequestAccess(id, purpose), reg.UnpackError)
				if err != nil {
					return fmt.Errorf("request access to %s: %w", id.Hex(), err)
				}
				full, err := s.public.TransactionReceipt(ctx, rc.TxHash)
				if err != nil {
					return fmt.Errorf("receipt of %s: %w", rc.TxHash.Hex(), err)
				}
				for _, l := range full.Logs {
					if l.Address != s.reader.Registry || len(l.Topics) == 0 || l.Topics[0] != publicdata.AccessRequestedTopic {
						continue
					}
					e, err := reg.UnpackAccessRequestedEvent(l)
					if err != nil {
						return err
					}
					if c.Bool("json") {
						return printJSON(c.App.Writer, map[string]any{"request": common.Hash(e.RequestId), "record": id, "requester": e.Requester,
							"tx": rc.TxHash, "block": rc.BlockNumber})
					}
					fmt.Fprintf(c.App.Writer, "request %s\n", common.Hash(e.RequestId).Hex())
					fmt.Fprintf(c.App.ErrWriter, "access to %s requested by %s (public block %d, tx %s): the consortium votes next\n",
						id.Hex(), e.Requester.Hex(), rc.BlockNumber, rc.TxHash.Hex())
					return nil
				}
				return fmt.Errorf("tx %s has no AccessRequested event", rc.TxHash.Hex())
			})
		},
	}
}

func dataOpenCommand() *cli.Command {
	return &cli.Command{
		Name:  "open",
		Usage: "open the columns at level <= 1 of a record your access request was granted (never level 2)",
		Description: `Reads the grant delivered on the public chain for --request, decrypts it with
your account's key (only the requester's key opens it), unwraps its single-use
token in Vault, decrypts the record's conditional envelope and checks every
column against the record's commitment on the public chain before writing them
as CSV (--out, or standard output). The Vault token works once: the opened
columns are kept sealed to your key in --keep, so later opens of the same grant
(e.g. other --column choices) work from there until the grant expires.`,
		Flags: append([]cli.Flag{
			requestFlag, accountKeyFlag, accountPassFlag, vaultAddrFlag,
			&cli.StringFlag{Name: "out", Usage: "CSV file to write (default: standard output)"},
			&cli.StringSliceFlag{Name: "column", Usage: "only this column (repeatable); a level-2 column is refused by name"},
			&cli.StringFlag{Name: "keep", Usage: "file keeping the opened grant sealed to your key (default grant-<request>.sealed)"},
		}, readerFlags...),
		Action: func(c *cli.Context) error {
			id, err := parseRequestFlag(c)
			if err != nil {
				return err
			}
			cols := c.StringSlice("column")
			for _, col := range cols {
				if strings.TrimSpace(col) == "" {
					return errors.New("--column: an empty column name")
				}
			}
			key, err := node.LoadKey(c.String("keystore"), c.String("password"))
			if err != nil {
				return fmt.Errorf("--keystore: %w", err)
			}
			keep := c.String("keep")
			if keep == "" {
				keep = "grant-" + strings.ToLower(id.Hex()[2:18]) + ".sealed"
			}
			return withReader(c, func(ctx context.Context, s *readerSetup) error {
				q := &access.Requester{Reader: s.reader, Key: key, VaultAddr: vaultAddr(c)}
				a, err := q.Check(ctx, id)
				if err != nil {
					return err
				}
				var cond *submission.Conditional
				if b, err := os.ReadFile(keep); err == nil {
					if cond, err = access.Kept(key, id, b); err != nil {
						return fmt.Errorf("--keep %s: %w", keep, err)
					}
					if err := access.VerifyOnChain(ctx, s.reader, a.RecordID, cond); err != nil {
						return fmt.Errorf("--keep %s: %w", keep, err)
					}
				} else if !errors.Is(err, os.ErrNotExist) {
					return fmt.Errorf("--keep: %w", err)
				} else {
					opened, err := q.Open(ctx, id)
					if err != nil {
						return err
					}
					cond = opened.Conditional
					sealed, err := access.Keep(&key.PublicKey, id, cond)
					if err != nil {
						return err
					}
					if err := writeAtomic(keep, sealed); err != nil {
						return fmt.Errorf("--keep: %w (the grant's Vault token is used: keep this output)", err)
					}
				}
				t, err := cond.Table(cols)
				if err != nil {
					return fmt.Errorf("--column %w", err)
				}
				if err := writeTable(c, t); err != nil {
					return err
				}
				fmt.Fprintf(c.App.ErrWriter, "record %s: %d columns (level <= 1) x %d rows, checked against its public commitment; the grant expires at %s\n",
					a.RecordID.Hex(), len(t.Columns), len(t.Rows), a.Expiry().Format(time.RFC3339))
				return nil
			})
		},
	}
}

func writeTable(c *cli.Context, t *record.Table) error {
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.Write(t.Columns)
	_ = w.WriteAll(t.Rows)
	if err := w.Error(); err != nil {
		return err
	}
	if out := c.String("out"); out != "" {
		if err := writeAtomic(out, []byte(b.String())); err != nil {
			return fmt.Errorf("--out: %w", err)
		}
		return nil
	}
	_, err := c.App.Writer.Write([]byte(b.String()))
	return err
}

// writeAtomic writes a file whole or not at all (temporary file, fsync, rename).
func writeAtomic(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// reviewAccessCommand: validators read access requests from the public
// chain itself and vote on the consortium.
func reviewAccessCommand() *cli.Command {
	return &cli.Command{
		Name:  "access",
		Usage: "access requests: read them from the public chain, vote to grant or refuse on the consortium",
		Subcommands: []*cli.Command{
			{
				Name:  "list",
				Usage: "every access request on the public registry, with its purpose, status and the consortium's count",
				Flags: append([]cli.Flag{
					&cli.StringFlag{Name: "status", Usage: "pending, granted, denied or all", Value: "all"},
				}, readerFlags...),
				Action: reviewAccessList,
			},
			{
				Name:  "vote",
				Usage: "vote on an access request (the terms are read from the public chain), with a reason",
				Flags: append([]cli.Flag{
					requestFlag,
					&cli.BoolFlag{Name: "grant", Usage: "vote to grant"},
					&cli.BoolFlag{Name: "refuse", Usage: "vote to refuse"},
					&cli.StringFlag{Name: "expires", Usage: "with --grant: when the grant ends, RFC 3339 (2026-12-01T12:00:00Z) or unix seconds; every validator granting must name the same time"},
					&cli.StringFlag{Name: "reason", Usage: "why (recorded on chain with the vote)", Required: true},
					&cli.StringFlag{Name: "keystore", Usage: "keystore file of your validator key", Required: true},
					accountPassFlag,
				}, readerFlags...),
				Action: reviewAccessVote,
			},
		},
	}
}

func reviewAccessList(c *cli.Context) error {
	status := c.String("status")
	switch status {
	case "pending", "granted", "denied", "all":
	default:
		return fmt.Errorf("--status %q: want pending, granted, denied or all", status)
	}
	return withReader(c, func(ctx context.Context, s *readerSetup) error {
		reqs, err := s.reader.AccessRequests(ctx, nil)
		if err != nil {
			return err
		}
		type row struct {
			*publicdata.AccessRequest
			Votes *review.Tally `json:"consortium,omitempty"`
		}
		var rows []row
		var board *review.Board
		if s.consortium != nil && s.reader.ReviewBoard != (common.Address{}) {
			if board, err = review.New(ctx, s.consortium, s.reader.ReviewBoard); err != nil {
				return err
			}
		}
		for _, a := range reqs {
			if status != "all" && a.Status != status {
				continue
			}
			r := row{AccessRequest: a}
			if board != nil {
				t, err := board.AccessTally(ctx, a.ID)
				if err != nil {
					return err
				}
				r.Votes = &t
			}
			rows = append(rows, r)
		}
		if c.Bool("json") {
			if rows == nil {
				rows = []row{}
			}
			return printJSON(c.App.Writer, rows)
		}
		tw := tabwriter.NewWriter(c.App.Writer, 0, 2, 2, ' ', 0)
		fmt.Fprintln(tw, "REQUEST\tRECORD\tREQUESTER\tSTATUS\tEXPIRES\tVOTES (grant/refuse)\tPURPOSE")
		for _, r := range rows {
			exp, votes, st := "-", "-", r.Status
			if r.ExpiresAt != 0 {
				exp = r.Expiry().Format(time.RFC3339)
				if st == "granted" && !time.Now().Before(r.Expiry()) {
					st = "granted (expired)"
				}
			}
			if r.DeliveredIn != 0 {
				st += fmt.Sprintf(", delivered in block %d", r.DeliveredIn)
			}
			if r.Votes != nil {
				votes = fmt.Sprintf("%d/%d", r.Votes.Approvals, r.Votes.Rejections)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%q\n", r.ID.Hex(), r.RecordID.Hex(), r.Requester.Hex(), st, exp, votes, r.Purpose)
		}
		return tw.Flush()
	})
}

// parseExpiry reads --expires: RFC 3339 or unix seconds, in the future.
func parseExpiry(s string, now time.Time) (uint64, error) {
	s = strings.TrimSpace(s)
	var t time.Time
	if n, err := strconv.ParseUint(s, 10, 64); err == nil {
		t = time.Unix(int64(n), 0)
	} else if t, err = time.Parse(time.RFC3339, s); err != nil {
		return 0, fmt.Errorf("--expires %q: want RFC 3339 (2026-12-01T12:00:00Z) or unix seconds", s)
	}
	if !t.After(now) {
		return 0, fmt.Errorf("--expires %s is not in the future", t.UTC().Format(time.RFC3339))
	}
	return uint64(t.Unix()), nil
}

func reviewAccessVote(c *cli.Context) error {
	id, err := parseRequestFlag(c)
	if err != nil {
		return err
	}
	grant, refuse := c.Bool("grant"), c.Bool("refuse")
	if grant == refuse {
		return errors.New("give exactly one of --grant and --refuse")
	}
	reason := strings.TrimSpace(c.String("reason"))
	if reason == "" {
		return errors.New("--reason: a vote needs a reason")
	}
	var expires uint64
	switch {
	case grant && c.String("expires") == "":
		return errors.New("--expires is needed with --grant: when the grant ends")
	case grant:
		if expires, err = parseExpiry(c.String("expires"), time.Now()); err != nil {
			return err
		}
	case c.IsSet("expires"):
		return errors.New("--expires goes with --grant only")
	}
	key, err := node.LoadKey(c.String("keystore"), c.String("password"))
	if err != nil {
		return fmt.Errorf("--keystore: %w", err)
	}
	return withReader(c, func(ctx context.Context, s *readerSetup) error {
		b, err := s.board(ctx)
		if err != nil {
			return err
		}
		// the terms come from the public chain, not from whoever asks for a vote
		a, err := s.reader.AccessRequest(ctx, id)
		if err != nil {
			return err
		}
		if a.Status != "pending" {
			return fmt.Errorf("request %s is %s on the public registry: nothing to vote on", id.Hex(), a.Status)
		}
		tx, err := b.VoteAccess(ctx, key, review.AccessBallot{RequestID: id, RecordID: a.RecordID, Requester: a.Requester,
			Grant: grant, ExpiresAt: expires, Reason: reason})
		if err != nil {
			return err
		}
		t, err := b.AccessTally(ctx, id)
		if err != nil {
			return err
		}
		verb := "refused"
		if grant {
			verb = "granted until " + time.Unix(int64(expires), 0).UTC().Format(time.RFC3339)
		}
		fmt.Fprintf(c.App.Writer, "%s voted %s request %s (record %s, requester %s): now %s (%d grants, %d refusals), tx %s\n",
			crypto.PubkeyToAddress(key.PublicKey).Hex(), verb, id.Hex(), a.RecordID.Hex(), a.Requester.Hex(), t.Status, t.Approvals, t.Rejections, tx.Hex())
		return nil
	})
}

// keysGrantAccessCommand: the security officer answers a granted request.
func keysGrantAccessCommand() *cli.Command {
	return &cli.Command{
		Name:  "grant-access",
		Usage: "deliver on the public chain the grant of a granted access request, sealed to its requester",
		Description: `Reads the request from the public registry (granted, unexpired, record neither
frozen nor shredded, not delivered yet), recovers the requester's public key from
its request's signature, has Vault decrypt the record's conditional data key
response-wrapped until the expiry (at most 24 h), seals the token and the
conditional envelope to the requester and sends DataRegistry.deliverGrant with
the officer's Vault-held key. The full record's key is never used.`,
		Flags: append([]cli.Flag{
			requestFlag, vaultAddrFlag, roleIDFlag, secretIDFlag, tokenFlag, rpcFlag, storeFlag, blobsFlag,
			&cli.StringFlag{Name: "officer-key", Usage: "Vault KV path (under validator-keys/) of the officer's chain key (the registry's securityOfficer)", Value: naming.WriterKey(naming.SecurityOfficerRole)},
		}, readerFlags...),
		Action: func(c *cli.Context) error {
			id, err := parseRequestFlag(c)
			if err != nil {
				return err
			}
			return withReader(c, func(ctx context.Context, s *readerSetup) error {
				v, err := vaultLogin(ctx, c, cmdLogger())
				if err != nil {
					return err
				}
				defer v.Close()
				store, err := readOnlyStore(ctx, c, s.manifest)
				if err != nil {
					return err
				}
				o := &access.Officer{Reader: s.reader, Txs: s.public, Store: store, Vault: v}
				made, err := o.Make(ctx, id)
				if err != nil {
					return err
				}
				key, err := v.SigningKey(ctx, c.String("officer-key"))
				if err != nil {
					return fmt.Errorf("the officer's chain key: %w", err)
				}
				reg := dataregistry.NewDataRegistry()
				rc, err := sendSigned(ctx, s, key, reg.PackDeliverGrant(id, made.Sealed), reg.UnpackError)
				if err != nil {
					return fmt.Errorf("deliver the grant of %s: %w", id.Hex(), err)
				}
				fmt.Fprintf(c.App.Writer, "grant of request %s delivered to %s (record %s): opens once, until %s (public block %d, tx %s)\n",
					id.Hex(), made.Request.Requester.Hex(), made.Request.RecordID.Hex(), made.OpenBy.UTC().Format(time.RFC3339), rc.BlockNumber, rc.TxHash.Hex())
				return nil
			})
		},
	}
}
