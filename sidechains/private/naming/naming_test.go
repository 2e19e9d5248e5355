package naming

import (
	"strings"
	"testing"
)

func TestTransitKeyNames(t *testing.T) {
	good := map[[2]string]string{
		{"health", "stays"}:        "health.stays",
		{"tax-office", "returns1"}: "tax-office.returns1",
		{"a", "b"}:                 "a.b",
	}
	for in, want := range good {
		got, err := TransitKey(in[0], in[1])
		if err != nil || got != want {
			t.Errorf("%v: %q %v", in, got, err)
		}
		d, ds, err := SplitTransitKey(got)
		if err != nil || d != in[0] || ds != in[1] {
			t.Errorf("split %q: %q %q %v", got, d, ds, err)
		}
	}
	bad := []struct{ dept, ds, want string }{
		{"Health", "x", `invalid department name "Health"`},
		{"health", "a.b", `invalid dataset name "a.b"`},
		{"", "x", `invalid department name ""`},
		{"-x", "y", `invalid department name "-x"`},
		{"h", strings.Repeat("a", 64), "invalid dataset name"},
		{"he*", "x", `invalid department name "he*"`},
	}
	for _, b := range bad {
		if _, err := TransitKey(b.dept, b.ds); err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%q/%q: want %q, got %v", b.dept, b.ds, b.want, err)
		}
	}
	for _, k := range []string{"health", "health.", ".x", "a.b.c", "A.b"} {
		if _, _, err := SplitTransitKey(k); err == nil || !strings.Contains(err.Error(), "invalid transit key") {
			t.Errorf("split %q: want an error, got %v", k, err)
		}
	}
}
