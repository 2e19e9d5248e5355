package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/sidechains/private/auditchain"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/records/chainstore"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultbench"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
)

// Flags shared by the commands that talk to Vault and the private chain.
var (
	// Vault flags in geth's dotted style, as the nodes' --vault.*; the
	// earlier spellings (vault-addr, role-id, secret-id-file, vault-token)
	// still parse.
	vaultAddrFlag = &cli.StringFlag{Name: "vault.addr", Aliases: []string{"vault-addr"}, Usage: "Vault server address", EnvVars: []string{"VAULT_ADDR"}, Value: "http://127.0.0.1:8200"}
	roleIDFlag    = &cli.StringFlag{Name: "vault.role-id", Aliases: []string{"role-id"}, Usage: "AppRole role ID", EnvVars: []string{"SOVEREIGN_VAULT_ROLE_ID"}}
	secretIDFlag  = &cli.StringFlag{Name: "vault.secret-id-file", Aliases: []string{"secret-id-file"}, Usage: "file holding the AppRole secret ID", EnvVars: []string{"SOVEREIGN_VAULT_SECRET_ID_FILE"}}
	tokenFlag     = &cli.StringFlag{Name: "vault.token", Aliases: []string{"vault-token"}, Usage: "use this token (e.g. a grant) instead of an AppRole login", EnvVars: []string{"VAULT_TOKEN"}}
	keyFlag       = &cli.StringFlag{Name: "key", Usage: "transit key of a dataset: <department>.<dataset>", Required: true}
	rpcFlag       = &cli.StringFlag{Name: "rpc", Usage: "JSON-RPC URL of the private chain", Value: "http://127.0.0.1:8745"}
	storeFlag     = &cli.StringFlag{Name: "store", Usage: "SensitiveStore contract address on the private chain"}
	blobsFlag     = &cli.StringFlag{Name: "blobs", Usage: "folder of the (encrypted) ciphertext blobs", Value: "private-blobs"}
	writerFlag    = &cli.StringFlag{Name: "writer-key", Usage: "Vault KV path (under validator-keys/) of the chain signing key; default writers/<role>"}
	chainWaitFlag = &cli.DurationFlag{Name: "chain-timeout", Usage: "deadline for each private-chain transaction's receipt (an RPC call gets at most 30 s)", Value: chainstore.DefaultWaitTimeout}
)

var vaultFlags = []cli.Flag{vaultAddrFlag, roleIDFlag, secretIDFlag, tokenFlag, manifestFlag}
var chainFlags = []cli.Flag{rpcFlag, storeFlag, blobsFlag, writerFlag, chainWaitFlag}

// keysCommand groups the security officer's key operations.
func keysCommand() *cli.Command {
	return &cli.Command{
		Name:  "keys",
		Usage: "security officers: rotate, rewrap, shred and grant Vault keys; anchor the audit log",
		Description: `Transit keys are named <department>.<dataset>. Log in with the AppRole
credentials of the security officer (--vault.role-id, --vault.secret-id-file); chain writes
are signed with a key read from Vault KV into memory.`,
		Subcommands: []*cli.Command{
			keysRotateCommand(),
			keysRewrapCommand(),
			keysShredCommand(),
			keysGrantCommand(),
			keysGrantAccessCommand(),
			keysAuditAnchorCommand(),
		},
	}
}

var (
	// errNoLogin is returned without AppRole credentials or a token.
	errNoLogin = errors.New("no Vault login: give --vault.role-id and --vault.secret-id-file, or --vault.token")
	// errNoStore is returned when a chain command lacks the store address.
	errNoStore = errors.New("--store (the SensitiveStore address) is required")
	// errShredNotConfirmed is returned by shred without --yes.
	errShredNotConfirmed = errors.New("shredding destroys the dataset's key for good: add --yes to confirm")
)

// vaultLogin connects to Vault as the caller's role.
func vaultLogin(ctx context.Context, c *cli.Context, log *slog.Logger) (*vaultclient.Client, error) {
	if t := c.String(tokenFlag.Name); t != "" {
		return vaultclient.New(vaultAddr(c), vaultclient.WithToken(t), vaultclient.WithLogger(log))
	}
	roleID, secretFile := c.String(roleIDFlag.Name), c.String(secretIDFlag.Name)
	if roleID == "" || secretFile == "" {
		return nil, errNoLogin
	}
	secret, err := os.ReadFile(secretFile)
	if err != nil {
		return nil, fmt.Errorf("reading the secret ID: %w", err)
	}
	v, err := vaultclient.New(vaultAddr(c), vaultclient.WithLogger(log))
	if err != nil {
		return nil, err
	}
	if err := v.LoginAppRole(ctx, roleID, strings.TrimSpace(string(secret))); err != nil {
		return nil, err
	}
	return v, nil
}

// vaultAddr is --vault.addr, or the manifest's Vault when the flag is not given.
func vaultAddr(c *cli.Context) string {
	if m, err := loadManifest(c); err == nil && m != nil && m.Vault != "" {
		return flagOr(c, vaultAddrFlag.Name, m.Vault)
	}
	return c.String(vaultAddrFlag.Name)
}

// chainStore opens the SensitiveStore, signing with a key read from Vault KV.
func chainStore(ctx context.Context, c *cli.Context, v *vaultclient.Client, defaultWriter string) (*chainstore.Store, error) {
	store, _, err := chainStoreWithKey(ctx, c, v, defaultWriter)
	return store, err
}

// chainStoreWithKey is chainStore that also returns the signing key (a
// department's key signs its submissions on the consortium too). Addresses
// not given as flags come from the manifest, when there is one.
func chainStoreWithKey(ctx context.Context, c *cli.Context, v *vaultclient.Client, defaultWriter string) (*chainstore.Store, *ecdsa.PrivateKey, error) {
	m, err := loadManifest(c)
	if err != nil {
		return nil, nil, err
	}
	storeAddr, rpc := c.String(storeFlag.Name), c.String(rpcFlag.Name)
	if m != nil {
		storeAddr = flagOr(c, storeFlag.Name, m.Private.Store.Hex())
		rpc = flagOr(c, rpcFlag.Name, first(m.Private.RPC))
	}
	if storeAddr == "" {
		return nil, nil, errNoStore
	}
	addr, err := parseAddress(storeAddr)
	if err != nil {
		return nil, nil, fmt.Errorf("--store: %w", err)
	}
	client, err := ethclient.DialContext(ctx, rpc)
	if err != nil {
		return nil, nil, fmt.Errorf("private chain %s: %w", rpc, err)
	}
	cctx, cancel := context.WithTimeout(ctx, chainstore.DefaultCallTimeout)
	chainID, err := client.ChainID(cctx)
	cancel()
	if err != nil {
		return nil, nil, fmt.Errorf("private chain %s: %w", rpc, err)
	}
	path := c.String(writerFlag.Name)
	if path == "" {
		path = defaultWriter
	}
	key, err := v.SigningKey(ctx, path)
	if err != nil {
		return nil, nil, err
	}
	blobs := c.String(blobsFlag.Name)
	if m != nil {
		blobs = flagOr(c, blobsFlag.Name, m.Private.Blobs)
	}
	store, err := chainstore.New(client, addr, bind.NewKeyedTransactor(key, chainID), blobs,
		chainstore.WithTimeouts(0, c.Duration(chainWaitFlag.Name)))
	if err != nil {
		return nil, nil, err
	}
	// A wrong address fails here, before any data key is made or salt written.
	if err := store.Check(ctx); err != nil {
		return nil, nil, fmt.Errorf("--store %s on %s: %w", addr.Hex(), rpc, err)
	}
	return store, key, nil
}

func cmdLogger() *slog.Logger { return slog.New(slog.NewTextHandler(os.Stderr, nil)) }

// progressBar draws "[#####.....] done/total" on w (the app's error writer).
func progressBar(w io.Writer, label string) sensitive.Progress {
	return func(done, total int) {
		const width = 30
		n := width
		if total > 0 {
			n = width * done / total
		}
		fmt.Fprintf(w, "\r%s [%s%s] %d/%d", label, strings.Repeat("#", n), strings.Repeat(".", width-n), done, total)
		if done == total {
			fmt.Fprintln(w)
		}
	}
}

func keysRotateCommand() *cli.Command {
	return &cli.Command{
		Name:  "rotate",
		Usage: "rotate a dataset's transit key, then rewrap every record on chain in batches",
		Flags: append(append([]cli.Flag{keyFlag,
			&cli.BoolFlag{Name: "no-rewrap", Usage: "only rotate; rewrap later with 'keys rewrap'"},
			&cli.IntFlag{Name: "batch", Usage: "records per rewrap batch", Value: sensitive.DefaultBatch}},
			vaultFlags...), chainFlags...),
		Action: func(c *cli.Context) error {
			return withOfficer(c, func(ctx context.Context, v *vaultclient.Client, key string) error {
				ver, err := v.Rotate(ctx, key)
				if err != nil {
					return err
				}
				fmt.Fprintf(c.App.Writer, "rotated %s: latest version %d\n", key, ver)
				// its conditional key (the records' level <= 1 columns, for access grants) with it
				switch cv, err := v.Conditional().Rotate(ctx, key); {
				case errors.Is(err, vaultclient.ErrNotFound):
					fmt.Fprintf(c.App.Writer, "%s has no conditional key (Vault set-up predates them): nothing more to rotate\n", key)
				case err != nil:
					return fmt.Errorf("rotated %s, but not its conditional key (run 'keys rotate' again later): %w", key, err)
				default:
					fmt.Fprintf(c.App.Writer, "rotated %s's conditional key: latest version %d\n", key, cv)
				}
				if c.Bool("no-rewrap") {
					fmt.Fprintf(c.App.Writer, "older versions stay usable until 'keys rewrap --key %s' has rewrapped every record and retired them\n", key)
					return nil
				}
				return rewrap(ctx, c, v, key)
			})
		},
	}
}

func keysRewrapCommand() *cli.Command {
	return &cli.Command{
		Name:  "rewrap",
		Usage: "rewrap the records of a dataset still under an older key version",
		Flags: append(append([]cli.Flag{keyFlag,
			&cli.IntFlag{Name: "batch", Usage: "records per rewrap batch", Value: sensitive.DefaultBatch}},
			vaultFlags...), chainFlags...),
		Action: func(c *cli.Context) error {
			return withOfficer(c, func(ctx context.Context, v *vaultclient.Client, key string) error {
				return rewrap(ctx, c, v, key)
			})
		},
	}
}

func rewrap(ctx context.Context, c *cli.Context, v *vaultclient.Client, key string) error {
	store, err := chainStore(ctx, c, v, naming.WriterKey(naming.SecurityOfficerRole))
	if err != nil {
		return err
	}
	svc := sensitive.New(v, store, sensitive.WithBatch(c.Int("batch")), sensitive.WithLogger(cmdLogger()))
	res, err := svc.Rewrap(ctx, key, progressBar(c.App.ErrWriter, "rewrap "+key))
	if err != nil {
		if res != nil && res.Rewrapped > 0 {
			fmt.Fprintf(c.App.Writer, "rewrapped %d records of %s before the error; run 'keys rewrap --key %s' again to finish\n", res.Rewrapped, key, key)
		}
		return err
	}
	fmt.Fprintf(c.App.Writer, "rewrapped %d records of %s: every record is under version %d\n", res.Rewrapped, key, res.LatestVersion)
	switch {
	case res.Retired > 0:
		fmt.Fprintf(c.App.Writer, "retired versions %d-%d of %s (min_decryption_version %d): wrapped keys older than v%d, e.g. in the chain's history, no longer decrypt\n",
			res.MinDecryptionVersion-res.Retired, res.MinDecryptionVersion-1, key, res.MinDecryptionVersion, res.MinDecryptionVersion)
	case res.MinDecryptionVersion > 1:
		fmt.Fprintf(c.App.Writer, "versions below %d of %s were already retired\n", res.MinDecryptionVersion, key)
	default:
		fmt.Fprintf(c.App.Writer, "%s has one version: nothing to retire\n", key)
	}
	cres, err := svc.RewrapConditional(ctx, key, progressBar(c.App.ErrWriter, "rewrap "+key+" (conditional)"))
	switch {
	case errors.Is(err, vaultclient.ErrNotFound):
		fmt.Fprintf(c.App.Writer, "%s has no conditional key (Vault set-up predates them)\n", key)
		return nil
	case err != nil:
		if cres != nil && cres.Rewrapped > 0 {
			fmt.Fprintf(c.App.Writer, "rewrapped %d conditional envelopes of %s before the error; run 'keys rewrap --key %s' again to finish\n", cres.Rewrapped, key, key)
		}
		return err
	}
	fmt.Fprintf(c.App.Writer, "rewrapped %d conditional envelopes of %s: every one is under version %d of its conditional key (older versions retired: below v%d)\n",
		cres.Rewrapped, key, cres.LatestVersion, cres.MinDecryptionVersion)
	return nil
}

func keysShredCommand() *cli.Command {
	return &cli.Command{
		Name:  "shred",
		Usage: "destroy a dataset's transit key, mark its records on the private chain and record the shred receipt on the consortium (the relayer carries it to the public registry)",
		Description: `The steps run in this order, each finished or skipped when already done, so
a run cut short at any point is finished by running it again: the Vault
shred mark, the key's deletion, the private chain's marks, the receipt on
ReviewBoard (signed with the officer's Vault-held key). From the receipt on,
the consortium takes no new version, approval or access grant of the dataset.`,
		Flags: append(append([]cli.Flag{keyFlag, &cli.BoolFlag{Name: "yes", Usage: "confirm: the data becomes unreadable for good"},
			reviewRPCFlag, reviewBoardFlag},
			vaultFlags...), chainFlags...),
		Action: func(c *cli.Context) error {
			if !c.Bool("yes") {
				return errShredNotConfirmed
			}
			return withOfficer(c, func(ctx context.Context, v *vaultclient.Client, key string) error {
				// the consortium is reached before anything is destroyed: a
				// wrong address fails here, not after the key is gone
				board, err := dialBoard(ctx, c)
				if err != nil {
					return err
				}
				defer board.Close()
				store, officer, err := chainStoreWithKey(ctx, c, v, naming.WriterKey(naming.SecurityOfficerRole))
				if err != nil {
					return err
				}
				rc, err := sensitive.New(v, store, sensitive.WithLogger(cmdLogger())).Shred(ctx, key)
				if err != nil {
					return err
				}
				if rc.AlreadyShredded {
					fmt.Fprintf(c.App.Writer, "%s was already shredded at %s: %d records, receipt 0x%x (the one on the private chain)\n",
						key, rc.At.Format(time.RFC3339), rc.Records, chainstore.ReceiptHash(rc.ShredReceipt))
				} else {
					fmt.Fprintf(c.App.Writer, "shredded %s: %d records, receipt 0x%x\n", key, rc.Records, chainstore.ReceiptHash(rc.ShredReceipt))
				}
				if _, err := v.Key(ctx, key); !errors.Is(err, vaultclient.ErrNotFound) {
					return fmt.Errorf("the key %s still answers after the shred: %v", key, err)
				}
				fmt.Fprintf(c.App.Writer, "check: transit key %s no longer exists; its records cannot be decrypted\n", key)
				department, dataset, _ := naming.SplitTransitKey(key)
				datasetID, receipt := record.DatasetID(department, dataset), chainstore.ReceiptHash(rc.ShredReceipt)
				tx, already, err := board.RecordShred(ctx, officer, datasetID, receipt)
				if err != nil {
					return fmt.Errorf("the key is destroyed, the receipt is not yet on the consortium (run again to finish): %w", err)
				}
				if already {
					fmt.Fprintf(c.App.Writer, "receipt 0x%x was already on the consortium's ReviewBoard for dataset 0x%x: nothing more to do\n", receipt, datasetID)
				} else {
					fmt.Fprintf(c.App.Writer, "receipt 0x%x recorded on the consortium's ReviewBoard for dataset 0x%x (tx %s); the relayer carries it to the public registry\n", receipt, datasetID, tx.Hex())
				}
				return nil
			})
		},
	}
}

func keysGrantCommand() *cli.Command {
	return &cli.Command{
		Name:  "grant",
		Usage: "grant a time-limited right to decrypt one dataset (a Vault token, optionally response-wrapped)",
		Flags: append([]cli.Flag{keyFlag,
			&cli.DurationFlag{Name: "ttl", Usage: "how long the grant lasts", Value: time.Hour},
			&cli.DurationFlag{Name: "wrap-ttl", Usage: "hand out a single-use wrapping token valid this long instead of the token"},
			&cli.BoolFlag{Name: "json", Usage: "print the grant as JSON"}},
			vaultFlags...),
		Action: func(c *cli.Context) error {
			return withOfficer(c, func(ctx context.Context, v *vaultclient.Client, key string) error {
				g, err := v.GrantDecrypt(ctx, key, c.Duration("ttl"), c.Duration("wrap-ttl"))
				if err != nil {
					return err
				}
				if c.Bool("json") {
					return printJSON(c.App.Writer, grantJSON{Key: key, ExpiresAt: g.ExpiresAt.UTC(), Policy: g.Policy, Accessor: g.Accessor,
						Token: g.Token, WrappingToken: g.WrappingToken})
				}
				fmt.Fprintf(c.App.Writer, "grant on %s until %s (policy %s, accessor %s)\n", key, g.ExpiresAt.UTC().Format(time.RFC3339), g.Policy, g.Accessor)
				if g.WrappingToken != "" {
					fmt.Fprintf(c.App.Writer, "wrapping token (single use, unwrap with 'vault unwrap'): %s\n", g.WrappingToken)
				} else {
					fmt.Fprintf(c.App.Writer, "token: %s\n", g.Token)
				}
				return nil
			})
		},
	}
}

// grantJSON is the grant of `keys grant --json`: Token, or WrappingToken
// with --wrap-ttl.
type grantJSON struct {
	Key           string    `json:"key"`
	ExpiresAt     time.Time `json:"expiresAt"`
	Policy        string    `json:"policy"`
	Accessor      string    `json:"accessor"`
	Token         string    `json:"token,omitempty"`
	WrappingToken string    `json:"wrappingToken,omitempty"`
}

func keysAuditAnchorCommand() *cli.Command {
	return &cli.Command{
		Name:  "audit-anchor",
		Usage: "hash-chain the Vault audit log and anchor its head on the consortium chain",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "audit-log", Usage: "Vault's file audit log", Required: true},
			&cli.StringFlag{Name: "state", Usage: "file keeping the last anchored head (so each run only reads new entries)", Required: true},
			&cli.StringFlag{Name: "rpc", Usage: "JSON-RPC URL of the consortium chain (default: the manifest's, else http://127.0.0.1:8645)", Value: "http://127.0.0.1:8645"},
			&cli.BoolFlag{Name: "dry-run", Usage: "compute and print the head without anchoring it"},
			writerFlag, chainWaitFlag},
			vaultFlags...),
		Action: func(c *cli.Context) error {
			ctx, cancel := signalContext()
			defer cancel()
			prev, err := auditchain.LoadState(c.String("state"))
			if err != nil {
				return err
			}
			head, err := auditchain.ExtendFile(prev, c.String("audit-log"))
			if err != nil {
				return err
			}
			fmt.Fprintf(c.App.Writer, "audit head %s (+%d entries since the last anchor)\n", head, head.Entries-prev.Entries)
			if c.Bool("dry-run") {
				return nil
			}
			v, err := vaultLogin(ctx, c, cmdLogger())
			if err != nil {
				return err
			}
			defer v.Close()
			path := c.String(writerFlag.Name)
			if path == "" {
				path = naming.WriterKey(naming.SecurityOfficerRole)
			}
			key, err := v.SigningKey(ctx, path)
			if err != nil {
				return err
			}
			m, err := loadManifest(c)
			if err != nil {
				return err
			}
			rpc := c.String("rpc")
			if m != nil {
				rpc = flagOr(c, "rpc", first(m.Consortium.RPC))
			}
			client, err := ethclient.DialContext(ctx, rpc)
			if err != nil {
				return fmt.Errorf("consortium chain %s: %w", rpc, err)
			}
			wait := c.Duration(chainWaitFlag.Name)
			actx, cancel := context.WithTimeout(ctx, wait)
			defer cancel()
			tx, err := auditchain.Anchor(actx, client, key, head)
			if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
				return fmt.Errorf("consortium chain %s: no mined anchor within %s (--chain-timeout); the state file is unchanged, re-run to anchor: %w", rpc, wait, err)
			}
			if err != nil {
				return err
			}
			if err := auditchain.SaveState(c.String("state"), head); err != nil {
				return err
			}
			fmt.Fprintf(c.App.Writer, "anchored in tx %s\n", tx.Hex())
			return nil
		},
	}
}

// withOfficer validates --key, logs in and runs fn.
func withOfficer(c *cli.Context, fn func(ctx context.Context, v *vaultclient.Client, key string) error) error {
	key := c.String(keyFlag.Name)
	if _, _, err := naming.SplitTransitKey(key); err != nil {
		return fmt.Errorf("--key: %w", err)
	}
	ctx, cancel := signalContext()
	defer cancel()
	v, err := vaultLogin(ctx, c, cmdLogger())
	if err != nil {
		return err
	}
	defer v.Close()
	return fn(ctx, v, key)
}

func benchVaultCommand() *cli.Command {
	def := vaultbench.DefaultConfig()
	return &cli.Command{
		Name:  "vault",
		Usage: "envelope encryption of 1 KiB records on a real Vault: batched vs one request each",
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "records", Usage: "records of the batched run", Value: def.Records},
			&cli.IntFlag{Name: "single-records", Usage: "records of the one-request-each run", Value: def.SingleRecords},
			&cli.IntFlag{Name: "size", Usage: "record size in bytes", Value: def.RecordSize},
			&cli.IntFlag{Name: "batch", Usage: "data keys per batched request", Value: def.Batch},
		},
		Action: func(c *cli.Context) error {
			ctx, cancel := signalContext()
			defer cancel()
			res, err := vaultbench.Run(ctx, vaultbench.Config{
				Records: c.Int("records"), SingleRecords: c.Int("single-records"), RecordSize: c.Int("size"), Batch: c.Int("batch"),
			}, nil)
			if err != nil {
				return err
			}
			res.Print(c.App.Writer)
			return nil
		},
	}
}
