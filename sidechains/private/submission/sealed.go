package submission

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/sovereign-gov/sovereign/record"
)

// SealedFormat names the sealed record format: one JSON header line, then
// the table file's bytes unchanged.
const SealedFormat = "sovereign.record.v1"

// maxHeader bounds the header line (64 column names and categories fit easily).
const maxHeader = 64 << 10

// errNotSealed is returned for plaintext that is not a sealed record.
var errNotSealed = errors.New("not a sealed record")

// sealedHeader is what opens the commitment besides the table: the salt and
// each column's category. It is encrypted with the table, never stored in clear.
type sealedHeader struct {
	Format     string         `json:"sealed"`
	Salt       string         `json:"salt"`
	Table      string         `json:"table"` // csv or json
	Categories map[string]int `json:"categories"`
}

// Sealed is an opened sealed record.
type Sealed struct {
	Salt       fr.Element
	Categories map[string]int // column name → category id
	Format     string         // "csv" or "json"
	Table      []byte         // the table file as the department submitted it
}

func tableFormat(path string) string {
	if strings.EqualFold(filepath.Ext(path), ".json") {
		return "json"
	}
	return "csv"
}

func writeSealedHeader(w io.Writer, salt fr.Element, cats map[string]int, format string) error {
	b, err := json.Marshal(sealedHeader{Format: SealedFormat, Salt: record.FormatSalt(salt), Table: format, Categories: cats})
	if err != nil {
		return fmt.Errorf("submission: sealing header: %w", err)
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// OpenSealed splits a decrypted record into what opens its commitment and
// the table. Unknown header fields are errors.
func OpenSealed(plaintext []byte) (*Sealed, error) {
	line, _, ok := bytes.Cut(plaintext[:min(len(plaintext), maxHeader)], []byte{'\n'})
	if !ok {
		return nil, fmt.Errorf("%w: no header line", errNotSealed)
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	var h sealedHeader
	if err := dec.Decode(&h); err != nil {
		return nil, fmt.Errorf("%w: header: %v", errNotSealed, err)
	}
	if h.Format != SealedFormat {
		return nil, fmt.Errorf("%w: format %q, want %q", errNotSealed, h.Format, SealedFormat)
	}
	if h.Table != "csv" && h.Table != "json" {
		return nil, fmt.Errorf("%w: table format %q, want csv or json", errNotSealed, h.Table)
	}
	if len(h.Categories) == 0 {
		return nil, fmt.Errorf("%w: no column categories", errNotSealed)
	}
	salt, err := record.ParseSalt(h.Salt)
	if err != nil {
		return nil, fmt.Errorf("%w: salt: %v", errNotSealed, err)
	}
	table := plaintext[len(line)+1:]
	return &Sealed{Salt: salt, Categories: h.Categories, Format: h.Table, Table: table}, nil
}

// ParseTable parses the sealed table.
func (s *Sealed) ParseTable() (*record.Table, error) {
	r := bufio.NewReader(bytes.NewReader(s.Table))
	if s.Format == "json" {
		return record.ParseJSON(r)
	}
	return record.ParseCSV(r)
}

// Statement recomputes the record's statement under policy at threshold:
// its commitment must be the one stored and reviewed.
func (s *Sealed) Statement(policy record.Policy, threshold record.Level) (*record.Statement, *record.Table, error) {
	t, err := s.ParseTable()
	if err != nil {
		return nil, nil, fmt.Errorf("sealed table: %w", err)
	}
	rec, err := record.NewRecord(t, s.Categories)
	if err != nil {
		return nil, nil, fmt.Errorf("sealed table: %w", err)
	}
	st, err := record.NewStatement(rec, policy, threshold, s.Salt)
	if err != nil {
		return nil, nil, fmt.Errorf("sealed table: %w", err)
	}
	return st, t, nil
}
