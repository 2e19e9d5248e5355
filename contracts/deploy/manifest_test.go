package deploy

import (
	"math/big"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

func sampleManifest() *Manifest {
	a := common.HexToAddress
	return &Manifest{
		Consortium: ConsortiumSite{RPC: []string{"http://127.0.0.1:8645"}, Consortium: &Consortium{
			ChainID: big.NewInt(7100), ValidatorSet: a("0x1"), Verifier: a("0x2"), ReviewBoard: a("0x3"), Policy: big.NewInt(5)}},
		Public:      PublicSite{RPC: []string{"http://127.0.0.1:8545"}, Public: &Public{ChainID: big.NewInt(7000), Registry: a("0x4"), Bridge: a("0x5")}, Verifier: a("0x6")},
		Private:     PrivateSite{RPC: []string{"http://127.0.0.1:8745"}, Private: &Private{ChainID: big.NewInt(7200), Store: a("0x7")}},
		Content:     "http://127.0.0.1:8900",
		Vault:       "http://127.0.0.1:8200",
		Departments: []Department{{Name: "health", Account: a("0x8")}},
	}
}

func TestManifestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), ManifestFile)
	m := sampleManifest()
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	got, err := LoadManifest(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if got.Public.Bridge != m.Public.Bridge || got.Consortium.ReviewBoard != m.Consortium.ReviewBoard || got.Private.Store != m.Private.Store {
		t.Fatalf("round trip changed addresses: %+v", got)
	}
	if d, ok := got.Department("health"); !ok || d.Account != m.Departments[0].Account {
		t.Fatalf("department lost: %+v", got.Departments)
	}
}

// A typo or a missing field is an error naming the field, never a default.
func TestManifestFailsClosed(t *testing.T) {
	for _, tc := range []struct {
		name, json, want string
	}{
		{"unknown field", `{"consortium":{"rpc":["http://x:1"],"chainId":1,"reviewBord":"0x01"}}`, `unknown field "reviewBord"`},
		{"missing bridge", `{"consortium":{"rpc":["http://x:1"],"chainId":1,"reviewBoard":"0x0000000000000000000000000000000000000003","validatorSet":"0x0000000000000000000000000000000000000001"},"public":{"rpc":["http://x:2"],"chainId":2,"dataRegistry":"0x0000000000000000000000000000000000000004"},"private":{"rpc":["http://x:3"],"chainId":3}}`, "public.releaseBridge is missing"},
		{"no rpc", `{"consortium":{"chainId":1}}`, "consortium.rpc is missing"},
		{"relative url", `{"consortium":{"rpc":["127.0.0.1:8645"],"chainId":1}}`, "consortium.rpc[0]"},
		{"trailing data", `{} {}`, "data after the JSON object"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeManifest([]byte(tc.json))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to mention %q", err, tc.want)
			}
		})
	}
	m := sampleManifest()
	m.Departments[0].Name = ""
	if err := m.Validate(); err == nil || !strings.Contains(err.Error(), "departments[0].name") {
		t.Fatalf("department without a name: %v", err)
	}
}
