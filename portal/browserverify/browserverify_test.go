package browserverify_test

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/sovereign-gov/sovereign/portal/browserverify"
	"github.com/sovereign-gov/sovereign/publicdata"
	rt "github.com/sovereign-gov/sovereign/publicdata/readertest"
)

var roads = []byte("district,,count\nnorth,,3\nsouth,,5\n")

// TestSameAsReader: the browser's code reads a real Published log, the
// released root and the verifier's calldata exactly as the Go reader does,
// and the verifier on chain accepts that calldata.
func TestSameAsReader(t *testing.T) {
	policy := big.NewInt(0x5555)
	rel := rt.Release(t, "roads", 3, 1, 2, roads, 11)
	rel.Department = publicdata.DepartmentID("transport")
	rel.Threshold = 1
	proof := rt.ProofBytes(5)
	want := rt.VerifyCall(t, proof, rt.Inputs(rel, policy))
	f := rt.New(t, policy, false, want)
	id := f.Publish(rel, 12)
	logs, err := f.Client.FilterLogs(context.Background(), ethereum.FilterQuery{Addresses: []common.Address{f.Registry}, Topics: [][]common.Hash{{publicdata.PublishedTopic}}})
	if err != nil || len(logs) != 1 {
		t.Fatalf("logs: %v %v", logs, err)
	}
	if browserverify.PublishedTopic != publicdata.PublishedTopic.Hex() {
		t.Fatalf("topic %s, want %s", browserverify.PublishedTopic, publicdata.PublishedTopic.Hex())
	}
	var topics []string
	for _, tp := range logs[0].Topics {
		topics = append(topics, tp.Hex())
	}
	p, err := browserverify.DecodePublished(topics, hexutil.Encode(logs[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	v, err := publicdata.DecodePublished(&logs[0])
	if err != nil {
		t.Fatal(err)
	}
	if p.RecordID != id.Hex() || p.DatasetID != v.DatasetID.Hex() || p.Version != 3 || p.Level != 1 || p.Threshold != 1 || p.Supersedes != 2 ||
		p.Department != v.Department.Hex() || p.ContentHash != v.ContentHash.Hex() || p.Seq != v.Seq || p.VerifierVersion != 1 || v.VerifierVersion != 1 {
		t.Fatalf("decoded %+v, the reader %+v", p, v)
	}
	root, err := browserverify.ReleasedRoot(roads)
	if err != nil || root != fmt.Sprintf("%#066x", rel.ReleasedRoot) || p.ReleasedRoot != root {
		t.Fatalf("root %s (%v), want %#066x", root, err, rel.ReleasedRoot)
	}
	if browserverify.SHA256(roads) != common.Hash(rel.ContentHash).Hex() {
		t.Fatal("sha256")
	}
	call, err := browserverify.VerifierCall(hexutil.Encode(proof), p, fmt.Sprintf("%#x", policy))
	if err != nil || call != hexutil.Encode(want) {
		t.Fatalf("verifier call %s (%v), want %x", call, err, want)
	}
	if _, err := f.Client.CallContract(context.Background(), ethereum.CallMsg{To: &rt.Verifier, Data: hexutil.MustDecode(call)}, nil); err != nil {
		t.Fatalf("the verifier refused the browser's call: %v", err)
	}
	out, err := f.Client.CallContract(context.Background(), ethereum.CallMsg{To: &f.Registry, Data: hexutil.MustDecode(browserverify.PolicyCall())}, nil)
	if err != nil || new(big.Int).SetBytes(out).Cmp(policy) != 0 {
		t.Fatalf("policy(): %x %v", out, err)
	}
	// the verifier of the release's version, as the registry has it registered
	for version, want := range map[uint32]string{1: strings.ToLower(rt.Verifier.Hex()), 2: ""} {
		out, err := f.Client.CallContract(context.Background(), ethereum.CallMsg{To: &f.Registry, Data: hexutil.MustDecode(browserverify.VerifierOfCall(version))}, nil)
		if err != nil {
			t.Fatal(err)
		}
		vo, err := browserverify.DecodeVerifierOf(hexutil.Encode(out))
		if err != nil || vo.Verifier != want {
			t.Fatalf("verifierOf(%d) = %+v, %v; want the registered %q", version, vo, err, want)
		}
	}
	// the bridge's Relayed event of the release: the certified block
	rl, err := f.Client.FilterLogs(context.Background(), ethereum.FilterQuery{Addresses: []common.Address{rt.Bridge}, Topics: [][]common.Hash{{publicdata.RelayedTopic}}})
	if err != nil || len(rl) != 1 || browserverify.RelayedTopic != publicdata.RelayedTopic.Hex() {
		t.Fatalf("relayed logs: %v %v", rl, err)
	}
	var rtopics []string
	for _, tp := range rl[0].Topics {
		rtopics = append(rtopics, tp.Hex())
	}
	got, err := browserverify.DecodeRelayed(rtopics, hexutil.Encode(rl[0].Data))
	_, subject, c, err2 := publicdata.DecodeRelayed(&rl[0])
	if err != nil || err2 != nil || got.Number != 12 || got.Number != c.Number || got.BlockHash != c.BlockHash.Hex() || got.Subject != subject.Hex() ||
		got.Subject != id.Hex() || got.Kind != publicdata.LogKindRelease || got.ReceiptIndex != c.ReceiptIndex || got.LogIndex != c.LogIndex {
		t.Fatalf("relayed %+v (%v), the reader %+v (%v)", got, err, c, err2)
	}
	if _, err := browserverify.DecodeRelayed(rtopics[:2], hexutil.Encode(rl[0].Data)); err == nil {
		t.Fatal("a Relayed log with 2 topics decoded")
	}
	// a tampered file: another root, another hash
	bad := []byte(strings.Replace(string(roads), "3", "4", 1))
	if r, _ := browserverify.ReleasedRoot(bad); r == root || browserverify.SHA256(bad) == browserverify.SHA256(roads) {
		t.Fatal("a tampered file has the same root or hash")
	}
}

func TestDecodePublishedRejects(t *testing.T) {
	good := []string{browserverify.PublishedTopic, "0x01", "0x02", "0x03"}
	data := "0x" + strings.Repeat("00", 288)
	for name, c := range map[string]struct {
		topics []string
		data   string
		want   string
	}{
		"three topics":         {good[:3], data, "3 topics"},
		"other event":          {append([]string{"0x" + strings.Repeat("11", 32)}, good[1:]...), data, "not Published"},
		"short data":           {good, data[:100], "want 288"},
		"not hex":              {good, "0xzz", "data"},
		"big level":            {good, "0x" + strings.Repeat("00", 64+31) + "01ff" + strings.Repeat("00", 191), "uint8"},
		"big verifier version": {good, "0x" + strings.Repeat("00", 256+27) + "01" + strings.Repeat("00", 4), "uint32"},
	} {
		if _, err := browserverify.DecodePublished(c.topics, c.data); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Fatalf("%s: %v, want an error with %q", name, err, c.want)
		}
	}
}
