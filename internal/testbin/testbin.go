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

func build() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", fmt.Errorf("cannot locate the repository root")
	}
	root := filepath.Join(filepath.Dir(file), "..", "..")
	dir, err := os.MkdirTemp("", "sovereign-bin-")
	if err != nil {
		return "", fmt.Errorf("temp dir: %w", err)
	}
	out := filepath.Join(dir, "sovereign")
	cmd := exec.Command("go", "build", "-o", out, "./cmd/sovereign")
	cmd.Dir = root
	if msg, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %w\n%s", err, msg)
	}
	return out, nil
}
