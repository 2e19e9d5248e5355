package main

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// TestPprofServesProfilesOnlyWhenAsked: without --pprof.addr nothing
// listens; with it, the profile index answers and the default mux's other
// handlers are not exposed.
func TestPprofServesProfilesOnlyWhenAsked(t *testing.T) {
	run := func(args ...string) (addr string) {
		t.Helper()
		app := &cli.App{Flags: []cli.Flag{pprofFlag}, Action: func(c *cli.Context) error {
			a, stop, err := startPprof(c)
			if err != nil {
				return err
			}
			addr = a
			if a == "" {
				return nil
			}
			defer stop()
			res, err := http.Get("http://" + a + "/debug/pprof/")
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "goroutine") {
				t.Fatalf("profile index: %d %.200s", res.StatusCode, body)
			}
			res, err = http.Get("http://" + a + "/debug/vars")
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusNotFound {
				t.Fatalf("/debug/vars answered %d; only profiles should be served", res.StatusCode)
			}
			return nil
		}}
		if err := app.Run(append([]string{"sovereign"}, args...)); err != nil {
			t.Fatal(err)
		}
		return addr
	}
	if a := run(); a != "" {
		t.Fatalf("pprof served on %s without --pprof.addr", a)
	}
	if a := run("--pprof.addr", "127.0.0.1:0"); !strings.HasPrefix(a, "127.0.0.1:") {
		t.Fatalf("pprof address %q", a)
	}
}
