package portal

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/sovereign-gov/sovereign/contentstore"
)

// requireCKANEnv, set by `make test` as root (and so by CI), turns a
// missing Python RDF stack into a failure instead of a skip.
const requireCKANEnv = "SOVEREIGN_REQUIRE_CKAN_DCAT"

// ckanDataset is what the test reads of a CKAN dataset dict made by
// ckanext-dcat's euro_dcat_ap_3 profile (without ckanext-scheming, as in a
// plain CKAN: most DCAT properties land in extras).
type ckanDataset struct {
	Title     string `json:"title"`
	Name      string `json:"name"`
	Version   string `json:"version"`
	Resources []struct {
		URL         string `json:"url"`
		DownloadURL string `json:"download_url"`
		Format      string `json:"format"`
		HashAlgo    string `json:"hash_algorithm"`
		Hash        string `json:"hash"`
	} `json:"resources"`
	Extras []struct {
		Key   string `json:"key"`
		Value string `json:"value"`
	} `json:"extras"`
}

// extra is the value of an extra ("" if none).
func (d *ckanDataset) extra(key string) string {
	for _, e := range d.Extras {
		if e.Key == key {
			return e.Value
		}
	}
	return ""
}

// harvestCKAN runs CKAN's DCAT harvester's parser (portal/test/ckan_harvest.py
// over the vendored ckanext-dcat) on url.
func harvestCKAN(t *testing.T, url string) ([]ckanDataset, []byte) {
	t.Helper()
	cannot := t.Skipf
	if os.Getenv(requireCKANEnv) == "1" {
		cannot = t.Fatalf
	}
	// Debian's python3, where apt-get puts python3-rdflib (a pyenv or
	// virtualenv python3 earlier on PATH would not have it)
	python := "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		python = "python3"
	}
	if out, err := exec.Command(python, "-c", "import rdflib, dateutil, geomet, simplejson").CombinedOutput(); err != nil {
		cannot("ckanext-dcat needs python3 with rdflib, dateutil, geomet and simplejson (scripts/ckan-dcat.sh install; %s=1 fails instead of skipping): %v %s",
			requireCKANEnv, err, out)
	}
	cmd := exec.Command(python, filepath.Join("test", "ckan_harvest.py"), url, "--check", "4")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ckan_harvest.py %s: %v\n%s\n%s", url, err, out, stderr.Bytes())
	}
	var res struct {
		Datasets []ckanDataset `json:"datasets"`
		Errors   []string      `json:"errors"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("ckan_harvest.py output: %v\n%s", err, out)
	}
	return res.Datasets, out
}

// TestCKANHarvest: CKAN's DCAT harvester (ckanext-dcat's RDF parser and
// its DCAT-AP 3 profile, run as the harvester's gather stage runs it)
// reads the portal's Turtle and JSON-LD catalogues into one CKAN dataset
// per release, each with its title, publisher, access rights, guid, and for
// released content a distribution carrying its SHA-256 checksum.
func TestCKANHarvest(t *testing.T) {
	p := newPortal(t, storeKinds[0])
	for _, path := range []string{"/catalog.ttl", "/catalog.jsonld"} {
		t.Run(strings.TrimPrefix(path, "/"), func(t *testing.T) {
			datasets, raw := harvestCKAN(t, p.srv.URL+path)
			byURI := map[string]ckanDataset{}
			for _, d := range datasets {
				byURI[d.extra("uri")] = d
			}
			if len(datasets) != 4 || len(byURI) != 4 {
				t.Fatalf("harvested %d datasets (%d URIs), want the 4 releases:\n%s", len(datasets), len(byURI), raw)
			}
			ds := func(id common.Hash) ckanDataset {
				t.Helper()
				for uri, d := range byURI {
					if strings.HasSuffix(uri, "/dataset/"+id.Hex()) {
						return d
					}
				}
				t.Fatalf("no harvested dataset for record %s:\n%s", id.Hex(), raw)
				return ckanDataset{}
			}
			const rights = "http://publications.europa.eu/resource/authority/access-right/"
			for _, c := range []struct {
				id                  common.Hash
				title, rights, dept string // dept "": the unnamed department's short id
				content             []byte // the released view (nil: no distribution of content)
			}{
				{p.id1, "Road works by district (version 1)", "PUBLIC", "transport", roads1},
				{p.id2, "Road works by district (version 2)", "PUBLIC", "transport", roads2},
				{p.idp, "", "RESTRICTED", "", parks1},
				{p.ids, "", "NON_PUBLIC", "", nil},
			} {
				d := ds(c.id)
				if c.title != "" && d.Title != c.title || d.Title == "" {
					t.Errorf("%s: title %q, want %q", c.id.Hex(), d.Title, c.title)
				}
				if got := d.extra("access_rights"); got != rights+c.rights {
					t.Errorf("%s: access_rights %q, want %s", c.id.Hex(), got, rights+c.rights)
				}
				if pub := d.extra("publisher_name"); pub == "" || c.dept != "" && pub != c.dept || d.extra("publisher_uri") == "" {
					t.Errorf("%s: publisher %q (%s), want %q", c.id.Hex(), pub, d.extra("publisher_uri"), c.dept)
				}
				if d.extra("issued") == "" || d.extra("modified") == "" {
					t.Errorf("%s: issued %q modified %q", c.id.Hex(), d.extra("issued"), d.extra("modified"))
				}
				if d.extra("identifier") != c.id.Hex() || d.extra("guid") != d.extra("uri") {
					t.Errorf("%s: identifier %q, guid %q, want the record id and its URI %q", c.id.Hex(), d.extra("identifier"), d.extra("guid"), d.extra("uri"))
				}
				sums := 0
				for _, r := range d.Resources {
					if r.Hash == "" {
						continue
					}
					sums++
					if c.content == nil {
						t.Errorf("%s: a sensitive record has a distribution with a checksum: %+v", c.id.Hex(), r)
						continue
					}
					if r.Hash != contentstore.Name(c.content) {
						t.Errorf("%s: distribution checksum %q, want the content's %s", c.id.Hex(), r.Hash, contentstore.Name(c.content))
					}
					if !strings.HasSuffix(r.HashAlgo, "checksumAlgorithm_sha256") {
						t.Errorf("%s: hash_algorithm %q", c.id.Hex(), r.HashAlgo)
					}
					if r.DownloadURL == "" || r.URL != r.DownloadURL {
						t.Errorf("%s: a distribution without a URL: %+v", c.id.Hex(), r)
					}
				}
				if c.content != nil && sums == 0 {
					t.Errorf("%s: no distribution with a checksum: %+v", c.id.Hex(), d.Resources)
				}
			}
			if t.Failed() || testing.Verbose() {
				t.Logf("harvested:\n%s", raw)
			}
		})
	}
}
