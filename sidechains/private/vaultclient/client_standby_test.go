package vaultclient

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// A Vault with no active node (a raft node between leaders) is waited
// for; any other 500 and a sealed Vault (503) reach the caller at once.
func TestRetriesOnlyAVaultBetweenLeaders(t *testing.T) {
	for _, c := range []struct {
		name    string
		status  int
		body    string
		failFor int32 // answers before a good one
		calls   int32
		ok      bool
	}{
		{"between leaders", 500, `{"errors":["local node not active but active cluster node not found"]}`, 3, 4, true},
		{"another 500", 500, `{"errors":["internal error"]}`, 3, 1, false},
		{"sealed", 503, `{"errors":["Vault is sealed"]}`, 3, 1, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				io.Copy(io.Discard, r.Body)
				if calls.Add(1) <= c.failFor {
					w.WriteHeader(c.status)
					io.WriteString(w, c.body)
					return
				}
				io.WriteString(w, `{"auth":{"client_token":"t","policies":["default"],"lease_duration":60,"renewable":false}}`)
			}))
			defer srv.Close()
			v, err := New(srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			_, err = v.api.Logical().WriteWithContext(context.Background(), "auth/approle/login", map[string]any{"role_id": "r", "secret_id": "s"})
			if (err == nil) != c.ok || calls.Load() != c.calls {
				t.Fatalf("err %v after %d calls; want ok=%v after %d", err, calls.Load(), c.ok, c.calls)
			}
		})
	}
}
