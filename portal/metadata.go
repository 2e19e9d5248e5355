package portal

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/sovereign-gov/sovereign/publicdata"
	"github.com/sovereign-gov/sovereign/record"
)

// Metadata are the names the chain holds only as hashes: department names
// (the chain has keccak256(name)) and dataset titles (the chain has
// DatasetID(department, dataset)). A hash without a name shows as its short
// hex form; the index never depends on them.
type Metadata struct {
	Departments []string      `json:"departments"`
	Datasets    []DatasetMeta `json:"datasets"`
}

// DatasetMeta describes one dataset for the catalogue.
type DatasetMeta struct {
	Department  string   `json:"department"`
	Dataset     string   `json:"dataset"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Keywords    []string `json:"keywords"`
}

// ID is the dataset's on-chain id.
func (d DatasetMeta) ID() [32]byte { return record.DatasetID(d.Department, d.Dataset) }

// DepartmentID is a department's on-chain id.
var DepartmentID = publicdata.DepartmentID

// errMetadata is wrapped by every metadata file error.
var errMetadata = errors.New("metadata")

// LoadMetadata reads a metadata file (JSON, see Metadata).
func LoadMetadata(path string) (*Metadata, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w file: %w", errMetadata, err)
	}
	var m Metadata
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%w file %s: %w", errMetadata, path, err)
	}
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &m, nil
}

// Validate names the first bad field.
func (m *Metadata) Validate() error {
	for i, d := range m.Departments {
		if d == "" || d != strings.ToLower(d) {
			return fmt.Errorf("%w: departments[%d] %q: want a non-empty lower-case name", errMetadata, i, d)
		}
	}
	for i, d := range m.Datasets {
		switch {
		case d.Department == "" || d.Department != strings.ToLower(d.Department):
			return fmt.Errorf("%w: datasets[%d].department %q: want a non-empty lower-case name", errMetadata, i, d.Department)
		case d.Dataset == "":
			return fmt.Errorf("%w: datasets[%d].dataset is empty", errMetadata, i)
		case strings.TrimSpace(d.Title) == "":
			return fmt.Errorf("%w: datasets[%d].title is empty", errMetadata, i)
		}
	}
	return nil
}

// Merge adds o's names to m (o's dataset entries win).
func (m *Metadata) Merge(o *Metadata) {
	if o == nil {
		return
	}
	m.Departments = append(m.Departments, o.Departments...)
	m.Datasets = append(m.Datasets, o.Datasets...)
	for _, d := range o.Datasets {
		m.Departments = append(m.Departments, d.Department)
	}
}
