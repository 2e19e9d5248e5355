package deploy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"
)

// ManifestFile is the manifest's name in a devnet's data folder.
const ManifestFile = "sovereign.json"

// Manifest says where a whole system is: every chain's endpoints and
// contracts, the content store and the registered departments. The devnet
// writes it; the user commands (submit, review, data, reconcile, relay) read
// it instead of a dozen flags. It holds addresses and URLs only, never a key.
type Manifest struct {
	Consortium  ConsortiumSite `json:"consortium"`
	Public      PublicSite     `json:"public"`
	Private     PrivateSite    `json:"private"`
	Content     string         `json:"content"` // base URL of the content store: GET {content}/{sha256 hex}
	Vault       string         `json:"vault"`   // Vault address
	Departments []Department   `json:"departments"`
}

// ConsortiumSite is the consortium chain: its nodes and contracts.
type ConsortiumSite struct {
	RPC []string `json:"rpc"` // one JSON-RPC URL per validator
	*Consortium
}

// PublicSite is the public chain: its nodes and contracts.
type PublicSite struct {
	RPC []string `json:"rpc"` // the signer's first
	*Public
	// Verifier is the classification verifier deployed on the public chain
	// (readers check a release's proof with it).
	Verifier common.Address `json:"verifier"`
}

// PrivateSite is the private chain: its node and SensitiveStore.
type PrivateSite struct {
	RPC []string `json:"rpc"`
	*Private
	// Blobs is the folder of the private chain's ciphertext blobs (a local
	// path: the private chain's records point into it).
	Blobs string `json:"blobs,omitempty"`
}

// Department is a department registered on the consortium's ReviewBoard.
type Department struct {
	Name    string         `json:"name"`
	Account common.Address `json:"account"`
}

// errManifest is wrapped by every manifest error.
var errManifest = errors.New("manifest")

// Validate reports the first missing or out-of-range field, by its JSON path.
func (m *Manifest) Validate() error {
	missing := func(field string) error { return fmt.Errorf("%w: %s is missing", errManifest, field) }
	for _, site := range []struct {
		name string
		rpc  []string
		set  bool
	}{
		{"consortium", m.Consortium.RPC, m.Consortium.Consortium != nil},
		{"public", m.Public.RPC, m.Public.Public != nil},
		{"private", m.Private.RPC, m.Private.Private != nil},
	} {
		if !site.set {
			return missing(site.name + ".chainId")
		}
		if len(site.rpc) == 0 {
			return missing(site.name + ".rpc")
		}
		for i, u := range site.rpc {
			if err := checkURL(u); err != nil {
				return fmt.Errorf("%w: %s.rpc[%d]: %v", errManifest, site.name, i, err)
			}
		}
	}
	zero := common.Address{}
	switch {
	case m.Consortium.ChainID == nil:
		return missing("consortium.chainId")
	case m.Consortium.ReviewBoard == zero:
		return missing("consortium.reviewBoard")
	case m.Consortium.ValidatorSet == zero:
		return missing("consortium.validatorSet")
	case m.Public.ChainID == nil:
		return missing("public.chainId")
	case m.Public.Registry == zero:
		return missing("public.dataRegistry")
	case m.Public.Bridge == zero:
		return missing("public.releaseBridge")
	case m.Public.Verifier == zero:
		return missing("public.verifier")
	case m.Private.ChainID == nil:
		return missing("private.chainId")
	case m.Private.Store == zero:
		return missing("private.sensitiveStore")
	}
	if err := checkURL(m.Content); err != nil {
		return fmt.Errorf("%w: content: %v", errManifest, err)
	}
	for i, d := range m.Departments {
		if d.Name == "" {
			return missing(fmt.Sprintf("departments[%d].name", i))
		}
		if d.Account == zero {
			return missing(fmt.Sprintf("departments[%d].account", i))
		}
	}
	return nil
}

func checkURL(s string) error {
	if s == "" {
		return errors.New("empty URL")
	}
	u, err := url.Parse(s)
	if err != nil {
		return err
	}
	if u.Scheme == "" || u.Host == "" {
		return fmt.Errorf("%q is not an absolute URL", s)
	}
	return nil
}

// Department returns the registered department called name.
func (m *Manifest) Department(name string) (Department, bool) {
	for _, d := range m.Departments {
		if d.Name == name {
			return d, true
		}
	}
	return Department{}, false
}

// LoadManifest reads and validates a manifest; unknown fields are errors.
// path may be the file or the folder holding ManifestFile.
func LoadManifest(path string) (*Manifest, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		path = filepath.Join(path, ManifestFile)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errManifest, err)
	}
	m, err := DecodeManifest(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// DecodeManifest decodes and validates a manifest; unknown fields are errors.
func DecodeManifest(b []byte) (*Manifest, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var m Manifest
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%w: %v", errManifest, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: data after the JSON object", errManifest)
	}
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return &m, nil
}

// Save writes the manifest atomically (temporary file, fsync, rename).
func (m *Manifest) Save(path string) error {
	if err := m.Validate(); err != nil {
		return err
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("%w: %v", errManifest, err)
	}
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("%w: %v", errManifest, err)
	}
	if _, err := f.Write(append(b, '\n')); err != nil {
		f.Close()
		return fmt.Errorf("%w: writing %s: %v", errManifest, tmp, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("%w: syncing %s: %v", errManifest, tmp, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%w: %v", errManifest, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("%w: %v", errManifest, err)
	}
	return nil
}
