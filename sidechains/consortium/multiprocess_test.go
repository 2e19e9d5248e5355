package consortium

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/internal/testbin"
	"github.com/sovereign-gov/sovereign/node"
)

// proc is one `sovereign node consortium` validator, run by proctest.
type proc struct {
	dir      string
	p2pAddr  string // host:port
	httpHost string
	httpPort int
	keyFile  string
	extra    []string // extra flags (e.g. --byzantine.equivocate)
	wrap     []string // command prefix (e.g. ip netns exec ns)
	enode    string
	proc     *proctest.Proc // nil until first launched
}

// output is everything validator p logged so far, over all its runs.
func (p *proc) output() string {
	if p.proc == nil {
		return ""
	}
	return p.proc.Output()
}

// mpNet is a consortium of validator processes on loopback.
type mpNet struct {
	t       *testing.T
	bin     string
	chain   string // "consortium" or "private": which `sovereign node` command runs
	dir     string
	genesis string
	pwFile  string
	procs   []*proc
	alloc   string // --alloc of the genesis ("" = none)
}

// newMPNet writes keys, a password file and a genesis with n validators by
// running the real binary.
func newMPNet(t *testing.T, n int) *mpNet { return newChainNet(t, "consortium", n, "") }

// newChainNet is newMPNet for either QBFT chain, with alloc (e.g.
// "0xA…=1000ether") funded in the genesis.
func newChainNet(t *testing.T, chain string, n int, alloc string) *mpNet {
	if testing.Short() {
		t.Skip("multi-process test skipped with -short")
	}
	m := &mpNet{t: t, bin: testbin.SovereignTest(t), chain: chain, dir: t.TempDir(), alloc: alloc}
	m.pwFile = filepath.Join(m.dir, "password")
	if err := os.WriteFile(m.pwFile, []byte("test password\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var addrs []string
	for i := 0; i < n; i++ {
		key, _ := crypto.GenerateKey()
		p := &proc{dir: filepath.Join(m.dir, fmt.Sprintf("v%d", i)), httpHost: "127.0.0.1"}
		p.keyFile = filepath.Join(m.dir, fmt.Sprintf("key%d.json", i))
		if err := node.WriteKey(p.keyFile, key, "test password", true); err != nil {
			t.Fatal(err)
		}
		p.p2pAddr = fmt.Sprintf("127.0.0.1:%d", proctest.FreePort(t))
		p.httpPort = proctest.FreePort(t)
		m.procs = append(m.procs, p)
		addrs = append(addrs, crypto.PubkeyToAddress(key.PublicKey).Hex())
	}
	m.genesis = filepath.Join(m.dir, "genesis.json")
	gargs := []string{"genesis", chain, "--validators", strings.Join(addrs, ","), "--out", m.genesis}
	if alloc != "" {
		gargs = append(gargs, "--alloc", alloc)
	}
	if out, err := proctest.Run(m.bin, gargs...); err != nil {
		t.Fatalf("genesis %s: %v\n%s", chain, err, out)
	}
	// each validator is killed, and its output's tail printed on failure, by proctest
	return m
}

func (m *mpNet) startAll() {
	for i := range m.procs {
		m.start(i)
	}
}

// start runs validator i, dialing every validator whose enode is known.
func (m *mpNet) start(i int) {
	m.t.Helper()
	m.launch(i)
	m.waitStarted(i)
}

// launch starts validator i without waiting for it to listen.
func (m *mpNet) launch(i int) {
	m.t.Helper()
	p := m.procs[i]
	var static []string
	for j, q := range m.procs {
		if j != i && q.enode != "" {
			static = append(static, q.enode)
		}
	}
	os.Remove(filepath.Join(p.dir, "enode.url"))
	args := append([]string{}, p.wrap...)
	args = append(args, m.bin, "node", m.chain,
		"--datadir", p.dir, "--genesis", m.genesis,
		"--validator.keystore", p.keyFile, "--validator.password", m.pwFile,
		"--p2p.addr", p.p2pAddr, "--http.addr", p.httpHost, "--http.port", fmt.Sprint(p.httpPort),
		"--verbosity", "3",
		// no log index: these tests read no events, and loading the index
		// at a restart took a race-built validator over a minute on a busy
		// machine (between "HTTP server started" and "Started log indexer")
		"--history.logs.disable")
	if len(static) > 0 {
		args = append(args, "--p2p.static", strings.Join(static, ","))
	}
	args = append(args, p.extra...)
	if p.proc == nil {
		p.proc = proctest.Start(m.t, fmt.Sprintf("validator %d", i), args[0], args[1:]...)
	} else {
		p.proc.RestartWith(args[1:]...)
	}
}

// waitStarted waits until launched validator i has written its enode URL.
func (m *mpNet) waitStarted(i int) {
	m.t.Helper()
	p := m.procs[i]
	deadline := time.Now().Add(2 * time.Minute) // a start under the race detector on a busy machine has taken over a minute
	for {
		b, err := os.ReadFile(filepath.Join(p.dir, "enode.url"))
		if err == nil && len(b) > 0 {
			// The node record names 127.0.0.1 whatever the listen
			// address; peers must dial the address it listens on.
			url := strings.TrimSpace(string(b))
			at := strings.LastIndex(url, "@")
			q := strings.Index(url, "?")
			if at < 0 || q < 0 {
				m.t.Fatalf("validator %d wrote a bad enode URL %q", i, url)
			}
			p.enode = url[:at+1] + p.p2pAddr + url[q:]
			break
		}
		if p.proc.Exited() {
			m.t.Fatalf("validator %d exited at start", i)
		}
		if time.Now().After(deadline) {
			m.t.Fatalf("validator %d did not start", i)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// kill ends validator p abruptly (SIGKILL): a crash.
func (m *mpNet) kill(p *proc) {
	if p.proc != nil {
		p.proc.Kill()
	}
}

// stop ends validator i cleanly (SIGTERM).
func (m *mpNet) stop(i int) {
	if p := m.procs[i]; p.proc != nil && !p.proc.Exited() {
		p.proc.Stop()
	}
}

// running reports whether validator i was started and has not ended.
func (m *mpNet) running(i int) bool { p := m.procs[i]; return p.proc != nil && !p.proc.Exited() }

func (m *mpNet) call(i int, out any, method string, args ...any) error {
	p := m.procs[i]
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	c, err := rpc.DialContext(ctx, fmt.Sprintf("http://%s:%d", p.httpHost, p.httpPort))
	if err != nil {
		return err
	}
	defer c.Close()
	return c.CallContext(ctx, out, method, args...)
}

func (m *mpNet) head(i int) uint64 {
	var n hexutil.Uint64
	if err := m.call(i, &n, "eth_blockNumber"); err != nil {
		return 0
	}
	return uint64(n)
}

func (m *mpNet) hashAt(i int, n uint64) common.Hash {
	var b struct {
		Hash common.Hash `json:"hash"`
	}
	if err := m.call(i, &b, "eth_getBlockByNumber", hexutil.EncodeUint64(n), false); err != nil {
		return common.Hash{}
	}
	return b.Hash
}

func (m *mpNet) waitHeads(what string, timeout time.Duration, nodes []int, atLeast uint64) {
	m.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		ok := true
		for _, i := range nodes {
			if m.head(i) < atLeast {
				ok = false
				break
			}
		}
		if ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	heads := []uint64{}
	for _, i := range nodes {
		heads = append(heads, m.head(i))
	}
	m.t.Fatalf("timed out after %v waiting for %s (block %d on %v; heads %v)", timeout, what, atLeast, nodes, heads)
}

// checkNoFork compares every block hash of every running node, and checks
// each has a certificate for it.
func (m *mpNet) checkNoFork() {
	m.t.Helper()
	top := uint64(0)
	for i := range m.procs {
		if m.running(i) {
			top = max(top, m.head(i))
		}
	}
	for n := uint64(1); n <= top; n++ {
		var want common.Hash
		for i := range m.procs {
			if !m.running(i) || m.head(i) < n {
				continue
			}
			h := m.hashAt(i, n)
			if want == (common.Hash{}) {
				want = h
			} else if h != want {
				m.t.Fatalf("fork at block %d: validator %d has %s, another %s", n, i, h, want)
			}
			var cert struct {
				Hash    common.Hash      `json:"hash"`
				Signers []common.Address `json:"signers"`
			}
			if err := m.call(i, &cert, "qbft_getCertificate", hexutil.EncodeUint64(n)); err != nil || cert.Hash != h || len(cert.Signers) < quorum(len(m.procs)) {
				m.t.Fatalf("validator %d: certificate of block %d: %v (%+v)", i, n, err, cert)
			}
		}
	}
}

func (m *mpNet) proposer(i int) int {
	var st struct {
		Proposer common.Address `json:"proposer"`
	}
	if err := m.call(i, &st, "qbft_status"); err != nil {
		m.t.Fatal(err)
	}
	for j, p := range m.procs {
		k, err := node.LoadKey(p.keyFile, m.pwFile)
		if err != nil {
			m.t.Fatal(err)
		}
		if crypto.PubkeyToAddress(k.PublicKey) == st.Proposer {
			return j
		}
	}
	m.t.Fatalf("proposer %s unknown", st.Proposer)
	return -1
}

func TestMultiProcessSteadyFinality(t *testing.T) {
	m := newMPNet(t, 4)
	m.startAll()
	all := []int{0, 1, 2, 3}
	m.waitHeads("steady finality", 60*time.Second, all, 3)
	start, t0 := m.head(0), time.Now()
	m.waitHeads("five more blocks", 30*time.Second, all, start+5)
	if per := time.Since(t0) / 5; per > 2*time.Second {
		t.Fatalf("%v per block with 1 s period", per)
	}
	m.checkNoFork()
}

func TestMultiProcessCrashOneIncludingNextProposer(t *testing.T) {
	m := newMPNet(t, 4)
	m.startAll()
	m.waitHeads("start", 60*time.Second, []int{0, 1, 2, 3}, 2)
	// Crash the validator that proposes the block being decided right now.
	victim := m.proposer(0)
	live := []int{}
	for i := range m.procs {
		if i != victim {
			live = append(live, i)
		}
	}
	before := m.head(live[0])
	m.kill(m.procs[victim])
	crashed := time.Now()
	// Blocks continue within two round timeouts (1 s + 2 s) after the
	// block period, plus a little for the last block in flight.
	m.waitHeads("next block without the proposer", 6*time.Second, live, before+1)
	t.Logf("first block after crashing the proposer: %v", time.Since(crashed))
	m.waitHeads("blocks continue", 20*time.Second, live, before+4)
	m.checkNoFork()
}

func TestMultiProcessCrashTwoHaltsRestartOneResumes(t *testing.T) {
	m := newMPNet(t, 4)
	m.startAll()
	m.waitHeads("start", 60*time.Second, []int{0, 1, 2, 3}, 2)
	m.kill(m.procs[2])
	m.kill(m.procs[3])
	time.Sleep(2 * time.Second) // a block in flight may still finalise
	h := max(m.head(0), m.head(1))
	time.Sleep(5 * time.Second)
	if a, b := m.head(0), m.head(1); a > h || b > h {
		t.Fatalf("chain advanced to %d/%d with two of four validators", a, b)
	}
	m.checkNoFork()
	m.start(2)
	// Round timers grew while halted (capped at 30 s); the f+1 rule pulls
	// the restarted node to the others' round.
	m.waitHeads("resume with three validators", 90*time.Second, []int{0, 1, 2}, h+2)
	m.checkNoFork()
}

func TestMultiProcessRestartAll(t *testing.T) {
	m := newMPNet(t, 4)
	m.startAll()
	all := []int{0, 1, 2, 3}
	m.waitHeads("start", 60*time.Second, all, 3)
	for i := range m.procs {
		m.stop(i)
	}
	m.startAll()
	h := uint64(0)
	for i := range m.procs {
		h = max(h, m.head(i))
	}
	m.waitHeads("resume after restarting all", 60*time.Second, all, h+3)
	m.checkNoFork()
}

func TestMultiProcessByzantineDoubleSigner(t *testing.T) {
	m := newMPNet(t, 4)
	m.procs[1].extra = []string{"--byzantine.equivocate"}
	m.startAll()
	// Three rotations: the Byzantine validator proposes three times.
	m.waitHeads("blocks despite an equivocating proposer", 90*time.Second, []int{0, 2, 3}, 12)
	m.checkNoFork()
	found := false
	for _, i := range []int{0, 2, 3} {
		if strings.Contains(m.procs[i].output(), "QBFT equivocation") {
			found = true
		}
	}
	if !found {
		t.Fatal("no honest validator logged the equivocation")
	}
}
