package record

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// The released view of a record recomputes the proof's released root from
// the file alone, and hides the withheld columns' names and cells.
func TestReleasedViewRecomputesReleasedRoot(t *testing.T) {
	table := &Table{Columns: []string{"year", "patient", "ward", "stays"}}
	for i := range 12 {
		table.Rows = append(table.Rows, []string{fmt.Sprint(2010 + i), fmt.Sprintf("P-%04d", 7000+i), fmt.Sprintf("ward-%d", i%3), fmt.Sprint(i * 7)})
	}
	policy, err := NewPolicy(map[int]Level{0: LevelOpen, 1: LevelSensitive, 2: LevelConditional})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := NewRecord(table, map[string]int{"year": 0, "patient": 1, "ward": 2, "stays": 0})
	if err != nil {
		t.Fatal(err)
	}
	salt, _ := NewSalt()
	st, err := NewStatement(rec, policy, LevelOpen, salt)
	if err != nil {
		t.Fatal(err)
	}
	view, err := NewReleasedView(table, st)
	if err != nil {
		t.Fatal(err)
	}
	b, err := view.CSV()
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := ParseReleasedView(b)
	if err != nil {
		t.Fatal(err)
	}
	root, err := parsed.Root()
	if err != nil {
		t.Fatal(err)
	}
	if !root.Equal(&st.Public.ReleasedRoot) {
		t.Fatal("released root recomputed from the view differs from the statement's")
	}
	withheld := 0
	for j, name := range table.Columns {
		if !st.Released[j].IsZero() {
			continue
		}
		withheld++
		if strings.Contains(string(b), name) {
			t.Fatalf("withheld column %q is named in the released view", name)
		}
		for _, cell := range table.Cells(j) {
			if cell != "" && len(cell) > 3 && strings.Contains(string(b), cell) {
				t.Fatalf("withheld cell %q of %q is in the released view", cell, name)
			}
		}
	}
	if withheld == 0 {
		t.Fatal("fixture withholds nothing: the test proves nothing")
	}
	if got := len(parsed.ReleasedColumns().Columns); got != len(table.Columns)-withheld {
		t.Fatalf("%d released columns, want %d", got, len(table.Columns)-withheld)
	}

	// A value slipped into a withheld column is refused; a changed released
	// cell gives another root.
	lines := strings.SplitN(string(b), "\n", 3)
	cells := strings.Split(lines[1], ",")
	for j := range cells {
		if parsed.Released[j] {
			continue
		}
		cells[j] = "leak"
		break
	}
	bad := lines[0] + "\n" + strings.Join(cells, ",") + "\n" + lines[2]
	if _, err := ParseReleasedView([]byte(bad)); !errors.Is(err, errWithheldCell) {
		t.Fatalf("value in a withheld column: %v", err)
	}
}
