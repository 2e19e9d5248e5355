package main

import (
	"math/rand/v2"
	"sync"
	"testing"
)

// devnetSlots are the port slots the devnets of this test process hold:
// the process tests run in parallel, and two devnets on one slot would
// take each other's ports.
var devnetSlots = struct {
	sync.Mutex
	taken map[int]bool
}{taken: map[int]bool{}}

// devnetPorts gives a devnet its first JSON-RPC port (it uses up to +350)
// and first devp2p port (up to +19), away from the ports of every other
// devnet of this process until the test ends. Every port is below the kernel's
// ephemeral range (32768+), so a busy machine's outgoing connections
// cannot be holding them.
func devnetPorts(t *testing.T) (httpBase, p2pBase int) {
	t.Helper()
	devnetSlots.Lock()
	defer devnetSlots.Unlock()
	for {
		// slots are 40 ports apart and a devnet spans 350: keep ten slots
		// clear on either side of every devnet running
		slot, clear := rand.IntN(200), true
		for other := range devnetSlots.taken {
			clear = clear && (slot-other >= 10 || other-slot >= 10)
		}
		if !clear {
			continue
		}
		devnetSlots.taken[slot] = true
		t.Cleanup(func() {
			devnetSlots.Lock()
			delete(devnetSlots.taken, slot)
			devnetSlots.Unlock()
		})
		return 20000 + slot*40, 12000 + slot*20
	}
}
