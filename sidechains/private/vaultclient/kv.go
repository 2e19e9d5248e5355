package vaultclient

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

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

// ShredMark records that a dataset's transit key was shredded: written once
// in KV (naming.ShredMark), it is the shred receipt that went on chain.
type ShredMark struct {
	Key     string
	Records int
	At      time.Time
}

// ShredMark reads a transit key's shred mark; ErrNotFound without one.
func (c *Client) ShredMark(ctx context.Context, key string) (*ShredMark, error) {
	full := naming.KVMount + "/data/" + naming.ShredMark(key)
	sec, err := c.read(ctx, full)
	if err != nil {
		return nil, err
	}
	data, _ := sec.Data["data"].(map[string]any)
	if data == nil {
		return nil, fmt.Errorf("read %s: %w", full, ErrNotFound)
	}
	m := &ShredMark{Key: str(data["transit_key"])}
	if m.Key != key {
		return nil, fmt.Errorf("read %s: field transit_key is %q, want %q", full, m.Key, key)
	}
	if m.Records, err = intField(data["records"]); err != nil {
		return nil, fmt.Errorf("read %s: field records: %w", full, err)
	}
	if m.At, err = time.Parse(time.RFC3339Nano, str(data["at"])); err != nil {
		return nil, fmt.Errorf("read %s: field at: %w", full, err)
	}
	return m, nil
}

// PutShredMark writes a shred mark unless one exists; it returns the mark in
// force (the earlier one, if any) and whether this call wrote it. The
// officer's policy may create a mark but never change one.
func (c *Client) PutShredMark(ctx context.Context, m ShredMark) (*ShredMark, bool, error) {
	old, err := c.ShredMark(ctx, m.Key)
	if err == nil {
		return old, false, nil
	}
	if !errors.Is(err, ErrNotFound) {
		return nil, false, err
	}
	full := naming.KVMount + "/data/" + naming.ShredMark(m.Key)
	_, err = c.write(ctx, full, map[string]any{
		"options": map[string]any{"cas": 0},
		"data": map[string]any{
			"transit_key": m.Key, "records": m.Records, "at": m.At.UTC().Format(time.RFC3339Nano),
		},
	})
	if err != nil {
		// Another shred of the same key may have won the race.
		if old, rerr := c.ShredMark(ctx, m.Key); rerr == nil {
			return old, false, nil
		}
		return nil, false, err
	}
	return &m, true, nil
}
