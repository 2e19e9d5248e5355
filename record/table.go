package record

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxColumns is the widest table a proof covers.
const MaxColumns = 64

var (
	// errTooManyColumns is returned for a table wider than MaxColumns.
	errTooManyColumns = fmt.Errorf("at most %d columns are supported", MaxColumns)
	// errNoColumns is returned for a table without a header.
	errNoColumns = errors.New("table has no columns")
	// errNotUTF8 is returned for a table that is not UTF-8 text.
	errNotUTF8 = errors.New("not valid UTF-8 (save the table as UTF-8, e.g. \"CSV UTF-8\" in Excel)")
	// errBOMInName is returned for a column name holding a byte-order mark.
	errBOMInName = errors.New("holds a byte-order mark (U+FEFF): the file has more than one at its start, or one inside the header; save it again as UTF-8")
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

// utf8BOM is what Excel and some editors put before UTF-8 text.
var utf8BOM = []byte{0xef, 0xbb, 0xbf}

// stripBOM drops a leading UTF-8 byte-order mark: it is not content, and a
// column name that kept it would hash differently from the same name typed.
func stripBOM(b []byte) []byte { return bytes.TrimPrefix(b, utf8BOM) }

// validate checks the shape every table must have: columns named once,
// rows as wide as the header, and every name and cell valid UTF-8 (a
// latin-1 export would prove, and its UTF-8 copy would then not match).
func (t *Table) validate() error {
	if len(t.Columns) == 0 {
		return errNoColumns
	}
	for i, c := range t.Columns {
		if !utf8.ValidString(c) {
			return fmt.Errorf("column %d name %q: %w", i+1, c, errNotUTF8)
		}
		// One byte-order mark opening the file is dropped by the parsers;
		// one left in a name (a file saved twice with a BOM, say) would make
		// a column that looks like another and hashes otherwise.
		if strings.ContainsRune(c, '\ufeff') {
			return fmt.Errorf("column %d name %q: %w", i+1, c, errBOMInName)
		}
	}
	for r, row := range t.Rows {
		for i, cell := range row {
			if !utf8.ValidString(cell) {
				return fmt.Errorf("row %d column %q: %w", r+1, t.Columns[min(i, len(t.Columns)-1)], errNotUTF8)
			}
		}
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

// ParseCSV reads a CSV table whose first row names the columns. A leading
// UTF-8 byte-order mark is dropped.
func ParseCSV(r io.Reader) (*Table, error) {
	cr := csv.NewReader(skipBOM(r))
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
	dec := json.NewDecoder(&utf8Reader{r: skipBOM(r)})
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

// utf8Reader fails a read at the first byte that is not UTF-8: the JSON
// decoder would otherwise turn such bytes into U+FFFD without a word.
type utf8Reader struct {
	r       io.Reader
	pending []byte // an incomplete sequence at the end of the last read
	offset  int64
}

func (u *utf8Reader) Read(p []byte) (int, error) {
	n, err := u.r.Read(p)
	buf := append(u.pending, p[:n]...)
	i := 0
	for i < len(buf) {
		if buf[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(buf[i:])
		if r == utf8.RuneError && size <= 1 {
			if !utf8.FullRune(buf[i:]) && err == nil {
				break // the rest of the sequence comes with the next read
			}
			return 0, fmt.Errorf("byte %d: %w", u.offset+int64(i), errNotUTF8)
		}
		i += size
	}
	u.offset += int64(i)
	u.pending = append(u.pending[:0:0], buf[i:]...)
	return n, err
}

// skipBOM returns r without a leading UTF-8 byte-order mark.
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if b, err := br.Peek(len(utf8BOM)); err == nil && bytes.Equal(b, utf8BOM) {
		br.Discard(len(utf8BOM))
	}
	return br
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
//
// Decoded strictly: null, a fraction, a boolean, a nested value or a column
// named twice is an error naming the file and the column (a null read as
// category 0 would have classified the column by accident).
func LoadColumnCategories(path string, names map[string]int) (map[string]int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read column categories: %w", err)
	}
	out, err := DecodeColumnCategories(b, names)
	if err != nil {
		return nil, fmt.Errorf("column categories %s: %w", path, err)
	}
	return out, nil
}

// DecodeColumnCategories parses a column → category file's bytes (see
// LoadColumnCategories).
func DecodeColumnCategories(b []byte, names map[string]int) (map[string]int, error) {
	dec := json.NewDecoder(bytes.NewReader(stripBOM(b)))
	dec.UseNumber()
	if err := expectDelim(dec, '{'); err != nil {
		return nil, err
	}
	out := map[string]int{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("parse json: %w", err)
		}
		col, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, fmt.Errorf("column %q: %w", col, err)
		}
		if _, dup := out[col]; dup {
			return nil, fmt.Errorf("column %q is named twice", col)
		}
		id, err := categoryOf(raw, names)
		if err != nil {
			return nil, fmt.Errorf("column %q: %w", col, err)
		}
		out[col] = id
	}
	if err := expectDelim(dec, '}'); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the JSON object")
	}
	if len(out) == 0 {
		return nil, errors.New("no column has a category")
	}
	return out, nil
}

// categoryOf reads one category value: a policy category name or an id.
func categoryOf(raw json.RawMessage, names map[string]int) (int, error) {
	v := bytes.TrimSpace(raw)
	if len(v) > 0 && v[0] == '"' {
		var name string
		if err := json.Unmarshal(v, &name); err != nil {
			return 0, err
		}
		id, ok := names[name]
		if !ok {
			return 0, fmt.Errorf("unknown category %q (the policy names: %s)", name, strings.Join(sortedNames(names), ", "))
		}
		return id, nil
	}
	id, err := strconv.Atoi(string(v))
	if err != nil {
		return 0, fmt.Errorf("category must be a category name or an id 0..%d, found %s", MaxCategories-1, v)
	}
	if id < 0 || id >= MaxCategories {
		return 0, fmt.Errorf("unknown category %d (categories are 0..%d)", id, MaxCategories-1)
	}
	return id, nil
}

func sortedNames(names map[string]int) []string {
	out := make([]string, 0, len(names))
	for n := range names {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}
