package bridge_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"math/big"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/bindings/releasebridge"
	"github.com/sovereign-gov/sovereign/bindings/reviewboard"
	"github.com/sovereign-gov/sovereign/bindings/validatorset"
	"github.com/sovereign-gov/sovereign/bridge"
	"github.com/sovereign-gov/sovereign/bridge/relaytest"
	"github.com/sovereign-gov/sovereign/contracts/predeploy"
	"github.com/sovereign-gov/sovereign/publicdata"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

// sys adds the test's reads of the public chain to the relaytest system.
type sys struct{ *relaytest.System }

func dial(t *testing.T, url string) *rpc.Client {
	t.Helper()
	c, err := rpc.Dial(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

func (s sys) relayer(t *testing.T, key *ecdsa.PrivateKey, consortiumURL string, batch int) *bridge.Relayer {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := bridge.New(ctx, bridge.Config{Consortium: dial(t, consortiumURL), Public: dial(t, s.Pub.URL),
		Bridge: s.Deployed.Bridge, Key: key, Batch: batch, Poll: 50 * time.Millisecond,
		BackoffMin: 50 * time.Millisecond, BackoffMax: 200 * time.Millisecond, Interval: 100 * time.Millisecond,
		Logger: log.New("test", t.Name())})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func once(t *testing.T, r *bridge.Relayer) bridge.Summary {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := r.Once(ctx)
	if err != nil {
		t.Fatalf("relay once: %v", err)
	}
	t.Logf("%s: %s", r.Address(), s)
	return s
}

// relayedEvents counts the bridge's Relayed events per (block, receipt, log).
func (s sys) relayedEvents(t *testing.T) (map[string]int, []*releasebridge.ReleaseBridgeRelayed) {
	t.Helper()
	b := releasebridge.NewReleaseBridge()
	logs, err := s.Pub.Client.FilterLogs(context.Background(), ethereum.FilterQuery{Addresses: []common.Address{s.Deployed.Bridge},
		Topics: [][]common.Hash{{b.GetABI().Events["Relayed"].ID}}, FromBlock: big.NewInt(0)})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	var evs []*releasebridge.ReleaseBridgeRelayed
	for i := range logs {
		ev, err := b.UnpackRelayedEvent(&logs[i])
		if err != nil {
			t.Fatal(err)
		}
		key := common.Hash(ev.BlockHash).Hex() + "/" + ev.ReceiptIndex.String() + "/" + ev.LogIndex.String()
		count[key]++
		evs = append(evs, ev)
	}
	for k, n := range count {
		if n != 1 {
			t.Errorf("log %s relayed %d times", k, n)
		}
	}
	return count, evs
}

func (s sys) dataset(t *testing.T) dataregistry.DatasetOutput {
	t.Helper()
	dr := dataregistry.NewDataRegistry()
	out, err := bind.Call(dr.Instance(s.Pub.Client, s.Deployed.Registry), nil, dr.PackDataset(relaytest.DatasetID), dr.UnpackDataset)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func (s sys) published(t *testing.T, v uint64) bool {
	t.Helper()
	dr := dataregistry.NewDataRegistry()
	_, err := bind.Call(dr.Instance(s.Pub.Client, s.Deployed.Registry), nil, dr.PackGetRecord(relaytest.RecordID(v)), dr.UnpackGetRecord)
	return err == nil
}

func (s sys) latestEpoch(t *testing.T) uint64 {
	t.Helper()
	b := releasebridge.NewReleaseBridge()
	e, err := bind.Call(b.Instance(s.Pub.Client, s.Deployed.Bridge), nil, b.PackLatestEpoch(), b.UnpackLatestEpoch)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func (s sys) nonce(t *testing.T, k *ecdsa.PrivateKey) uint64 {
	t.Helper()
	n, err := s.Pub.Client.NonceAt(context.Background(), relaytest.Addr(k), nil)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestRelayerEndToEnd: real consortium and public nodes over HTTP. Version 1
// approved and version 2 rejected (one block, two receipts); a relayer
// publishes 1, relays 2's rejection (publishing nothing), and a second
// --once relays nothing. Then a validator joins (a set change) and versions
// 3 and 4 are approved by the new set; a fresh relayer (a restart: no
// memory) and a second one race on that work: the set change goes first,
// every decision is published exactly once, each wastes at most one
// reverted transaction per batch. A hostile consortium endpoint (forged
// certificate, tampered receipt) and a wrong chain are refused before any
// transaction is sent. Last, a checkpoint is anchored.
func TestRelayerEndToEnd(t *testing.T) {
	s := sys{relaytest.NewSystem(t, 3)}
	v := s.Validators
	s.Submit(1, 2, 3, 4, 5, 6)
	s.Cons.Seal()
	s.Vote(1, true, v[0], v[1], v[2])
	s.Vote(2, false, v[0], v[1])
	decided := s.Cons.Seal()

	t.Run("wrong chain id is refused naming both chains", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, err := bridge.New(ctx, bridge.Config{Consortium: dial(t, s.Pub.URL), Public: dial(t, s.Pub.URL),
			Bridge: s.Deployed.Bridge, Key: s.Relayers[0]})
		var wc *bridge.WrongChainError
		if !errors.As(err, &wc) || wc.Chain != "consortium" || !strings.Contains(err.Error(), "has chain id 7201") || !strings.Contains(err.Error(), "follows consortium chain 4242") {
			t.Fatalf("err = %v, want the consortium endpoint's chain id named against 4242", err)
		}
		_, err = bridge.New(ctx, bridge.Config{Consortium: dial(t, s.Cons.URL), Public: dial(t, s.Pub.URL),
			Bridge: s.Deployed.Bridge, Key: s.Relayers[0], PublicChainID: big.NewInt(1)})
		if !errors.As(err, &wc) || wc.Chain != "public" {
			t.Fatalf("err = %v, want the public endpoint refused", err)
		}
		t.Logf("refused: %v", err)
	})

	t.Run("hostile consortium endpoint: nothing is sent", func(t *testing.T) {
		p := relaytest.NewProxy(t, s.Cons.URL)
		forger := []*ecdsa.PrivateKey{relaytest.NewKey(t), relaytest.NewKey(t), relaytest.NewKey(t)}
		p.Tamper["qbft_getCertificate"] = func(raw json.RawMessage) json.RawMessage {
			var c struct {
				RLP hexutil.Bytes `json:"rlp"`
			}
			if err := json.Unmarshal(raw, &c); err != nil {
				t.Error(err)
				return raw
			}
			cert, err := qbft.DecodeCertificate(c.RLP)
			if err != nil {
				t.Error(err)
				return raw
			}
			cert.Seals = nil
			for _, k := range forger {
				seal, _ := qbft.SignSeal(qbft.NewKeySigner(k), s.Cons.ChainID, cert.Number, cert.Round, cert.Hash)
				cert.Seals = append(cert.Seals, seal)
			}
			out, _ := json.Marshal(map[string]any{"rlp": hexutil.Bytes(cert.Encode())})
			return out
		}
		r := s.relayer(t, s.Relayers[0], p.Srv.URL, 32)
		_, err := r.Once(context.Background())
		if !errors.Is(err, bridge.ErrForged) {
			t.Fatalf("forged certificate: err = %v, want ErrForged", err)
		}
		t.Logf("forged certificate refused: %v", err)

		delete(p.Tamper, "qbft_getCertificate")
		p.Tamper["eth_getBlockReceipts"] = func(raw json.RawMessage) json.RawMessage {
			var rcs []map[string]any
			if err := json.Unmarshal(raw, &rcs); err != nil {
				t.Error(err)
				return raw
			}
			for _, rc := range rcs {
				logs, _ := rc["logs"].([]any)
				for _, l := range logs {
					lm := l.(map[string]any)
					d := lm["data"].(string)
					if len(d) > 10 { // flip one nibble: an approval would read as anything
						lm["data"] = d[:len(d)-1] + map[bool]string{true: "0", false: "1"}[d[len(d)-1] == '1']
					}
				}
			}
			out, _ := json.Marshal(rcs)
			return out
		}
		_, err = r.Once(context.Background())
		if !errors.Is(err, bridge.ErrForged) {
			t.Fatalf("tampered receipt: err = %v, want ErrForged", err)
		}
		t.Logf("tampered receipt refused: %v", err)
		delete(p.Tamper, "eth_getBlockReceipts")
		p.Tamper["eth_getBlockByNumber"] = func(raw json.RawMessage) json.RawMessage {
			var h map[string]any
			if err := json.Unmarshal(raw, &h); err != nil || h == nil {
				return raw
			}
			h["gasUsed"] = "0x1" // any other header than the certified one
			out, _ := json.Marshal(h)
			return out
		}
		_, err = r.Once(context.Background())
		if !errors.Is(err, bridge.ErrForged) || !strings.Contains(err.Error(), "certificate is for block") {
			t.Fatalf("forged header: err = %v, want ErrForged", err)
		}
		t.Logf("forged header refused: %v", err)

		delete(p.Tamper, "eth_getBlockByNumber")
		p.Tamper["eth_call"] = func(raw json.RawMessage) json.RawMessage { // getValidators: the forger's keys
			forged := []common.Address{relaytest.Addr(forger[0]), relaytest.Addr(forger[1]), relaytest.Addr(forger[2])}
			slices.SortFunc(forged, func(a, b common.Address) int { return a.Cmp(b) })
			enc, _ := validatorset.NewValidatorSet().GetABI().Methods["getValidators"].Outputs.Pack(forged)
			out, _ := json.Marshal(hexutil.Bytes(enc))
			return out
		}
		_, err = r.Once(context.Background())
		if !errors.Is(err, bridge.ErrForged) || !strings.Contains(err.Error(), "hash to") {
			t.Fatalf("forged validator list: err = %v, want ErrForged", err)
		}
		t.Logf("forged validator list refused: %v", err)
		if n := s.nonce(t, s.Relayers[0]); n != 0 {
			t.Fatalf("relayer sent %d transactions from hostile data", n)
		}
	})

	t.Run("relays approved and rejected decisions once", func(t *testing.T) {
		r := s.relayer(t, s.Relayers[0], s.Cons.URL, 32)
		sum := once(t, r)
		if sum.Approved != 1 || sum.Rejected != 1 || sum.Txs != 1 || sum.FromBlock != decided || sum.ToBlock != decided {
			t.Fatalf("summary %+v, want 1 approved + 1 rejected from block %d in 1 tx", sum, decided)
		}
		if !s.published(t, 1) || s.published(t, 2) {
			t.Fatalf("published v1 %v v2 %v; want only v1", s.published(t, 1), s.published(t, 2))
		}
		if again := once(t, r); again.Records() != 0 || again.Txs != 0 {
			t.Fatalf("second run relayed %+v", again)
		}
	})

	// a validator joins (epoch 1, block c); versions 3 and 4 are decided by
	// the five-member set in the next block
	vs := validatorset.NewValidatorSet()
	vsAddr := predeploy.ValidatorSetAddress
	for _, k := range v[:3] {
		s.Cons.Send(k, &vsAddr, vs.PackPropose(relaytest.Addr(s.Newcomer), true))
	}
	change := s.Cons.Seal()
	s.Vote(3, true, v[0], v[1], v[2], s.Newcomer)
	s.Vote(4, true, v[1], v[2], v[3], s.Newcomer)
	after := s.Cons.Seal()

	t.Run("a restarted relayer and a second one race: set change first, everything once", func(t *testing.T) {
		// fresh instances: no memory of the first relayer's work
		r1 := s.relayer(t, s.Relayers[1], s.Cons.URL, 1) // one log per transaction: several batches
		r2 := s.relayer(t, s.Relayers[2], s.Cons.URL, 1)
		var wg sync.WaitGroup
		sums := make([]bridge.Summary, 2)
		for i, r := range []*bridge.Relayer{r1, r2} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sums[i] = once(t, r)
			}()
		}
		wg.Wait()
		for i, sum := range sums {
			if sum.Reverted > sum.Batches || sum.Reverted > 3 {
				t.Errorf("relayer %d: %d reverted of %d batches", i, sum.Reverted, sum.Batches)
			}
			if sum.Rejected != 0 || sum.FromBlock != 0 && sum.FromBlock < change {
				t.Errorf("relayer %d re-relayed earlier work: %+v", i, sum)
			}
		}
		total := sums[0]
		total.Reverted += sums[1].Reverted
		if got := sums[0].Approved + sums[1].Approved; got != 2 {
			t.Errorf("approved relayed %d times in all, want 2", got)
		}
		if got := sums[0].SetChanges + sums[1].SetChanges; got != 1 {
			t.Errorf("set change relayed %d times, want 1", got)
		}
		t.Logf("reverted transactions: %d and %d (batches %d and %d)", sums[0].Reverted, sums[1].Reverted, sums[0].Batches, sums[1].Batches)
		if s.latestEpoch(t) != 1 {
			t.Fatalf("latest epoch %d, want 1", s.latestEpoch(t))
		}
		ds := s.dataset(t)
		if ds.Count != 3 || ds.LatestVersion != 4 || s.published(t, 2) {
			t.Fatalf("dataset %+v (v2 published %v); want versions 1, 3, 4", ds, s.published(t, 2))
		}
		count, evs := s.relayedEvents(t)
		if len(count) != 5 {
			t.Fatalf("%d logs relayed, want 5 (2 decisions, set change, 2 decisions)", len(count))
		}
		// the set change (kind 3) is relayed before any decision of a later block
		seenChange := false
		for _, ev := range evs {
			if ev.Kind == 3 {
				seenChange = true
			}
			if ev.Number == after && !seenChange {
				t.Fatalf("block %d relayed before the set change of block %d", after, change)
			}
		}
	})

	// versions 5 and 6 decided by one voteBatch: two Decisions in one receipt
	rb := reviewboard.NewReviewBoard()
	ids := [][32]byte{relaytest.RecordID(5), relaytest.RecordID(6)}
	for _, k := range []*ecdsa.PrivateKey{v[0], v[1], v[2], s.Newcomer} {
		s.Cons.Send(k, &s.ReviewBoard, rb.PackVoteBatch(ids, []bool{true, true}, []string{"ok", "ok"}))
	}
	batched := s.Cons.Seal()

	t.Run("two decisions of one receipt share its proof, then a checkpoint", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		r, err := bridge.New(ctx, bridge.Config{Consortium: dial(t, s.Cons.URL), Public: dial(t, s.Pub.URL),
			Bridge: s.Deployed.Bridge, Key: s.Relayers[0], CheckpointEvery: 1, Poll: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		sum := once(t, r)
		if sum.Approved != 2 || sum.Records() != 2 || sum.Txs != 2 || sum.FromBlock != batched || sum.Checkpoint != batched {
			t.Fatalf("summary %+v; want 2 approved from block %d in one relay, then a checkpoint of it", sum, batched)
		}
		if ds := s.dataset(t); ds.Count != 5 || ds.LatestVersion != 6 {
			t.Fatalf("dataset %+v; want 5 versions, latest 6", ds)
		}
		b := releasebridge.NewReleaseBridge()
		cp, err := bind.Call(b.Instance(s.Pub.Client, s.Deployed.Bridge), nil, b.PackLatestCheckpoint(), b.UnpackLatestCheckpoint)
		if err != nil || cp.Number != batched {
			t.Fatalf("latestCheckpoint %+v, %v; want block %d", cp, err, batched)
		}
		if sum := once(t, r); sum.Txs != 0 {
			t.Fatalf("checkpoint re-anchored without a newer block: %+v", sum)
		}
	})
}

// syncBuffer is a log sink safe for the relayer's goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
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

// TestRelayerBacksOffWhileChainsDown: Run keeps retrying with back-off
// while the consortium endpoint answers 503, then while the public one does,
// logs each outage and the recovery once, then relays; cancelling the
// context stops it.
func TestRelayerBacksOffWhileChainsDown(t *testing.T) {
	s := sys{relaytest.NewSystem(t, 1)}
	v := s.Validators
	s.Submit(1)
	s.Cons.Seal()
	s.Vote(1, true, v[0], v[1], v[2])
	s.Cons.Seal()

	p := relaytest.NewProxy(t, s.Cons.URL)
	pub := relaytest.NewProxy(t, s.Pub.URL)
	var logs syncBuffer
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := bridge.New(ctx, bridge.Config{Consortium: dial(t, p.Srv.URL), Public: dial(t, pub.Srv.URL),
		Bridge: s.Deployed.Bridge, Key: s.Relayers[0], Poll: 50 * time.Millisecond, Interval: 100 * time.Millisecond,
		BackoffMin: 20 * time.Millisecond, BackoffMax: 80 * time.Millisecond,
		Logger: log.NewLogger(log.NewTerminalHandlerWithLevel(&logs, log.LevelDebug, false))})
	if err != nil {
		t.Fatal(err)
	}
	p.SetDown(true)
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	time.Sleep(600 * time.Millisecond) // several retries
	if s.published(t, 1) {
		t.Fatal("published while the consortium was down")
	}
	// then the public chain is down instead: one more change of state
	pub.SetDown(true)
	p.SetDown(false)
	time.Sleep(400 * time.Millisecond)
	pub.SetDown(false)
	deadline := time.Now().Add(20 * time.Second)
	for !s.published(t, 1) || !strings.Contains(logs.String(), "relayed 1 decisions") {
		if time.Now().After(deadline) {
			t.Fatalf("not published after the consortium came back; log:\n%s", logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
	out := logs.String()
	paused, resumed, retries := strings.Count(out, "relaying paused"), strings.Count(out, "relaying resumed"), strings.Count(out, "still failing")
	if paused != 2 || resumed != 1 || retries < 4 || !strings.Contains(out, "consortium unreachable") || !strings.Contains(out, "public unreachable") || !strings.Contains(out, "relayed 1 decisions") {
		t.Fatalf("paused %d, resumed %d, quiet retries %d; want 2 (consortium, then public), 1, ≥ 4 and a progress line; log:\n%s", paused, resumed, retries, out)
	}
	t.Logf("%d quiet retries while down", retries)
}

// TestRelayerRestartAfterDyingMidSend: the relayer's public endpoint goes
// away right after its relay transaction was accepted, so it never sees the
// receipt and gives up; a fresh relayer with the same key (a restart: no
// memory) finds from the public chain that the log is relayed (or its
// transaction pending) and sends nothing.
func TestRelayerRestartAfterDyingMidSend(t *testing.T) {
	s := sys{relaytest.NewSystem(t, 1)}
	v := s.Validators
	s.Submit(1)
	s.Cons.Seal()
	s.Vote(1, true, v[0], v[1], v[2])
	s.Cons.Seal()

	p := relaytest.NewProxy(t, s.Pub.URL)
	p.SetAfter(func(method string) {
		if method == "eth_sendRawTransaction" {
			p.SetDown(true)
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := bridge.New(ctx, bridge.Config{Consortium: dial(t, s.Cons.URL), Public: dial(t, p.Srv.URL),
		Bridge: s.Deployed.Bridge, Key: s.Relayers[0], Poll: 50 * time.Millisecond, TxTimeout: 500 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Once(ctx); err == nil {
		t.Fatal("relayer saw its receipt through a dead endpoint")
	} else {
		t.Logf("first relayer gave up: %v", err)
	}

	again := s.relayer(t, s.Relayers[0], s.Cons.URL, 32)
	sum := once(t, again)
	// the first transaction is mined by now or still waiting: then the
	// restarted relayer replaces it (same nonce), never adds a second
	if sum.Txs > 1 {
		t.Fatalf("restarted relayer sent %d txs (%+v)", sum.Txs, sum)
	}
	relaytest.WaitPublished(t, s.Pub.Client, s.Deployed.Registry, relaytest.RecordID(1))
	if count, _ := s.relayedEvents(t); len(count) != 1 {
		t.Fatalf("%d logs relayed, want 1", len(count))
	}
	if n := s.nonce(t, s.Relayers[0]); n != 1 {
		t.Fatalf("relayer account sent %d transactions in all, want 1", n)
	}
}

// TestRelayerParksRetryableRefusal: a correction of a frozen record is
// refused by the registry as retryable (SupersedesFrozen): the bridge leaves
// it unrelayed, and the relayer does not pay for it again on every pass.
func TestRelayerParksRetryableRefusal(t *testing.T) {
	s := sys{relaytest.NewSystem(t, 1)}
	v := s.Validators
	s.Submit(1)
	s.Cons.Seal()
	s.Vote(1, true, v[0], v[1], v[2])
	s.Cons.Seal()
	r := s.relayer(t, s.Relayers[0], s.Cons.URL, 32)
	if sum := once(t, r); sum.Approved != 1 {
		t.Fatalf("summary %+v", sum)
	}
	s.Freeze(t, relaytest.RecordID(1))
	s.SubmitCorrection(2, 1)
	s.Cons.Seal()
	s.Vote(2, true, v[0], v[1], v[2])
	s.Cons.Seal()

	sum := once(t, r)
	if sum.Refused != 1 || sum.Txs != 1 || s.published(t, 2) {
		t.Fatalf("summary %+v (v2 published %v); want one refused release in one tx", sum, s.published(t, 2))
	}
	if again := once(t, r); again.Txs != 0 || again.Parked != 1 {
		t.Fatalf("parked refusal sent again: %+v", again)
	}
}

// TestRelayerAccessDecisions: a conditional record is published, someone
// requests access on the public chain, the consortium grants it; in the same
// block it also refuses a request the registry never had (the bridge would
// revert on it). The relayer relays the grant (resolveAccess) and leaves the
// other log alone without letting it hold the grant back.
func TestRelayerAccessDecisions(t *testing.T) {
	s := sys{relaytest.NewSystem(t, 1)}
	v := s.Validators
	s.SubmitConditional(1)
	s.Cons.Seal()
	s.Vote(1, true, v[0], v[1], v[2])
	s.Cons.Seal()
	r := s.relayer(t, s.Relayers[0], s.Cons.URL, 32)
	if sum := once(t, r); sum.Approved != 1 {
		t.Fatalf("summary %+v", sum)
	}
	dr := dataregistry.NewDataRegistry()
	rc := s.PublicTransact(t, s.Relayers[0], s.Deployed.Registry, dr.PackRequestAccess(relaytest.RecordID(1), "hospital research"))
	var request common.Hash
	for _, l := range rc.Logs {
		if ev, err := dr.UnpackAccessRequestedEvent(l); err == nil {
			request = ev.RequestId
		}
	}
	rb := reviewboard.NewReviewBoard()
	unknown := common.Hash{0xde, 0xad}
	expires := uint64(time.Now().Add(24 * time.Hour).Unix())
	requester := crypto.PubkeyToAddress(s.Relayers[0].PublicKey) // who asked, on the public chain
	for i, k := range v[:3] {
		if i < 2 { // two refusals of four decide (more than n − quorum)
			s.Cons.Send(k, &s.ReviewBoard, rb.PackReviewAccess(unknown, relaytest.RecordID(1), requester, false, 0, "no such request"))
		}
		s.Cons.Send(k, &s.ReviewBoard, rb.PackReviewAccess(request, relaytest.RecordID(1), requester, true, expires, "approved purpose"))
	}
	s.Cons.Seal()

	sum := once(t, r)
	if sum.Access != 1 || sum.Unrelayable != 1 {
		t.Fatalf("summary %+v; want the grant relayed and the unknown request's decision refused", sum)
	}
	got, err := bind.Call(dr.Instance(s.Pub.Client, s.Deployed.Registry), nil, dr.PackAccessRequest(request), dr.UnpackAccessRequest)
	if err != nil || got.Status != 2 || got.ExpiresAt != expires { // Granted
		t.Fatalf("access request %+v, %v; want granted until %d", got, err, expires)
	}
	if again := once(t, r); again.Txs != 0 || again.Parked != 1 {
		t.Fatalf("second run %+v; want the refused log parked, nothing sent", again)
	}
}

// TestRelayerCarriesShredReceipt: the security officer records a
// dataset's shred on ReviewBoard after version 1 was approved; the relayer
// carries the Decision and the Shredded log, and the public registry shows
// version 1 shredded with the officer's receipt. An approval of the still
// pending version 2 is refused on the consortium, so nothing of the dataset
// reaches the public chain as approved after its shred.
func TestRelayerCarriesShredReceipt(t *testing.T) {
	s := sys{relaytest.NewSystem(t, 1)}
	v := s.Validators
	s.Submit(1, 2)
	s.Cons.Seal()
	s.Vote(1, true, v[0], v[1], v[2])
	s.Cons.Seal()
	rb := reviewboard.NewReviewBoard()
	receipt := common.Hash{0x5e, 0xed}
	s.Cons.Send(s.Officer, &s.ReviewBoard, rb.PackRecordShred(relaytest.DatasetID, receipt))
	s.Cons.Seal()
	// a validator approving version 2 now is refused (the transaction reverts)
	_, err := s.Cons.Client.CallContract(context.Background(), ethereum.CallMsg{From: relaytest.Addr(v[0]), To: &s.ReviewBoard,
		Data: rb.PackVote(relaytest.RecordID(2), true, "ok")}, nil)
	if err == nil || !strings.Contains(err.Error(), "revert") {
		t.Fatalf("approving a version of a shredded dataset: %v", err)
	}

	r := s.relayer(t, s.Relayers[0], s.Cons.URL, 32)
	sum := once(t, r)
	if sum.Approved != 1 || sum.Shreds != 1 {
		t.Fatalf("summary %+v; want the release and the shred receipt relayed", sum)
	}
	dr := dataregistry.NewDataRegistry()
	rec, err := bind.Call(dr.Instance(s.Pub.Client, s.Deployed.Registry), nil, dr.PackGetRecord(relaytest.RecordID(1)), dr.UnpackGetRecord)
	if err != nil || !rec.Shredded {
		t.Fatalf("version 1 on the registry: %+v, %v; want shredded", rec, err)
	}
	var found bool
	logs, err := s.Pub.Client.FilterLogs(context.Background(), ethereum.FilterQuery{Addresses: []common.Address{s.Deployed.Registry}})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range logs {
		if ev, err := dr.UnpackShreddedEvent(&l); err == nil && ev.DatasetId == relaytest.DatasetID && ev.Receipt == receipt {
			found = true
		}
	}
	if !found {
		t.Fatal("no Shredded event with the officer's receipt on the registry")
	}
	if again := once(t, r); again.Txs != 0 {
		t.Fatalf("second run %+v; want nothing sent", again)
	}
}

// TestRelayerCheckpointByTime: with CheckpointPeriod the head is anchored at
// once (no checkpoint yet), not again while the consortium's head time is
// within the period of it, and again once it is past it.
func TestRelayerCheckpointByTime(t *testing.T) {
	s := sys{relaytest.NewSystem(t, 1)}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := bridge.New(ctx, bridge.Config{Consortium: dial(t, s.Cons.URL), Public: dial(t, s.Pub.URL),
		Bridge: s.Deployed.Bridge, Key: s.Relayers[0], CheckpointPeriod: 3 * time.Second, Poll: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	first := once(t, r)
	if first.Checkpoint == 0 {
		t.Fatalf("no first checkpoint: %+v", first)
	}
	// seal until the head's time is within the period of the checkpoint's
	// (block times follow the wall clock: setting up may have taken longer)
	for {
		n := s.Cons.Seal()
		cp, _ := s.Cons.Client.HeaderByNumber(ctx, new(big.Int).SetUint64(first.Checkpoint))
		h, _ := s.Cons.Client.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
		if h.Time-cp.Time >= 3 {
			first.Checkpoint = n
			if sum := once(t, r); sum.Checkpoint != n {
				t.Fatalf("not anchored past the period: %+v", sum)
			}
			continue
		}
		break
	}
	if sum := once(t, r); sum.Checkpoint != 0 {
		t.Fatalf("anchored again within the period: %+v", sum)
	}
	var head uint64
	for range 3 {
		head = s.Cons.Seal()
	}
	if sum := once(t, r); sum.Checkpoint != head {
		t.Fatalf("summary %+v; want a checkpoint at %d, past the period", sum, head)
	}
}

// TestRelayerReplacesItsStuckTransaction: a transaction of the relayer's
// account waits in the pool, priced under the base fee (a fee rise, or one
// sent before a restart); the relay takes its nonce with higher fees instead
// of queueing behind it for ever.
func TestRelayerReplacesItsStuckTransaction(t *testing.T) {
	s := sys{relaytest.NewSystem(t, 1)}
	v := s.Validators
	s.Submit(1)
	s.Cons.Seal()
	s.Vote(1, true, v[0], v[1], v[2])
	s.Cons.Seal()

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	key := s.Relayers[0]
	chainID, _ := s.Pub.Client.ChainID(ctx)
	to := relaytest.Addr(key)
	stuck := types.MustSignNewTx(key, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{
		ChainID: chainID, Nonce: 0, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(1), Gas: 21000, To: &to})
	if err := s.Pub.Client.SendTransaction(ctx, stuck); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if rc, _ := s.Pub.Client.TransactionReceipt(ctx, stuck.Hash()); rc != nil {
		t.Skip("the public node mined a transaction under the base fee")
	}
	r := s.relayer(t, key, s.Cons.URL, 32)
	sum := once(t, r)
	if sum.Approved != 1 || sum.Txs != 1 || !s.published(t, 1) {
		t.Fatalf("summary %+v; want the decision relayed in one transaction", sum)
	}
	if n := s.nonce(t, key); n != 1 {
		t.Fatalf("account nonce %d, want 1 (the relay replaced the stuck transaction)", n)
	}
}

// TestRelayerPassesAgainAfterSending: a pass that sent took a public block
// or more, and decisions made meanwhile are relayed at once, not an
// Interval later (an hour here).
func TestRelayerPassesAgainAfterSending(t *testing.T) {
	s := sys{relaytest.NewSystem(t, 1)}
	v := s.Validators
	s.Submit(1, 2)
	s.Cons.Seal()
	s.Vote(1, true, v[0], v[1], v[2])
	s.Cons.Seal()

	// While the relayer sends record 1, record 2 is decided.
	sending, decided := make(chan struct{}), make(chan struct{})
	var once sync.Once
	p := relaytest.NewProxy(t, s.Pub.URL)
	p.SetAfter(func(method string) {
		if method == "eth_sendRawTransaction" {
			once.Do(func() { close(sending); <-decided })
		}
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r, err := bridge.New(ctx, bridge.Config{Consortium: dial(t, s.Cons.URL), Public: dial(t, p.Srv.URL),
		Bridge: s.Deployed.Bridge, Key: s.Relayers[0], Poll: 50 * time.Millisecond, Interval: time.Hour,
		Logger: log.New("test", t.Name())})
	if err != nil {
		t.Fatal(err)
	}
	stopped := make(chan error, 1)
	go func() { stopped <- r.Run(ctx) }()
	select {
	case <-sending:
	case <-time.After(30 * time.Second):
		t.Fatal("the relayer sent nothing")
	}
	s.Vote(2, true, v[0], v[1], v[2])
	s.Cons.Seal()
	close(decided)
	relaytest.WaitPublished(t, s.Pub.Client, s.Deployed.Registry, relaytest.RecordID(1))
	relaytest.WaitPublished(t, s.Pub.Client, s.Deployed.Registry, relaytest.RecordID(2))
	cancel()
	if err := <-stopped; err != nil {
		t.Fatal(err)
	}
}

// TestCheckpointsCheckedByThePublic: the checkpoints the relayer anchors
// are what a reader lists, each checked against the bridge's state and the
// consortium; a consortium on another history, or a node inventing a
// checkpoint log, is caught.
func TestCheckpointsCheckedByThePublic(t *testing.T) {
	s := sys{relaytest.NewSystem(t, 1)}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	r, err := bridge.New(ctx, bridge.Config{Consortium: dial(t, s.Cons.URL), Public: dial(t, s.Pub.URL),
		Bridge: s.Deployed.Bridge, Key: s.Relayers[0], CheckpointEvery: 2, Poll: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	var anchored []uint64
	for range 2 {
		sum := once(t, r)
		if sum.Checkpoint == 0 {
			t.Fatalf("no checkpoint: %+v", sum)
		}
		anchored = append(anchored, sum.Checkpoint)
		s.Cons.Seal()
		s.Cons.Seal()
	}
	reader := &publicdata.Reader{Public: s.Pub.Client, Registry: s.Deployed.Registry, Bridge: s.Deployed.Bridge, Consortium: s.Cons.Client}
	cps, err := reader.Checkpoints(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cps) != 2 || cps[0].Number != anchored[0] || cps[1].Number != anchored[1] {
		t.Fatalf("listed %d checkpoints, want blocks %v", len(cps), anchored)
	}
	for _, cp := range cps {
		h, _ := s.Cons.Client.HeaderByNumber(ctx, new(big.Int).SetUint64(cp.Number))
		if cp.OnConsortium == nil || !*cp.OnConsortium || cp.Hash != h.Hash() || cp.StateRoot != h.Root {
			t.Fatalf("checkpoint %+v, consortium block %s root %s", cp, h.Hash(), h.Root)
		}
	}
	latest, err := reader.LatestCheckpoint(ctx)
	if err != nil || latest.Number != anchored[1] {
		t.Fatalf("latest checkpoint %+v, %v; want block %d", latest, err, anchored[1])
	}

	// A consortium node on another chain has other blocks at those heights.
	other := relaytest.NewConsortium(t, []*ecdsa.PrivateKey{relaytest.NewKey(t)}, nil)
	for range anchored[1] {
		other.Seal()
	}
	reader.Consortium = other.Client
	if _, err := reader.LatestCheckpoint(ctx); !errors.Is(err, publicdata.ErrCheckpointMismatch) {
		t.Fatalf("latest checkpoint against another consortium: %v, want ErrCheckpointMismatch", err)
	}
	cps, err = reader.Checkpoints(ctx)
	if err != nil || cps[0].OnConsortium == nil || *cps[0].OnConsortium {
		t.Fatalf("checkpoints against another consortium: %+v, %v", cps, err)
	}

	// A public node inventing the block a checkpoint log names.
	p := relaytest.NewProxy(t, s.Pub.URL)
	p.Tamper["eth_getLogs"] = func(res json.RawMessage) json.RawMessage {
		var logs []map[string]any
		if json.Unmarshal(res, &logs) != nil || len(logs) == 0 {
			return res
		}
		topics := logs[0]["topics"].([]any)
		topics[2] = common.Hash{0xba, 0xd}.Hex()
		out, _ := json.Marshal(logs)
		return out
	}
	lying := &publicdata.Reader{Public: ethclient.NewClient(dial(t, p.Srv.URL)), Registry: s.Deployed.Registry, Bridge: s.Deployed.Bridge}
	if _, err := lying.Checkpoints(ctx); err == nil || !strings.Contains(err.Error(), "the bridge's state") {
		t.Fatalf("invented checkpoint log: %v", err)
	}
}
