// Package testbin builds the sovereign binary once per test process so that
// multi-process tests run the real command, exactly as a user would.
package testbin

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// variant is one way of building the binary, cached per test process.
type variant struct {
	name  string   // file name under build/testbin
	flags []string // go build flags
	once  sync.Once
	path  string
	err   error
}

var (
	plain = &variant{name: "sovereign"}
	// test is the binary of the multi-process fault suites: the byzantine
	// tag adds the test-only Byzantine behaviour (never in a production
	// build), and when the tests themselves run under the race detector the
	// nodes do too.
	test = &variant{name: "sovereign-test" + raceSuffix, flags: append([]string{"-tags", "byzantine"}, raceFlags...)}
)

// Sovereign returns the path of a freshly built sovereign binary, as a user
// builds it. The build happens once per test process (Go's build cache makes
// it a link step after the first time); a failing build fails the test.
func Sovereign(t testing.TB) string { return get(t, plain) }

// SovereignTest is Sovereign built for the multi-process fault suites: with
// the byzantine tag (--byzantine.equivocate) and, when this test binary runs
// under the race detector, with -race, so that races in the nodes fail the
// suite as races in the tests do.
func SovereignTest(t testing.TB) string { return get(t, test) }

func get(t testing.TB, v *variant) string {
	t.Helper()
	v.once.Do(func() { v.path, v.err = build(v) })
	if v.err != nil {
		t.Fatalf("building %s: %v", v.name, v.err)
	}
	return v.path
}

// build compiles into a temporary file beside the shared binary and renames
// it into place: test processes of several packages build at once, each
// rename is atomic, and nothing piles up in the temp folder across runs.
func build(v *variant) (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", fmt.Errorf("cannot locate the repository root")
	}
	root := filepath.Join(filepath.Dir(file), "..", "..")
	dir := filepath.Join(root, "build", "testbin")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("test binary folder: %w", err)
	}
	tmp, err := os.CreateTemp(dir, v.name+"-*.tmp")
	if err != nil {
		return "", fmt.Errorf("temp file: %w", err)
	}
	tmp.Close()
	defer os.Remove(tmp.Name()) // left only if the rename did not happen
	cmd := exec.Command("go", append(append([]string{"build"}, v.flags...), "-o", tmp.Name(), "./cmd/sovereign")...)
	cmd.Dir = root
	if msg, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %w\n%s", err, msg)
	}
	out := filepath.Join(dir, v.name)
	if err := os.Rename(tmp.Name(), out); err != nil {
		return "", fmt.Errorf("placing the test binary: %w", err)
	}
	return out, nil
}
