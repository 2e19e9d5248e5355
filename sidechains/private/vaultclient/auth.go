package vaultclient

import (
	"context"
	"errors"
	"fmt"
	"strings"

	vault "github.com/hashicorp/vault/api"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
)

// AppRoleAuth logs in with an AppRole role ID and secret ID.
type AppRoleAuth struct {
	Mount    string // default "approle"
	RoleID   string
	SecretID string
}

var _ vault.AuthMethod = (*AppRoleAuth)(nil)

// errNoCredentials is returned by an AppRole login without role ID or secret ID.
var errNoCredentials = errors.New("approle login: role ID and secret ID are required")

// Login implements vault.AuthMethod.
func (a *AppRoleAuth) Login(ctx context.Context, c *vault.Client) (*vault.Secret, error) {
	if a.RoleID == "" || a.SecretID == "" {
		return nil, errNoCredentials
	}
	mount := a.Mount
	if mount == "" {
		mount = naming.AppRoleMount
	}
	path := "auth/" + mount + "/login"
	sec, err := c.Logical().WriteWithContext(ctx, path, map[string]any{"role_id": a.RoleID, "secret_id": a.SecretID})
	if err != nil {
		return nil, wrap("login", path, err)
	}
	if sec == nil || sec.Auth == nil {
		return nil, fmt.Errorf("login %s: no auth in the response", path)
	}
	return sec, nil
}

// LoginAppRole logs in and keeps the token alive: a lifetime watcher renews it
// and, when it can no longer be renewed (max TTL reached), logs in again.
func (c *Client) LoginAppRole(ctx context.Context, roleID, secretID string) error {
	auth := &AppRoleAuth{RoleID: roleID, SecretID: secretID}
	sec, err := c.api.Auth().Login(ctx, auth)
	if err != nil {
		return err
	}
	c.Close() // a previous watcher, if any
	wctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	c.mu.Lock()
	c.stopWatcher, c.watcherDone = cancel, done
	c.mu.Unlock()
	go c.renew(wctx, auth, sec, done)
	c.log.Info("vault login", "method", "approle", "policies", strings.Join(sec.Auth.Policies, ","), "ttl_s", sec.Auth.LeaseDuration)
	return nil
}

// renew runs the lifetime watcher until ctx ends, logging in again whenever
// the watcher gives up.
func (c *Client) renew(ctx context.Context, auth *AppRoleAuth, sec *vault.Secret, done chan struct{}) {
	defer close(done)
	for {
		w, err := c.api.NewLifetimeWatcher(&vault.LifetimeWatcherInput{Secret: sec})
		if err != nil {
			c.log.Error("vault token watcher", "err", err)
			return
		}
		go w.Start()
	watch:
		for {
			select {
			case <-ctx.Done():
				w.Stop()
				return
			case r := <-w.RenewCh():
				c.log.Debug("vault token renewed", "ttl_s", r.Secret.Auth.LeaseDuration)
			case err := <-w.DoneCh():
				if err != nil {
					c.log.Warn("vault token renewal stopped", "err", err)
				}
				break watch
			}
		}
		w.Stop()
		// The token reached its max TTL or renewal failed: log in again, with
		// back-off while Vault is unreachable.
		for {
			s, err := c.api.Auth().Login(ctx, auth)
			if err == nil {
				sec = s
				c.log.Info("vault re-login", "method", "approle")
				break
			}
			c.log.Warn("vault re-login failed", "err", err)
			select {
			case <-ctx.Done():
				return
			case <-timeAfter(2):
			}
		}
	}
}
