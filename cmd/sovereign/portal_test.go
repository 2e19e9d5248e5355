package main

import (
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/internal/testbin"
	"github.com/sovereign-gov/sovereign/portal/pgtest"
	rt "github.com/sovereign-gov/sovereign/publicdata/readertest"
)

// TestPortalCommand runs `sovereign portal` as a process against a public
// chain served over HTTP, found through a manifest: it indexes the chain,
// names the manifest's departments and the --metadata datasets, serves the
// pages and downloads; bad flags fail naming the flag.
func TestPortalCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("process test")
	}
	view := []byte("district,count\nnorth,3\n")
	rel := rt.Release(t, "roads", 1, 0, 0, view, 31)
	rel.DatasetId = deploy.DatasetID("transport", "roads")
	rel.Department = deploy.DepartmentID("transport")
	chain := rt.New(t, big.NewInt(7), true)
	chain.Put(view)
	id := chain.Publish(rel, 3)
	dir := readerManifest(t, chain)
	meta := filepath.Join(t.TempDir(), "names.json")
	if err := os.WriteFile(meta, []byte(`{"datasets":[{"department":"transport","dataset":"roads","title":"Road works","keywords":["asphalt"]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := testbin.Sovereign(t)
	port := proctest.FreePort(t)
	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	p := proctest.Start(t, "portal", bin, "portal", "--manifest", dir, "--listen", fmt.Sprintf("127.0.0.1:%d", port),
		"--index.dir", t.TempDir(), "--metadata", meta)
	get := func(path string) (int, string) {
		resp, err := http.Get(url + path)
		if err != nil {
			return 0, err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if code, body := get("/healthz"); code == 200 && strings.Contains(body, `"releases":1`) {
			break
		}
		if time.Now().After(deadline) || p.Exited() {
			t.Fatalf("the portal did not index the release:\n%s", p.Output())
		}
		time.Sleep(200 * time.Millisecond)
	}
	if _, body := get("/?q=asphalt"); !strings.Contains(body, "Road works") || !strings.Contains(body, "transport") {
		t.Fatalf("catalogue:\n%s", body)
	}
	if code, body := get("/download/" + id.Hex() + ".csv"); code != 200 || body != string(view) {
		t.Fatalf("download: %d %q", code, body)
	}
	if !strings.Contains(p.Output(), "portal at "+url) {
		t.Fatalf("output: %s", p.Output())
	}
	p.Stop()

	// the same portal with its index in a PostgreSQL database
	pgURL := pgtest.Database(t)
	p = proctest.Start(t, "portal-postgres", bin, "portal", "--manifest", dir, "--listen", fmt.Sprintf("127.0.0.1:%d", port),
		"--index.postgres", pgURL, "--metadata", meta)
	deadline = time.Now().Add(30 * time.Second)
	for {
		if code, body := get("/healthz"); code == 200 && strings.Contains(body, `"releases":1`) {
			break
		}
		if time.Now().After(deadline) || p.Exited() {
			t.Fatalf("the portal did not index the release into PostgreSQL:\n%s", p.Output())
		}
		time.Sleep(200 * time.Millisecond)
	}
	if _, body := get("/?q=asphalt"); !strings.Contains(body, "Road works") {
		t.Fatalf("catalogue from PostgreSQL:\n%s", body)
	}
	if !strings.Contains(p.Output(), "index in PostgreSQL") {
		t.Fatalf("output: %s", p.Output())
	}
	// one portal indexes a database at a time
	out, err := proctest.Run(bin, "portal", "--manifest", dir, "--listen", "127.0.0.1:0", "--index.postgres", pgURL)
	if err == nil || !strings.Contains(out, "--index.postgres") || !strings.Contains(out, "another portal") {
		t.Fatalf("a second portal on the same database: %v\n%s", err, out)
	}
	p.Stop()

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--metadata", filepath.Join(dir, "absent.json")}, "--metadata"},
		{[]string{"--listen", "nowhere"}, `--listen "nowhere"`},
		{[]string{"--registry", "0x12"}, "--registry"},
		{[]string{"--index.postgres", "postgres://u:p@127.0.0.1:1/db?connect_timeout=2"}, "--index.postgres postgres://u:xxxxx@"},
		{[]string{"--index.postgres", "postgres://x y"}, "--index.postgres"},
		{[]string{"--index.postgres", ""}, "--index.postgres is empty"},
		{[]string{"--index.postgres", "postgres://u@127.0.0.1:1/db", "--index.dir", t.TempDir()}, "--index.postgres and --index.dir"},
	} {
		args := []string{"portal", "--manifest", dir}
		if !slices.Contains(c.args, "--index.postgres") {
			args = append(args, "--index.dir", t.TempDir())
		}
		out, err := proctest.Run(bin, append(args, c.args...)...)
		if err == nil || !strings.Contains(out, c.want) {
			t.Fatalf("portal %v: %v\n%s\nwant an error naming %s", c.args, err, out, c.want)
		}
	}
}
