// Command vault is HashiCorp Vault v1.21.1 built from source in its own module,
// so the project runs a real Vault server without downloading release binaries
// (the machines reach only the Go module proxy). scripts/vault.sh builds it
// once per machine and caches the binary by version.
package main

import (
	"os"

	"github.com/hashicorp/vault/command"
)

func main() {
	os.Exit(command.Run(os.Args[1:]))
}
