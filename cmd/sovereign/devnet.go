package main

import (
	"fmt"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/log"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/internal/devnet"
	"github.com/sovereign-gov/sovereign/node"
)

func devnetCommand() *cli.Command {
	return &cli.Command{
		Name:  "devnet",
		Usage: "run the whole system locally (what `make devnet` starts)",
		Description: `Creates on first run, then starts, every chain of a local system under
--datadir: the public chain (a signer and a follower), the consortium
chain (four QBFT validators), a local Vault on disk (initialised and
unsealed on start; DEV ONLY: its unseal key sits beside its data) and the
private chain (one QBFT validator, or up to three, whose keys are read
from Vault into memory; SensitiveStore deployed). Prints the Vault
address, the JSON-RPC URLs and the funded development accounts, and runs
until Ctrl-C. Every chain is crash safe: after a kill -9 or a power cut,
run it again on the same folder and it resumes with every block that was
final. Deleting the data folder starts everything over and deletes Vault's
data with it (every key: records encrypted under them can never be opened
again).`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "datadir", Usage: "data folder of the local system", Value: ".devnet"},
			&cli.Uint64Flag{Name: "period", Usage: "public chain block period in seconds (0 = only when transactions wait)", Value: node.DefaultPeriod},
			&cli.IntFlag{Name: "accounts", Usage: "number of funded development accounts", Value: 10},
			&cli.IntFlag{Name: "http.port", Usage: "first JSON-RPC port; the other nodes use the ports above it", Value: node.DefaultHTTPPort},
			&cli.IntFlag{Name: "p2p.port", Usage: "first devp2p port", Value: 30303},
			&cli.IntFlag{Name: "private.validators", Usage: "validators of the private chain (1 to 3), each with its key in Vault; fixed when the chain is created", Value: 1},
			&cli.IntFlag{Name: "vault.port", Usage: "the local Vault's loopback port (0: any free port)", Value: 8200},
			verbosityFlag,
		},
		Action: func(c *cli.Context) error {
			setupLogging(c)
			// Checked before anything starts; Vault itself starts after the
			// chains, so its own free ports cannot take theirs.
			if p := c.Int("vault.port"); p < 0 || p > 65535 {
				return fmt.Errorf("--vault.port %d: want 0 (any free port) or 1-65535", p)
			}
			privateValidators, err := devnet.PrivateValidatorNames(c.Int("private.validators"))
			if err != nil {
				return fmt.Errorf("--private.validators: %w", err)
			}
			pub, err := devnet.StartPublic(devnet.PublicOptions{
				Dir:      filepath.Join(c.String("datadir"), "public"),
				Period:   c.Uint64("period"),
				Accounts: c.Int("accounts"),
				HTTPPort: c.Int("http.port"),
				P2PPort:  c.Int("p2p.port"),
				Logger:   log.Root(),
			})
			if err != nil {
				return err
			}
			defer pub.Close()
			cons, err := devnet.StartConsortium(devnet.ConsortiumOptions{
				Dir:        filepath.Join(c.String("datadir"), "consortium"),
				Validators: 4,
				Accounts:   pub.Accounts,
				HTTPPort:   c.Int("http.port") + 100,
				P2PPort:    c.Int("p2p.port") + 10,
				Logger:     log.Root(),
			})
			if err != nil {
				return err
			}
			defer cons.Close()
			vlt, err := devnet.StartVault(c.Context, devnet.VaultOptions{
				Dir:        filepath.Join(c.String("datadir"), "vault"),
				Validators: privateValidators,
				Port:       c.Int("vault.port"),
				Logger:     log.Root(),
			})
			if err != nil {
				return err
			}
			defer vlt.Close()
			if _, err := vlt.FundOfficerOnConsortium(c.Context, cons.Validators[0].HTTPEndpoint(), pub.Accounts); err != nil {
				return err
			}
			priv, err := devnet.StartPrivate(c.Context, devnet.PrivateOptions{
				Dir:        filepath.Join(c.String("datadir"), "private"),
				BlobsDir:   filepath.Join(c.String("datadir"), "blobs"),
				Vault:      vlt,
				Validators: privateValidators,
				Accounts:   pub.Accounts,
				HTTPPort:   c.Int("http.port") + 200,
				P2PPort:    c.Int("p2p.port") + 20,
				Logger:     log.Root(),
			})
			if err != nil {
				return err
			}
			defer priv.Close()

			w := c.App.Writer
			signer, _ := pub.Signer.Clique.Signer()
			fmt.Fprintf(w, "\nSovereign devnet is running (data in %s). Ctrl-C stops it.\n\n", c.String("datadir"))
			fmt.Fprintf(w, "Public chain (clique, chain id %d, period %ds)\n", pub.Genesis.Config.ChainID, pub.Genesis.Config.Clique.Period)
			fmt.Fprintf(w, "  signer   %s  http %s  ws %s\n", signer.Hex(), pub.Signer.HTTPEndpoint(), pub.Signer.WSEndpoint())
			fmt.Fprintf(w, "  follower %-42s  http %s  ws %s\n", "(verifies and relays, no key)", pub.Follower.HTTPEndpoint(), pub.Follower.WSEndpoint())
			fmt.Fprintf(w, "\nConsortium chain (QBFT, chain id %d, 1 s blocks, final on commit)\n", cons.Genesis.Config.ChainID)
			for i, v := range cons.Validators {
				fmt.Fprintf(w, "  validator%d %s  http %s  ws %s\n", i, cons.Addresses[i].Hex(), v.HTTPEndpoint(), v.WSEndpoint())
			}
			devnet.WritePrivateSummary(w, vlt, priv)
			fmt.Fprintf(w, "\nFunded development accounts (1,000,000 ETH each on every chain). These keys are public by\nconstruction (derived from a published seed): never use them on a real network.\n")
			for i, a := range pub.Accounts {
				fmt.Fprintf(w, "  (%d) %s  %s\n", i, a.Address.Hex(), hexutil.Encode(crypto.FromECDSA(a.Key)))
			}
			fmt.Fprintln(w)
			ctx, stop := signalContext()
			defer stop()
			<-ctx.Done()
			log.Info("Shutting down devnet")
			return nil
		},
	}
}
