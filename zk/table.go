package zk

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// MaxColumns is the widest table a proof covers.
const MaxColumns = 64

var (
	// errTooManyColumns is returned for a table wider than MaxColumns.
	errTooManyColumns = fmt.Errorf("at most %d columns are supported", MaxColumns)
	// errNoColumns is returned for a table without a header.
	errNoColumns = errors.New("table has no columns")
)

// Table is a record's content: named columns of text cells.
type Table struct {
	Columns []string   // names, in table order
	Rows    [][]string // each row has one cell per column
}

// Cells returns column i, top to bottom.
func (t *Table) Cells(i int) []string {
	out := make([]string, len(t.Rows))
	for r, row := range t.Rows {
		out[r] = row[i]
	}
	return out
}

// validate checks the shape every table must have.
func (t *Table) validate() error {
	if len(t.Columns) == 0 {
		return errNoColumns
	}
	if len(t.Columns) > MaxColumns {
		return fmt.Errorf("table has %d columns: %w", len(t.Columns), errTooManyColumns)
	}
	seen := make(map[string]bool, len(t.Columns))
	for _, c := range t.Columns {
		if seen[c] {
			return fmt.Errorf("column %q appears twice", c)
		}
		seen[c] = true
	}
	for r, row := range t.Rows {
		if len(row) != len(t.Columns) {
			return fmt.Errorf("ragged rows: row %d has %d cells, the header has %d columns", r+1, len(row), len(t.Columns))
		}
	}
	return nil
}

// LoadTable reads a CSV file (header row first) or a JSON file (an array of
// objects with the same keys, in the same order) by its extension.
func LoadTable(path string) (*Table, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read table: %w", err)
	}
	var t *Table
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		t, err = ParseCSV(bytes.NewReader(b))
	case ".json":
		t, err = ParseJSON(bytes.NewReader(b))
	default:
		return nil, fmt.Errorf("table %s: unknown format (want .csv or .json)", path)
	}
	if err != nil {
		return nil, fmt.Errorf("table %s: %w", path, err)
	}
	return t, nil
}

// ParseCSV reads a CSV table whose first row names the columns.
func ParseCSV(r io.Reader) (*Table, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // checked below, with a clearer message
	records, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("parse csv: %w", err)
	}
	if len(records) == 0 {
		return nil, errNoColumns
	}
	t := &Table{Columns: records[0], Rows: records[1:]}
	if err := t.validate(); err != nil {
		return nil, err
	}
	return t, nil
}

// ParseJSON reads a JSON array of flat objects. The first object's keys, in
// file order, are the columns; every object must have exactly those keys.
func ParseJSON(r io.Reader) (*Table, error) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	if err := expectDelim(dec, '['); err != nil {
		return nil, err
	}
	t := &Table{}
	for dec.More() {
		keys, cells, err := readJSONRow(dec)
		if err != nil {
			return nil, fmt.Errorf("row %d: %w", len(t.Rows)+1, err)
		}
		if len(t.Rows) == 0 {
			t.Columns = keys
			if err := t.validate(); err != nil {
				return nil, err
			}
		}
		row := make([]string, len(t.Columns))
		if len(keys) != len(t.Columns) {
			return nil, fmt.Errorf("ragged rows: row %d has %d cells, the first row has %d columns", len(t.Rows)+1, len(keys), len(t.Columns))
		}
		for i, k := range keys {
			if k != t.Columns[i] {
				return nil, fmt.Errorf("ragged rows: row %d has key %q where the first row has %q", len(t.Rows)+1, k, t.Columns[i])
			}
			row[i] = cells[i]
		}
		t.Rows = append(t.Rows, row)
	}
	if err := expectDelim(dec, ']'); err != nil {
		return nil, err
	}
	if len(t.Rows) == 0 {
		return nil, errNoColumns
	}
	return t, nil
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return fmt.Errorf("parse json: %w", err)
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("parse json: expected %q, found %v", want, tok)
	}
	return nil
}

// readJSONRow reads one flat object, keeping its keys in file order.
func readJSONRow(dec *json.Decoder) (keys, cells []string, err error) {
	if err := expectDelim(dec, '{'); err != nil {
		return nil, nil, err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, fmt.Errorf("parse json: %w", err)
		}
		key, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, nil, fmt.Errorf("parse json: %w", err)
		}
		cell, err := jsonCell(raw)
		if err != nil {
			return nil, nil, fmt.Errorf("key %q: %w", key, err)
		}
		keys = append(keys, key)
		cells = append(cells, cell)
	}
	if err := expectDelim(dec, '}'); err != nil {
		return nil, nil, err
	}
	return keys, cells, nil
}

// jsonCell is the canonical text of a JSON value (see the package doc).
func jsonCell(raw json.RawMessage) (string, error) {
	v := bytes.TrimSpace(raw)
	switch {
	case len(v) == 0:
		return "", errors.New("empty value")
	case v[0] == '"':
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return "", err
		}
		return s, nil
	case string(v) == "null":
		return "", nil
	case string(v) == "true", string(v) == "false":
		return string(v), nil
	case v[0] == '{' || v[0] == '[':
		return "", errors.New("nested objects and arrays are not table cells")
	default:
		if _, err := strconv.ParseFloat(string(v), 64); err != nil {
			return "", fmt.Errorf("not a number: %s", v)
		}
		return string(v), nil // the number as written
	}
}

// LoadColumnCategories reads the column → category file: a JSON object whose
// values are category ids (0..15) or category names of the policy, e.g.
//
//	{"patient_id": "personal-id", "ward": 2}
func LoadColumnCategories(path string, names map[string]int) (map[string]int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read column categories: %w", err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("column categories %s: %w", path, err)
	}
	out := make(map[string]int, len(raw))
	for col, v := range raw {
		var id int
		var name string
		switch {
		case json.Unmarshal(v, &id) == nil:
		case json.Unmarshal(v, &name) == nil:
			var ok bool
			if id, ok = names[name]; !ok {
				return nil, fmt.Errorf("column categories %s: column %q: unknown category %q", path, col, name)
			}
		default:
			return nil, fmt.Errorf("column categories %s: column %q: category must be an id or a name, found %s", path, col, v)
		}
		if id < 0 || id >= MaxCategories {
			return nil, fmt.Errorf("column categories %s: column %q: unknown category %d (categories are 0..%d)", path, col, id, MaxCategories-1)
		}
		out[col] = id
	}
	return out, nil
}
