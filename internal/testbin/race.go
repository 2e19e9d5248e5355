//go:build race

package testbin

// Under the race detector the fault suites' nodes are built with it too.
var (
	raceFlags  = []string{"-race"}
	raceSuffix = "-race"
)
