package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/contracts/deploy"
)

// manifestFlag points the user commands at a whole system at once.
var manifestFlag = &cli.StringFlag{
	Name:    "manifest",
	Usage:   "the system's manifest: the file, or the devnet's data folder holding " + deploy.ManifestFile + " (flags given explicitly win over it)",
	Value:   ".devnet",
	EnvVars: []string{"SOVEREIGN_MANIFEST"},
}

// loadManifest reads --manifest. Without the flag a missing default
// manifest is no error (nil): every address then comes from flags. A
// manifest named explicitly must exist and be valid.
func loadManifest(c *cli.Context) (*deploy.Manifest, error) {
	path := c.String(manifestFlag.Name)
	if !c.IsSet(manifestFlag.Name) {
		p := path
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			p = filepath.Join(p, deploy.ManifestFile)
		}
		if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
	}
	m, err := deploy.LoadManifest(path)
	if err != nil {
		return nil, fmt.Errorf("--manifest: %w", err)
	}
	return m, nil
}

// flagOr is the flag's value when given (an empty environment variable
// does not count), else fallback (when known), else the flag's default.
func flagOr(c *cli.Context, name, fallback string) string {
	if (c.IsSet(name) && c.String(name) != "") || fallback == "" {
		return c.String(name)
	}
	return fallback
}

// first is the first element of s, or "".
func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
