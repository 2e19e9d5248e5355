package record

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// The released view is what the public downloads: the record as CSV with
// every column in the record's order, where a withheld column keeps its
// place with an empty header and empty cells. Its place is what lets any
// reader recompute the released root (slot j is the hash of column j, or 0
// when withheld) from the file alone; its name and content stay private.
// A released column therefore needs a name: an unnamed column could not be
// told from a withheld one.

var (
	// errUnnamedColumn is returned when a released column has no name.
	errUnnamedColumn = errors.New("a released column needs a name (an empty header marks a withheld column)")
	// errWithheldCell is returned when a withheld column of a released view holds a value.
	errWithheldCell = errors.New("a withheld column (empty header) must have empty cells")
)

// ReleasedView is a parsed released view.
type ReleasedView struct {
	Table    *Table // every column, withheld ones with an empty name and cells
	Released []bool // per column: released (true) or withheld
}

// NewReleasedView is the released view of t under st: the columns st
// releases keep their content, the others are blanked out, name included.
func NewReleasedView(t *Table, st *Statement) (*ReleasedView, error) {
	if err := t.validate(); err != nil {
		return nil, err
	}
	if len(t.Columns) > len(st.Released) {
		return nil, fmt.Errorf("table has %d columns, the statement %d slots", len(t.Columns), len(st.Released))
	}
	v := &ReleasedView{
		Table:    &Table{Columns: make([]string, len(t.Columns)), Rows: make([][]string, len(t.Rows))},
		Released: make([]bool, len(t.Columns)),
	}
	for j, name := range t.Columns {
		v.Released[j] = !st.Released[j].IsZero()
		if v.Released[j] {
			if name == "" {
				return nil, fmt.Errorf("column %d: %w", j+1, errUnnamedColumn)
			}
			v.Table.Columns[j] = name
		}
	}
	for r, row := range t.Rows {
		out := make([]string, len(row))
		for j := range row {
			if v.Released[j] {
				out[j] = row[j]
			}
		}
		v.Table.Rows[r] = out
	}
	return v, nil
}

// CSV encodes the view (RFC 4180, header row first). A record of one empty
// field is written as "" : encoding/csv writes it as an empty line, which
// readers skip, so a one-column view lost its empty rows (or its withheld
// header) when read back.
func (v *ReleasedView) CSV() ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	for _, rec := range append([][]string{v.Table.Columns}, v.Table.Rows...) {
		if len(rec) == 1 && rec[0] == "" {
			w.Flush()
			buf.WriteString("\"\"\n")
			continue
		}
		if err := w.Write(rec); err != nil {
			return nil, fmt.Errorf("released view: %w", err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, fmt.Errorf("released view: %w", err)
	}
	return buf.Bytes(), nil
}

// ParseReleasedView reads a released view: a CSV table whose withheld
// columns have an empty header and empty cells.
func ParseReleasedView(b []byte) (*ReleasedView, error) {
	t, err := parseWithheld(b)
	if err != nil {
		return nil, fmt.Errorf("released view: %w", err)
	}
	v := &ReleasedView{Table: t, Released: make([]bool, len(t.Columns))}
	for j, name := range t.Columns {
		v.Released[j] = name != ""
		if v.Released[j] {
			continue
		}
		for r, row := range t.Rows {
			if row[j] != "" {
				return nil, fmt.Errorf("released view: row %d, column %d: %w", r+1, j+1, errWithheldCell)
			}
		}
	}
	return v, nil
}

// parseWithheld parses b as ParseCSV does, with every empty header (a
// withheld column) renamed for the parse to a name no released column can
// have, so two withheld columns are not taken for a repeated name.
func parseWithheld(b []byte) (*Table, error) {
	b = stripBOM(b)
	cr := csv.NewReader(bytes.NewReader(b))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errNoColumns
	}
	if err != nil {
		return nil, fmt.Errorf("parse csv: %w", err)
	}
	var renamed bytes.Buffer
	w := csv.NewWriter(&renamed)
	alias := make([]string, len(header))
	for j, name := range header {
		alias[j] = name
		if name == "" {
			alias[j] = fmt.Sprintf("\x00withheld %d", j)
		}
	}
	if err := w.Write(alias); err != nil {
		return nil, err
	}
	w.Flush()
	renamed.Write(b[cr.InputOffset():])
	t, err := ParseCSV(&renamed)
	if err != nil {
		return nil, err
	}
	for j, name := range header {
		if name == "" {
			t.Columns[j] = ""
		}
	}
	return t, nil
}

// Slots is the view's released slots for a circuit of its size: the hash of
// each released column, 0 for withheld columns and unused slots.
func (v *ReleasedView) Slots() ([]fr.Element, error) {
	size, err := SizeFor(len(v.Table.Columns))
	if err != nil {
		return nil, err
	}
	slots := make([]fr.Element, size)
	for j, name := range v.Table.Columns {
		if v.Released[j] {
			slots[j] = ColumnHash(name, v.Table.Cells(j))
		}
	}
	return slots, nil
}

// Root is the released root the view commits to: the proof's public input.
func (v *ReleasedView) Root() (fr.Element, error) {
	slots, err := v.Slots()
	if err != nil {
		return fr.Element{}, err
	}
	return ReleasedRoot(slots), nil
}

// ReleasedColumns is the view without its withheld columns: what a reader
// works with.
func (v *ReleasedView) ReleasedColumns() *Table {
	out := &Table{Rows: make([][]string, len(v.Table.Rows))}
	var keep []int
	for j, name := range v.Table.Columns {
		if v.Released[j] {
			keep = append(keep, j)
			out.Columns = append(out.Columns, name)
		}
	}
	for r, row := range v.Table.Rows {
		cells := make([]string, len(keep))
		for i, j := range keep {
			cells[i] = row[j]
		}
		out.Rows[r] = cells
	}
	return out
}
