package main

import (
	"bytes"
	"strings"
	"testing"
)

// A missing required flag is one line naming every missing flag and where
// the help is, not the whole help first; and every app built (the tests
// build many in one process) checks the same flags.
func TestMissingRequiredFlagsErrorFirst(t *testing.T) {
	for range 2 {
		var out bytes.Buffer
		app := newApp()
		app.Writer, app.ErrWriter = &out, &out
		err := app.Run([]string{"sovereign", "review", "approve", "--keystore", "k.json"})
		want := "missing --reason, --password (see 'sovereign review approve --help')"
		if err == nil || err.Error() != want {
			t.Fatalf("error %v, want %q", err, want)
		}
		if strings.Contains(out.String(), "USAGE") {
			t.Fatalf("the help was printed before the error:\n%s", out.String())
		}
	}
	var out bytes.Buffer
	app := newApp()
	app.Writer = &out
	if err := app.Run([]string{"sovereign", "review", "approve", "--help"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "(required)") {
		t.Fatalf("the help no longer says which flags are required:\n%s", out.String())
	}
}
