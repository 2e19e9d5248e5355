package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"log/slog"
	"time"

	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/metrics"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/sidechains/private"
)

// Flags of `node private` that load the validator key from Vault KV instead
// of a keystore file.
var vaultKeyFlags = []cli.Flag{
	&cli.StringFlag{Name: "vault.addr", Usage: "Vault address: load the validator key from Vault KV into memory (instead of --validator.keystore)", EnvVars: []string{"VAULT_ADDR"}},
	&cli.StringFlag{Name: "vault.role-id-file", Usage: "file holding the validator's AppRole role ID"},
	&cli.StringFlag{Name: "vault.secret-id-file", Usage: "file holding the validator's AppRole secret ID"},
	&cli.StringFlag{Name: "vault.key", Usage: "validator name: the key is read from validator-keys/<name>"},
}

// errTwoKeySources is returned when both a keystore and a Vault key are given.
var errTwoKeySources = errors.New("give either --validator.keystore or --vault.key, not both")

// validatorKey returns the validator key of a QBFT node: from Vault when
// --vault.key or an AppRole file is given (private chain), else from the
// keystore, else nil (a follower).
func validatorKey(c *cli.Context, vaultAllowed bool) (*ecdsa.PrivateKey, error) {
	fromVault := vaultAllowed && (c.IsSet("vault.key") || c.IsSet("vault.role-id-file") || c.IsSet("vault.secret-id-file"))
	if !fromVault {
		return signerKey(c, "validator")
	}
	if c.String("validator.keystore") != "" {
		return nil, errTwoKeySources
	}
	ctx, cancel := context.WithTimeout(c.Context, time.Minute)
	defer cancel()
	return private.LoadValidatorKey(ctx, private.VaultKeySource{
		Addr:         c.String("vault.addr"),
		RoleIDFile:   c.String("vault.role-id-file"),
		SecretIDFile: c.String("vault.secret-id-file"),
		Key:          c.String("vault.key"),
		Logger:       slog.New(log.Root().Handler()),
		// geth's process-wide registry, which --metrics.addr serves with
		// the node's own: the Vault errors of the key's load
		Metrics: metrics.DefaultRegistry,
	})
}

// vaultFlagsIf returns the Vault key flags for a chain that accepts them.
func vaultFlagsIf(ok bool) []cli.Flag {
	if !ok {
		return nil
	}
	return vaultKeyFlags
}
