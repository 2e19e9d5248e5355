package record

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// Native fuzz targets for the files a user or a stranger hands the tools:
// policy, column categories and tables (proof files: package zk). None may panic; what
// decodes must satisfy the rules the strict decoders promise.

func FuzzDecodePolicy(f *testing.F) {
	for _, seed := range []string{
		`{"categories": [{"id": 0, "name": "personal-id", "level": 2}, {"id": 3, "name": "aggregate", "level": 0}]}`,
		`{"categories": [{"id": 0, "name": "a", "levl": 2}]}`,
		`{"categories": [{"id": 0, "level": null}]}`,
		`{"categorys": []}`, `{}`, `null`, `[]`, `{"categories": [null]}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		pf, err := DecodePolicy(b)
		if err != nil {
			return
		}
		if len(pf.Categories) == 0 {
			t.Fatal("a policy without categories decoded")
		}
		for _, c := range pf.Categories {
			if c.ID < 0 || c.ID >= MaxCategories || !c.Level.Valid() {
				t.Fatalf("out-of-range category decoded: %+v", c)
			}
		}
		if p, _, err := pf.Policy(); err == nil {
			if q, err := PolicyFromElement(p.Element()); err != nil || q != p {
				t.Fatalf("policy does not round-trip through its element: %v", err)
			}
		}
	})
}

func FuzzDecodeColumnCategories(f *testing.F) {
	names := map[string]int{"personal-id": 0, "aggregate": 3}
	for _, seed := range []string{`{"a": "aggregate", "b": 0}`, `{"a": null}`, `{"a": 1.5}`, `{"a": 0, "a": 1}`, `{}`, `[`, "\ufeff{\"a\": 3}"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		cats, err := DecodeColumnCategories(b, names)
		if err != nil {
			return
		}
		if len(cats) == 0 {
			t.Fatal("no column decoded without an error")
		}
		for col, c := range cats {
			if c < 0 || c >= MaxCategories {
				t.Fatalf("column %q: category %d out of range", col, c)
			}
		}
	})
}

func FuzzParseTable(f *testing.F) {
	for _, seed := range []string{
		"id,name\n1,Ann\n", "\ufeffid,name\n1,Ann\n", "a,b\n1\n", "a,a\n1,2\n", "a\n\"unterminated\n", "a,b\n1,caf\xe9\n",
		`[{"a": 1, "b": "x"}]`, `[{"a": {"b": 1}}]`, `[{"a": 1}, {"b": 2}]`, "\ufeff[{\"a\": null}]", `[`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, parse := range []func([]byte) (*Table, error){
			func(b []byte) (*Table, error) { return ParseCSV(bytes.NewReader(b)) },
			func(b []byte) (*Table, error) { return ParseJSON(bytes.NewReader(b)) },
		} {
			tab, err := parse(b)
			if err != nil {
				continue
			}
			// What parses is a valid table: it validates again, and hashes.
			if err := tab.validate(); err != nil {
				t.Fatalf("parsed table does not validate: %v", err)
			}
			for i, c := range tab.Columns {
				if strings.HasPrefix(c, "\ufeff") && i == 0 {
					t.Fatal("byte-order mark kept in the first column name")
				}
				_ = ColumnHash(c, tab.Cells(i))
			}
		}
	})
}

// FuzzParseReleasedView: what parses as a released view keeps withheld
// columns (empty header) empty and released ones named, and is written
// back (CSV) as a view that parses to the same table.
func FuzzParseReleasedView(f *testing.F) {
	for _, seed := range []string{
		"id,,name\n1,,Ann\n", ",\n,\n", "a,,\n1,,\n", "a,,\n1,x,\n", "\ufeffa,b\n1,2\n", "a,a\n1,2\n", "a\n\"x\ny\"\n",
		",a\n\"\",1\n", "a,b\n1\n", "",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := ParseReleasedView(b)
		if err != nil {
			return
		}
		if len(v.Released) != len(v.Table.Columns) {
			t.Fatalf("%d columns, %d released flags", len(v.Table.Columns), len(v.Released))
		}
		for j, name := range v.Table.Columns {
			if v.Released[j] != (name != "") {
				t.Fatalf("column %d %q marked released %v", j, name, v.Released[j])
			}
			for r, row := range v.Table.Rows {
				if len(row) != len(v.Table.Columns) {
					t.Fatalf("row %d has %d cells for %d columns", r, len(row), len(v.Table.Columns))
				}
				if !v.Released[j] && row[j] != "" {
					t.Fatalf("withheld column %d holds %q in row %d", j, row[j], r)
				}
			}
		}
		out, err := v.CSV()
		if err != nil {
			t.Fatal(err)
		}
		w, err := ParseReleasedView(out)
		if err != nil {
			t.Fatalf("the view written from an accepted one is refused: %v\n%q", err, out)
		}
		if !slices.Equal(w.Table.Columns, v.Table.Columns) || !slices.EqualFunc(w.Table.Rows, v.Table.Rows, slices.Equal) {
			t.Fatalf("released view does not round-trip:\n%q\n%q", b, out)
		}
	})
}
