package private

import (
	"strings"
	"testing"

	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/service"
)

// The private chain refuses JSON-RPC settings that let any web page read it.
func TestPrivateChainRefusesOpenRPC(t *testing.T) {
	for _, tc := range []struct {
		edit func(*node.Config)
		want string
	}{
		{func(c *node.Config) { c.HTTPHost = "0.0.0.0" }, "must not listen on every interface (0.0.0.0)"},
		{func(c *node.Config) { c.HTTPCors = []string{"http://a.example", "*"} }, `every browser origin (CORS) ("*")`},
		{func(c *node.Config) { c.HTTPVirtualHosts = []string{"*"} }, `every HTTP virtual host ("*")`},
		{func(c *node.Config) { c.WSOrigins = []string{"*"} }, `every WebSocket origin ("*")`},
	} {
		var cfg service.Config
		tc.edit(&cfg.Node)
		if _, err := StartChainNode(cfg); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v, want %q", err, tc.want)
		}
	}
}
