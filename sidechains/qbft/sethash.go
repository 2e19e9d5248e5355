package qbft

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// ValidatorSetHash is keccak256(abi.encode(address[] sorted ascending)) of
// the set: what a consortium header's extra data holds for the set that
// certifies the block, and what ReleaseBridge (contracts/src/ReleaseBridge.sol,
// validatorSetHash) stores per epoch.
func ValidatorSetHash(v ValidatorSet) common.Hash {
	addrs := v.addrs
	buf := make([]byte, 64+32*len(addrs))
	buf[31] = 0x20 // offset of the dynamic array
	putUint(buf[32:64], uint64(len(addrs)))
	for i, a := range addrs {
		copy(buf[64+32*i+12:64+32*(i+1)], a[:])
	}
	return crypto.Keccak256Hash(buf)
}

func putUint(word []byte, x uint64) {
	for i := 0; i < 8; i++ {
		word[31-i] = byte(x >> (8 * i))
	}
}
