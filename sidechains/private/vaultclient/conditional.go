package vaultclient

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
)

// Conditional returns a view of the client on the conditional transit mount
// (naming.ConditionalMount), with the same identity and token: NewDataKey,
// Key and DeleteKey on it act on a dataset's conditional key.
func (c *Client) Conditional() *Client {
	return &Client{api: c.api, transit: naming.ConditionalMount, log: c.log}
}

// WrappedDecrypt is a data key decrypted by transit and handed out
// response-wrapped: the wrapping token unwraps once, until ExpiresAt, to the
// plaintext data key (sys/wrapping/unwrap). Whoever holds the token holds
// the key, once: it is meant to be sealed to its one recipient.
type WrappedDecrypt struct {
	Key           string // the transit key under which the data key was wrapped
	WrappingToken string
	Accessor      string
	ExpiresAt     time.Time
}

var (
	// errBadWrapTTL is returned for a wrapping TTL shorter than one second.
	errBadWrapTTL = errors.New("wrapped decrypt: the TTL must be at least 1s")
	// ErrWrapGone is returned when a wrapping token no longer unwraps: it
	// was used already, it expired, or it was revoked.
	ErrWrapGone = errors.New("the wrapping token is used, expired or revoked")
)

// DecryptWrapped decrypts one wrapped data key under key (on this client's
// mount) with the answer response-wrapped for ttl: the caller never sees the
// data key, only a single-use token. The security officer's policy allows
// this on conditional keys only, and only wrapped.
func (c *Client) DecryptWrapped(ctx context.Context, key, wrapped string, ttl time.Duration) (*WrappedDecrypt, error) {
	if ttl < time.Second {
		return nil, errBadWrapTTL
	}
	if _, _, err := naming.SplitTransitKey(key); err != nil {
		return nil, fmt.Errorf("wrapped decrypt: %w", err)
	}
	if _, err := WrappedVersion(wrapped); err != nil {
		return nil, fmt.Errorf("wrapped decrypt under %s: %w", key, err)
	}
	clone, err := c.api.Clone()
	if err != nil {
		return nil, fmt.Errorf("wrapped decrypt: %w", err)
	}
	clone.SetToken(c.api.Token())
	ttl = ttl.Truncate(time.Second)
	clone.SetWrappingLookupFunc(func(string, string) string { return fmt.Sprintf("%ds", int64(ttl/time.Second)) })
	path := c.transit + "/decrypt/" + key
	start := time.Now()
	sec, err := clone.Logical().WriteWithContext(ctx, path, map[string]any{"ciphertext": wrapped})
	if err != nil {
		return nil, wrap("write", path, err)
	}
	if sec == nil || sec.WrapInfo == nil || sec.WrapInfo.Token == "" {
		return nil, fmt.Errorf("write %s: the answer was not response-wrapped", path)
	}
	return &WrappedDecrypt{Key: key, WrappingToken: sec.WrapInfo.Token, Accessor: sec.WrapInfo.Accessor,
		ExpiresAt: start.Add(ttl)}, nil
}

// UnwrapDataKey exchanges a wrapping token made by DecryptWrapped for the
// data key it holds. It needs no login: the wrapping token is its own
// authority, good once. A token used, expired or revoked gives ErrWrapGone.
func UnwrapDataKey(ctx context.Context, addr, wrappingToken string, opts ...Option) ([]byte, error) {
	if strings.TrimSpace(wrappingToken) == "" {
		return nil, errors.New("unwrap: empty wrapping token")
	}
	c, err := New(addr, opts...)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	c.api.SetToken(wrappingToken)
	sec, err := c.api.Logical().UnwrapWithContext(ctx, "")
	if err != nil {
		var msg = err.Error()
		if strings.Contains(msg, "wrapping token is not valid") || strings.Contains(msg, "does not exist") ||
			strings.Contains(msg, "permission denied") {
			return nil, fmt.Errorf("write sys/wrapping/unwrap: %w", ErrWrapGone)
		}
		return nil, wrap("write", "sys/wrapping/unwrap", err)
	}
	if sec == nil {
		return nil, errors.New("write sys/wrapping/unwrap: empty answer")
	}
	pt, err := base64.StdEncoding.DecodeString(str(sec.Data["plaintext"]))
	if err != nil || len(pt) != 32 {
		return nil, errors.New("write sys/wrapping/unwrap: the wrapped answer holds no 256-bit data key")
	}
	return pt, nil
}
