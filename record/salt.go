package record

import (
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

var (
	// errNoSaltFile is returned without a salt file path.
	errNoSaltFile = errors.New("a salt file is needed: the commitment is made once, with one salt")
	// errZeroSalt is returned for an all-zero salt, which hides nothing.
	errZeroSalt = errors.New("the salt is zero: a zero salt lets anyone test guesses of the table against the commitment")
)

// OpenSalt reads the record's salt from path or, with create, draws a fresh
// one and writes it there (mode 0600, refusing to overwrite: with the table,
// the salt opens the commitment). Without create the file must exist — a
// mistyped path must not silently start a new commitment — and no folder is
// ever created.
func OpenSalt(path string, create bool) (fr.Element, error) {
	if path == "" {
		return fr.Element{}, errNoSaltFile
	}
	if create {
		return createSalt(path)
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return fr.Element{}, fmt.Errorf("salt file %s does not exist: for a new record pass --new-salt to draw one (keep it: it opens the commitment)", path)
	}
	if err != nil {
		return fr.Element{}, fmt.Errorf("read salt: %w", err)
	}
	s, err := ParseSalt(string(b))
	if err != nil {
		return s, fmt.Errorf("salt file %s: %w", path, err)
	}
	if s.IsZero() {
		return s, fmt.Errorf("salt file %s: %w", path, errZeroSalt)
	}
	return s, nil
}

func createSalt(path string) (fr.Element, error) {
	if dir := filepath.Dir(path); dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return fr.Element{}, fmt.Errorf("salt file %s: folder %s does not exist", path, dir)
		}
	}
	s, err := NewSalt()
	if err != nil {
		return s, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return fr.Element{}, fmt.Errorf("salt file %s exists already: --new-salt never overwrites a salt (it opens an earlier commitment)", path)
	}
	if err != nil {
		return fr.Element{}, fmt.Errorf("create salt file: %w", err)
	}
	if _, err := f.WriteString(FormatSalt(s) + "\n"); err != nil {
		f.Close()
		return fr.Element{}, fmt.Errorf("write salt: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fr.Element{}, fmt.Errorf("write salt: %w", err)
	}
	if err := f.Close(); err != nil {
		return fr.Element{}, fmt.Errorf("write salt: %w", err)
	}
	return s, nil
}

// HexElement writes a field element as 0x and 64 hex digits.
func HexElement(e *fr.Element) string {
	b := e.Bytes()
	return "0x" + hex.EncodeToString(b[:])
}

// ParseElement reads a hex field element, rejecting values ≥ the modulus.
func ParseElement(s string) (fr.Element, error) {
	var e fr.Element
	v, ok := new(big.Int).SetString(strings.TrimPrefix(s, "0x"), 16)
	if !ok || v.Sign() < 0 {
		return e, fmt.Errorf("not a hex number: %q", s)
	}
	if v.Cmp(fr.Modulus()) >= 0 {
		return e, fmt.Errorf("%s is not below the field modulus", s)
	}
	e.SetBigInt(v)
	return e, nil
}

// ParseSalt reads a salt as written by FormatSalt.
func ParseSalt(s string) (fr.Element, error) { return ParseElement(strings.TrimSpace(s)) }

// FormatSalt writes a salt as hex.
func FormatSalt(e fr.Element) string { return HexElement(&e) }

// NewSalt draws a uniformly random salt.
func NewSalt() (fr.Element, error) {
	var e fr.Element
	if _, err := e.SetRandom(); err != nil {
		return e, fmt.Errorf("draw salt: %w", err)
	}
	return e, nil
}
