package service

import (
	"bytes"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/p2p/enode"
	"github.com/ethereum/go-ethereum/rlp"

	"github.com/sovereign-gov/sovereign/sidechains/qbft/transport"
)

// wireBody mirrors the signed body of a consensus message, so this test can
// build messages the qbft package would never produce.
type wireBody struct {
	Sender        common.Address
	Code          uint64
	Height        uint64
	Round         uint64
	Digest        common.Hash
	Value         []byte
	CommitSeal    []byte
	HasPrepared   bool
	PreparedRound uint64
	Justification [][]byte
	PreparedCert  [][]byte
}

type wireEnvelope struct {
	Body      []byte
	Signature []byte
}

func rawMessage(t *testing.T, b wireBody, sign func([]byte) []byte) []byte {
	body, _ := rlp.EncodeToBytes(&b)
	out, err := rlp.EncodeToBytes(&wireEnvelope{Body: body, Signature: sign(crypto.Keccak256(body))})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestRogueMessagesAreCountedNotFatal connects a rogue devp2p peer to a
// running validator and sends it forged, high-S, non-validator, wrong-height
// and malformed messages: each is counted and the chain keeps finalising.
func TestRogueMessagesAreCountedNotFatal(t *testing.T) {
	c := newCluster(t, 4, common.HexToAddress("0x01"))
	for i := 0; i < 4; i++ {
		c.start(i)
	}
	victim := c.nodes[0]
	waitFor(t, 30*time.Second, "block 2", func() bool { return victim.Driver.Head() >= 2 })

	rogueKey, _ := crypto.GenerateKey()
	rogue := crypto.PubkeyToAddress(rogueKey.PublicKey)
	validator := crypto.PubkeyToAddress(c.keys[1].PublicKey)
	sent := make(chan struct{})
	proto := p2p.Protocol{
		Name: transport.ProtocolName, Version: transport.ProtocolVersion, Length: transport.ProtocolLength,
		Run: func(p *p2p.Peer, rw p2p.MsgReadWriter) error {
			head := victim.Driver.Head()
			if err := p2p.Send(rw, transport.StatusMsg, &transport.StatusPacket{
				NetworkID: c.genesis.Config.ChainID.Uint64(), Genesis: c.genesis.ToBlock().Hash(), Head: head,
			}); err != nil {
				return err
			}
			h := head + 1
			sign := func(d []byte) []byte { s, _ := crypto.Sign(d, rogueKey); return s }
			highS := func(d []byte) []byte {
				s := sign(d)
				v := new(big.Int).SetBytes(s[32:64])
				v.Sub(crypto.S256().Params().N, v)
				v.FillBytes(s[32:64])
				s[64] ^= 1
				return s
			}
			msgs := [][]byte{
				// forged: claims to be a validator, signed by the rogue key
				rawMessage(t, wireBody{Sender: validator, Code: 0x13, Height: h}, sign),
				// high S
				rawMessage(t, wireBody{Sender: rogue, Code: 0x13, Height: h}, highS),
				// non-validator
				rawMessage(t, wireBody{Sender: rogue, Code: 0x13, Height: h}, sign),
				// wrong height
				rawMessage(t, wireBody{Sender: rogue, Code: 0x13, Height: h + 1000}, sign),
				// malformed RLP inside the frame
				{0xf8, 0xff, 0x00},
			}
			for _, m := range msgs {
				if err := p2p.Send(rw, transport.ConsensusMsg, m); err != nil {
					return err
				}
			}
			// A frame that is not even an RLP string.
			if err := rw.WriteMsg(p2p.Msg{Code: transport.ConsensusMsg, Size: 2, Payload: bytes.NewReader([]byte{0xc1, 0xc0})}); err != nil {
				return err
			}
			close(sent)
			for {
				msg, err := rw.ReadMsg()
				if err != nil {
					return err
				}
				msg.Discard()
			}
		},
	}
	srv := &p2p.Server{Config: p2p.Config{
		PrivateKey: rogueKey, MaxPeers: 5, ListenAddr: "127.0.0.1:0", NoDiscovery: true,
		Protocols: []p2p.Protocol{proto}, Name: "rogue",
	}}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	srv.AddPeer(enode.MustParse(victim.Enode()))
	select {
	case <-sent:
	case <-time.After(20 * time.Second):
		t.Fatal("rogue peer never connected")
	}
	waitFor(t, 10*time.Second, "all refusals counted", func() bool {
		s := victim.Reactor.Counters()
		return s.Forged >= 1 && s.HighS >= 1 && s.NonValidator >= 1 && s.WrongHeight >= 1 && s.Malformed >= 2
	})
	h := victim.Driver.Head()
	waitFor(t, 20*time.Second, "chain keeps finalising", func() bool { return victim.Driver.Head() >= h+2 })
}

// TestFollowerRefusesBlockWithoutValidCertificate feeds an isolated follower
// block 1 first with a certificate below quorum, then with a certificate
// whose seal is forged, then with the real one: only the last is imported.
func TestFollowerRefusesBlockWithoutValidCertificate(t *testing.T) {
	c := newCluster(t, 4, common.HexToAddress("0x01"))
	for i := 0; i < 4; i++ {
		c.start(i)
	}
	waitFor(t, 30*time.Second, "block 1", func() bool { return c.nodes[0].Driver.Head() >= 1 })
	value, cert, err := c.nodes[0].Driver.CertifiedValue(1)
	if err != nil {
		t.Fatal(err)
	}
	// An isolated follower: its only peer will be the test's.
	c.dirs = append(c.dirs, t.TempDir())
	c.nodes = append(c.nodes, nil)
	saved := c.nodes[:4]
	c.nodes = append([]*Node{nil, nil, nil, nil}, nil)
	f := c.start(4)
	c.nodes = append(saved, f)

	short := *cert
	short.Seals = cert.Seals[:2]
	forged := *cert
	forged.Seals = append([][]byte{}, cert.Seals...)
	other, _ := crypto.GenerateKey()
	d := crypto.Keccak256([]byte("not the commit digest"))
	bad, _ := crypto.Sign(d, other)
	bad[64] += 27
	forged.Seals[0] = bad

	key, _ := crypto.GenerateKey()
	step := make(chan []byte)
	proto := p2p.Protocol{
		Name: transport.ProtocolName, Version: transport.ProtocolVersion, Length: transport.ProtocolLength,
		Run: func(p *p2p.Peer, rw p2p.MsgReadWriter) error {
			if err := p2p.Send(rw, transport.StatusMsg, &transport.StatusPacket{
				NetworkID: c.genesis.Config.ChainID.Uint64(), Genesis: c.genesis.ToBlock().Hash(), Head: 0,
			}); err != nil {
				return err
			}
			go func() {
				for {
					msg, err := rw.ReadMsg()
					if err != nil {
						return
					}
					msg.Discard()
				}
			}()
			for certRLP := range step {
				if err := p2p.Send(rw, transport.CertifiedMsg, &struct{ Value, Cert []byte }{value, certRLP}); err != nil {
					return err
				}
			}
			return nil
		},
	}
	srv := &p2p.Server{Config: p2p.Config{PrivateKey: key, MaxPeers: 5, ListenAddr: "127.0.0.1:0", NoDiscovery: true, Protocols: []p2p.Protocol{proto}, Name: "feeder"}}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	defer close(step)
	srv.AddPeer(enode.MustParse(f.Enode()))

	step <- short.Encode()
	waitFor(t, 10*time.Second, "short certificate refused", func() bool { return f.Reactor.Counters().BadBlocks == 1 })
	step <- forged.Encode()
	waitFor(t, 10*time.Second, "forged certificate refused", func() bool { return f.Reactor.Counters().BadBlocks == 2 })
	if f.Driver.Head() != 0 {
		t.Fatalf("follower imported a block without a valid certificate (head %d)", f.Driver.Head())
	}
	step <- cert.Encode()
	waitFor(t, 10*time.Second, "valid certificate accepted", func() bool { return f.Driver.Head() == 1 })
}
