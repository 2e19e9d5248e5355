// Package vaultserver runs a real HashiCorp Vault server (the binary that
// scripts/vault.sh builds from source) on a free loopback port: a dev server
// with an in-memory store for tests, or a server with file storage that it
// initialises and unseals for the devnet and for restart/seal fault tests.
package vaultserver

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	vault "github.com/hashicorp/vault/api"
)

// Version is the Vault release scripts/vault.sh builds.
const Version = "1.21.1"

// BuildCommand is what a user runs to build the binary this package needs.
const BuildCommand = "scripts/vault.sh build (or make setup)"

// unsealFileName holds the unseal key and root token of a file-storage server.
// It is for local development only: a real deployment keeps unseal shares with
// the security officers or uses auto-unseal.
const unsealFileName = "dev-only-unseal.json"

var (
	// errNoBinary is returned when the cached Vault binary has not been built.
	errNoBinary = errors.New("vault binary not found")
	// errNotReady is returned when a started server never answers its health check.
	errNotReady = errors.New("vault server did not become ready")
)

// BinaryPath returns the cached Vault binary built by scripts/vault.sh. The
// SOVEREIGN_VAULT_BIN variable overrides it.
func BinaryPath() (string, error) {
	path := os.Getenv("SOVEREIGN_VAULT_BIN")
	if path == "" {
		cache := os.Getenv("XDG_CACHE_HOME")
		if cache == "" {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", fmt.Errorf("locating the cache folder: %w", err)
			}
			cache = filepath.Join(home, ".cache")
		}
		path = filepath.Join(cache, "sovereign", "vault-"+Version, "vault")
	}
	if _, err := os.Stat(path); err != nil {
		return "", fmt.Errorf("%w at %s: build it with %s", errNoBinary, path, BuildCommand)
	}
	return path, nil
}

// Server is one running Vault server process.
type Server struct {
	Addr      string // http://127.0.0.1:port
	RootToken string
	UnsealKey string // file storage only; empty for a dev server

	bin  string
	dir  string
	dev  bool
	port int
	// clusterPort is raft's own port (file storage only).
	clusterPort int
	mu          sync.Mutex
	cmd         *exec.Cmd
	exited      chan struct{}
	logFile     *os.File
}

// StartDev starts `vault server -dev` on a free loopback port with a random
// root token. dir receives the server log (secrets filtered out).
func StartDev(ctx context.Context, dir string) (*Server, error) {
	token, err := randomHex(16)
	if err != nil {
		return nil, err
	}
	s, err := newServer(dir, true)
	if err != nil {
		return nil, err
	}
	s.RootToken = "root-" + token
	if err := s.start(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// StartFile starts a Vault server with file storage under dir on a free
// loopback port. A fresh dir is initialised (one unseal share) and the unseal
// key and root token kept in dir/dev-only-unseal.json (mode 0600); an existing
// dir is unsealed with that file.
func StartFile(ctx context.Context, dir string) (*Server, error) {
	return StartFileAt(ctx, dir, 0)
}

// StartFileAt is StartFile on a chosen loopback port (0: a free one), so a
// local system keeps one Vault address across runs.
func StartFileAt(ctx context.Context, dir string, port int) (*Server, error) {
	if port < 0 || port > 65535 {
		return nil, fmt.Errorf("vault port %d: want 0 (any free port) or 1-65535", port)
	}
	s, err := newServer(dir, false)
	if err != nil {
		return nil, err
	}
	if port != 0 {
		s.port, s.Addr = port, fmt.Sprintf("http://127.0.0.1:%d", port)
	}
	if err := s.writeConfig(); err != nil {
		return nil, err
	}
	if err := s.start(ctx); err != nil {
		return nil, err
	}
	if err := s.initAndUnseal(ctx); err != nil {
		_ = s.Stop()
		return nil, err
	}
	return s, nil
}

func newServer(dir string, dev bool) (*Server, error) {
	bin, err := BinaryPath()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("vault folder: %w", err)
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	clusterPort, err := freePort()
	if err != nil {
		return nil, err
	}
	return &Server{bin: bin, dir: dir, dev: dev, port: port, clusterPort: clusterPort,
		Addr: fmt.Sprintf("http://127.0.0.1:%d", port)}, nil
}

// Dir is the folder holding the server's log and, for file storage, its data.
func (s *Server) Dir() string { return s.dir }

// LogPath is the server's own log (stdout and stderr, secrets filtered out).
func (s *Server) LogPath() string { return filepath.Join(s.dir, "vault.log") }

// Client returns an API client for the server authenticated with the root token.
func (s *Server) Client() (*vault.Client, error) {
	cfg := vault.DefaultConfig()
	cfg.Address = s.Addr
	cfg.MaxRetries = 0
	c, err := vault.NewClient(cfg)
	if err != nil {
		return nil, fmt.Errorf("vault client for %s: %w", s.Addr, err)
	}
	c.SetToken(s.RootToken)
	return c, nil
}

func (s *Server) writeConfig() error {
	if err := os.MkdirAll(filepath.Join(s.dir, "data"), 0o700); err != nil {
		return fmt.Errorf("vault data folder: %w", err)
	}
	hcl := fmt.Sprintf(`storage "raft" {
  path    = %q
  node_id = "sovereign-vault"
}
listener "tcp" {
  address         = "127.0.0.1:%d"
  cluster_address = "127.0.0.1:%d"
  tls_disable     = true
}
api_addr      = "http://127.0.0.1:%d"
cluster_addr  = "http://127.0.0.1:%d"
disable_mlock = true
ui            = false
`, filepath.Join(s.dir, "data"), s.port, s.clusterPort, s.port, s.clusterPort)
	if err := os.WriteFile(filepath.Join(s.dir, "vault.hcl"), []byte(hcl), 0o600); err != nil {
		return fmt.Errorf("writing vault config: %w", err)
	}
	return nil
}

func (s *Server) start(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	args := []string{"server", "-log-level=info"}
	if s.dev {
		args = append(args, "-dev", "-dev-no-store-token",
			"-dev-root-token-id="+s.RootToken,
			fmt.Sprintf("-dev-listen-address=127.0.0.1:%d", s.port))
	} else {
		args = append(args, "-config="+filepath.Join(s.dir, "vault.hcl"))
	}
	logFile, err := os.OpenFile(s.LogPath(), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("vault log: %w", err)
	}
	cmd := exec.Command(s.bin, args...)
	// A clean environment: no VAULT_* of the caller's shell leaks in.
	cmd.Env = []string{"HOME=" + s.dir, "PATH=/usr/bin:/bin"}
	// Own process group (a Ctrl-C of the parent does not hit Vault before
	// the parent stops it cleanly), and SIGTERM if the parent dies first, so
	// a crashed devnet or test leaves no Vault running.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
	out, err := cmd.StdoutPipe()
	if err != nil {
		logFile.Close()
		return fmt.Errorf("vault stdout: %w", err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return fmt.Errorf("starting %s: %w", s.bin, err)
	}
	s.cmd, s.logFile, s.exited = cmd, logFile, make(chan struct{})
	go func(exited chan struct{}) {
		copyFiltered(logFile, out)
		_ = cmd.Wait()
		close(exited)
	}(s.exited)
	return s.waitListening(ctx)
}

// copyFiltered copies the server's output to its log, dropping the lines in
// which a dev server prints its unseal key and root token.
func copyFiltered(dst io.Writer, src io.Reader) {
	sc := bufio.NewScanner(src)
	for sc.Scan() {
		line := sc.Text()
		if strings.Contains(line, "Unseal Key:") || strings.Contains(line, "Root Token:") {
			continue
		}
		fmt.Fprintln(dst, line)
	}
}

// waitListening waits until the server answers /v1/sys/health, sealed or not.
func (s *Server) waitListening(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	hc := &http.Client{Timeout: time.Second}
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.Addr+"/v1/sys/health?sealedcode=200&uninitcode=200", nil)
		resp, err := hc.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-s.exited:
			return fmt.Errorf("%w: the process exited (see %s)", errNotReady, s.LogPath())
		case <-ctx.Done():
			return fmt.Errorf("%w at %s: %w (see %s)", errNotReady, s.Addr, ctx.Err(), s.LogPath())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

type unsealFile struct {
	Warning   string `json:"warning"`
	UnsealKey string `json:"unseal_key"`
	RootToken string `json:"root_token"`
}

func (s *Server) initAndUnseal(ctx context.Context) error {
	c, err := s.Client()
	if err != nil {
		return err
	}
	path := filepath.Join(s.dir, unsealFileName)
	inited, err := c.Sys().InitStatusWithContext(ctx)
	if err != nil {
		return fmt.Errorf("vault sys/init status: %w", err)
	}
	if !inited {
		resp, err := c.Sys().InitWithContext(ctx, &vault.InitRequest{SecretShares: 1, SecretThreshold: 1})
		if err != nil {
			return fmt.Errorf("vault sys/init: %w", err)
		}
		f := unsealFile{
			Warning:   "DEV ONLY: a real deployment never keeps the unseal key beside the data",
			UnsealKey: resp.KeysB64[0], RootToken: resp.RootToken,
		}
		data, _ := json.MarshalIndent(f, "", "  ")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading the unseal key of an initialised vault: %w", err)
	}
	var f unsealFile
	if err := json.Unmarshal(data, &f); err != nil {
		return fmt.Errorf("parsing %s: %w", path, err)
	}
	s.UnsealKey, s.RootToken = f.UnsealKey, f.RootToken
	return s.Unseal(ctx)
}

// Unseal unseals a file-storage server with its unseal key and waits until it
// serves requests.
func (s *Server) Unseal(ctx context.Context) error {
	if s.UnsealKey == "" {
		return errors.New("vault unseal: this server has no unseal key on record")
	}
	c, err := s.Client()
	if err != nil {
		return err
	}
	st, err := c.Sys().UnsealWithContext(ctx, s.UnsealKey)
	if err != nil {
		return fmt.Errorf("vault sys/unseal: %w", err)
	}
	if st.Sealed {
		return errors.New("vault sys/unseal: still sealed after the unseal key")
	}
	return s.waitActive(ctx)
}

// Seal seals the server: it keeps running but refuses every request until unsealed.
func (s *Server) Seal(ctx context.Context) error {
	c, err := s.Client()
	if err != nil {
		return err
	}
	if err := c.Sys().SealWithContext(ctx); err != nil {
		return fmt.Errorf("vault sys/seal: %w", err)
	}
	return nil
}

func (s *Server) waitActive(ctx context.Context) error {
	c, err := s.Client()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	for {
		h, err := c.Sys().HealthWithContext(ctx)
		if err == nil && h.Initialized && !h.Sealed && !h.Standby {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w: not active at %s: %w", errNotReady, s.Addr, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// Stop ends the server process (SIGTERM, then SIGKILL after 10 s) and waits.
func (s *Server) Stop() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd == nil {
		return nil
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(10 * time.Second):
		_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
		<-s.exited
	}
	s.cmd = nil
	return s.logFile.Close()
}

// Restart starts a stopped file-storage server again on the same port and
// unseals it.
func (s *Server) Restart(ctx context.Context) error {
	if s.dev {
		return errors.New("vault restart: a dev server keeps nothing across restarts")
	}
	if err := s.start(ctx); err != nil {
		return err
	}
	return s.Unseal(ctx)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("finding a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func randomHex(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("random token: %w", err)
	}
	return hex.EncodeToString(b), nil
}
