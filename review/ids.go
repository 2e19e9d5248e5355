package review

import "github.com/sovereign-gov/sovereign/contracts/deploy"

// RecordID is keccak256(abi.encode(datasetId, version)), the record's id on
// every chain.
func RecordID(datasetID [32]byte, version uint64) [32]byte {
	return deploy.RecordID(datasetID, version)
}
