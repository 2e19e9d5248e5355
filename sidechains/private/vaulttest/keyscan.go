package vaulttest

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Forms returns each secret raw, in hex (both cases) and in base64 (std, url,
// padded and raw): the ways a key could end up written in clear.
func Forms(secrets ...[]byte) [][]byte {
	var out [][]byte
	for _, s := range secrets {
		out = append(out, s,
			[]byte(hex.EncodeToString(s)), []byte(strings.ToUpper(hex.EncodeToString(s))),
			[]byte(base64.StdEncoding.EncodeToString(s)), []byte(base64.RawStdEncoding.EncodeToString(s)),
			[]byte(base64.URLEncoding.EncodeToString(s)), []byte(base64.RawURLEncoding.EncodeToString(s)))
	}
	return out
}

// Scan fails the test for every file under root that holds one of needles
// and returns how many files of each base name it read, so callers can check
// the scan covered what they expect.
func Scan(t testing.TB, root string, needles [][]byte) map[string]int {
	t.Helper()
	seen := map[string]int{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		seen[d.Name()]++
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if hits := Find(data, needles); len(hits) > 0 {
			t.Errorf("%s holds %d secret(s) in clear, e.g. one starting %q", path, len(hits), hits[0][:min(8, len(hits[0]))])
		}
		return nil
	})
	if err != nil {
		t.Fatalf("scanning %s: %v", root, err)
	}
	return seen
}

// Find returns the needles found in data.
func Find(data []byte, needles [][]byte) [][]byte {
	var hits [][]byte
	for _, n := range needles {
		if bytes.Contains(data, n) {
			hits = append(hits, n)
		}
	}
	return hits
}
