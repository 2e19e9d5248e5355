// Package bench runs the benchmarks behind `sovereign bench`: each measures
// our component and, in the same run, a reference, and reports the ratio.
// Its Process helper starts the nodes of every process-level benchmark.
package bench

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"
)

// Process is a node started for a measurement; its output goes to a log
// file beside its data so a failed run can be read afterwards.
type Process struct {
	name string
	cmd  *exec.Cmd
	log  string
	done chan struct{}
}

// StartProcess runs bin with args, logging to dir/name.log. The process
// dies with the benchmark, even when the benchmark is killed.
func StartProcess(name, dir, bin string, args ...string) (*Process, error) {
	logPath := filepath.Join(dir, name+".log")
	f, err := os.Create(logPath)
	if err != nil {
		return nil, fmt.Errorf("%s log: %w", name, err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = f, f
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		f.Close()
		return nil, fmt.Errorf("starting %s (%s): %w", name, bin, err)
	}
	p := &Process{name: name, cmd: cmd, log: logPath, done: make(chan struct{})}
	go func() { cmd.Wait(); f.Close(); close(p.done) }()
	return p, nil
}

// Stop interrupts the process and waits for it (killing it after 15 s).
func (p *Process) Stop() {
	select {
	case <-p.done:
		return
	default:
	}
	p.cmd.Process.Signal(os.Interrupt)
	select {
	case <-p.done:
	case <-time.After(15 * time.Second):
		p.Kill()
	}
}

// Kill ends the process at once (SIGKILL), as a crash would.
func (p *Process) Kill() {
	select {
	case <-p.done:
	default:
		p.cmd.Process.Kill()
		<-p.done
	}
}

// WaitRPC waits until url answers eth_blockNumber and returns a client;
// if the process exits first, the error carries the end of its log.
func (p *Process) WaitRPC(ctx context.Context, url string) (*rpc.Client, error) {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-p.done:
			b, _ := os.ReadFile(p.log)
			return nil, fmt.Errorf("%s exited during start-up:\n%s", p.name, tail(string(b), 15))
		default:
		}
		if c, err := rpc.DialContext(ctx, url); err == nil {
			var n hexutil.Uint64
			if err := c.CallContext(ctx, &n, "eth_blockNumber"); err == nil {
				return c, nil
			}
			c.Close()
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, fmt.Errorf("%s did not answer JSON-RPC at %s within 60s; see %s", p.name, url, p.log)
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// FreePort returns a TCP port free on loopback right now.
func FreePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
