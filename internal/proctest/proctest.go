// Package proctest runs sovereign commands as real processes in tests:
// started, killed, restarted, with their output kept for the failure report.
package proctest

import (
	"bytes"
	"crypto/ecdsa"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/p2p/enode"
)

// Proc is one running sovereign process.
type Proc struct {
	t    testing.TB
	Name string
	bin  string
	args []string
	cmd  *exec.Cmd
	out  *syncBuffer
	done chan struct{}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Start runs bin with args; the process is killed when the test ends, and its
// output is printed if the test failed.
func Start(t testing.TB, name, bin string, args ...string) *Proc {
	t.Helper()
	p := &Proc{t: t, Name: name, bin: bin, args: args, out: new(syncBuffer)}
	p.start()
	t.Cleanup(func() {
		p.Kill()
		if t.Failed() {
			t.Logf("---- output of %s ----\n%s", name, tail(p.out.String(), 60))
		}
	})
	return p
}

func (p *Proc) start() {
	p.t.Helper()
	p.cmd = exec.Command(p.bin, p.args...)
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL} // no orphans if the test binary dies
	p.done = make(chan struct{})
	if err := p.cmd.Start(); err != nil {
		p.t.Fatalf("starting %s: %v", p.Name, err)
	}
	go func() { p.cmd.Wait(); close(p.done) }()
}

// Kill stops the process at once (SIGKILL), as a crash would.
func (p *Proc) Kill() {
	if p.cmd.Process != nil {
		p.cmd.Process.Signal(syscall.SIGKILL)
		<-p.done
	}
}

// Stop asks the process to shut down (SIGTERM) and waits for it.
func (p *Proc) Stop() {
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(20 * time.Second):
		p.Kill()
	}
}

// Restart starts the process again with the same arguments.
func (p *Proc) Restart() { p.start() }

// RestartWith starts the process again with args instead (e.g. peers found
// since the first start); later Restarts use them too.
func (p *Proc) RestartWith(args ...string) {
	p.args = args
	p.start()
}

// KillAll sends SIGKILL to every process at once, then waits for each: a
// crash of them all within a moment, not one after another's exit.
func KillAll(ps ...*Proc) {
	for _, p := range ps {
		if p.cmd.Process != nil {
			p.cmd.Process.Signal(syscall.SIGKILL)
		}
	}
	for _, p := range ps {
		p.Kill()
	}
}

// Output is everything the process wrote so far.
func (p *Proc) Output() string { return p.out.String() }

// Exited reports whether the process has ended.
func (p *Proc) Exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// Run runs bin to completion and returns its combined output and error.
func Run(bin string, args ...string) (string, error) {
	out, err := exec.Command(bin, args...).CombinedOutput()
	return string(out), err
}

// RunSplit runs bin to completion with env added to the environment and
// returns its stdout and stderr apart (e.g. a --json result and the log
// lines beside it).
func RunSplit(env []string, bin string, args ...string) (stdout, stderr string, err error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	return out.String(), errOut.String(), err
}

// FreePort returns a loopback TCP port free at the time of the call.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// NodeKey writes a fresh devp2p node key where geth looks for it
// (<datadir>/sovereign/nodekey) and returns the node's enode URL at port.
// Knowing every enode up front lets tests wire a full mesh of static peers.
func NodeKey(t testing.TB, datadir string, port int) string {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(datadir, "sovereign")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "nodekey"), []byte(hex.EncodeToString(crypto.FromECDSA(key))), 0o600); err != nil {
		t.Fatal(err)
	}
	return enodeURL(&key.PublicKey, port)
}

func enodeURL(pub *ecdsa.PublicKey, port int) string {
	return enode.NewV4(pub, net.IPv4(127, 0, 0, 1), port, port).URLv4()
}

// WaitFor polls cond every 100ms until it holds or timeout passes.
func WaitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("timed out after %v waiting for %s", timeout, what)
}

func tail(s string, lines int) string {
	parts := strings.Split(s, "\n")
	if len(parts) > lines {
		parts = parts[len(parts)-lines:]
	}
	return fmt.Sprint(strings.Join(parts, "\n"))
}
