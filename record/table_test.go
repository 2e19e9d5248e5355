package record

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadTable(t *testing.T) {
	csvT, err := LoadTable(writeTemp(t, "t.csv", "id,name,age\n1,\"Doe, J\",40\n2,Roe,\n"))
	if err != nil {
		t.Fatal(err)
	}
	jsonT, err := LoadTable(writeTemp(t, "t.json", `[{"id": 1, "name": "Doe, J", "age": 40},
		{"id": 2, "name": "Roe", "age": null}]`))
	if err != nil {
		t.Fatal(err)
	}
	// The same table in CSV and JSON hashes the same.
	for i, c := range csvT.Columns {
		if jsonT.Columns[i] != c {
			t.Fatalf("columns %v vs %v", csvT.Columns, jsonT.Columns)
		}
		a, b := ColumnHash(c, csvT.Cells(i)), ColumnHash(c, jsonT.Cells(i))
		if !a.Equal(&b) {
			t.Errorf("column %s: CSV %q and JSON %q hash differently", c, csvT.Cells(i), jsonT.Cells(i))
		}
	}
}

func TestBadInput(t *testing.T) {
	wide := make([]string, 65)
	for i := range wide {
		wide[i] = fmt.Sprintf("c%d", i)
	}
	cases := []struct {
		name, file, content, want string
	}{
		{"ragged csv", "t.csv", "a,b\n1,2\n3\n", "ragged rows: row 2 has 1 cells, the header has 2 columns"},
		{"ragged json", "t.json", `[{"a":1,"b":2},{"a":3}]`, "ragged rows: row 2 has 1 cells, the first row has 2 columns"},
		{"json other keys", "t.json", `[{"a":1,"b":2},{"a":3,"c":4}]`, `ragged rows: row 2 has key "c" where the first row has "b"`},
		{"json nested", "t.json", `[{"a":{"x":1}}]`, "nested objects and arrays are not table cells"},
		{"too many columns", "t.csv", strings.Join(wide, ",") + "\n", "table has 65 columns: at most 64 columns are supported"},
		{"duplicate column", "t.csv", "a,a\n1,2\n", `column "a" appears twice`},
		{"empty", "t.csv", "", "table has no columns"},
		{"unknown format", "t.xlsx", "x", "unknown format (want .csv or .json)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := LoadTable(writeTemp(t, c.file, c.content))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error containing %q", err, c.want)
			}
		})
	}

	names := map[string]int{"health": 1}
	for _, c := range []struct{ name, content, want string }{
		{"unknown category name", `{"a": "astrology"}`, `column "a": unknown category "astrology"`},
		{"category out of range", `{"a": 16}`, `column "a": unknown category 16 (categories are 0..15)`},
		{"category not a number or name", `{"a": [1]}`, `column "a": category must be a category name or an id 0..15, found [1]`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := LoadColumnCategories(writeTemp(t, "cols.json", c.content), names)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error containing %q", err, c.want)
			}
		})
	}

	tab := &Table{Columns: []string{"a", "b"}, Rows: [][]string{{"1", "2"}}}
	if _, err := NewRecord(tab, map[string]int{"a": 1}); err == nil || !strings.Contains(err.Error(), `column "b" has no category`) {
		t.Errorf("missing category: %v", err)
	}
	if _, err := NewRecord(tab, map[string]int{"a": 1, "b": 1, "z": 2}); err == nil || !strings.Contains(err.Error(), `names column "z", which the table does not have`) {
		t.Errorf("extra category: %v", err)
	}
	rec, _ := NewRecord(tab, map[string]int{"a": 1, "b": 9})
	// Categories 0 and 1 sensitive, 2 conditional, 3 open (zk.FixturePolicy).
	policy, err := NewPolicy(map[int]Level{0: LevelSensitive, 1: LevelSensitive, 2: LevelConditional, 3: LevelOpen})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewStatement(rec, policy, LevelOpen, elements(1)[0]); err == nil || !strings.Contains(err.Error(), `column "b": category 9: category is not in the policy`) {
		t.Errorf("category outside policy: %v", err)
	}
	if _, err := NewStatement(rec, policy, 3, elements(1)[0]); err == nil || !strings.Contains(err.Error(), "threshold must be 0 (open), 1 (conditional) or 2 (sensitive)") {
		t.Errorf("threshold 3: %v", err)
	}
	if _, _, err := LoadPolicy(writeTemp(t, "p.json", `{"categories":[{"id":1,"level":2},{"id":1,"level":0}]}`)); err == nil || !strings.Contains(err.Error(), "category 1: id 1 listed twice") {
		t.Errorf("policy duplicate: %v", err)
	}
	if _, _, err := LoadPolicy(writeTemp(t, "p.json", `{"categories":[{"id":1,"level":3}]}`)); err == nil || !strings.Contains(err.Error(), "level must be 0 (open), 1 (conditional) or 2 (sensitive)") {
		t.Errorf("policy level 3: %v", err)
	}
}

// An Excel "CSV UTF-8" export starts with a byte-order mark: it is dropped,
// so the first column's name (and hash) is the one typed.
func TestTableBOMIsDropped(t *testing.T) {
	plain, err := LoadTable(writeTemp(t, "plain.csv", "région,n\nÎle,1\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"bom.csv", "bom.json"} {
		content := "\ufeffrégion,n\nÎle,1\n"
		if strings.HasSuffix(name, ".json") {
			content = "\ufeff[{\"région\": \"Île\", \"n\": 1}]"
		}
		bom, err := LoadTable(writeTemp(t, name, content))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if bom.Columns[0] != "région" {
			t.Fatalf("%s: first column %q kept the byte-order mark", name, bom.Columns[0])
		}
		a, b := ColumnHash("région", plain.Cells(0)), ColumnHash(bom.Columns[0], bom.Cells(0))
		if !a.Equal(&b) {
			t.Fatalf("%s: the column hashes differently with a byte-order mark", name)
		}
	}
}

// The UTF-8 check holds when a multi-byte character is split across reads,
// and catches a bad byte at any position.
func TestUTF8ReaderAcrossReads(t *testing.T) {
	good := strings.Repeat("é€😀a", 300)
	for _, chunk := range []int{1, 2, 3, 5, 64} {
		r := &utf8Reader{r: &chunkedReader{s: good, n: chunk}}
		if _, err := io.ReadAll(r); err != nil {
			t.Fatalf("chunk %d: valid UTF-8 refused: %v", chunk, err)
		}
		bad := good[:1001] + "\xe9" + good[1001:] // a latin-1 é
		if _, err := io.ReadAll(&utf8Reader{r: &chunkedReader{s: bad, n: chunk}}); err == nil || !strings.Contains(err.Error(), "not valid UTF-8") {
			t.Fatalf("chunk %d: latin-1 byte accepted: %v", chunk, err)
		}
		if _, err := io.ReadAll(&utf8Reader{r: &chunkedReader{s: good + "\xe2\x82", n: chunk}}); err == nil {
			t.Fatalf("chunk %d: truncated last character accepted", chunk)
		}
	}
}

type chunkedReader struct {
	s string
	n int
}

func (c *chunkedReader) Read(p []byte) (int, error) {
	if len(c.s) == 0 {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), c.n)], c.s)
	c.s = c.s[n:]
	return n, nil
}
