// Package auditchain hash-chains Vault's file audit log so that its head, once
// anchored on the consortium chain, commits to every entry before it: an entry
// changed, dropped or reordered later no longer leads to the anchored head.
//
//	head₀ = SHA-256("sovereign.vault-audit.v1")
//	headᵢ = SHA-256(headᵢ₋₁ ‖ SHA-256(lineᵢ))   for each newline-terminated line
//
// A trailing line without its newline is still being written by Vault and is
// left for the next run.
package auditchain

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
)

const domain = "sovereign.vault-audit.v1"

// Head is the chain's state after a number of entries.
type Head struct {
	Hash    [32]byte
	Entries uint64
	Offset  int64 // bytes of the log covered
}

// Genesis is the head before any entry.
func Genesis() Head { return Head{Hash: sha256.Sum256([]byte(domain))} }

// String renders the head for logs and the command line.
func (h Head) String() string {
	return fmt.Sprintf("0x%s (%d entries, %d bytes)", hex.EncodeToString(h.Hash[:]), h.Entries, h.Offset)
}

// Next chains one entry onto the head.
func (h Head) Next(line []byte) Head {
	lh := sha256.Sum256(line)
	var buf [64]byte
	copy(buf[:32], h.Hash[:])
	copy(buf[32:], lh[:])
	return Head{Hash: sha256.Sum256(buf[:]), Entries: h.Entries + 1, Offset: h.Offset + int64(len(line)) + 1}
}

// Extend reads complete lines from r, which must start at from.Offset of the
// log, and returns the head after the last of them.
func Extend(from Head, r io.Reader) (Head, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	h := from
	for {
		line, err := br.ReadBytes('\n')
		if errors.Is(err, io.EOF) {
			return h, nil // a partial last line waits for the next run
		}
		if err != nil {
			return h, fmt.Errorf("reading the audit log after %d entries: %w", h.Entries, err)
		}
		h = h.Next(bytes.TrimSuffix(line, []byte{'\n'}))
	}
}

// ExtendFile extends from with the entries of the log file after from.Offset.
func ExtendFile(from Head, path string) (Head, error) {
	f, err := os.Open(path)
	if err != nil {
		return from, fmt.Errorf("audit log: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return from, fmt.Errorf("audit log: %w", err)
	}
	if st.Size() < from.Offset {
		return from, fmt.Errorf("audit log %s: %w: %d bytes, the last head covered %d", path, errShrunk, st.Size(), from.Offset)
	}
	if _, err := f.Seek(from.Offset, io.SeekStart); err != nil {
		return from, fmt.Errorf("audit log: %w", err)
	}
	return Extend(from, f)
}

// errShrunk is returned when the log is shorter than a head already covered:
// it was truncated or replaced.
var errShrunk = errors.New("the log shrank")

// errMismatch is returned when a log does not lead to the expected head.
var errMismatch = errors.New("audit log does not match the anchored head")

// Verify recomputes the chain over the first want.Entries entries of the log
// at path and checks it reaches want.
func Verify(path string, want Head) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	defer f.Close()
	got, err := Extend(Genesis(), io.LimitReader(f, want.Offset))
	if err != nil {
		return err
	}
	if got != want {
		return fmt.Errorf("%w: recomputed %s, anchored %s", errMismatch, got, want)
	}
	return nil
}
