//go:build !race

package testbin

var (
	raceFlags  []string
	raceSuffix = ""
)
