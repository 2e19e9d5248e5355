package portal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sovereign-gov/sovereign/record"
)

func TestLoadMetadata(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	m, err := LoadMetadata(write("ok.json", `{"departments":["health"],"datasets":[{"department":"transport","dataset":"roads","title":"Road works","keywords":["roads"]}]}`))
	if err != nil || len(m.Datasets) != 1 || m.Datasets[0].ID() != record.DatasetID("transport", "roads") {
		t.Fatalf("ok: %+v %v", m, err)
	}
	for body, want := range map[string]string{
		`{"departments":["Health"]}`:                                        "departments[0]",
		`{"datasets":[{"department":"","dataset":"x","title":"t"}]}`:        "datasets[0].department",
		`{"datasets":[{"department":"a","dataset":"","title":"t"}]}`:        "datasets[0].dataset",
		`{"datasets":[{"department":"a","dataset":"x","title":"  "}]}`:      "datasets[0].title",
		`{"datasets":[{"department":"a","dataset":"x","title":"t","x":1}]}`: `unknown field "x"`,
		`not json`: "metadata file",
	} {
		if _, err := LoadMetadata(write("bad.json", body)); err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("%s: %v, want an error naming %s", body, err, want)
		}
	}
	if _, err := LoadMetadata(filepath.Join(dir, "absent.json")); err == nil {
		t.Fatal("absent file accepted")
	}
}
