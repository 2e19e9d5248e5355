package devnet

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/bridge"
	"github.com/sovereign-gov/sovereign/contentstore"
	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/portal"
)

// ContentServer serves the devnet's content store over HTTP on loopback.
type ContentServer struct {
	URL   string
	Dir   string
	srv   *http.Server
	close sync.Once
}

// StartContentStore serves the content store in dir (writable: the devnet's
// departments PUT released content there) on 127.0.0.1:port.
func StartContentStore(dir string, port int, logger log.Logger) (*ContentServer, error) {
	store, err := contentstore.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("devnet content store: %w", err)
	}
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return nil, fmt.Errorf("devnet content store: %w (--content.port)", err)
	}
	s := &ContentServer{URL: "http://" + ln.Addr().String(), Dir: dir,
		srv: &http.Server{Handler: contentstore.Handler(store, true), ReadHeaderTimeout: 10 * time.Second}}
	go func() {
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("Content store stopped", "err", err)
		}
	}()
	return s, nil
}

// Close stops serving.
func (s *ContentServer) Close() {
	s.close.Do(func() { _ = s.srv.Close() })
}

// RelayerOptions configure the devnet's relayer.
type RelayerOptions struct {
	ConsortiumURL, PublicURL string
	Bridge                   common.Address
	Key                      *ecdsa.PrivateKey
	Interval                 time.Duration
	CheckpointBlocks         uint64
	CheckpointEvery          time.Duration
	Logger                   log.Logger
	Metrics                  *bridge.Metrics // nil: none
}

// Relayer is the devnet's running relayer.
type Relayer struct {
	Address  common.Address
	Interval time.Duration
	cancel   context.CancelFunc
	done     chan struct{}
	clients  []*rpc.Client
}

// StartRelayer runs a bridge relayer (what `sovereign relay` runs) until
// Close, with its log lines on opts.Logger.
func StartRelayer(ctx context.Context, opts RelayerOptions) (*Relayer, error) {
	cons, err := rpc.DialContext(ctx, opts.ConsortiumURL)
	if err != nil {
		return nil, fmt.Errorf("devnet relayer: consortium RPC: %w", err)
	}
	pub, err := rpc.DialContext(ctx, opts.PublicURL)
	if err != nil {
		cons.Close()
		return nil, fmt.Errorf("devnet relayer: public RPC: %w", err)
	}
	r, err := bridge.New(ctx, bridge.Config{
		Consortium: cons, Public: pub, Bridge: opts.Bridge, Key: opts.Key,
		Interval: opts.Interval, CheckpointEvery: opts.CheckpointBlocks, CheckpointPeriod: opts.CheckpointEvery,
		Logger: opts.Logger, Metrics: opts.Metrics,
	})
	if err != nil {
		cons.Close()
		pub.Close()
		return nil, fmt.Errorf("devnet relayer: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	out := &Relayer{Address: crypto.PubkeyToAddress(opts.Key.PublicKey), Interval: opts.Interval,
		cancel: cancel, done: make(chan struct{}), clients: []*rpc.Client{cons, pub}}
	go func() {
		defer close(out.done)
		if err := r.Run(ctx); err != nil {
			opts.Logger.Error("Relayer stopped", "err", err)
		}
	}()
	return out, nil
}

// Close stops the relayer and waits for it.
func (r *Relayer) Close() {
	r.cancel()
	<-r.done
	for _, c := range r.clients {
		c.Close()
	}
}

// PortalOptions configure the devnet's public portal.
type PortalOptions struct {
	Dir      string // its index
	Port     int    // loopback port (0: any free port)
	Manifest *deploy.Manifest
	Logger   log.Logger
}

// StartPortal runs the public portal (what `sovereign portal` runs) on
// 127.0.0.1:port, indexing the devnet's chains; the dev departments'
// datasets get titles.
func StartPortal(ctx context.Context, o PortalOptions) (*portal.Service, func(), error) {
	m := o.Manifest
	pub, err := ethclient.DialContext(ctx, m.Public.RPC[0])
	if err != nil {
		return nil, nil, fmt.Errorf("devnet portal: public RPC: %w", err)
	}
	cons, err := ethclient.DialContext(ctx, m.Consortium.RPC[0])
	if err != nil {
		pub.Close()
		return nil, nil, fmt.Errorf("devnet portal: consortium RPC: %w", err)
	}
	meta := &portal.Metadata{}
	for _, d := range DevDepartments() {
		meta.Departments = append(meta.Departments, d)
		for _, ds := range DevDatasets(d) {
			meta.Datasets = append(meta.Datasets, portal.DatasetMeta{Department: d, Dataset: ds,
				Title: d + " " + ds, Keywords: []string{d, ds}})
		}
	}
	svc, err := portal.Start(ctx, portal.Config{IndexDir: o.Dir, Listen: fmt.Sprintf("127.0.0.1:%d", o.Port),
		Public: pub, Consortium: cons, PublicRPC: m.Public.RPC[0],
		Registry: m.Public.Registry, Bridge: m.Public.Bridge, ReviewBoard: m.Consortium.ReviewBoard,
		Content: m.Content, Metadata: meta, Logger: slog.New(o.Logger.Handler())})
	if err != nil {
		pub.Close()
		cons.Close()
		return nil, nil, fmt.Errorf("devnet portal: %w (--portal.port)", err)
	}
	return svc, func() { svc.Close(); pub.Close(); cons.Close() }, nil
}
