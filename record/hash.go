package record

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/poseidon2"
)

// The Poseidon2 instance every hash of the record format uses, in Go and in
// the circuit (package zk builds the same instance from these): width 4 with
// the BN254 constants gnark-crypto ships from the Poseidon2 authors'
// parameter script (128-bit security with margin: rF = 8, rP = 56). gnark's
// default BN254 instance (t = 2, rF = 6, rP = 50, round keys from a seed) is
// not used.
const (
	PoseidonWidth         = 4                 // state width t
	PoseidonFullRounds    = 8                 // rF
	PoseidonPartialRounds = 56                // rP
	SpongeRate            = PoseidonWidth - 1 // elements absorbed per permutation (one capacity element)
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
		panic("record: domain tag too long: " + tag) // programming error
	}
	var e fr.Element
	e.SetBigInt(new(big.Int).SetBytes([]byte(tag)))
	return e
}

// CommitTag is the domain tag of the commitment of a circuit size (slots).
func CommitTag(size int) fr.Element { return tagElement(fmt.Sprintf("%s%d", tagCommit, size)) }

// ReleasedTag is the domain tag of the released root of a circuit size.
func ReleasedTag(size int) fr.Element { return tagElement(fmt.Sprintf("%s%d", tagReleased, size)) }

// Hash is the sponge H of the record format over whole field elements (see
// hasher); the circuit computes the same digest.
func Hash(in ...fr.Element) fr.Element {
	h := newHasher()
	h.write(in...)
	return h.sum()
}

// hasher is the sponge the circuit computes (zk's spongeVariables): rate 3,
// capacity 1. The capacity starts at the number of input elements, so zero
// padding of the last block is unambiguous; each block of 3 elements is added
// to the rate part and the state permuted; the digest is state[1].
type hasher struct {
	in []fr.Element
}

func newHasher() *hasher { return &hasher{} }

// write absorbs field elements.
func (h *hasher) write(es ...fr.Element) { h.in = append(h.in, es...) }

func (h *hasher) sum() fr.Element {
	perm := poseidon2.NewPermutation(PoseidonWidth, PoseidonFullRounds, PoseidonPartialRounds)
	var state [PoseidonWidth]fr.Element
	state[0].SetUint64(uint64(len(h.in)))
	for i := 0; i < len(h.in) || i == 0; i += SpongeRate {
		for j := range SpongeRate {
			if i+j < len(h.in) {
				state[1+j].Add(&state[1+j], &h.in[i+j])
			}
		}
		if err := perm.Permutation(state[:]); err != nil {
			panic(err) // width is fixed: cannot fail
		}
	}
	return state[1]
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

// ColumnHash is the hash of one column: its name and its cells, top to bottom.
func ColumnHash(name string, cells []string) fr.Element {
	h := newHasher()
	h.write(tagElement(tagColumn))
	h.writeUint(uint64(len(cells)))
	h.writeString(name)
	for _, c := range cells {
		h.writeString(c)
	}
	return h.sum()
}
