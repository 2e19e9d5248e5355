//go:build race

package service

// raceDetector: the node package keeps no log index in race builds (see
// node/race_on.go), whatever NoLogIndex says.
const raceDetector = true
