package vaultclient

import (
	"context"
	"errors"
	"net/http"

	"github.com/ethereum/go-ethereum/metrics"
)

// metricErrors prefixes the error counters, one per kind (Prometheus:
// sovereign_vault_errors_forbidden, …).
const metricErrors = "sovereign/vault/errors/"

// errorKinds are the kinds counted: Vault's answers by status, and the
// requests that got none.
var errorKinds = []string{
	"badrequest",  // 400
	"forbidden",   // 403: the policy does not cover the path
	"notfound",    // 404
	"client",      // any other 4xx
	"server",      // 500 and any other 5xx but 503
	"sealed",      // 503: sealed, or a standby without an active node
	"unreachable", // no answer (connection refused, reset, timeout)
	"canceled",    // the caller's context ended
}

// WithMetrics counts the client's failed requests by kind in reg, every
// HTTP attempt (so a retried answer counts each time).
func WithMetrics(reg metrics.Registry) Option { return func(o *options) { o.metrics = reg } }

// countingTransport counts failed round trips by kind.
type countingTransport struct {
	base   http.RoundTripper
	counts map[string]*metrics.Counter
}

func newCountingTransport(base http.RoundTripper, reg metrics.Registry) *countingTransport {
	t := &countingTransport{base: base, counts: map[string]*metrics.Counter{}}
	for _, k := range errorKinds {
		t.counts[k] = metrics.GetOrRegisterCounter(metricErrors+k, reg)
	}
	return t
}

func (t *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if k := errorKind(resp, err); k != "" {
		t.counts[k].Inc(1)
	}
	return resp, err
}

// errorKind is the kind of a failed round trip ("" when it succeeded).
func errorKind(resp *http.Response, err error) string {
	switch {
	case err != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)):
		return "canceled"
	case err != nil:
		return "unreachable"
	case resp.StatusCode < 400:
		return ""
	case resp.StatusCode == http.StatusBadRequest:
		return "badrequest"
	case resp.StatusCode == http.StatusForbidden:
		return "forbidden"
	case resp.StatusCode == http.StatusNotFound:
		return "notfound"
	case resp.StatusCode < 500:
		return "client"
	case resp.StatusCode == http.StatusServiceUnavailable:
		return "sealed"
	}
	return "server"
}
