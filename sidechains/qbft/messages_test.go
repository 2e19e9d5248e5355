package qbft

import (
	"errors"
	"math/big"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rlp"
)

func TestValidatorSetQuorumAndProposer(t *testing.T) {
	for n, want := range map[int][2]int{1: {1, 0}, 2: {2, 0}, 3: {2, 0}, 4: {3, 1}, 5: {4, 1}, 6: {4, 1}, 7: {5, 2}, 10: {7, 3}} {
		addrs := make([]common.Address, n)
		for i := range addrs {
			addrs[i] = common.BigToAddress(big.NewInt(int64(100 - i)))
		}
		vs, err := NewValidatorSet(addrs)
		if err != nil {
			t.Fatal(err)
		}
		if vs.Quorum() != want[0] || vs.F() != want[1] {
			t.Errorf("n=%d: quorum %d f %d, want %v", n, vs.Quorum(), vs.F(), want)
		}
	}
	a, b, c := common.HexToAddress("0x10"), common.HexToAddress("0x20"), common.HexToAddress("0x30")
	vs, _ := NewValidatorSet([]common.Address{c, a, b})
	cases := []struct {
		prev  common.Address
		round uint64
		want  common.Address
	}{
		{common.Address{}, 0, a},        // genesis: first validator
		{a, 0, b}, {b, 0, c}, {c, 0, a}, // after the previous proposer, wrapping
		{a, 1, c}, {a, 2, a}, {a, 5, a}, // plus the round
		{common.HexToAddress("0x025"), 0, c}, // previous proposer removed from the set
	}
	for _, tc := range cases {
		if got := vs.Proposer(tc.prev, tc.round); got != tc.want {
			t.Errorf("proposer after %s round %d = %s, want %s", tc.prev, tc.round, got, tc.want)
		}
	}
	if _, err := NewValidatorSet([]common.Address{a, a}); err == nil || !strings.Contains(err.Error(), "listed twice") {
		t.Fatalf("duplicate validator: %v", err)
	}
	if _, err := NewValidatorSet(nil); !errors.Is(err, errEmptyValidatorSet) {
		t.Fatalf("empty set: %v", err)
	}
}

func TestCommitDigestMatchesABIEncode(t *testing.T) {
	b32, _ := abi.NewType("bytes32", "", nil)
	u256, _ := abi.NewType("uint256", "", nil)
	args := abi.Arguments{{Type: b32}, {Type: u256}, {Type: u256}, {Type: u256}, {Type: b32}}
	hash := crypto.Keccak256Hash([]byte("block"))
	packed, err := args.Pack(crypto.Keccak256Hash([]byte("sovereign.qbft.commit.v2")), big.NewInt(2026), big.NewInt(77), big.NewInt(3), hash)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := CommitDigest(big.NewInt(2026), 77, 3, hash), crypto.Keccak256Hash(packed); got != want {
		t.Fatalf("commit digest %s, abi.encode gives %s", got, want)
	}
}

func TestCommitSealFormat(t *testing.T) {
	key := mustKey(t)
	s := NewKeySigner(key)
	hash := common.HexToHash("0xabc")
	seal, err := SignSeal(s, testChainID, 5, 1, hash)
	if err != nil {
		t.Fatal(err)
	}
	if len(seal) != 65 || (seal[64] != 27 && seal[64] != 28) {
		t.Fatalf("seal length %d v %d", len(seal), seal[64])
	}
	if a, err := RecoverSeal(testChainID, 5, 1, hash, seal); err != nil || a != s.Address() {
		t.Fatalf("recover: %s %v", a, err)
	}
	// Another height, round, chain or block gives another signer.
	if a, _ := RecoverSeal(testChainID, 6, 1, hash, seal); a == s.Address() {
		t.Fatal("seal valid for another height")
	}
	if a, _ := RecoverSeal(testChainID, 5, 0, hash, seal); a == s.Address() {
		t.Fatal("seal valid for another round")
	}
	if a, _ := RecoverSeal(big.NewInt(1), 5, 1, hash, seal); a == s.Address() {
		t.Fatal("seal valid on another chain")
	}
	if a, _ := RecoverSeal(testChainID, 5, 1, common.HexToHash("0xabd"), seal); a == s.Address() {
		t.Fatal("seal valid for another block")
	}
	// v = 0/1 and high S are refused.
	raw := append([]byte(nil), seal...)
	raw[64] -= 27
	if _, err := RecoverSeal(testChainID, 5, 1, hash, raw); !errors.Is(err, errSealRecoveryID) {
		t.Fatalf("v=0/1 seal: %v", err)
	}
	if _, err := RecoverSeal(testChainID, 5, 1, hash, highS(seal, 27)); !errors.Is(err, ErrHighS) {
		t.Fatalf("high-S seal: %v", err)
	}
}

// highS turns a valid signature into its malleable twin (n−s, flipped v),
// which secp256k1 still verifies but the protocol must refuse.
func highS(sig []byte, vBase byte) []byte {
	out := append([]byte(nil), sig...)
	s := new(big.Int).SetBytes(out[32:64])
	s.Sub(crypto.S256().Params().N, s)
	s.FillBytes(out[32:64])
	out[64] = vBase + (1 - (out[64] - vBase))
	return out
}

func TestCertificateVerify(t *testing.T) {
	var signers []*KeySigner
	var addrs []common.Address
	for i := 0; i < 4; i++ {
		s := NewKeySigner(mustKey(t))
		signers = append(signers, s)
		addrs = append(addrs, s.Address())
	}
	vs, _ := NewValidatorSet(addrs)
	hash := common.HexToHash("0x1234")
	sealIn := func(s *KeySigner, round uint64) []byte {
		b, err := SignSeal(s, testChainID, 9, round, hash)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	seal := func(s *KeySigner) []byte { return sealIn(s, 2) }
	good := &Certificate{Number: 9, Hash: hash, Round: 2, Seals: [][]byte{seal(signers[0]), seal(signers[1]), seal(signers[2])}}
	if err := good.Verify(testChainID, vs); err != nil {
		t.Fatalf("valid certificate: %v", err)
	}
	dec, err := DecodeCertificate(good.Encode())
	if err != nil || dec.ID() != good.ID() {
		t.Fatalf("certificate round trip: %v", err)
	}
	outsider := NewKeySigner(mustKey(t))
	cases := map[string]struct {
		cert *Certificate
		want error
	}{
		"below quorum": {&Certificate{Number: 9, Hash: hash, Round: 2, Seals: [][]byte{seal(signers[0]), seal(signers[1])}}, errNotEnoughSeals},
		"duplicate":    {&Certificate{Number: 9, Hash: hash, Round: 2, Seals: [][]byte{seal(signers[0]), seal(signers[0]), seal(signers[1])}}, errDuplicateSeal},
		"outsider":     {&Certificate{Number: 9, Hash: hash, Round: 2, Seals: [][]byte{seal(signers[0]), seal(signers[1]), seal(outsider)}}, errSealNotValidator},
		"other block":  {&Certificate{Number: 9, Hash: common.HexToHash("0x99"), Round: 2, Seals: good.Seals}, errSealNotValidator},
		"other round":  {&Certificate{Number: 9, Hash: hash, Round: 1, Seals: good.Seals}, errSealNotValidator},
		// Seals of one block from different rounds are not a certificate
		// of any round (seal v2): the cross-round attack of issue 11.
		"mixed rounds": {&Certificate{Number: 9, Hash: hash, Round: 2, Seals: [][]byte{seal(signers[0]), sealIn(signers[1], 0), seal(signers[2])}}, errSealNotValidator},
		"high S":       {&Certificate{Number: 9, Hash: hash, Round: 2, Seals: [][]byte{seal(signers[0]), seal(signers[1]), highS(seal(signers[2]), 27)}}, ErrHighS},
		"short seal":   {&Certificate{Number: 9, Hash: hash, Round: 2, Seals: [][]byte{seal(signers[0]), seal(signers[1]), {1, 2}}}, errSigLength},
	}
	for name, tc := range cases {
		if err := tc.cert.Verify(testChainID, vs); !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", name, err, tc.want)
		}
	}
}

func TestDecodeMessageRejects(t *testing.T) {
	s := NewKeySigner(mustKey(t))
	m, err := signMessage(body{Code: CodePrepare, Height: 3, Round: 1, Digest: common.HexToHash("0x77")}, s)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeMessage(m.Raw)
	if err != nil || got.Source != s.Address() || got.Height != 3 || got.Round != 1 {
		t.Fatalf("round trip: %v %v", got, err)
	}
	var env envelope
	if err := rlp.DecodeBytes(m.Raw, &env); err != nil {
		t.Fatal(err)
	}
	reencode := func(e envelope) []byte { b, _ := rlp.EncodeToBytes(&e); return b }

	// Malformed RLP.
	if _, err := DecodeMessage([]byte{0xf8, 0xff, 0x01}); err == nil || !strings.Contains(err.Error(), "malformed message") {
		t.Fatalf("malformed RLP: %v", err)
	}
	if _, err := DecodeMessage(reencode(envelope{Body: []byte{0xc5, 0x01}, Signature: env.Signature})); err == nil || !strings.Contains(err.Error(), "malformed message body") {
		t.Fatalf("malformed body: %v", err)
	}
	// High S.
	if _, err := DecodeMessage(reencode(envelope{Body: env.Body, Signature: highS(env.Signature, 0)})); !errors.Is(err, ErrHighS) {
		t.Fatalf("high S: %v", err)
	}
	// Forged: a tampered body recovers to some other address.
	var b body
	_ = rlp.DecodeBytes(env.Body, &b)
	b.Height = 4
	tampered, _ := rlp.EncodeToBytes(&b)
	if _, err := DecodeMessage(reencode(envelope{Body: tampered, Signature: env.Signature})); !errors.Is(err, ErrForged) {
		t.Fatalf("tampered message: %v", err)
	}
	// Unknown code.
	b.Code = 0x30
	odd, _ := signMessage(b, s)
	if _, err := DecodeMessage(odd.Raw); !errors.Is(err, errUnknownCode) {
		t.Fatalf("unknown code: %v", err)
	}
	// Bad signature length.
	if _, err := DecodeMessage(reencode(envelope{Body: env.Body, Signature: env.Signature[:64]})); !errors.Is(err, errSigLength) {
		t.Fatalf("short signature: %v", err)
	}
}

func TestFileWAL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wal")
	w, err := OpenFileWAL(path)
	if err != nil {
		t.Fatal(err)
	}
	x, y := common.HexToHash("0x01"), common.HexToHash("0x02")
	if err := w.Sign(5, 0, CodeProposal, x); err != nil {
		t.Fatal(err)
	}
	if err := w.Sign(5, 0, CodeProposal, x); err != nil {
		t.Fatalf("re-signing the same value: %v", err)
	}
	if err := w.Sign(5, 0, CodeProposal, y); !errors.Is(err, errConflictingSignature) {
		t.Fatalf("second value at one height and round: %v", err)
	}
	if err := w.Sign(5, 1, CodeProposal, y); err != nil {
		t.Fatalf("another round: %v", err)
	}
	if err := w.SavePrepared(Prepared{Height: 5, Round: 1, Digest: y, Value: []byte("v"), Cert: [][]byte{{1}, {2}}}); err != nil {
		t.Fatal(err)
	}
	if err := w.Sign(4, 0, CodeCommit, x); err != nil {
		t.Fatal(err)
	}
	w.Close()

	// Restart: the record survives.
	w, err = OpenFileWAL(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Sign(5, 0, CodeProposal, y); !errors.Is(err, errConflictingSignature) {
		t.Fatalf("after restart: %v", err)
	}
	if p, ok := w.Prepared(5); !ok || p.Digest != y || len(p.Cert) != 2 {
		t.Fatalf("prepared after restart: %+v %v", p, ok)
	}
	// Prune drops old heights only, and survives another restart.
	if err := w.Prune(5); err != nil {
		t.Fatal(err)
	}
	if err := w.Sign(4, 0, CodeCommit, y); err != nil {
		t.Fatalf("pruned height still recorded: %v", err)
	}
	w.Close()
	w, _ = OpenFileWAL(path)
	defer w.Close()
	if err := w.Sign(5, 0, CodeProposal, y); !errors.Is(err, errConflictingSignature) {
		t.Fatalf("after prune and restart: %v", err)
	}
	// The highest round entered survives prune and restart, and no vote is
	// signed below it.
	if r := w.Round(5); r != 1 {
		t.Fatalf("round of height 5 from its signatures: %d, want 1", r)
	}
	if err := w.EnterRound(5, 3); err != nil {
		t.Fatal(err)
	}
	if err := w.EnterRound(5, 2); err != nil || w.Round(5) != 3 {
		t.Fatalf("a lower round lowered the record: %v, round %d", err, w.Round(5))
	}
	for _, code := range []uint64{CodeProposal, CodePrepare, CodeCommit} {
		if err := w.Sign(5, 2, code, x); !errors.Is(err, errBelowRound) {
			t.Fatalf("%s below the round entered: %v", CodeName(code), err)
		}
	}
	if err := w.Sign(5, 3, CodePrepare, x); err != nil {
		t.Fatalf("vote in the round entered: %v", err)
	}
	if err := w.SavePrepared(Prepared{Height: 5, Round: 0, Digest: x}); !errors.Is(err, errBelowRound) {
		t.Fatalf("lowering the prepared round: %v", err)
	}
	if err := w.Prune(5); err != nil {
		t.Fatal(err)
	}
	w.Close()
	w, _ = OpenFileWAL(path)
	if r := w.Round(5); r != 3 {
		t.Fatalf("round after prune and restart: %d, want 3", r)
	}
	if p, _ := w.Prepared(5); p.Round != 1 || p.Digest != y {
		t.Fatalf("lock after prune and restart: round %d %s", p.Round, p.Digest)
	}
}
