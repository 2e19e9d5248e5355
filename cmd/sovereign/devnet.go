package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/log"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/bridge"
	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/internal/devnet"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/zk"
)

// devnetSteps is the number of progress lines `sovereign devnet` prints
// while it sets up: public, consortium, Vault, private, content store, the
// contracts (devnet.SystemSteps), the relayer and the portal.
const devnetSteps = 7 + devnet.SystemSteps

func devnetCommand() *cli.Command {
	return &cli.Command{
		Name:  "devnet",
		Usage: "run the whole system locally (what `make devnet` starts)",
		Description: `Creates on first run, then starts, every chain of a local system under
--datadir: the public chain (a signer and a follower), the consortium
chain (four QBFT validators), a local Vault on disk (initialised and
unsealed on start; DEV ONLY: its unseal key sits beside its data) and the
private chain (one QBFT validator, or up to three, whose keys are read
from Vault into memory; SensitiveStore deployed). On the first run it
deploys the rest of the system: on the consortium the INSECURE dev
classification verifier and ReviewBoard pinning <datadir>/policy.json
(examples/policy.json), with the departments health, education and
transport; on the public chain the dev verifier, DataRegistry and
ReleaseBridge (from a certified consortium checkpoint). Every address and
URL goes to <datadir>/sovereign.json, written once everything is deployed;
later runs reuse it. It serves the content store (<datadir>/content) and
runs a relayer (--relay). Node logs go to <datadir>/logs/devnet.log; the
console shows progress, then one status table, then errors only. Runs
until Ctrl-C. Every chain is crash safe: after a kill -9 or a power cut,
run it again on the same folder and it resumes with every block that was
final. Deleting the data folder starts everything over and deletes Vault's
data with it (every key: records encrypted under them can never be opened
again).`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "datadir", Usage: "data folder of the local system", Value: ".devnet"},
			&cli.Uint64Flag{Name: "period", Usage: "public chain block period in seconds (0 = only when transactions wait)", Value: node.DefaultPeriod},
			&cli.IntFlag{Name: "accounts", Usage: fmt.Sprintf("number of funded development accounts (at least %d: deployer, supervisor, relayer, three departments)", devnet.MinAccounts), Value: 10},
			&cli.IntFlag{Name: "http.port", Usage: "first JSON-RPC port; the other nodes use the ports above it", Value: node.DefaultHTTPPort},
			&cli.IntFlag{Name: "p2p.port", Usage: "first devp2p port", Value: 30303},
			&cli.IntFlag{Name: "private.validators", Usage: "validators of the private chain (1 to 3), each with its key in Vault; fixed when the chain is created", Value: 1},
			&cli.IntFlag{Name: "vault.port", Usage: "the local Vault's loopback port (0: any free port)", Value: 8200},
			&cli.IntFlag{Name: "content.port", Usage: "the content store's loopback port (default --http.port + 300; 0: any free port)"},
			&cli.IntFlag{Name: "portal.port", Usage: "the public portal's loopback port (default --http.port + 305; 0: any free port)"},
			&cli.BoolFlag{Name: "relay", Usage: "run a relayer (consortium decisions to the public ReleaseBridge) with dev account 2", Value: true},
			&cli.DurationFlag{Name: "relay.interval", Usage: "time between the relayer's passes", Value: 2 * time.Second},
			&cli.Uint64Flag{Name: "relay.checkpoint.blocks", Usage: "the relayer anchors the consortium head as a checkpoint once it is this many blocks past the latest (0: off)"},
			&cli.DurationFlag{Name: "relay.checkpoint.every", Usage: "the relayer anchors the consortium head once its time is this far past the latest checkpoint's (0: off)", Value: 10 * time.Minute},
			&cli.StringFlag{Name: "relay.metrics.addr", Usage: "serve the relayer's Prometheus metrics (as `sovereign relay --metrics.addr`) at /metrics on this address (\"\" disables)"},
			&cli.BoolFlag{Name: "processes", Usage: "run consortium validator 3 and the public signer as their own processes (this binary's `node` command, pids in <datadir>/run, output in <datadir>/logs), supervised: restarted when they die, so a kill -9 shows the system riding out a lost validator or signer"},
			pprofFlag,
			verbosityFlag,
		},
		Action: runDevnet,
	}
}

// devnetProgress prints the numbered progress lines of the set-up.
type devnetProgress struct {
	w io.Writer
	n int
}

func (p *devnetProgress) step(what string) func(string) {
	p.n++
	fmt.Fprintf(p.w, "[%d/%d] %s… ", p.n, devnetSteps, what)
	return func(result string) { fmt.Fprintln(p.w, result) }
}

// devnetLogging sends every log line at --verbosity to <dir>/logs/devnet.log
// and errors to the console too.
func devnetLogging(c *cli.Context, dir string) (string, func(), error) {
	logDir := filepath.Join(dir, "logs")
	if err := os.MkdirAll(logDir, 0o700); err != nil {
		return "", nil, fmt.Errorf("devnet logs: %w", err)
	}
	path := filepath.Join(logDir, "devnet.log")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return "", nil, fmt.Errorf("devnet logs: %w", err)
	}
	lvl := log.FromLegacyLevel(c.Int(verbosityFlag.Name))
	log.SetDefault(log.NewLogger(slog.NewMultiHandler(
		log.NewTerminalHandlerWithLevel(f, lvl, false),
		log.NewTerminalHandlerWithLevel(c.App.ErrWriter, max(lvl, slog.LevelError), false),
	)))
	return path, func() { f.Close() }, nil
}

func runDevnet(c *cli.Context) error {
	// Checked before anything starts; Vault itself starts after the
	// chains, so its own free ports cannot take theirs.
	if p := c.Int("vault.port"); p < 0 || p > 65535 {
		return fmt.Errorf("--vault.port %d: want 0 (any free port) or 1-65535", p)
	}
	contentPort := c.Int("http.port") + 300
	if c.IsSet("content.port") {
		contentPort = c.Int("content.port")
	}
	if contentPort < 0 || contentPort > 65535 {
		return fmt.Errorf("--content.port %d: want 0 (any free port) or 1-65535", contentPort)
	}
	if n := c.Int("accounts"); n < devnet.MinAccounts {
		return fmt.Errorf("--accounts %d: at least %d (deployer, supervisor, relayer and three departments)", n, devnet.MinAccounts)
	}
	privateValidators, err := devnet.PrivateValidatorNames(c.Int("private.validators"))
	if err != nil {
		return fmt.Errorf("--private.validators: %w", err)
	}
	dir := c.String("datadir")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("--datadir: %w", err)
	}
	logPath, closeLog, err := devnetLogging(c, dir)
	if err != nil {
		return err
	}
	defer closeLog()
	ctx, stop := signalContext()
	defer stop()
	_, stopPprof, err := startPprof(c)
	if err != nil {
		return err
	}
	defer stopPprof()
	w := c.App.Writer
	p := &devnetProgress{w: w}
	fmt.Fprintf(w, "Starting the Sovereign devnet in %s (node logs: %s)\n", dir, logPath)

	done := p.step("starting the public chain (clique signer and follower)")
	runDir, logDir := filepath.Join(dir, "run"), filepath.Join(dir, "logs")
	processes := 0
	if c.Bool("processes") {
		processes = 1
	}
	pub, err := devnet.StartPublic(ctx, devnet.PublicOptions{
		Dir:           filepath.Join(dir, "public"),
		Period:        c.Uint64("period"),
		Accounts:      c.Int("accounts"),
		HTTPPort:      c.Int("http.port"),
		P2PPort:       c.Int("p2p.port"),
		SignerProcess: c.Bool("processes"),
		RunDir:        runDir, LogDir: logDir, Verbosity: c.Int(verbosityFlag.Name),
		Logger: log.Root(),
	})
	if err != nil {
		return err
	}
	defer pub.Close()
	if err := writePublicUser(filepath.Join(dir, "public"), pub.Accounts[len(pub.Accounts)-1]); err != nil {
		return err
	}
	done(pub.SignerRPC)
	done = p.step("starting the consortium (4 QBFT validators)")
	cons, err := devnet.StartConsortium(ctx, devnet.ConsortiumOptions{
		Dir:        filepath.Join(dir, "consortium"),
		Validators: 4,
		Accounts:   pub.Accounts,
		HTTPPort:   c.Int("http.port") + 100,
		P2PPort:    c.Int("p2p.port") + 10,
		Processes:  processes,
		RunDir:     runDir, LogDir: logDir, Verbosity: c.Int(verbosityFlag.Name),
		Logger: log.Root(),
	})
	if err != nil {
		return err
	}
	defer cons.Close()
	done(cons.RPC[0])
	done = p.step("starting Vault")
	vlt, err := devnet.StartVault(ctx, devnet.VaultOptions{
		Dir:        filepath.Join(dir, "vault"),
		Validators: privateValidators,
		Port:       c.Int("vault.port"),
		Logger:     log.Root(),
	})
	if err != nil {
		return err
	}
	defer vlt.Close()
	officer, err := vlt.FundOfficerOnConsortium(ctx, cons.RPC[0], pub.Accounts, cons.Addresses...)
	if err != nil {
		return err
	}
	supervisor, err := vlt.FundSupervisorOnPublic(ctx, pub.SignerRPC, pub.Accounts)
	if err != nil {
		return err
	}
	// the officer is the registry's securityOfficer: it delivers access grants there
	if err := devnet.FundAt(ctx, "public", pub.SignerRPC, pub.Accounts[0], []common.Address{officer}); err != nil {
		return err
	}
	done(vlt.Server.Addr + " (unsealed)")
	done = p.step("starting the private chain (validator keys from Vault, SensitiveStore)")
	priv, err := devnet.StartPrivate(ctx, devnet.PrivateOptions{
		Dir:        filepath.Join(dir, "private"),
		BlobsDir:   filepath.Join(dir, "blobs"),
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
	done(priv.Contracts.Store.Hex())
	done = p.step("starting the content store")
	content, err := devnet.StartContentStore(filepath.Join(dir, "content"), contentPort, log.Root())
	if err != nil {
		return err
	}
	defer content.Close()
	done(content.URL)

	departments, err := vlt.Departments(ctx)
	if err != nil {
		return err
	}
	manifest, err := devnet.DeploySystem(ctx, devnet.SystemOptions{
		Dir: dir, Public: pub, Consortium: cons, Private: priv, Officer: officer, Supervisor: supervisor, Departments: departments,
		Content: content.URL, Vault: vlt.Server.Addr, Step: p.step,
	})
	if err != nil {
		fmt.Fprintln(w, "failed")
		return err
	}

	relayState := "off (--relay=false)"
	if c.Bool("relay") {
		done = p.step("starting the relayer")
		key := pub.Accounts[devnet.RelayerAccount].Key
		var rm *bridge.Metrics
		var metricsURL string
		if addr := c.String("relay.metrics.addr"); addr != "" {
			m := node.NewMetrics()
			served, stop, err := serveMetricsFlag("relay.metrics.addr", addr, m)
			if err != nil {
				fmt.Fprintln(w, "failed")
				return err
			}
			defer stop()
			rm, metricsURL = bridge.NewMetrics(m.Registry), "http://"+served+node.MetricsPath
		}
		r, err := devnet.StartRelayer(ctx, devnet.RelayerOptions{
			ConsortiumURL: manifest.Consortium.RPC[0], PublicURL: manifest.Public.RPC[0], Bridge: manifest.Public.Bridge,
			Key: key, Interval: c.Duration("relay.interval"),
			CheckpointBlocks: c.Uint64("relay.checkpoint.blocks"), CheckpointEvery: c.Duration("relay.checkpoint.every"),
			Logger: log.Root().With("service", "relayer"), Metrics: rm,
		})
		if err != nil {
			fmt.Fprintln(w, "failed")
			return err
		}
		defer r.Close()
		relayState = fmt.Sprintf("running as %s (dev account %d), a pass every %s, to ReleaseBridge %s; its log lines in %s",
			r.Address.Hex(), devnet.RelayerAccount, c.Duration("relay.interval"), manifest.Public.Bridge.Hex(), logPath)
		if metricsURL != "" {
			relayState += "; metrics at " + metricsURL
		}
		done("running")
	} else {
		p.step("relayer")("off (--relay=false)")
	}

	done = p.step("starting the public portal")
	portalPort := c.Int("http.port") + 305
	if c.IsSet("portal.port") {
		portalPort = c.Int("portal.port")
	}
	portalSvc, closePortal, err := devnet.StartPortal(ctx, devnet.PortalOptions{Dir: filepath.Join(dir, "portal"), Port: portalPort,
		Manifest: manifest, Logger: log.Root().With("service", "portal")})
	if err != nil {
		fmt.Fprintln(w, "failed")
		return err
	}
	defer closePortal()
	done(portalSvc.URL)

	writeDevnetSummary(w, devnetSummary{
		dir: dir, logPath: logPath, pub: pub, cons: cons, vlt: vlt, priv: priv, manifest: manifest,
		officer: officer.Hex(), supervisor: supervisor.Hex(), relay: relayState, contentDir: content.Dir,
		portal: portalSvc.URL, portalDir: filepath.Join(dir, "portal"),
	})
	<-ctx.Done()
	log.Info("Shutting down devnet")
	fmt.Fprintln(w, "Shutting down the devnet")
	return nil
}

// processNote says where a node running as its own process keeps its pid.
func processNote(c *devnet.Child) string {
	if c == nil {
		return ""
	}
	return fmt.Sprintf("  (own process: pid in %s, output in %s)", c.PidFile, c.LogFile)
}

type devnetSummary struct {
	dir, logPath, officer, relay, contentDir string
	supervisor, portal, portalDir            string
	pub                                      *devnet.PublicNet
	cons                                     *devnet.ConsortiumNet
	vlt                                      *devnet.VaultNet
	priv                                     *devnet.PrivateNet
	manifest                                 *deploy.Manifest
}

// writeDevnetSummary prints the one status table of a running devnet.
func writeDevnetSummary(w io.Writer, s devnetSummary) {
	m, pub, cons := s.manifest, s.pub, s.cons
	accounts := pub.Accounts
	fmt.Fprintf(w, "\nSovereign devnet is running (data in %s). Ctrl-C stops it.\n", s.dir)
	fmt.Fprintf(w, "\nPublic chain (clique, chain id %d, period %ds)\n", pub.Genesis.Config.ChainID, pub.Genesis.Config.Clique.Period)
	fmt.Fprintf(w, "  signer   %s  http %s  ws %s%s\n", pub.SignerAddress.Hex(), pub.SignerRPC, pub.SignerWS, processNote(pub.SignerChild))
	fmt.Fprintf(w, "  follower %-42s  http %s  ws %s\n", "(verifies and relays, no key)", pub.Follower.HTTPEndpoint(), pub.Follower.WSEndpoint())
	fmt.Fprintf(w, "  DataRegistry   %s  (supervisor %s, security officer %s: Vault-held keys)\n",
		m.Public.Registry.Hex(), s.supervisor, s.officer)
	cp := ""
	if m.Consortium.Checkpoint != nil {
		cp = fmt.Sprintf("  (from certified consortium block %d)", m.Consortium.Checkpoint.Block)
	}
	fmt.Fprintf(w, "  ReleaseBridge  %s%s\n", m.Public.Bridge.Hex(), cp)
	fmt.Fprintf(w, "  verifier       %s  (ClassificationVerifier16, INSECURE dev keys)\n", m.Public.Verifier.Hex())

	fmt.Fprintf(w, "\nConsortium chain (QBFT, chain id %d, 1 s blocks, final on commit)\n", cons.Genesis.Config.ChainID)
	for i := range cons.RPC {
		var child *devnet.Child
		if k := i - len(cons.Validators); k >= 0 {
			child = cons.Children[k]
		}
		fmt.Fprintf(w, "  validator%d %s  http %s  ws %s%s\n", i, cons.Addresses[i].Hex(), cons.RPC[i], cons.WS[i], processNote(child))
	}
	fmt.Fprintf(w, "  ValidatorSet   %s\n", m.Consortium.ValidatorSet.Hex())
	fmt.Fprintf(w, "  ReviewBoard    %s  (policy %#x, %s)\n", m.Consortium.ReviewBoard.Hex(), m.Consortium.Policy, filepath.Join(s.dir, devnet.PolicyFile))
	fmt.Fprintf(w, "  verifier       %s  (ClassificationVerifier16, INSECURE dev keys)\n", m.Consortium.Verifier.Hex())
	for _, d := range m.Departments {
		fmt.Fprintf(w, "  department %-10s %s  (its Vault-held key; datasets %s)\n", d.Name, d.Account.Hex(), strings.Join(devnet.DevDatasets(d.Name), ", "))
	}

	devnet.WritePrivateSummary(w, s.vlt, s.priv)

	fmt.Fprintf(w, "\nServices\n")
	fmt.Fprintf(w, "  content store  %s  (PUT and GET /{sha256 hex}; files in %s)\n", m.Content, s.contentDir)
	fmt.Fprintf(w, "  relayer        %s\n", s.relay)
	fmt.Fprintf(w, "  portal         %s  (catalogue, verify, /catalog.jsonld, /feed.atom; index in %s)\n", s.portal, s.portalDir)
	fmt.Fprintf(w, "  manifest       %s  (every address and URL above)\n", filepath.Join(s.dir, deploy.ManifestFile))
	fmt.Fprintf(w, "  node logs      %s\n", s.logPath)
	fmt.Fprintf(w, "  examples       examples/ (policy.json, columns.json, stays.csv: a record to submit)\n")
	fmt.Fprint(w, insecureBanner)
	fmt.Fprintf(w, "  ^ the classification verifiers above check proofs of the INSECURE dev keys (seed %q):\n    anyone can forge proofs they accept. Devnet only.\n", zk.DevSeed)

	roles := map[int]string{devnet.DeployerAccount: "deployer", devnet.RelayerAccount: "relayer"}
	fmt.Fprintf(w, "\nFunded development accounts (1,000,000 ETH each on every chain). These keys are public by\nconstruction (derived from a published seed): never use them on a real network.\n")
	for i, a := range accounts {
		fmt.Fprintf(w, "  (%d) %s  %s  %s\n", i, a.Address.Hex(), hexutil.Encode(crypto.FromECDSA(a.Key)), roles[i])
	}
	fmt.Fprintln(w)
}

// writePublicUser writes the keystore of a funded development account as the
// walkthroughs' member of the public (public/user.keystore.json, password in
// user.password.DEV-ONLY): it requests access and opens grants. Development
// accounts are public knowledge; the file is a convenience, once.
func writePublicUser(dir string, a devnet.Account) error {
	ks, pw := filepath.Join(dir, "user.keystore.json"), filepath.Join(dir, "user.password.DEV-ONLY")
	if _, err := os.Stat(ks); err == nil {
		return nil
	}
	const password = "sovereign-devnet-user"
	if err := os.WriteFile(pw, []byte(password+"\n"), 0o600); err != nil {
		return fmt.Errorf("devnet: the public user's password file: %w", err)
	}
	if err := node.WriteKey(ks, a.Key, password, true); err != nil {
		return fmt.Errorf("devnet: the public user's keystore: %w", err)
	}
	return nil
}
