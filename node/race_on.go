//go:build race

package node

// Under the race detector geth's log index makes a restart crawl: loading
// the head filter map reads its 65,536 rows one by one, ~30 s a node with
// the detector's instrumentation (a second or two without). Race builds —
// test binaries only — serve eth_getLogs by scanning receipts instead; the
// plain builds the process tests run keep the index.
const raceBuild = true
