package vaultclient

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	vault "github.com/hashicorp/vault/api"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
)

// DataKey is a fresh data key from transit: the plaintext for local
// encryption (zero it after use with Zero) and its wrapped form to store.
type DataKey struct {
	Plaintext []byte
	Wrapped   string // "vault:v<N>:…", decryptable only through transit
	Version   int
}

// Zero overwrites the plaintext key.
func (k *DataKey) Zero() { Zero(k.Plaintext) }

// Zero overwrites b with zeros: plaintext keys live only as long as they are used.
func Zero(b []byte) {
	for i := range b {
		b[i] = 0
	}
}

// errBatchItem is returned when one item of a batch request failed.
var errBatchItem = errors.New("batch item failed")

// NewDataKey asks transit for a fresh 256-bit data key under key
// (transit/datakey/plaintext/<key>): one request per key.
func (c *Client) NewDataKey(ctx context.Context, key string) (*DataKey, error) {
	path := c.transit + "/datakey/plaintext/" + key
	sec, err := c.write(ctx, path, map[string]any{"bits": 256})
	if err != nil {
		return nil, err
	}
	wrapped, _ := sec.Data["ciphertext"].(string)
	pt, err := base64.StdEncoding.DecodeString(str(sec.Data["plaintext"]))
	if err != nil || len(pt) != 32 || wrapped == "" {
		return nil, fmt.Errorf("write %s: malformed data key response", path)
	}
	v, err := WrappedVersion(wrapped)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	return &DataKey{Plaintext: pt, Wrapped: wrapped, Version: v}, nil
}

// WrapKeys wraps locally generated data keys under key with one batched
// transit/encrypt request per call (batch_input): the fast path for many
// small records. It returns the wrapped keys in order and the key version.
func (c *Client) WrapKeys(ctx context.Context, key string, plaintexts [][]byte) ([]string, error) {
	path := c.transit + "/encrypt/" + key
	in := make([]map[string]any, len(plaintexts))
	for i, p := range plaintexts {
		in[i] = map[string]any{"plaintext": base64.StdEncoding.EncodeToString(p)}
	}
	sec, err := c.write(ctx, path, map[string]any{"batch_input": in})
	if err != nil {
		return nil, err
	}
	return batchField(path, sec, "ciphertext", len(plaintexts))
}

// UnwrapKey decrypts one wrapped data key (transit/decrypt/<key>).
func (c *Client) UnwrapKey(ctx context.Context, key, wrapped string) ([]byte, error) {
	keys, err := c.UnwrapKeys(ctx, key, []string{wrapped})
	if err != nil {
		return nil, err
	}
	return keys[0], nil
}

// UnwrapKeys decrypts wrapped data keys with one batched request.
func (c *Client) UnwrapKeys(ctx context.Context, key string, wrapped []string) ([][]byte, error) {
	path := c.transit + "/decrypt/" + key
	in := make([]map[string]any, len(wrapped))
	for i, w := range wrapped {
		in[i] = map[string]any{"ciphertext": w}
	}
	sec, err := c.write(ctx, path, map[string]any{"batch_input": in})
	if err != nil {
		return nil, err
	}
	b64, err := batchField(path, sec, "plaintext", len(wrapped))
	if err != nil {
		return nil, err
	}
	out := make([][]byte, len(b64))
	for i, s := range b64 {
		if out[i], err = base64.StdEncoding.DecodeString(s); err != nil {
			return nil, fmt.Errorf("write %s: item %d: bad base64", path, i)
		}
	}
	return out, nil
}

// Rewrap re-encrypts wrapped keys under the latest version of key without
// exposing them (transit/rewrap, batched).
func (c *Client) Rewrap(ctx context.Context, key string, wrapped []string) ([]string, error) {
	path := c.transit + "/rewrap/" + key
	in := make([]map[string]any, len(wrapped))
	for i, w := range wrapped {
		in[i] = map[string]any{"ciphertext": w}
	}
	sec, err := c.write(ctx, path, map[string]any{"batch_input": in})
	if err != nil {
		return nil, err
	}
	return batchField(path, sec, "ciphertext", len(wrapped))
}

// KeyInfo is the metadata of a transit key.
type KeyInfo struct {
	Name          string
	LatestVersion int
	// MinDecryptionVersion is the oldest version that still decrypts; older
	// versions are retired.
	MinDecryptionVersion int
	DeletionAllowed      bool
}

// Key reads a transit key's metadata.
func (c *Client) Key(ctx context.Context, key string) (*KeyInfo, error) {
	path := c.transit + "/keys/" + key
	sec, err := c.read(ctx, path)
	if err != nil {
		return nil, err
	}
	v, err := intField(sec.Data["latest_version"])
	if err != nil {
		return nil, fmt.Errorf("read %s: latest_version: %w", path, err)
	}
	minDec, err := intField(sec.Data["min_decryption_version"])
	if err != nil {
		return nil, fmt.Errorf("read %s: min_decryption_version: %w", path, err)
	}
	del, _ := sec.Data["deletion_allowed"].(bool)
	return &KeyInfo{Name: key, LatestVersion: v, MinDecryptionVersion: minDec, DeletionAllowed: del}, nil
}

// RetireOldVersions sets a transit key's min_decryption_version: wrapped
// keys under older versions no longer decrypt, for anyone. Call it once every
// record is rewrapped to version minVersion or later.
func (c *Client) RetireOldVersions(ctx context.Context, key string, minVersion int) error {
	path := c.transit + "/keys/" + key + "/config"
	_, err := c.write(ctx, path, map[string]any{"min_decryption_version": minVersion})
	return err
}

// Rotate adds a new version to a transit key and returns it.
func (c *Client) Rotate(ctx context.Context, key string) (int, error) {
	path := c.transit + "/keys/" + key + "/rotate"
	if _, err := c.write(ctx, path, nil); err != nil {
		return 0, err
	}
	info, err := c.Key(ctx, key)
	if err != nil {
		return 0, err
	}
	return info.LatestVersion, nil
}

// DeleteKey destroys a transit key for good (crypto-shredding): it allows
// deletion in the key's config, then deletes it. Every data key wrapped under
// it becomes undecryptable.
func (c *Client) DeleteKey(ctx context.Context, key string) error {
	cfgPath := c.transit + "/keys/" + key + "/config"
	if _, err := c.write(ctx, cfgPath, map[string]any{"deletion_allowed": true}); err != nil {
		return err
	}
	path := c.transit + "/keys/" + key
	if _, err := c.api.Logical().DeleteWithContext(ctx, path); err != nil {
		return wrap("delete", path, err)
	}
	return nil
}

// Grant is a time-limited right to decrypt one dataset's data keys.
type Grant struct {
	Key       string
	Policy    string
	Token     string // empty when wrapped
	Accessor  string
	ExpiresAt time.Time
	// WrappingToken, when asked for, replaces Token: a single-use token that
	// unwraps to the grant token (sys/wrapping/unwrap), itself with a TTL.
	WrappingToken string
}

var (
	// errBadTTL is returned for a grant TTL that is not positive.
	errBadTTL = errors.New("grant: the TTL must be positive")
	// ErrShredded is returned for a dataset whose key was shredded.
	ErrShredded = errors.New("dataset shredded")
)

// GrantDecrypt issues a token that may only decrypt under key, for ttl. With
// wrapTTL > 0 the token comes response-wrapped. Needs the security officer's
// policy. The token comes from the dataset's own grant role and carries its
// grant policy only, both written by set-up; a shredded or unknown key gets
// no grant.
func (c *Client) GrantDecrypt(ctx context.Context, key string, ttl, wrapTTL time.Duration) (*Grant, error) {
	if ttl <= 0 {
		return nil, errBadTTL
	}
	if _, _, err := naming.SplitTransitKey(key); err != nil {
		return nil, fmt.Errorf("grant: %w", err)
	}
	switch m, err := c.ShredMark(ctx, key); {
	case err == nil:
		return nil, fmt.Errorf("grant on %s: %w at %s (%d records): nothing left to grant", key, ErrShredded, m.At.Format(time.RFC3339), m.Records)
	case !errors.Is(err, ErrNotFound):
		return nil, fmt.Errorf("grant on %s: %w", key, err)
	}
	if _, err := c.Key(ctx, key); err != nil {
		return nil, fmt.Errorf("grant on %s: %w", key, err)
	}
	policy := naming.GrantPolicy(key)
	path := "auth/token/create/" + naming.GrantTokenRole(key)
	req := c.api.Logical()
	if wrapTTL > 0 {
		clone, err := c.api.Clone()
		if err != nil {
			return nil, fmt.Errorf("grant: %w", err)
		}
		clone.SetToken(c.api.Token())
		clone.SetWrappingLookupFunc(func(string, string) string { return wrapTTL.String() })
		req = clone.Logical()
	}
	sec, err := req.WriteWithContext(ctx, path, map[string]any{
		"policies":          []string{policy},
		"ttl":               ttl.String(),
		"explicit_max_ttl":  ttl.String(),
		"no_default_policy": true,
		"display_name":      "grant-" + key,
		"meta":              map[string]string{"dataset_key": key},
	})
	if err != nil {
		return nil, wrap("write", path, err)
	}
	g := &Grant{Key: key, Policy: policy, ExpiresAt: time.Now().Add(ttl)}
	switch {
	case sec != nil && sec.WrapInfo != nil:
		g.WrappingToken = sec.WrapInfo.Token
		g.Accessor = sec.WrapInfo.WrappedAccessor
	case sec != nil && sec.Auth != nil:
		g.Token, g.Accessor = sec.Auth.ClientToken, sec.Auth.Accessor
	default:
		return nil, fmt.Errorf("write %s: no token in the response", path)
	}
	return g, nil
}

// Unwrap exchanges a response-wrapping token for the grant token it holds.
func (c *Client) Unwrap(ctx context.Context, wrappingToken string) (string, error) {
	sec, err := c.api.Logical().UnwrapWithContext(ctx, wrappingToken)
	if err != nil {
		return "", wrap("write", "sys/wrapping/unwrap", err)
	}
	if sec == nil || sec.Auth == nil {
		return "", errors.New("write sys/wrapping/unwrap: no token inside")
	}
	return sec.Auth.ClientToken, nil
}

// WrappedVersion reads the key version from a wrapped key "vault:v<N>:…".
func WrappedVersion(wrapped string) (int, error) {
	parts := strings.SplitN(wrapped, ":", 3)
	if len(parts) != 3 || parts[0] != "vault" || !strings.HasPrefix(parts[1], "v") {
		return 0, fmt.Errorf("malformed wrapped key (want vault:v<N>:…)")
	}
	v, err := strconv.Atoi(parts[1][1:])
	if err != nil || v < 1 {
		return 0, fmt.Errorf("malformed wrapped key version %q", parts[1])
	}
	return v, nil
}

func batchField(path string, sec *vault.Secret, field string, n int) ([]string, error) {
	if sec == nil {
		return nil, fmt.Errorf("write %s: empty response", path)
	}
	items, ok := sec.Data["batch_results"].([]any)
	if !ok || len(items) != n {
		return nil, fmt.Errorf("write %s: want %d batch results, got %d", path, n, len(items))
	}
	out := make([]string, n)
	for i, it := range items {
		m, _ := it.(map[string]any)
		if e := str(m["error"]); e != "" {
			return nil, fmt.Errorf("write %s: item %d: %w: %s", path, i, errBatchItem, e)
		}
		if out[i] = str(m[field]); out[i] == "" {
			return nil, fmt.Errorf("write %s: item %d: no %s", path, i, field)
		}
	}
	return out, nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func intField(v any) (int, error) {
	switch x := v.(type) {
	case json.Number:
		n, err := x.Int64()
		return int(n), err
	case float64:
		return int(x), nil
	case int:
		return x, nil
	}
	return 0, fmt.Errorf("not a number: %v", v)
}
