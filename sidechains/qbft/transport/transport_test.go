package transport

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/p2p/enode"

	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

// slowChain is a Chain whose block import blocks until released.
type slowChain struct {
	head    atomic.Uint64
	release chan struct{}
	imports atomic.Int32
}

func (c *slowChain) Head() uint64 { return c.head.Load() }
func (c *slowChain) Validators(uint64) (qbft.ValidatorSet, error) {
	return qbft.NewValidatorSet([]common.Address{{1}})
}
func (c *slowChain) ImportCertified([]byte, *qbft.Certificate) error {
	c.imports.Add(1)
	<-c.release
	return nil
}
func (c *slowChain) CertifiedValue(uint64) ([]byte, *qbft.Certificate, error) {
	return nil, nil, nil
}

// expect reads messages from rw until one has code, failing after d.
func expect(t *testing.T, rw p2p.MsgReader, code uint64, d time.Duration) p2p.Msg {
	t.Helper()
	got := make(chan p2p.Msg)
	go func() {
		for {
			msg, err := rw.ReadMsg()
			if err != nil {
				return
			}
			if msg.Code == code {
				got <- msg
				return
			}
			msg.Discard()
		}
	}()
	select {
	case msg := <-got:
		return msg
	case <-time.After(d):
		t.Fatalf("no message %#x within %v", code, d)
		return p2p.Msg{}
	}
}

// TestSlowImportDoesNotBlockThePeer: while a pushed block is being
// executed, the same peer's next messages are still read and answered
// (here a status far ahead, answered with a sync request). Executing in the
// read loop stalled a whole devp2p connection, consensus votes included.
func TestSlowImportDoesNotBlockThePeer(t *testing.T) {
	chain := &slowChain{release: make(chan struct{})}
	genesis := common.Hash{7}
	r := New(chain, nil, Config{NetworkID: 9, Genesis: genesis})
	if err := r.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		close(chain.release) // let the import end, then stop the loops
		r.Stop()
	}()

	local, remote := p2p.MsgPipe()
	defer local.Close()
	go r.runPeer(p2p.NewPeer(enode.ID{1}, "remote", nil), local)

	msg := expect(t, remote, StatusMsg, 5*time.Second)
	msg.Discard()
	if err := p2p.Send(remote, StatusMsg, &StatusPacket{NetworkID: 9, Genesis: genesis}); err != nil {
		t.Fatal(err)
	}
	cert := &qbft.Certificate{Number: 1, Hash: common.Hash{1}}
	if err := p2p.Send(remote, CertifiedMsg, &certifiedPacket{Value: []byte{1}, Cert: cert.Encode()}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for chain.imports.Load() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("pushed block never reached the importer")
		}
		time.Sleep(5 * time.Millisecond)
	}
	// The import is now blocked; the peer must still be read and served.
	sent := make(chan error, 1)
	go func() { sent <- p2p.Send(remote, StatusMsg, &StatusPacket{NetworkID: 9, Genesis: genesis, Head: 5}) }()
	select {
	case err := <-sent:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the peer's next message is not read while a pushed block executes")
	}
	msg = expect(t, remote, getCertifiedMsg, 2*time.Second)
	var req getCertifiedPacket
	if err := msg.Decode(&req); err != nil || req.From != 1 || req.Count != 5 {
		t.Fatalf("sync request %+v (%v), want blocks 1..5", req, err)
	}
}

// TestStaleQueuedMessagesAreDropped: votes two heights or more below the
// one this node decides and blocks the peer announced meanwhile are skipped
// when their turn to be written comes, so a backlog does not delay current
// votes; votes for the height just decided still go out.
func TestStaleQueuedMessagesAreDropped(t *testing.T) {
	local, remote := p2p.MsgPipe()
	defer local.Close()
	p := newPeer(p2p.NewPeer(enode.ID{2}, "remote", nil), local)
	defer p.close()

	var deciding atomic.Uint64
	deciding.Store(10)
	at := func() uint64 { return deciding.Load() }
	p.sendConsensus([]byte("vote for 8"), 8, at)
	p.sendCertified(&certifiedPacket{Value: []byte("block 8")}, 8)
	p.head.Store(8) // the peer announced block 8 after it was queued
	p.sendConsensus([]byte("vote for 9"), 9, at)
	p.sendConsensus([]byte("vote for 10"), 10, at)
	p.sendCertified(&certifiedPacket{Value: []byte("block 10")}, 10)
	go p.writeLoop()

	for _, want := range []string{"vote for 9", "vote for 10"} {
		msg := expect(t, remote, ConsensusMsg, 5*time.Second)
		var raw []byte
		if err := msg.Decode(&raw); err != nil || string(raw) != want {
			t.Fatalf("consensus message written: %q (%v), want %q", raw, err, want)
		}
	}
	msg := expect(t, remote, CertifiedMsg, 5*time.Second)
	var pkt certifiedPacket
	if err := msg.Decode(&pkt); err != nil || string(pkt.Value) != "block 10" {
		t.Fatalf("first block written: %q (%v), want block 10", pkt.Value, err)
	}
}

// bigChain serves 3 MB blocks up to head 100.
type bigChain struct{ slowChain }

func (*bigChain) Head() uint64 { return 100 }
func (*bigChain) CertifiedValue(n uint64) ([]byte, *qbft.Certificate, error) {
	return make([]byte, 3<<20), &qbft.Certificate{Number: n}, nil
}

// TestSyncAnswerStaysUnderTheMessageLimit: a batch stops at maxBatchBytes,
// since a message over devp2p's 16 MiB limit would drop the peer instead.
func TestSyncAnswerStaysUnderTheMessageLimit(t *testing.T) {
	r := New(&bigChain{}, nil, Config{})
	local, _ := p2p.MsgPipe()
	defer local.Close()
	p := newPeer(p2p.NewPeer(enode.ID{3}, "remote", nil), local)
	r.serve(p, getCertifiedPacket{From: 1, Count: 64})
	m := <-p.queue
	batch := m.data.([]certifiedPacket)
	size := 0
	for _, b := range batch {
		size += len(b.Value)
	}
	if len(batch) != 3 || size > maxBatchBytes+(3<<20) {
		t.Fatalf("batch of %d blocks, %d bytes; want 3 blocks (stopping once %d bytes are reached)", len(batch), size, maxBatchBytes)
	}
}
