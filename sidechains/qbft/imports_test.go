package qbft

import (
	"os/exec"
	"strings"
	"testing"
)

// The QBFT chains stand apart from the public chain: nothing under
// sidechains/ may import node/public (or the benchmarks, which do), as
// qbftbench did through internal/bench before it moved there (issue 17).
func TestSidechainsDoNotImportThePublicChain(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-test", "github.com/sovereign-gov/sovereign/sidechains/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, banned := range []string{"/node/public", "/internal/bench"} {
			if strings.Contains(pkg, "github.com/sovereign-gov/sovereign"+banned) {
				t.Errorf("sidechains/... depends on %s", pkg)
			}
		}
	}
}
