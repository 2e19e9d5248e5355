package vaultclient

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
)

// signingKeyField is the KV field holding a hex secp256k1 private key.
const signingKeyField = "private_key"

// SigningKey reads a secp256k1 signing key from KV v2 (validator-keys/<path>)
// into memory. It is never written anywhere by this process.
func (c *Client) SigningKey(ctx context.Context, path string) (*ecdsa.PrivateKey, error) {
	full := naming.KVMount + "/data/" + path
	sec, err := c.read(ctx, full)
	if err != nil {
		return nil, err
	}
	data, _ := sec.Data["data"].(map[string]any)
	hexKey, _ := data[signingKeyField].(string)
	raw, err := hex.DecodeString(strings.TrimPrefix(hexKey, "0x"))
	if err != nil || len(raw) != 32 {
		return nil, fmt.Errorf("read %s: field %q is not a 32-byte hex key", full, signingKeyField)
	}
	defer Zero(raw)
	key, err := crypto.ToECDSA(raw)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", full, err)
	}
	return key, nil
}

// PutSigningKey stores a signing key in KV v2 (security officer).
func (c *Client) PutSigningKey(ctx context.Context, path string, key *ecdsa.PrivateKey) error {
	full := naming.KVMount + "/data/" + path
	raw := crypto.FromECDSA(key)
	defer Zero(raw)
	_, err := c.write(ctx, full, map[string]any{"data": map[string]any{signingKeyField: hex.EncodeToString(raw)}})
	return err
}
