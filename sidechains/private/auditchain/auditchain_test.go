package auditchain

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestChainIncrementalEqualsFull(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.log")
	write(t, path, "{\"a\":1}\n{\"b\":2}\n{\"c\":")
	h1, err := ExtendFile(Genesis(), path)
	if err != nil || h1.Entries != 2 {
		t.Fatalf("first pass: %v %v", h1, err)
	}
	write(t, path, "{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n{\"d\":4}\n")
	h2, err := ExtendFile(h1, path)
	if err != nil || h2.Entries != 4 {
		t.Fatalf("second pass: %v %v", h2, err)
	}
	full, _ := Extend(Genesis(), strings.NewReader("{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n{\"d\":4}\n"))
	if full != h2 {
		t.Fatalf("incremental %v != full %v", h2, full)
	}
	if err := Verify(path, h1); err != nil {
		t.Fatalf("a prefix head still verifies after appends: %v", err)
	}
}

func TestTamperingBreaksTheHead(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "audit.log")
	log := "{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n"
	write(t, path, log)
	h, _ := ExtendFile(Genesis(), path)
	for name, bad := range map[string]string{
		"changed":   strings.Replace(log, "2", "9", 1),
		"dropped":   "{\"a\":1}\n{\"c\":3}\n{\"c\":3}\n",
		"reordered": "{\"b\":2}\n{\"a\":1}\n{\"c\":3}\n",
	} {
		write(t, path, bad)
		if err := Verify(path, h); err == nil || !strings.Contains(err.Error(), "does not match the anchored head") {
			t.Errorf("%s: want a mismatch, got %v", name, err)
		}
	}
	write(t, path, "{\"a\":1}\n")
	if _, err := ExtendFile(h, path); err == nil || !strings.Contains(err.Error(), "the log shrank") {
		t.Fatalf("truncated log: %v", err)
	}
}

func TestGenesisDiffersFromAnyEntry(t *testing.T) {
	g := Genesis()
	if g.Entries != 0 || g.Hash == g.Next(nil).Hash {
		t.Fatal("an empty entry must still move the head")
	}
}

func TestStateRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	h, err := LoadState(path)
	if err != nil || h != Genesis() {
		t.Fatalf("missing state: %v %v", h, err)
	}
	h = h.Next([]byte("x"))
	if err := SaveState(path, h); err != nil {
		t.Fatal(err)
	}
	if got, err := LoadState(path); err != nil || got != h {
		t.Fatalf("state round trip: %v %v", got, err)
	}
	write(t, path, `{"hash": "zz"}`)
	if _, err := LoadState(path); err == nil || !strings.Contains(err.Error(), "not 32 bytes of hex") {
		t.Fatalf("bad state: %v", err)
	}
}
