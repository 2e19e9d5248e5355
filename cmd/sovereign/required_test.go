package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
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

// Every command with required flags, run without any, fails with the one
// line naming all of them, and prints no help: a required flag of a type
// checkRequiredFirst does not copy (urfave/cli would print the whole help
// first) fails here naming the command.
func TestEveryCommandMissingRequiredErrorFirst(t *testing.T) {
	type leaf struct {
		path     []string
		required []string
	}
	var leaves []leaf
	var walk func(cmds []*cli.Command, path []string)
	walk = func(cmds []*cli.Command, path []string) {
		for _, c := range cmds {
			p := append(slices.Clone(path), c.Name)
			var req []string
			for _, f := range c.Flags {
				if rf, ok := f.(cli.RequiredFlag); ok && rf.IsRequired() {
					t.Errorf("%s: required flag --%s (%T) is left to urfave/cli, which prints the help first", strings.Join(p, " "), f.Names()[0], f)
				}
				if df, ok := f.(cli.DocGenerationFlag); ok && strings.HasSuffix(df.GetUsage(), "(required)") {
					req = append(req, "--"+f.Names()[0])
				}
			}
			if len(req) > 0 {
				leaves = append(leaves, leaf{p, req})
			}
			walk(c.Subcommands, p)
		}
	}
	walk(newApp().Commands, []string{"sovereign"})
	if len(leaves) < 10 {
		t.Fatalf("only %d commands with required flags found", len(leaves))
	}
	for _, l := range leaves {
		var out bytes.Buffer
		app := newApp()
		app.Writer, app.ErrWriter = &out, &out
		err := app.Run(l.path)
		// checkRequiredFirst's line, or a command's own (zk setup's --dev)
		if err == nil || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %q, want one line naming %s", strings.Join(l.path, " "), err, strings.Join(l.required, ", "))
			continue
		}
		for _, f := range l.required {
			if !strings.Contains(err.Error(), f) {
				t.Errorf("%s: error %q does not name %s", strings.Join(l.path, " "), err, f)
			}
		}
		if strings.Contains(out.String(), "USAGE") {
			t.Errorf("%s: the help was printed with the error:\n%s", strings.Join(l.path, " "), out.String())
		}
	}
	t.Logf("%d commands with required flags checked", len(leaves))
}

// The user commands' Vault flags have the nodes' dotted names; the earlier
// spellings still parse to the same flags.
func TestVaultFlagsDottedWithOldAliases(t *testing.T) {
	for _, env := range []string{"VAULT_ADDR", "VAULT_TOKEN", "SOVEREIGN_VAULT_ROLE_ID", "SOVEREIGN_VAULT_SECRET_ID_FILE"} {
		t.Setenv(env, "")
	}
	for _, args := range [][]string{
		{"--vault.addr", "http://127.0.0.1:1", "--vault.token", "t"},
		{"--vault-addr", "http://127.0.0.1:1", "--vault-token", "t"},
	} {
		var out bytes.Buffer
		app := newApp()
		app.Writer, app.ErrWriter = &out, &out
		err := app.Run(append([]string{"sovereign", "keys", "grant", "--key", "health.stays"}, args...))
		// the token was taken (no "no Vault login") and the address tried
		if err == nil || !strings.Contains(err.Error(), "127.0.0.1:1") || strings.Contains(err.Error(), "no Vault login") {
			t.Errorf("%v: err = %v\n%s", args, err, out.String())
		}
	}
	var out bytes.Buffer
	app := newApp()
	app.Writer, app.ErrWriter = &out, &out
	err := app.Run([]string{"sovereign", "keys", "grant", "--key", "health.stays", "--vault.addr", "http://127.0.0.1:1"})
	if err == nil || err.Error() != errNoLogin.Error() || !strings.Contains(err.Error(), "--vault.role-id and --vault.secret-id-file, or --vault.token") {
		t.Errorf("no login: err = %v", err)
	}
}

// Commands print through the app's writers (c.App.Writer, ErrWriter), so
// that tests and embedders capture what they print: no command code writes
// to os.Stdout (logs go to stderr through the loggers).
func TestCommandsPrintThroughAppWriters(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.Contains(line, "os.Stdout") || strings.Contains(line, "fmt.Print") {
				t.Errorf("%s:%d prints around the app's writer: %s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
}
