package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/portal"
)

// portalCommand runs the public web portal: it indexes the public
// registry (and the consortium's ReviewBoard) and serves the catalogue.
func portalCommand() *cli.Command {
	var flags []cli.Flag
	for _, f := range readerFlags {
		if f.Names()[0] != "json" {
			flags = append(flags, f)
		}
	}
	return &cli.Command{
		Name:  "portal",
		Usage: "serve the public web portal: catalogue, dataset pages, downloads, browser verification, DCAT-AP and Atom",
		Description: `The portal follows the public chain's DataRegistry (and, when it knows the
consortium, the ReviewBoard's proofs and votes) into an SQLite index in
--index.dir, or with --index.postgres into a PostgreSQL database (for
deployments with many readers; one portal indexes a database at a time),
which it can always rebuild from the chains (delete the folder, or drop the
portal's tables). It holds no keys. It listens on loopback unless --listen says otherwise.`,
		Flags: append(flags,
			&cli.StringFlag{Name: "listen", Usage: "host:port to serve on", Value: "127.0.0.1:8880"},
			&cli.StringFlag{Name: "index.dir", Usage: "folder of the portal's SQLite index", Value: "portal-index"},
			&cli.StringFlag{Name: "index.postgres", Usage: "PostgreSQL URL of the portal's index instead of --index.dir (postgres://user:password@host:port/db?sslmode=…)"},
			&cli.StringFlag{Name: "metadata", Usage: "JSON file of department names and dataset titles, descriptions and keywords (see portal.Metadata)"},
			&cli.StringFlag{Name: "base-url", Usage: "the portal's public URL, for absolute links in DCAT-AP and Atom (default: each request's host)"},
		),
		Action: func(c *cli.Context) error {
			if c.NArg() != 0 {
				return fmt.Errorf("portal takes no arguments, got %q", c.Args().Slice())
			}
			return withReader(c, func(ctx context.Context, s *readerSetup) error { return runPortal(ctx, c, s) })
		},
	}
}

// runPortal serves the portal of the system s reads until ctx ends.
func runPortal(ctx context.Context, c *cli.Context, s *readerSetup) error {
	meta := &portal.Metadata{}
	if s.manifest != nil {
		for _, d := range s.manifest.Departments {
			meta.Departments = append(meta.Departments, d.Name)
		}
	}
	if c.IsSet("metadata") {
		m, err := portal.LoadMetadata(c.String("metadata"))
		if err != nil {
			return fmt.Errorf("--metadata: %w", err)
		}
		meta.Merge(m)
	}
	if host, _, err := net.SplitHostPort(c.String("listen")); err != nil {
		return fmt.Errorf("--listen %q: want host:port: %w", c.String("listen"), err)
	} else if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		slog.Warn("Portal listens beyond loopback", "listen", c.String("listen"))
	}
	r := s.reader
	if c.IsSet("index.postgres") && c.IsSet("index.dir") {
		return fmt.Errorf("--index.postgres and --index.dir: the index is in one or the other, not both")
	}
	if c.IsSet("index.postgres") && c.String("index.postgres") == "" {
		return fmt.Errorf("--index.postgres is empty: want postgres://user:password@host:port/db")
	}
	cfg := portal.Config{IndexDir: c.String("index.dir"), IndexPostgres: c.String("index.postgres"), Listen: c.String("listen"),
		PublicRPC: flagOr(c, "public.rpc", manifestPublicRPC(s)),
		Registry:  r.Registry, Bridge: r.Bridge, ReviewBoard: r.ReviewBoard,
		FromBlock: r.FromBlock, ConsortiumFrom: r.FromBlock, LogRange: r.LogRange,
		Content: r.Content, BaseURL: c.String("base-url"), Metadata: meta, Logger: slog.Default()}
	pub, ok := r.Public.(*ethclient.Client)
	if !ok {
		return fmt.Errorf("portal: the public chain client is a %T", r.Public)
	}
	cfg.Public = pub
	if cons, ok := r.Consortium.(*ethclient.Client); ok && cons != nil {
		cfg.Consortium = cons
	}
	svc, err := portal.Start(ctx, cfg)
	if err != nil {
		return err
	}
	defer svc.Close()
	where := cfg.IndexDir
	if cfg.IndexPostgres != "" {
		where = "PostgreSQL"
	}
	fmt.Fprintf(c.App.Writer, "portal at %s (index in %s)\n", svc.URL, where)
	<-ctx.Done()
	return nil
}

// manifestPublicRPC is the manifest's first public RPC URL, or "".
func manifestPublicRPC(s *readerSetup) string {
	if s.manifest == nil {
		return ""
	}
	return first(s.manifest.Public.RPC)
}
