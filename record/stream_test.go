package record

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The streaming column hashes equal ColumnHash over the loaded table, for
// cells of every length around the 31-byte chunk and sponge-block edges.
func TestHashCSVFileMatchesColumnHash(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,note,empty,\"long name, quoted\"\n")
	for i := range 40 {
		fmt.Fprintf(&b, "R-%d,%s,,\"%s\"\n", i, strings.Repeat("x", i), strings.Repeat("ab,", i*3))
	}
	for _, content := range []string{b.String(), "only,header\n", "a\n\n1\n"} {
		path := filepath.Join(t.TempDir(), "t.csv")
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		tab, err := LoadTable(path)
		if err != nil {
			t.Fatal(err)
		}
		var last int64
		got, err := HashCSVFile(path, func(done, total int64) {
			if done < last || done > total {
				t.Errorf("progress %d of %d after %d", done, total, last)
			}
			last = done
		})
		if err != nil {
			t.Fatal(err)
		}
		if got.Rows != len(tab.Rows) || len(got.Hashes) != len(tab.Columns) {
			t.Fatalf("%d rows %d columns, want %d %d", got.Rows, len(got.Hashes), len(tab.Rows), len(tab.Columns))
		}
		for i, name := range tab.Columns {
			if want := ColumnHash(name, tab.Cells(i)); got.Hashes[i] != want || got.Names[i] != name {
				t.Fatalf("column %q: streamed hash differs", name)
			}
		}
		if last != 2*int64(len(content)) {
			t.Fatalf("progress ended at %d, want %d", last, 2*len(content))
		}
	}
}

func TestHashCSVFileErrors(t *testing.T) {
	for content, want := range map[string]string{
		"":             "table has no columns",
		"a,b\n1\n":     "ragged rows: row 1 has 1 cells, the header has 2 columns",
		"a,a\n1,2\n":   `column "a" appears twice`,
		"a,b\n\"1,2\n": "parse csv",
		// a second byte-order mark (the fuzzer's find): refused, not a column named U+FEFF
		"\ufeff\ufeff":           "column 1 name \"\\ufeff\": holds a byte-order mark",
		"\ufeff\ufeffa,b\n1,2\n": "holds a byte-order mark",
		"a,b\ufeff\n1,2\n":       "column 2 name",
	} {
		path := filepath.Join(t.TempDir(), "bad.csv")
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := HashCSVFile(path, nil); err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path) {
			t.Errorf("%q: want %q naming the file, got %v", content, want, err)
		}
		if strings.HasPrefix(want, "column") || strings.Contains(want, "byte-order") {
			// ParseCSV refuses it the same way
			if _, err := LoadTable(path); err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%q: LoadTable: want %q, got %v", content, want, err)
			}
		}
	}
}

// The streamed hashing reads a table exactly as ParseCSV does: a leading
// byte-order mark is dropped and a cell that is not UTF-8 is refused.
func TestHashCSVFileLikeParseCSV(t *testing.T) {
	dir := t.TempDir()
	bom := filepath.Join(dir, "bom.csv")
	if err := os.WriteFile(bom, []byte("\ufeffrégion,n\nÎle,1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cols, err := HashCSVFile(bom, nil)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := LoadTable(bom)
	if err != nil {
		t.Fatal(err)
	}
	if cols.Names[0] != "région" || tab.Columns[0] != "région" {
		t.Fatalf("names %q / %q kept the byte-order mark", cols.Names[0], tab.Columns[0])
	}
	for i, name := range tab.Columns {
		if h := ColumnHash(name, tab.Cells(i)); !h.Equal(&cols.Hashes[i]) {
			t.Fatalf("column %q: streamed hash differs from ParseCSV's", name)
		}
	}
	latin1 := filepath.Join(dir, "latin1.csv")
	if err := os.WriteFile(latin1, []byte("a,b\n1,caf\xe9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := HashCSVFile(latin1, nil); err == nil || !strings.Contains(err.Error(), `row 1 column "b": not valid UTF-8`) {
		t.Fatalf("latin-1 table: %v", err)
	}
}
