package auditchain

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
)

type stateFile struct {
	Hash    string `json:"hash"`
	Entries uint64 `json:"entries"`
	Offset  int64  `json:"offset"`
}

// LoadState reads the last anchored head; a missing file is the genesis head.
func LoadState(path string) (Head, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return Genesis(), nil
	}
	if err != nil {
		return Head{}, fmt.Errorf("audit state: %w", err)
	}
	var s stateFile
	if err := json.Unmarshal(data, &s); err != nil {
		return Head{}, fmt.Errorf("audit state %s: %w", path, err)
	}
	raw, err := hex.DecodeString(s.Hash)
	if err != nil || len(raw) != 32 {
		return Head{}, fmt.Errorf("audit state %s: the hash is not 32 bytes of hex", path)
	}
	h := Head{Entries: s.Entries, Offset: s.Offset}
	copy(h.Hash[:], raw)
	return h, nil
}

// SaveState writes the head atomically (temp file + rename).
func SaveState(path string, h Head) error {
	data, _ := json.MarshalIndent(stateFile{Hash: hex.EncodeToString(h.Hash[:]), Entries: h.Entries, Offset: h.Offset}, "", "  ")
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return fmt.Errorf("audit state: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("audit state: %w", err)
	}
	return nil
}
