package deploy

import (
	"context"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/sidechains/qbft"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/service"
)

// fakeQBFT answers qbft_getCertificate with the argument type and JSON
// shape of the real qbft_ namespace (service.API, service.CertificateJSON).
type fakeQBFT struct{ certs map[uint64]*qbft.Certificate }

func (f *fakeQBFT) GetCertificate(b rpc.BlockNumberOrHash) (*service.CertificateJSON, error) {
	n, ok := b.Number()
	if !ok {
		return nil, errBadCheckpoint
	}
	c := f.certs[uint64(n)]
	return &service.CertificateJSON{Number: hexutil.Uint64(c.Number), Hash: c.Hash, ID: c.ID(), RLP: c.Encode()}, nil
}

// TestRPCCertificatesReadsQBFTGetCertificate: RPCCertificates asks
// qbft_getCertificate by number and decodes the certificate's RLP.
func TestRPCCertificatesReadsQBFTGetCertificate(t *testing.T) {
	want := &qbft.Certificate{Number: 7, Hash: common.Hash{7}, Round: 2, Seals: [][]byte{make([]byte, 65)}}
	srv := rpc.NewServer()
	if err := srv.RegisterName("qbft", &fakeQBFT{certs: map[uint64]*qbft.Certificate{7: want}}); err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	got, err := RPCCertificates{Client: rpc.DialInProc(srv)}.Certificate(context.Background(), 7)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID() != want.ID() {
		t.Fatalf("certificate = %+v, want %+v", got, want)
	}
}
