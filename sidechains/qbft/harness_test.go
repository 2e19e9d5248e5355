package qbft

import (
	"bytes"
	"crypto/ecdsa"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/log"
)

var testChainID = big.NewInt(2026)

// mockTicker records the pending timeout; tests fire it by hand.
type mockTicker struct {
	pending *Timeout
	dur     time.Duration
	history []time.Duration
}

func (t *mockTicker) Schedule(to Timeout, d time.Duration) {
	t.pending, t.dur = &to, d
	t.history = append(t.history, d)
}
func (t *mockTicker) C() <-chan Timeout { return nil }
func (t *mockTicker) Stop()             {}

// fakeBackend is an in-memory chain: a value is "height|round|proposer|salt"
// and its digest is its keccak256.
type fakeBackend struct {
	net       *network
	idx       int
	vals      ValidatorSet
	committed map[uint64]*Certificate
	proposers map[uint64]common.Address
	salt      byte
	pending   bool
	refuse    map[common.Hash]bool
}

func (b *fakeBackend) ChainID() *big.Int                       { return testChainID }
func (b *fakeBackend) Validators(uint64) (ValidatorSet, error) { return b.vals, nil }
func (b *fakeBackend) LastProposer(h uint64) common.Address    { return b.proposers[h-1] }
func (b *fakeBackend) HasPending() bool                        { return b.pending }

func (b *fakeBackend) BuildValue(h, r uint64) ([]byte, common.Hash, error) {
	v := make([]byte, 8+8+20+1)
	binary.BigEndian.PutUint64(v, h)
	binary.BigEndian.PutUint64(v[8:], r)
	copy(v[16:], b.net.nodes[b.idx].addr[:])
	v[36] = b.salt
	return v, crypto.Keccak256Hash(v), nil
}

func (b *fakeBackend) ValueDigest(v []byte) (common.Hash, error) {
	if len(v) != 37 {
		return common.Hash{}, errors.New("bad value length")
	}
	return crypto.Keccak256Hash(v), nil
}

func (b *fakeBackend) VerifyValue(h uint64, proposer common.Address, reproposal bool, v []byte) (common.Hash, error) {
	d, err := b.ValueDigest(v)
	if err != nil {
		return d, err
	}
	if binary.BigEndian.Uint64(v) != h {
		return d, fmt.Errorf("value for height %d", binary.BigEndian.Uint64(v))
	}
	// As the execution driver: a fresh value credits its proposer.
	if builder := common.BytesToAddress(v[16:36]); !reproposal && builder != proposer {
		return d, fmt.Errorf("value credits %s, proposer is %s", builder, proposer)
	}
	if b.refuse[d] {
		return d, errors.New("refused by test")
	}
	return d, nil
}

func (b *fakeBackend) Commit(v []byte, cert *Certificate) error {
	if err := cert.Verify(testChainID, b.vals); err != nil {
		return err
	}
	if prev, ok := b.committed[cert.Number]; ok && prev.Hash != cert.Hash {
		b.net.t.Errorf("node %d finalised two blocks at height %d", b.idx, cert.Number)
	}
	b.committed[cert.Number] = cert
	b.proposers[cert.Number] = common.BytesToAddress(v[16:36])
	return nil
}

func (b *fakeBackend) Broadcast(m *Message) { b.net.broadcast(b.idx, m) }

type delivery struct {
	from, to int
	m        *Message
}

type testNode struct {
	addr    common.Address
	key     *ecdsa.PrivateKey
	core    *Core
	backend *fakeBackend
	ticker  *mockTicker
	wal     *FileWAL
	down    bool
}

// network is a deterministic in-memory network: messages wait in one FIFO
// queue until run delivers them; drop decides what never arrives.
type network struct {
	t     *testing.T
	nodes []*testNode
	queue []delivery
	drop  func(d delivery) bool
	vals  ValidatorSet
	// sent is every message any node broadcast, delivered or not: what an
	// attacker listening on the network collects.
	sent []delivery
}

func newNetwork(t *testing.T, n int) *network {
	t.Helper()
	net := &network{t: t}
	var keys []*ecdsa.PrivateKey
	var addrs []common.Address
	for i := 0; i < n; i++ {
		k, _ := crypto.GenerateKey()
		keys = append(keys, k)
		addrs = append(addrs, crypto.PubkeyToAddress(k.PublicKey))
	}
	// Nodes in address order so that node i is validator i of the sorted set.
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return bytes.Compare(addrs[a][:], addrs[b][:]) })
	vals, err := NewValidatorSet(addrs)
	if err != nil {
		t.Fatal(err)
	}
	net.vals = vals
	dir := t.TempDir()
	for i, o := range order {
		node := &testNode{addr: addrs[o], key: keys[o]}
		node.backend = &fakeBackend{net: net, idx: i, vals: vals, committed: map[uint64]*Certificate{}, proposers: map[uint64]common.Address{}, salt: byte(i), refuse: map[common.Hash]bool{}}
		w, err := OpenFileWAL(filepath.Join(dir, fmt.Sprintf("wal-%d", i)))
		if err != nil {
			t.Fatal(err)
		}
		node.wal = w
		net.nodes = append(net.nodes, node)
		net.restart(i)
	}
	return net
}

// restart builds a fresh state machine on the node's WAL and chain, as a
// process restart would.
func (n *network) restart(i int) {
	node := n.nodes[i]
	node.ticker = &mockTicker{}
	node.core = New(Config{Signer: NewKeySigner(node.key), Logger: log.New("node", i)}, node.backend, node.ticker, node.wal)
	node.core.Start(uint64(len(node.backend.committed)) + 1)
	node.down = false
}

func (n *network) broadcast(from int, m *Message) {
	n.sent = append(n.sent, delivery{from: from, to: -1, m: m})
	for to := range n.nodes {
		if to != from {
			n.queue = append(n.queue, delivery{from, to, m})
		}
	}
}

// run delivers queued messages until none is left.
func (n *network) run() {
	for steps := 0; len(n.queue) > 0; steps++ {
		if steps > 100000 {
			n.t.Fatal("message storm: queue never drains")
		}
		d := n.queue[0]
		n.queue = n.queue[1:]
		if n.nodes[d.to].down || n.nodes[d.from].down || (n.drop != nil && n.drop(d)) {
			continue
		}
		// Every delivery goes through the wire format, as on a socket.
		m, err := DecodeMessage(d.m.Raw)
		if err != nil {
			n.t.Fatalf("own message does not decode: %v", err)
		}
		n.nodes[d.to].core.HandleMessage(m)
	}
}

// fire fires the pending timeout of every live node (optionally only those listed).
func (n *network) fire(only ...int) {
	for i, node := range n.nodes {
		if node.down || (len(only) > 0 && !slices.Contains(only, i)) || node.ticker.pending == nil {
			continue
		}
		to := *node.ticker.pending
		node.ticker.pending = nil
		node.core.HandleTimeout(to)
	}
	n.run()
}

// finalised returns the certificate of height on every live node that has one.
func (n *network) finalised(height uint64) map[int]*Certificate {
	out := map[int]*Certificate{}
	for i, node := range n.nodes {
		if c, ok := node.backend.committed[height]; ok {
			out[i] = c
		}
	}
	return out
}

// checkAgreement fails if two nodes finalised different blocks at one height.
func (n *network) checkAgreement() {
	n.t.Helper()
	for h := uint64(1); h < 100; h++ {
		var seen *common.Hash
		for i, c := range n.finalised(h) {
			if seen != nil && *seen != c.Hash {
				n.t.Fatalf("fork at height %d: node %d has %s, another %s", h, i, c.Hash, *seen)
			}
			hash := c.Hash
			seen = &hash
		}
	}
}

// proposerIndex is the index of the proposer of (height's) round r.
func (n *network) proposerIndex(from int, r uint64) int {
	c := n.nodes[from].core
	p := c.vals.Proposer(c.lastProposer, r)
	for i, node := range n.nodes {
		if node.addr == p {
			return i
		}
	}
	n.t.Fatalf("proposer %s not in network", p)
	return -1
}

// sentBy returns the first message node from broadcast with code and round
// at height (nil if none).
func (n *network) sentBy(from int, code, height, round uint64) *Message {
	for _, d := range n.sent {
		if d.from == from && d.m.Code == code && d.m.Height == height && d.m.Round == round {
			return d.m
		}
	}
	return nil
}

// only returns a drop rule that lets through just the listed (from, to,
// code) deliveries.
func only(allowed ...[3]uint64) func(d delivery) bool {
	return func(d delivery) bool {
		for _, a := range allowed {
			if uint64(d.from) == a[0] && uint64(d.to) == a[1] && d.m.Code == a[2] {
				return false
			}
		}
		return true
	}
}

// byzantine speaks for node i, whose state machine stays idle: the test
// signs and delivers its messages by hand.
type byzantine struct {
	t      *testing.T
	net    *network
	signer Signer
}

func (n *network) byzantine(i int) *byzantine {
	n.nodes[i].down = true
	return &byzantine{t: n.t, net: n, signer: NewKeySigner(n.nodes[i].key)}
}

// sign signs b as the Byzantine validator.
func (b *byzantine) sign(body body) *Message {
	b.t.Helper()
	m, err := signMessage(body, b.signer)
	if err != nil {
		b.t.Fatal(err)
	}
	return m
}

// deliver hands m to the listed nodes, through the wire format, then lets
// the network run.
func (b *byzantine) deliver(m *Message, to ...int) {
	b.t.Helper()
	for _, i := range to {
		dec, err := DecodeMessage(m.Raw)
		if err != nil {
			b.t.Fatal(err)
		}
		b.net.nodes[i].core.HandleMessage(dec)
	}
	b.net.run()
}

// seal is the Byzantine validator's commit seal for (height, round, digest).
func (b *byzantine) seal(height, round uint64, digest common.Hash) []byte {
	b.t.Helper()
	s, err := SignSeal(b.signer, testChainID, height, round, digest)
	if err != nil {
		b.t.Fatal(err)
	}
	return s
}

func mustKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}
