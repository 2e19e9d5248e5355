// Package zk proves, with Groth16 on BN254 (gnark), that a released view of a
// table was classified and redacted by a published policy and matches the
// commitment its department made, without showing what was withheld.
//
// # Levels and policy
//
// Levels are 0 open, 1 conditional, 2 sensitive. A policy gives a level to
// each of up to 16 categories (0..15). As a public input it is ONE field
// element
//
//	policy = Σ level_i · 4^i   (2 bits per category i)
//
// and a level field of 3 means "category i is not in the policy": a column of
// such a category makes the circuit unsatisfiable.
//
// # Public inputs
//
// In this order (the exported verifier takes them as uint256[5]):
//
//	commitment, level, policy, threshold, releasedRoot
//
// threshold is 0, 1 or 2; level is the record's level, the maximum level of
// its columns (0 for a table without columns).
//
// # Field elements and hashing
//
// All hashing is Poseidon2 over the BN254 scalar field with width t = 2,
// rF = 8 full rounds, rP = 56 partial rounds, S-box x^5, round keys derived
// by gnark-crypto's NewParameters(2, 8, 56) (Keccak-256 of the string
// "Poseidon2-BN254[t=2,rF=8,rP=56,d=5]"), used as a Merkle-Damgård hash with
// the Poseidon2 compression function (feed-forward of the right input) and
// initial state 0; the digest is the last state. Every hash input is a whole
// field element. The round counts are the Poseidon2 paper's 128-bit figures
// for a 254-bit prime field; they are NOT gnark's defaults (t=2, rF=6, rP=50),
// so the Go code and the circuit both name them explicitly, and
// TestPoseidon2Parameters pins them.
//
// A domain tag is the big-endian integer of an ASCII string (all shorter than
// 31 bytes, so they are field elements as they are):
//
//	TagColumn      "sovereign.zk.column.v1"
//	commit tag     "sovereign.zk.commit.v1.n16"   / "…n64"   (one per circuit size)
//	released tag   "sovereign.zk.released.v1.n16" / "…n64"
//
// # Cells and columns
//
// A cell is its UTF-8 text (a CSV field as read; a JSON string as is, a JSON
// number as written in the file, true/false, and null as the empty string).
// A string s is encoded as
//
//	len(s), chunk_0, …, chunk_k
//
// where the chunks are s cut into 31-byte pieces, each read as a big-endian
// integer (the last piece may be shorter; the empty string has no chunk). The
// column hash of a column with name n and cells c_0 … c_{r-1} is
//
//	H(TagColumn, r, enc(n), enc(c_0), …, enc(c_{r-1}), m)
//
// where m is the number of field elements written before it (length
// strengthening). Column hashes are computed in Go only; the circuit works on
// column hashes, so the cost of a proof does not depend on the number of rows.
//
// # Circuit sizes and padding
//
// A circuit has N = 16 or N = 64 column slots; a table with n ≤ 16 columns
// uses N = 16, one with 17 ≤ n ≤ 64 uses N = 64, more is an error. Columns fill
// slots 0 … n-1 in table order; an unused slot has column hash 0 and category
// slot value 0 (the circuit checks both, and that used slots form a prefix).
//
// # Commitment
//
// The category slot value of slot j is category_j + 1 for a used slot and 0
// for a padding slot (so 0…16, 5 bits). Slot values are packed 32 to a field
// element, little end first: packed_k = Σ_{i<32} slot_{32k+i} · 2^(5i)
// (one element for N = 16, two for N = 64). Then
//
//	commitment = H(commitTag(N), salt, columnHash_0, …, columnHash_{N-1}, packed_0, …)
//
// where salt is a uniformly random field element kept secret by the
// department (it hides low-entropy tables).
//
// # Released view
//
// released_j = columnHash_j if level_j ≤ threshold, else 0 (padding slots are
// 0), and
//
//	releasedRoot = H(releasedTag(N), released_0, …, released_{N-1})
//
// which anyone can recompute from the released columns.
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
