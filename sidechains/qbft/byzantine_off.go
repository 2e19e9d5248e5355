//go:build !byzantine

package qbft

// ByzantineBuild reports whether this binary carries the test-only Byzantine
// behaviour (Config.Equivocate): production builds do not.
const ByzantineBuild = false

// equivocate is never reached without the byzantine tag (propose checks
// ByzantineBuild); an honest proposal is sent if it ever were.
func (c *Core) equivocate(a body, _ Equivocator) { c.send(a) }
