package devnet_test

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/sovereign-gov/sovereign/internal/devnet"
	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaulttest"
)

// Three private validators, each with its key read from the devnet Vault
// into memory, make blocks together and get SensitiveStore deployed; the
// folder then refuses a different validator count, and a restart with the
// same three resumes the same chain and store. No key is on disk in clear.
func TestPrivateChainThreeVaultValidators(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a Vault server and three nodes")
	}
	ctx := context.Background()
	dir := t.TempDir()
	names, err := devnet.PrivateValidatorNames(3)
	if err != nil {
		t.Fatal(err)
	}
	vlt, err := devnet.StartVault(ctx, devnet.VaultOptions{Dir: filepath.Join(dir, "vault"), Validators: names})
	if err != nil {
		t.Fatal(err)
	}
	defer vlt.Close()
	// Ports below the ephemeral range, so no client socket holds them.
	httpBase, p2pBase := 29000+rand.IntN(100)*30, 16000+rand.IntN(400)*5
	opts := devnet.PrivateOptions{Dir: filepath.Join(dir, "private"), Vault: vlt, Validators: names,
		BlobsDir: filepath.Join(dir, "blobs"), Accounts: devnet.DevAccounts(1), HTTPPort: httpBase, P2PPort: p2pBase}
	p, err := devnet.StartPrivate(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	// The summary names the blob folder the CLI's --blobs wants, and it exists.
	var summary strings.Builder
	devnet.WritePrivateSummary(&summary, vlt, p)
	if !strings.Contains(summary.String(), "ciphertext blobs "+opts.BlobsDir) {
		t.Fatalf("the summary does not print the blob folder:\n%s", summary.String())
	}
	if st, err := os.Stat(opts.BlobsDir); err != nil || !st.IsDir() {
		t.Fatalf("blob folder %s: %v", opts.BlobsDir, err)
	}
	for i, n := range p.Validators {
		c, err := ethclient.Dial(n.HTTPEndpoint())
		if err != nil {
			t.Fatal(err)
		}
		proctest.WaitFor(t, 90*time.Second, names[i]+" past block 3", func() bool {
			h, err := c.BlockNumber(ctx)
			return err == nil && h >= 3
		})
		code, err := c.CodeAt(ctx, p.Contracts.Store, nil)
		if err != nil || len(code) == 0 {
			t.Fatalf("%s: SensitiveStore %s has %d bytes of code (err %v)", names[i], p.Contracts.Store, len(code), err)
		}
		c.Close()
	}
	genesisHash, store := p.Genesis.ToBlock().Hash(), p.Contracts.Store
	p.Close()

	one := opts
	one.Validators = names[:1]
	if _, err := devnet.StartPrivate(ctx, one); err == nil || !strings.Contains(err.Error(), "has 3 validator(s), asked for 1") {
		t.Fatalf("one validator on a three-validator chain: %v", err)
	}
	if _, err := devnet.PrivateValidatorNames(4); err == nil || !strings.Contains(err.Error(), "want 1 to 3 validators, got 4") {
		t.Fatalf("four validators: %v", err)
	}

	p, err = devnet.StartPrivate(ctx, opts)
	if err != nil {
		t.Fatalf("restart: %v", err)
	}
	defer p.Close()
	if p.Genesis.ToBlock().Hash() != genesisHash || p.Contracts.Store != store {
		t.Fatalf("restart changed the chain or the store: %s %s", p.Genesis.ToBlock().Hash(), p.Contracts.Store)
	}
	c, err := ethclient.Dial(p.Validators[2].HTTPEndpoint())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start, _ := c.BlockNumber(ctx)
	proctest.WaitFor(t, 90*time.Second, "new blocks after the restart", func() bool {
		h, err := c.BlockNumber(ctx)
		return err == nil && h >= start+2
	})

	var needles [][]byte
	for _, name := range names {
		v, err := vlt.Login(ctx, naming.ValidatorRole(name))
		if err != nil {
			t.Fatal(err)
		}
		k, err := v.SigningKey(ctx, name)
		v.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.EqualFold(crypto.PubkeyToAddress(k.PublicKey).Hex(), p.Addresses[slices.Index(p.Names, name)].Hex()) {
			t.Fatalf("%s runs as %s, not as its Vault key", name, p.Addresses[slices.Index(p.Names, name)])
		}
		needles = append(needles, vaulttest.Forms(crypto.FromECDSA(k))...)
	}
	p.Close()
	vlt.Close()
	if seen := vaulttest.Scan(t, dir, needles); seen["vault-audit.log"] == 0 || len(seen) < 20 {
		t.Fatalf("the scan missed part of the folder: %v", seen)
	}
}
