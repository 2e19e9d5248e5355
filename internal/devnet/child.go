package devnet

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/p2p/enode"

	"github.com/sovereign-gov/sovereign/node"
)

// Child is a node the devnet runs as its own process (this binary's `node`
// command) and supervises: when the process dies — a crash, a kill -9 — it
// is started again on the same data folder, so a fault test kills it and
// watches the system carry on and the node catch up. Its pid is in
// <run>/<name>.pid while it runs.
type Child struct {
	Name      string
	HTTP, WS  string // endpoints
	Enode     string
	PidFile   string
	LogFile   string
	args      []string
	bin       string
	logger    log.Logger
	mu        sync.Mutex
	cmd       *exec.Cmd
	restarts  int
	closing   bool
	exited    chan struct{} // closed when the supervisor stops
	closeOnce sync.Once
}

// ChildOptions shape a supervised node process.
type ChildOptions struct {
	Name     string   // e.g. "consortium-validator3"
	RunDir   string   // pid files
	LogDir   string   // the process's output goes to <LogDir>/<Name>.log
	DataDir  string   // the node's data folder: its p2p key is written there first
	HTTPPort int      // WS is +1
	P2PPort  int      //
	Args     []string // the `sovereign` arguments, e.g. node consortium --datadir …
	Logger   log.Logger
}

// StartChild writes the node's p2p key (so its enode is known before it
// runs), starts the process, supervises it, and waits until its JSON-RPC
// answers.
func StartChild(ctx context.Context, o ChildOptions) (*Child, error) {
	bin, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("devnet %s: this binary: %w", o.Name, err)
	}
	for _, d := range []string{o.RunDir, o.LogDir} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return nil, fmt.Errorf("devnet %s: %w", o.Name, err)
		}
	}
	id, err := childNodeKey(o.DataDir, o.P2PPort)
	if err != nil {
		return nil, fmt.Errorf("devnet %s: %w", o.Name, err)
	}
	c := &Child{
		Name: o.Name, Enode: id, bin: bin, args: o.Args, logger: o.Logger.With("process", o.Name),
		HTTP:    fmt.Sprintf("http://%s:%d", node.DefaultHTTPHost, o.HTTPPort),
		WS:      fmt.Sprintf("ws://%s:%d", node.DefaultHTTPHost, o.HTTPPort+1),
		PidFile: filepath.Join(o.RunDir, o.Name+".pid"), LogFile: filepath.Join(o.LogDir, o.Name+".log"),
		exited: make(chan struct{}),
	}
	killStale(c.PidFile, bin)
	if err := c.start(); err != nil {
		return nil, err
	}
	go c.supervise()
	if err := c.waitRPC(ctx, time.Minute); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// childNodeKey reads or creates the node's p2p key where the node looks
// for it (<datadir>/sovereign/nodekey) and returns its enode.
func childNodeKey(datadir string, port int) (string, error) {
	dir := filepath.Join(datadir, "sovereign")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "nodekey")
	key, err := crypto.LoadECDSA(path)
	if errors.Is(err, os.ErrNotExist) {
		if key, err = crypto.GenerateKey(); err == nil {
			err = crypto.SaveECDSA(path, key)
		}
	}
	if err != nil {
		return "", fmt.Errorf("p2p key %s: %w", path, err)
	}
	return enode.NewV4(&key.PublicKey, []byte{127, 0, 0, 1}, port, port).URLv4(), nil
}

// killStale kills the process a pid file names if it is still this
// binary's (left by a devnet that was killed before it could stop it).
func killStale(pidFile, bin string) {
	b, err := os.ReadFile(pidFile)
	if err != nil {
		return
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 1 {
		return
	}
	exe, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid))
	if err != nil || strings.TrimSuffix(exe, " (deleted)") != bin {
		return
	}
	_ = syscall.Kill(pid, syscall.SIGKILL)
	for range 50 {
		if syscall.Kill(pid, 0) != nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (c *Child) start() error {
	out, err := os.OpenFile(c.LogFile, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("devnet %s: log file: %w", c.Name, err)
	}
	cmd := exec.Command(c.bin, c.args...)
	cmd.Stdout, cmd.Stderr = out, out
	// dies with the devnet, even a devnet killed with -9
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		out.Close()
		return fmt.Errorf("devnet %s: starting %s: %w", c.Name, c.bin, err)
	}
	out.Close() // the child has its own copy
	if err := os.WriteFile(c.PidFile, []byte(strconv.Itoa(cmd.Process.Pid)+"\n"), 0o600); err != nil {
		_ = cmd.Process.Kill()
		return fmt.Errorf("devnet %s: pid file: %w", c.Name, err)
	}
	c.mu.Lock()
	c.cmd = cmd
	c.mu.Unlock()
	c.logger.Info("Node process started", "pid", cmd.Process.Pid, "log", c.LogFile)
	return nil
}

// supervise waits for the process and starts it again when it dies,
// until Close.
func (c *Child) supervise() {
	defer close(c.exited)
	for {
		c.mu.Lock()
		cmd := c.cmd
		c.mu.Unlock()
		err := cmd.Wait()
		c.mu.Lock()
		closing := c.closing
		c.mu.Unlock()
		if closing {
			return
		}
		c.logger.Warn("Node process died; starting it again", "pid", cmd.Process.Pid, "err", err, "log", c.LogFile)
		for {
			time.Sleep(time.Second)
			c.mu.Lock()
			closing, c.restarts = c.closing, c.restarts+1
			c.mu.Unlock()
			if closing {
				return
			}
			if err := c.start(); err == nil {
				break
			} else {
				c.logger.Error("Node process did not start; trying again", "err", err)
			}
		}
	}
}

// Pid is the running process's id.
func (c *Child) Pid() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cmd.Process.Pid
}

// waitRPC waits until the node answers eth_blockNumber.
func (c *Child) waitRPC(ctx context.Context, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		cl, err := ethclient.DialContext(ctx, c.HTTP)
		if err == nil {
			_, err = cl.BlockNumber(ctx)
			cl.Close()
			if err == nil {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("devnet %s: no JSON-RPC at %s within %s (see %s): %w", c.Name, c.HTTP, limit, c.LogFile, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// Close stops the process (SIGTERM, then SIGKILL after 20 s) and its
// supervision.
func (c *Child) Close() {
	c.closeOnce.Do(func() {
		c.mu.Lock()
		c.closing = true
		cmd := c.cmd
		c.mu.Unlock()
		if cmd == nil || cmd.Process == nil {
			return
		}
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-c.exited:
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
			<-c.exited
		}
		_ = os.Remove(c.PidFile)
	})
}
