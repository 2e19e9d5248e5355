package clique

import (
	"errors"
	"math/big"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Signers are named by letters; a header's author is read from its first
// extra byte, so the voting rules are tested without signatures.
func addr(name string) common.Address { return common.Address{name[0]} }

type testVote struct {
	signer string
	voted  string // "" = no vote
	auth   bool
}

func header(number uint64, v testVote) *types.Header {
	h := &types.Header{Number: new(big.Int).SetUint64(number), Extra: []byte{v.signer[0]}, Difficulty: big.NewInt(1)}
	if v.voted != "" {
		h.Coinbase = addr(v.voted)
		if v.auth {
			h.Nonce = nonceAuthVote
		}
	}
	return h
}

func author(h *types.Header) (common.Address, error) { return common.Address{h.Extra[0]}, nil }

func TestSnapshotVoting(t *testing.T) {
	tests := []struct {
		name    string
		epoch   uint64
		signers []string
		votes   []testVote
		want    []string
		wantErr error
	}{
		{name: "single signer, no votes", signers: []string{"A"}, votes: []testVote{{signer: "A"}}, want: []string{"A"}},
		{name: "single signer adds another at once", signers: []string{"A"}, votes: []testVote{{"A", "B", true}}, want: []string{"A", "B"}},
		{name: "two signers: one vote is not a majority", signers: []string{"A", "B"}, votes: []testVote{{"A", "C", true}}, want: []string{"A", "B"}},
		{name: "two signers: two votes add", signers: []string{"A", "B"}, votes: []testVote{{"A", "C", true}, {"B", "C", true}}, want: []string{"A", "B", "C"}},
		{name: "a signer's repeated vote counts once", signers: []string{"A", "B", "C"},
			votes: []testVote{{"A", "D", true}, {signer: "B"}, {"A", "D", true}}, want: []string{"A", "B", "C"}},
		{name: "three signers drop one", signers: []string{"A", "B", "C"},
			votes: []testVote{{"A", "C", false}, {"B", "C", false}}, want: []string{"A", "B"}},
		{name: "a dropped signer's pending votes are discarded", signers: []string{"A", "B", "C", "D"},
			votes: []testVote{{"C", "E", true}, {"A", "C", false}, {"B", "C", false}, {"D", "C", false}, {"A", "E", true}, {"B", "E", true}},
			want:  []string{"A", "B", "D", "E"}}, // E reaches 2 of 3 only with A and B: C's vote no longer counts
		{name: "votes reset at an epoch block", epoch: 3, signers: []string{"A", "B", "C"},
			votes: []testVote{{"A", "D", true}, {signer: "B"}, {"C", "D", true}}, want: []string{"A", "B", "C"}},
		{name: "signing twice within the recency limit", signers: []string{"A", "B", "C"},
			votes: []testVote{{signer: "A"}, {signer: "A"}}, wantErr: errRecentlySigned},
		{name: "unauthorized signer", signers: []string{"A"}, votes: []testVote{{signer: "X"}}, wantErr: errUnauthorizedSigner},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			epoch := tt.epoch
			if epoch == 0 {
				epoch = 30000
			}
			var initial []common.Address
			for _, s := range tt.signers {
				initial = append(initial, addr(s))
			}
			headers := make([]*types.Header, len(tt.votes))
			for i, v := range tt.votes {
				headers[i] = header(uint64(i+1), v)
			}
			snap, err := newSnapshot(0, common.Hash{}, initial).apply(headers, epoch, author)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			var want []common.Address
			for _, s := range tt.want {
				want = append(want, addr(s))
			}
			if got := snap.SignerList(); !slices.Equal(got, want) {
				t.Fatalf("signers %v, want %v", got, want)
			}
		})
	}
}

func TestSnapshotTurnAndRecency(t *testing.T) {
	snap := newSnapshot(0, common.Hash{}, []common.Address{addr("C"), addr("A"), addr("B")})
	// Address order decides turns: A at 0, B at 1, C at 2 (mod 3).
	for number, want := range map[uint64]string{3: "A", 4: "B", 5: "C"} {
		if !snap.InTurn(number, addr(want)) {
			t.Fatalf("block %d: %s should be in turn", number, want)
		}
	}
	next, err := snap.apply([]*types.Header{header(1, testVote{signer: "A"})}, 30000, author)
	if err != nil {
		t.Fatal(err)
	}
	if !next.SignedRecently(addr("A")) || next.SignedRecently(addr("B")) {
		t.Fatal("after A seals block 1, A (and only A) must wait: limit is 2 of 3")
	}
	later, err := next.apply([]*types.Header{header(2, testVote{signer: "B"})}, 30000, author)
	if err != nil {
		t.Fatal(err)
	}
	if later.SignedRecently(addr("A")) {
		t.Fatal("A may seal block 3 again")
	}
	if _, err := next.apply([]*types.Header{header(2, testVote{signer: "A"})}, 30000, author); !errors.Is(err, errRecentlySigned) {
		t.Fatalf("A sealing block 2 too: %v, want %v", err, errRecentlySigned)
	}
	if !snap.ValidVote(addr("D"), true) || snap.ValidVote(addr("A"), true) || !snap.ValidVote(addr("A"), false) {
		t.Fatal("ValidVote: only adding outsiders and dropping members make sense")
	}
	bad := header(1, testVote{signer: "A", voted: "D"})
	bad.Nonce = types.BlockNonce{1}
	if _, err := snap.apply([]*types.Header{bad}, 30000, author); !errors.Is(err, errInvalidVote) {
		t.Fatalf("bad vote nonce: %v, want %v", err, errInvalidVote)
	}
}
