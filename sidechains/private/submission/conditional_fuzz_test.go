package submission_test

import (
	"testing"

	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/sidechains/private/submission"
)

// FuzzParseConditional: an opened conditional envelope comes from a grant
// delivered on the public chain; whatever it holds, parsing, verifying and
// cutting a table never panic, and a table cut from a verified envelope
// never holds a level-2 column.
func FuzzParseConditional(f *testing.F) {
	f.Add([]byte(`{"sealed":"sovereign.conditional.v1","record":"00","salt":"0x01","rows":1,"columns":[{"name":"a","category":0,"level":2,"hash":"00"}]}`))
	f.Add([]byte(`{"sealed":"sovereign.conditional.v1","record":"00","salt":"0x01","rows":2,"columns":[{"name":"a","category":3,"level":0,"hash":"00","cells":["x"]}]}`))
	f.Add([]byte(`{"sealed":"sovereign.record.v1"}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`not json`))
	pol, err := record.NewPolicy(map[int]record.Level{0: record.LevelSensitive, 1: record.LevelConditional, 3: record.LevelOpen})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := submission.ParseConditional(b)
		if err != nil {
			return
		}
		_ = c.Verify([32]byte{}, pol, [32]byte{})
		if tab, err := c.Table(nil); err == nil {
			for _, name := range tab.Columns {
				for _, col := range c.Columns {
					if col.Name == name && col.Level > record.LevelConditional {
						t.Fatalf("a level-2 column %q in the table", name)
					}
				}
			}
		}
		_, _ = c.Table([]string{"a"})
	})
}
