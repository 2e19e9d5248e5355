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

var (
	once    sync.Once
	binPath string
	binErr  error
)

// Sovereign returns the path of a freshly built sovereign binary. The build
// happens once per test process (Go's build cache makes it a link step after
// the first time); a failing build fails the calling test.
func Sovereign(t testing.TB) string {
	t.Helper()
	once.Do(func() { binPath, binErr = build() })
	if binErr != nil {
		t.Fatalf("building sovereign: %v", binErr)
	}
	return binPath
}

// build compiles into a temporary file beside the shared binary and renames
// it into place: test processes of several packages build at once, each
// rename is atomic, and nothing piles up in the temp folder across runs.
func build() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", fmt.Errorf("cannot locate the repository root")
	}
	root := filepath.Join(filepath.Dir(file), "..", "..")
	dir := filepath.Join(root, "build", "testbin")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("test binary folder: %w", err)
	}
	tmp, err := os.CreateTemp(dir, "sovereign-*.tmp")
	if err != nil {
		return "", fmt.Errorf("temp file: %w", err)
	}
	tmp.Close()
	defer os.Remove(tmp.Name()) // left only if the rename did not happen
	cmd := exec.Command("go", "build", "-o", tmp.Name(), "./cmd/sovereign")
	cmd.Dir = root
	if msg, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %w\n%s", err, msg)
	}
	out := filepath.Join(dir, "sovereign")
	if err := os.Rename(tmp.Name(), out); err != nil {
		return "", fmt.Errorf("placing the test binary: %w", err)
	}
	return out, nil
}
