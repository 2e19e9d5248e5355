package bridge

import (
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
)

// TestBackoffGrowsWithJitterWithinBounds: doubling from the minimum, capped
// at the maximum, jittered by at most a quarter either way, and never the
// same for every relayer.
func TestBackoffGrowsWithJitterWithinBounds(t *testing.T) {
	lo, hi := 100*time.Millisecond, 2*time.Second
	for n := 1; n <= 12; n++ {
		base := lo << (n - 1)
		base = min(base, hi)
		seen := map[time.Duration]bool{}
		for range 200 {
			d := backoff(lo, hi, n)
			if d < base-base/4 || d > base+base/4 {
				t.Fatalf("failure %d: wait %s outside %s ± 25%%", n, d, base)
			}
			seen[d] = true
		}
		if len(seen) < 10 {
			t.Fatalf("failure %d: only %d distinct waits: no jitter", n, len(seen))
		}
	}
}

func TestSummaryString(t *testing.T) {
	s := Summary{FromBlock: 100, ToBlock: 140, Approved: 10, Rejected: 2, Txs: 1, GasUsed: 12 * 94_000}
	if got := s.String(); !strings.HasPrefix(got, "relayed 12 decisions (10 approved, 2 rejected), 0 access decisions, 0 set changes, 0 shred receipts, 0 verifier adoptions from consortium blocks 100–140 in 1 txs (0 reverted), 94k gas/record") {
		t.Fatalf("summary %q", got)
	}
	var total Summary
	total.add(Summary{FromBlock: 7, ToBlock: 9, SetChanges: 1})
	total.add(Summary{FromBlock: 3, ToBlock: 4, Approved: 1})
	if total.FromBlock != 3 || total.ToBlock != 9 || total.Records() != 2 {
		t.Fatalf("added summary %+v", total)
	}
	if got := (Summary{Skipped: 2}).String(); !strings.HasPrefix(got, "nothing to relay (2 found relayed by others") {
		t.Fatalf("empty summary %q", got)
	}
}

// TestLogProofsShareAReceipt: logs of one receipt after the first carry no
// nodes (the bridge reuses the receipt), each new receipt its full proof,
// and a proof of a receipt the block does not have is an error.
func TestLogProofsShareAReceipt(t *testing.T) {
	var receipts types.Receipts
	for i := range 3 {
		receipts = append(receipts, &types.Receipt{Type: types.DynamicFeeTxType, Status: 1, CumulativeGasUsed: uint64(21000 * (i + 1)),
			Logs: []*types.Log{{Data: []byte{byte(i)}}, {Data: []byte{byte(i), 1}}}})
	}
	for _, r := range receipts {
		r.Bloom = types.CreateBloom(r)
	}
	tr, err := receiptTrie(receipts)
	if err != nil {
		t.Fatal(err)
	}
	b := &Block{Header: &types.Header{ReceiptHash: tr.Hash()}, Receipts: receipts, tr: tr}
	proofs, err := b.LogProofs([]Item{{ReceiptIndex: 1, LogIndex: 0}, {ReceiptIndex: 1, LogIndex: 1}, {ReceiptIndex: 2, LogIndex: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if len(proofs[0].Nodes) == 0 || len(proofs[1].Nodes) != 0 || len(proofs[2].Nodes) == 0 {
		t.Fatalf("node counts %d %d %d; want full, shared (0), full", len(proofs[0].Nodes), len(proofs[1].Nodes), len(proofs[2].Nodes))
	}
	if _, err := b.ReceiptProof(3); err == nil {
		t.Fatal("proof of a missing receipt")
	}
	if _, err := ReceiptProof(receipts[:2], tr.Hash(), 0); err == nil {
		t.Fatal("receipts not matching the root were proven")
	}
}
