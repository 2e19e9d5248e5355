package zk

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/poseidon2"
)

// The Poseidon2 instance every hash of this package uses, in Go and in the
// circuit. These are the Poseidon2 paper's 128-bit round counts for a 254-bit
// field with t = 2; gnark's default BN254 instance uses fewer rounds.
const (
	poseidonWidth         = 2
	poseidonFullRounds    = 8
	poseidonPartialRounds = 56
)

// Domain tags, one per kind of hash, so that no hash of one kind can be taken
// for a hash of another kind.
const (
	tagColumn   = "sovereign.zk.column.v1"
	tagCommit   = "sovereign.zk.commit.v1.n"
	tagReleased = "sovereign.zk.released.v1.n"
)

// tagElement turns an ASCII domain tag into the field element it stands for.
func tagElement(tag string) fr.Element {
	if len(tag) >= fr.Bytes-1 {
		panic("zk: domain tag too long: " + tag) // programming error
	}
	var e fr.Element
	e.SetBigInt(new(big.Int).SetBytes([]byte(tag)))
	return e
}

// commitTag and releasedTag are the domain tags of a circuit size.
func commitTag(size int) fr.Element   { return tagElement(fmt.Sprintf("%s%d", tagCommit, size)) }
func releasedTag(size int) fr.Element { return tagElement(fmt.Sprintf("%s%d", tagReleased, size)) }

// hasher is the Merkle-Damgård Poseidon2 hash over whole field elements that
// the circuit computes with gnark's std/hash.
type hasher struct {
	perm  *poseidon2.Permutation
	state fr.Element
	count int // field elements written so far
}

func newHasher() *hasher {
	return &hasher{perm: poseidon2.NewPermutation(poseidonWidth, poseidonFullRounds, poseidonPartialRounds)}
}

// write absorbs field elements: state = compress(state, e) for each.
func (h *hasher) write(es ...fr.Element) {
	for i := range es {
		// Compress(l, r) = P(l, r)[1] + r, as gnark-crypto's Permutation.Compress.
		x := [2]fr.Element{h.state, es[i]}
		if err := h.perm.Permutation(x[:]); err != nil {
			panic(err) // width is fixed to 2: cannot fail
		}
		h.state.Add(&x[1], &es[i])
		h.count++
	}
}

func (h *hasher) writeUint(v uint64) {
	var e fr.Element
	e.SetUint64(v)
	h.write(e)
}

// writeString absorbs the canonical encoding of s: its length, then its
// 31-byte chunks as big-endian integers.
func (h *hasher) writeString(s string) {
	h.writeUint(uint64(len(s)))
	b := []byte(s)
	for len(b) > 0 {
		n := min(len(b), fr.Bytes-1)
		var e fr.Element
		e.SetBigInt(new(big.Int).SetBytes(b[:n]))
		h.write(e)
		b = b[n:]
	}
}

func (h *hasher) sum() fr.Element { return h.state }

// ColumnHash is the hash of one column: its name and its cells, top to bottom.
func ColumnHash(name string, cells []string) fr.Element {
	h := newHasher()
	h.write(tagElement(tagColumn))
	h.writeUint(uint64(len(cells)))
	h.writeString(name)
	for _, c := range cells {
		h.writeString(c)
	}
	h.writeUint(uint64(h.count))
	return h.sum()
}

// tagVariable is a domain tag as a circuit constant.
func tagVariable(e fr.Element) *big.Int { return e.BigInt(new(big.Int)) }
