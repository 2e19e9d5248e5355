// Package bridgetest holds the end-to-end test of the ReleaseBridge contract
// on real geth nodes: a consortium chain where ReviewBoard emits a Decision,
// and a public chain where ReleaseBridge checks the commit certificate, the
// header RLP and the receipt Merkle-Patricia proof built with go-ethereum's
// own trie before DataRegistry publishes. It has no code outside its tests.
package bridgetest
