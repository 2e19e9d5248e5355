package main

import (
	"context"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"

	"github.com/sovereign-gov/sovereign/internal/devnet"
	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/internal/testbin"
)

// TestDevnetRunsAndRestarts runs `sovereign devnet` as `make devnet` does:
// both chains produce blocks, the development accounts are funded on both,
// and a second run on the same folder resumes the same chains.
func TestDevnetRunsAndRestarts(t *testing.T) {
	if testing.Short() {
		t.Skip("process test")
	}
	bin := testbin.Sovereign(t)
	dir := t.TempDir()
	httpBase := 20000 + rand.IntN(200)*40
	p2pBase := 40000 + rand.IntN(200)*20
	p := proctest.Start(t, "devnet", bin, "devnet", "--datadir", dir,
		"--http.port", strconv.Itoa(httpBase), "--p2p.port", strconv.Itoa(p2pBase), "--verbosity", "2")
	publicURL := fmt.Sprintf("http://127.0.0.1:%d", httpBase)
	consortiumURL := fmt.Sprintf("http://127.0.0.1:%d", httpBase+100)
	dev := devnet.DevAccounts(1)[0].Address
	million := new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(params.Ether))

	var firstHash [2]string
	for i, url := range []string{publicURL, consortiumURL} {
		var c *ethclient.Client
		proctest.WaitFor(t, 60*time.Second, "devnet RPC at "+url, func() bool {
			if p.Exited() {
				t.Fatalf("devnet exited:\n%s", p.Output())
			}
			var err error
			c, err = ethclient.Dial(url)
			if err != nil {
				return false
			}
			_, err = c.BlockNumber(context.Background())
			return err == nil
		})
		proctest.WaitFor(t, 30*time.Second, "blocks on "+url, func() bool {
			n, err := c.BlockNumber(context.Background())
			return err == nil && n >= 2
		})
		bal, err := c.BalanceAt(context.Background(), dev, nil)
		if err != nil || bal.Cmp(million) < 0 {
			t.Fatalf("dev account on %s has %v (err %v), want 1,000,000 ETH", url, bal, err)
		}
		b, _ := c.HeaderByNumber(context.Background(), big.NewInt(1))
		firstHash[i] = b.Hash().Hex()
		c.Close()
	}
	p.Stop()

	// A second run resumes the same chains.
	p.Restart()
	for i, url := range []string{publicURL, consortiumURL} {
		proctest.WaitFor(t, 60*time.Second, "restarted devnet at "+url, func() bool {
			c, err := ethclient.Dial(url)
			if err != nil {
				return false
			}
			defer c.Close()
			b, err := c.HeaderByNumber(context.Background(), big.NewInt(1))
			return err == nil && b.Hash().Hex() == firstHash[i]
		})
	}
}
