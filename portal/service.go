package portal

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Config is a whole portal: its index, what it follows and where it listens.
type Config struct {
	IndexDir string
	// IndexPostgres, if set, is the PostgreSQL URL of the index (IndexDir
	// is then not used).
	IndexPostgres string
	Listen        string // host:port (port 0: any free port)
	// The public chain (required) and, optionally, the consortium.
	Public, Consortium        Backend
	PublicRPC                 string // URL the browser's eth_call goes to through /rpc
	Registry, Bridge          common.Address
	ReviewBoard               common.Address
	FromBlock, ConsortiumFrom uint64
	LogRange                  uint64
	Interval                  time.Duration
	Content                   string
	BaseURL, Title            string
	Metadata                  *Metadata
	Logger                    *slog.Logger
}

// Service is a running portal.
type Service struct {
	URL     string
	Store   *Store
	Indexer *Indexer
	srv     *http.Server
	cancel  context.CancelFunc
	done    sync.WaitGroup
	once    sync.Once
}

// Start opens the index and serves HTTP while the indexer catches up with
// the chains and follows them, until Close.
func Start(ctx context.Context, cfg Config) (*Service, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	var store *Store
	var err error
	switch {
	case cfg.IndexPostgres != "":
		store, err = OpenPostgres(ctx, cfg.IndexPostgres, cfg.Registry)
	case cfg.IndexDir == "":
		return nil, errors.New("portal: no index folder (--index.dir) or database (--index.postgres)")
	default:
		store, err = OpenStore(ctx, cfg.IndexDir, cfg.Registry)
	}
	if err != nil {
		return nil, fmt.Errorf("portal: %w", err)
	}
	meta := cfg.Metadata
	if meta == nil {
		meta = &Metadata{}
	}
	if err := store.SetNames(ctx, meta); err != nil {
		store.Close()
		return nil, fmt.Errorf("portal: names: %w", err)
	}
	ix, err := NewIndexer(store, IndexerConfig{Public: cfg.Public, Registry: cfg.Registry, Bridge: cfg.Bridge,
		Consortium: cfg.Consortium, ReviewBoard: cfg.ReviewBoard, FromBlock: cfg.FromBlock, ConsortiumFrom: cfg.ConsortiumFrom,
		LogRange: cfg.LogRange, Interval: cfg.Interval, Logger: cfg.Logger})
	if err != nil {
		store.Close()
		return nil, fmt.Errorf("portal: %w", err)
	}
	h, err := NewServer(ServerConfig{Store: store, Indexer: ix, Content: cfg.Content, PublicRPC: cfg.PublicRPC,
		Registry: cfg.Registry, Bridge: cfg.Bridge, BaseURL: cfg.BaseURL, Title: cfg.Title, Logger: cfg.Logger})
	if err != nil {
		store.Close()
		return nil, err
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		store.Close()
		return nil, fmt.Errorf("portal: --listen %s: %w", cfg.Listen, err)
	}
	runCtx, cancel := context.WithCancel(context.Background())
	s := &Service{URL: "http://" + ln.Addr().String(), Store: store, Indexer: ix, cancel: cancel,
		srv: &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, WriteTimeout: 2 * time.Minute}}
	s.done.Add(2)
	go func() {
		defer s.done.Done()
		_ = ix.Run(runCtx)
	}()
	go func() {
		defer s.done.Done()
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			cfg.Logger.Error("Portal stopped serving", "err", err)
		}
	}()
	return s, nil
}

// Close stops serving and indexing and closes the index.
func (s *Service) Close() {
	s.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = s.srv.Shutdown(ctx)
		s.cancel()
		s.done.Wait()
		_ = s.Store.Close()
	})
}
