// Package zk proves, with Groth16 on BN254 (gnark), that a released view of a
// table was classified and redacted by a published policy and matches the
// commitment its department made, without showing what was withheld.
//
// The record format it proves about (tables, levels and policy, the
// Poseidon2 sponge, column hashes, padding to 16 or 64 column slots, the
// commitment and the released root) is package record; this package holds
// the circuit that recomputes it, the keys and their ceremony, the prover and
// verifier with their proof files, and the Solidity verifier export.
//
// # Public inputs
//
// In this order (the exported verifier takes them as uint256[6]):
//
//	commitment, level, policy, threshold, releasedRoot, binding
//
// threshold is 0, 1 or 2; level is the record's level, the maximum level of
// its columns (0 for a table without columns). binding names the record the
// proof is for, record.Binding(datasetId, version, contentHash) =
// uint256(keccak256(abi.encode(datasetId, version, contentHash))) >> 8, which
// ReviewBoard.submit recomputes from the submission; the circuit only
// constrains it to be part of the statement (one gate), so a proof copied to
// another record does not verify. A statement is bound (Statement.Bind)
// before it is proved, and a verifier recomputes the binding from the record
// it checks (Proof.CheckBinding), never taking a proof file's word for it.
// Proof files are version 2 (with the binding); version 1 files are refused.
//
// # Proofs
//
// A proof is the 256-byte encoding taken by the exported Solidity verifier
// (gnark's MarshalSolidity: A.x, A.y, B.x1, B.x0, B.y1, B.y0, C.x, C.y, each
// 32 bytes big-endian). The circuit uses no gnark commitment (no
// logderivlookup), so the proof has no extra points.
//
// # Trusted setup
//
// Keys come from a multi-party ceremony (see Ceremony; gnark's mpcsetup,
// phase 1 powers of tau and phase 2 circuit specific, each contribution
// verifiable by anyone), or, for local use only, from DevSetup, which derives
// every secret from a public seed and is therefore INSECURE.
package zk
