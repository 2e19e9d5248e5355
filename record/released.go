package record

import (
	"fmt"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// CheckReleasedTable checks a released table against a released view (a
// proof's column names and released column hashes, one per slot, 0 if
// withheld): every column the view releases is in the table with the same
// hash, and no column the view withholds is.
func CheckReleasedTable(columns []string, released []fr.Element, t *Table) error {
	idx := make(map[string]int, len(t.Columns))
	for i, c := range t.Columns {
		idx[c] = i
	}
	for j, name := range columns {
		i, present := idx[name]
		if released[j].IsZero() {
			if present {
				return fmt.Errorf("column %q is withheld by the proof but present in the released table", name)
			}
			continue
		}
		if !present {
			return fmt.Errorf("column %q is released by the proof but missing from the table", name)
		}
		if h := ColumnHash(name, t.Cells(i)); !h.Equal(&released[j]) {
			return fmt.Errorf("column %q: content does not match the released column hash", name)
		}
		delete(idx, name)
	}
	for name := range idx {
		return fmt.Errorf("column %q of the table is not in the proof", name)
	}
	return nil
}
