package blocksync

import (
	"bytes"
	"errors"
	"io"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/consensus/ethash"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/p2p/enode"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rlp"
)

// refusingImporter refuses every block it is handed, counting them.
type refusingImporter struct{ n int }

var errRefused = errors.New("refused by the test importer")

func (i *refusingImporter) Import(types.Blocks) (bool, error) { i.n++; return false, errRefused }

// sentMsgs is a MsgReadWriter that keeps what the syncer sends.
type sentMsgs struct{ sent []p2p.Msg }

func (w *sentMsgs) ReadMsg() (p2p.Msg, error) { return p2p.Msg{}, io.EOF }
func (w *sentMsgs) WriteMsg(m p2p.Msg) error {
	payload, err := io.ReadAll(m.Payload)
	if err != nil {
		return err
	}
	m.Payload = bytes.NewReader(payload)
	w.sent = append(w.sent, m)
	return nil
}

// fuzzChain is a small real chain (genesis and ten blocks) to serve from.
func fuzzChain(f *testing.F) *core.BlockChain {
	g := &core.Genesis{Config: params.AllEthashProtocolChanges, BaseFee: big.NewInt(params.InitialBaseFee)}
	engine := ethash.NewFaker()
	_, blocks, _ := core.GenerateChainWithGenesis(g, engine, 10, func(int, *core.BlockGen) {})
	chain, err := core.NewBlockChain(rawdb.NewMemoryDatabase(), g, engine, core.DefaultConfig())
	if err != nil {
		f.Fatal(err)
	}
	if _, err := chain.InsertChain(blocks); err != nil {
		f.Fatal(err)
	}
	f.Cleanup(chain.Stop)
	return chain
}

// FuzzSovHandle feeds one arbitrary "sov" message to a connected peer's
// handler. A payload that does not decode for its code is counted and ends
// the peer; what decodes is canonical (one encoding per message; bytes after it are
// ignored, as geth's protocols do); no
// answer exceeds the serving limits or holds a non-canonical block.
func FuzzSovHandle(f *testing.F) {
	chain := fuzzChain(f)
	b3 := chain.GetBlockByNumber(3)
	enc := func(v any) []byte {
		b, err := rlp.EncodeToBytes(v)
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	f.Add(uint8(StatusMsg), enc(&StatusPacket{NetworkID: 1, Number: 3}))
	f.Add(uint8(NewBlockMsg), enc(b3))
	f.Add(uint8(GetBlocksMsg), enc(&getBlocksPacket{ReqID: 7, Origin: 2, Amount: 5}))
	f.Add(uint8(GetBlocksMsg), enc(&getBlocksPacket{ReqID: 7, Origin: 0, Amount: 1 << 62}))
	f.Add(uint8(BlocksMsg), enc(&blocksPacket{ReqID: 1, Blocks: []*types.Block{b3}}))
	f.Add(uint8(GetHashesMsg), enc(&getHashesPacket{ReqID: 2, Numbers: []uint64{0, 5, 1 << 40}}))
	f.Add(uint8(GetHashesMsg), enc(&getHashesPacket{ReqID: 2, Numbers: make([]uint64, maxHashesServe+1)}))
	f.Add(uint8(HashesMsg), enc(&hashesPacket{ReqID: 3, Hashes: []common.Hash{{1}}}))
	f.Add(uint8(9), []byte{0xc0})
	f.Add(uint8(GetBlocksMsg), []byte{0xc3, 0x01, 0x02})
	f.Add(uint8(NewBlockMsg), enc(b3)[:20])
	child := types.NewBlockWithHeader(&types.Header{ParentHash: b3.Hash(), Number: big.NewInt(4), Difficulty: common.Big1})
	f.Add(uint8(NewBlockMsg), enc(child))

	f.Fuzz(func(t *testing.T, code uint8, payload []byte) {
		imp := &refusingImporter{}
		s := New(chain, imp, Config{NetworkID: 1, Logger: log.New()})
		out := &sentMsgs{}
		p := newPeer(p2p.NewPeer(enode.ID{1}, "fuzz", nil), out)
		msg := p2p.Msg{Code: uint64(code), Size: uint32(len(payload)), Payload: bytes.NewReader(payload)}
		err := s.handle(p, msg)

		if code == StatusMsg { // the handshake is over: ends the peer, whatever it holds
			if !errors.Is(err, errUnexpectedStatus) {
				t.Fatalf("status after the handshake: %v", err)
			}
			return
		}
		into := packetFor(uint64(code))
		if into == nil {
			if err == nil {
				t.Fatalf("unknown code %#x accepted", code)
			}
			return
		}
		// As the handler decodes (p2p.Msg.Decode: one value, the rest ignored).
		decoded := p2p.Msg{Size: uint32(len(payload)), Payload: bytes.NewReader(payload)}
		if derr := decoded.Decode(into); derr != nil {
			if err == nil || s.Stats().MalformedMsgs != 1 {
				t.Fatalf("undecodable %#x payload: err %v, malformed count %d", code, err, s.Stats().MalformedMsgs)
			}
			return
		}
		if again, eerr := rlp.EncodeToBytes(into); eerr != nil || !bytes.HasPrefix(payload, again) {
			t.Fatalf("non-canonical %#x payload accepted (%v)", code, eerr)
		}
		switch req := into.(type) {
		case *types.Block:
			// A block already held is not imported again; any other goes
			// through the importer, whose refusal ends the peer.
			known := chain.HasBlock(req.Hash(), req.NumberU64())
			if known && (imp.n != 0 || err != nil) || !known && (imp.n != 1 || !errors.Is(err, errRefused)) {
				t.Fatalf("new block (known %v): %d imports, err %v", known, imp.n, err)
			}
		case *getBlocksPacket:
			var res blocksPacket
			answer(t, out, BlocksMsg, &res)
			if res.ReqID != req.ReqID || uint64(len(res.Blocks)) > min(req.Amount, maxBlocksServe) {
				t.Fatalf("asked %d blocks from %d, answered %d (id %d for %d)", req.Amount, req.Origin, len(res.Blocks), res.ReqID, req.ReqID)
			}
			for i, b := range res.Blocks {
				if b.NumberU64() != req.Origin+uint64(i) || chain.GetCanonicalHash(b.NumberU64()) != b.Hash() {
					t.Fatalf("answer %d is block %d %s, not canonical block %d", i, b.NumberU64(), b.Hash(), req.Origin+uint64(i))
				}
			}
		case *getHashesPacket:
			if len(req.Numbers) > maxHashesServe {
				if err == nil {
					t.Fatalf("%d hashes served, limit %d", len(req.Numbers), maxHashesServe)
				}
				return
			}
			var res hashesPacket
			answer(t, out, HashesMsg, &res)
			if res.ReqID != req.ReqID || len(res.Hashes) != len(req.Numbers) {
				t.Fatalf("asked %d hashes, answered %d", len(req.Numbers), len(res.Hashes))
			}
			for i, n := range req.Numbers {
				if res.Hashes[i] != chain.GetCanonicalHash(n) {
					t.Fatalf("hash of %d: %s, canonical %s", n, res.Hashes[i], chain.GetCanonicalHash(n))
				}
			}
		default: // answers to requests never made are dropped
			if err != nil {
				t.Fatalf("unsolicited answer %#x ended the peer: %v", code, err)
			}
		}
	})
}

// packetFor is a fresh value of the type carried by code, nil if unknown.
func packetFor(code uint64) any {
	switch code {
	case NewBlockMsg:
		return new(types.Block)
	case GetBlocksMsg:
		return new(getBlocksPacket)
	case BlocksMsg:
		return new(blocksPacket)
	case GetHashesMsg:
		return new(getHashesPacket)
	case HashesMsg:
		return new(hashesPacket)
	}
	return nil
}

// answer decodes the one message the syncer sent, which must have code.
func answer(t *testing.T, out *sentMsgs, code uint64, v any) {
	t.Helper()
	if len(out.sent) != 1 || out.sent[0].Code != code {
		t.Fatalf("sent %d messages, want one %#x", len(out.sent), code)
	}
	if err := out.sent[0].Decode(v); err != nil {
		t.Fatalf("answer %#x does not decode: %v", code, err)
	}
}
