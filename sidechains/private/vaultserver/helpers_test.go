package vaultserver_test

import (
	"context"
	"strings"
	"testing"

	vault "github.com/hashicorp/vault/api"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultserver"
)

var vaultMount = vault.MountInput{Type: "kv"}

func vaulttestStartDev(t *testing.T) (*vaultserver.Server, error) {
	return vaultserver.StartDev(context.Background(), t.TempDir())
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
