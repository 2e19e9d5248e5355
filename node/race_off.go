//go:build !race

package node

const raceBuild = false
