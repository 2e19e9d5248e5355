// Package vaultclient is the private chain's Vault client: AppRole login with
// token renewal, and the transit operations envelope encryption and key
// management need. Every method takes a context and wraps its errors with the
// Vault path it touched; ErrForbidden, ErrSealed and ErrUnavailable let
// callers tell a refused request from a Vault that is down.
package vaultclient

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/metrics"
	vault "github.com/hashicorp/vault/api"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
)

var (
	// ErrForbidden is returned when Vault refuses a request (HTTP 403): the
	// role's policy does not cover the path.
	ErrForbidden = errors.New("vault: permission denied")
	// ErrSealed is returned when Vault is sealed (HTTP 503).
	ErrSealed = errors.New("vault: sealed or not ready")
	// ErrUnavailable is returned when Vault cannot be reached.
	ErrUnavailable = errors.New("vault: unreachable")
	// ErrNotFound is returned when a key or secret does not exist (HTTP 404/400
	// "not found"), e.g. after a dataset was shredded.
	ErrNotFound = errors.New("vault: not found")
	// errNoAddress is returned by New without an address.
	errNoAddress = errors.New("vault client: no address")
)

// Client talks to one Vault server as one identity.
type Client struct {
	api     *vault.Client
	transit string
	log     *slog.Logger

	mu          sync.Mutex
	stopWatcher context.CancelFunc
	watcherDone chan struct{}
}

type options struct {
	transit string
	log     *slog.Logger
	timeout time.Duration
	token   string
	retries int
	metrics metrics.Registry
}

// Option configures a Client.
type Option func(*options)

// WithTransitMount sets the transit engine's mount path (default "transit").
func WithTransitMount(path string) Option { return func(o *options) { o.transit = path } }

// WithLogger sets the structured logger (default slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(o *options) { o.log = l } }

// WithTimeout bounds each HTTP request (default 30 s).
func WithTimeout(d time.Duration) Option { return func(o *options) { o.timeout = d } }

// WithToken authenticates with an existing token (e.g. a grant) instead of a login.
func WithToken(token string) Option { return func(o *options) { o.token = token } }

// WithRetries sets how often the API client retries 5xx answers (default 0:
// callers decide, and a sealed Vault should fail fast).
func WithRetries(n int) Option { return func(o *options) { o.retries = n } }

// New returns a client for the Vault server at addr.
func New(addr string, opts ...Option) (*Client, error) {
	if addr == "" {
		return nil, errNoAddress
	}
	o := options{transit: naming.TransitMount, log: slog.Default(), timeout: 30 * time.Second}
	for _, opt := range opts {
		opt(&o)
	}
	cfg := vault.DefaultConfig()
	cfg.Address = addr
	cfg.Timeout = o.timeout
	cfg.MaxRetries = o.retries
	if o.retries == 0 {
		// Only a Vault between leaders is worth waiting for (a raft node
		// re-electing itself after an unseal, or after losing its lease
		// on a busy machine): every other failure reaches the caller at
		// once, a sealed Vault first of all.
		cfg.MaxRetries, cfg.MinRetryWait, cfg.MaxRetryWait = 10, 250*time.Millisecond, 2*time.Second
		cfg.CheckRetry = retryStandby
	}
	if o.metrics != nil {
		cfg.HttpClient.Transport = newCountingTransport(cfg.HttpClient.Transport, o.metrics)
	}
	api, err := vault.NewClient(cfg)
	if err != nil {
		return nil, fmt.Errorf("vault client for %s: %w", addr, err)
	}
	api.ClearToken() // never pick up VAULT_TOKEN from the environment by accident
	if o.token != "" {
		api.SetToken(o.token)
	}
	return &Client{api: api, transit: o.transit, log: o.log}, nil
}

// retryStandby retries the answer of a Vault with no active node: HTTP 500
// "local node not active but active cluster node not found".
func retryStandby(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if err != nil || resp == nil || resp.StatusCode != http.StatusInternalServerError {
		return false, nil
	}
	body, rerr := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body)) // the caller reads the answer as it was
	return rerr == nil && bytes.Contains(body, []byte("local node not active")), nil
}

// API exposes the underlying client for the set-up code and tests.
func (c *Client) API() *vault.Client { return c.api }

// Close stops token renewal.
func (c *Client) Close() {
	c.mu.Lock()
	stop, done := c.stopWatcher, c.watcherDone
	c.stopWatcher, c.watcherDone = nil, nil
	c.mu.Unlock()
	if stop != nil {
		stop()
		<-done
	}
}

// wrap turns a Vault API error into one that names the path and matches the
// package's sentinel errors with errors.Is.
func wrap(op, path string, err error) error {
	if err == nil {
		return nil
	}
	var re *vault.ResponseError
	if errors.As(err, &re) {
		switch {
		case re.StatusCode == http.StatusForbidden:
			return fmt.Errorf("%s %s: %w: %w", op, path, ErrForbidden, err)
		case re.StatusCode == http.StatusServiceUnavailable:
			return fmt.Errorf("%s %s: %w: %w", op, path, ErrSealed, err)
		case re.StatusCode == http.StatusNotFound || (re.StatusCode == http.StatusBadRequest && notFoundText(re.Errors)):
			return fmt.Errorf("%s %s: %w: %w", op, path, ErrNotFound, err)
		}
		return fmt.Errorf("%s %s: %w", op, path, err)
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s %s: %w", op, path, err)
	}
	return fmt.Errorf("%s %s: %w: %w", op, path, ErrUnavailable, err)
}

func notFoundText(msgs []string) bool {
	for _, m := range msgs {
		if containsFold(m, "not found") || containsFold(m, "no existing key") {
			return true
		}
	}
	return false
}

func (c *Client) write(ctx context.Context, path string, data map[string]any) (*vault.Secret, error) {
	sec, err := c.api.Logical().WriteWithContext(ctx, path, data)
	if err != nil {
		return nil, wrap("write", path, err)
	}
	return sec, nil
}

func (c *Client) read(ctx context.Context, path string) (*vault.Secret, error) {
	sec, err := c.api.Logical().ReadWithContext(ctx, path)
	if err != nil {
		return nil, wrap("read", path, err)
	}
	if sec == nil {
		return nil, fmt.Errorf("read %s: %w", path, ErrNotFound)
	}
	return sec, nil
}
