package record

import (
	"crypto/sha256"
	"encoding/csv"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"unicode/utf8"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/poseidon2"
)

// errTableChanged is returned when a CSV file changes between the passes
// that read it.
var errTableChanged = errors.New("the table changed while it was being read")

// sponge is hasher for a stream: it absorbs elements as they come, in
// constant memory, for a total count known in advance (the capacity starts
// at it), and gives the same digest as hasher.sum over the same elements.
type sponge struct {
	perm        *poseidon2.Permutation
	state       [PoseidonWidth]fr.Element
	buf         [SpongeRate]fr.Element
	n           int
	total, seen uint64
}

func newSponge(total uint64) *sponge {
	s := &sponge{perm: poseidon2.NewPermutation(PoseidonWidth, PoseidonFullRounds, PoseidonPartialRounds), total: total}
	s.state[0].SetUint64(total)
	return s
}

func (s *sponge) write(e fr.Element) {
	s.buf[s.n] = e
	s.n++
	s.seen++
	if s.n == SpongeRate {
		s.flush()
	}
}

func (s *sponge) flush() {
	for j := 0; j < s.n; j++ {
		s.state[1+j].Add(&s.state[1+j], &s.buf[j])
	}
	if err := s.perm.Permutation(s.state[:]); err != nil {
		panic(err) // width is fixed: cannot fail
	}
	s.n = 0
}

func (s *sponge) writeUint(v uint64) {
	var e fr.Element
	e.SetUint64(v)
	s.write(e)
}

func (s *sponge) writeString(str string) {
	s.writeUint(uint64(len(str)))
	b := []byte(str)
	for len(b) > 0 {
		n := min(len(b), fr.Bytes-1)
		var e fr.Element
		e.SetBytes(b[:n])
		s.write(e)
		b = b[n:]
	}
}

// sum returns the digest; the count written must be the total announced.
func (s *sponge) sum() (fr.Element, error) {
	if s.seen != s.total {
		return fr.Element{}, errTableChanged
	}
	if s.n > 0 || s.total == 0 {
		s.flush()
	}
	return s.state[1], nil
}

// stringElements is how many elements writeString absorbs for s.
func stringElements(s string) uint64 {
	return 1 + uint64((len(s)+fr.Bytes-2)/(fr.Bytes-1))
}

// Progress reports bytes done of total.
type Progress func(done, total int64)

// CSVColumns is what HashCSVFile learns of a CSV table.
type CSVColumns struct {
	Names  []string
	Hashes []fr.Element
	Rows   int
	// SHA256 is the digest of the file's bytes as the hashing pass read them.
	SHA256 [32]byte
}

// HashCSVFile computes the column hashes of a CSV table (header row first)
// the way ColumnHash does, reading the file twice (the first pass counts
// each column's elements, which the sponge needs up front) and holding one
// row at a time: memory does not grow with the table. progress, if not nil,
// is told the bytes read over both passes.
func HashCSVFile(path string, progress Progress) (*CSVColumns, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read table: %w", err)
	}
	total := 2 * st.Size()
	var done int64
	// Pass 1: shape and element counts.
	var names []string
	var counts []uint64
	rows := 0
	err = readCSV(path, func(n int64) {
		if progress != nil {
			progress(done+n, total)
		}
	}, nil, func(r int, rec []string) error {
		if r == 0 {
			names = append([]string(nil), rec...)
			if err := (&Table{Columns: names}).validate(); err != nil {
				return err
			}
			counts = make([]uint64, len(names))
			for i, name := range names {
				counts[i] = 2 + stringElements(name) // tag, row count, name
			}
			return nil
		}
		if len(rec) != len(names) {
			return fmt.Errorf("ragged rows: row %d has %d cells, the header has %d columns", r, len(rec), len(names))
		}
		for i, c := range rec {
			if !utf8.ValidString(c) {
				return fmt.Errorf("row %d column %q: %w", r, names[i], errNotUTF8)
			}
			counts[i] += stringElements(c)
		}
		rows++
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("table %s: %w", path, err)
	}
	if names == nil {
		return nil, fmt.Errorf("table %s: %w", path, errNoColumns)
	}
	done = st.Size()
	// Pass 2: absorb every cell into its column's sponge.
	sponges := make([]*sponge, len(names))
	for i, name := range names {
		sponges[i] = newSponge(counts[i])
		sponges[i].write(tagElement(tagColumn))
		sponges[i].writeUint(uint64(rows))
		sponges[i].writeString(name)
	}
	h := sha256.New()
	seenRows := 0
	err = readCSV(path, func(n int64) {
		if progress != nil {
			progress(done+n, total)
		}
	}, h, func(r int, rec []string) error {
		if r == 0 {
			return nil
		}
		if len(rec) != len(names) || seenRows == rows {
			return errTableChanged
		}
		for i, c := range rec {
			sponges[i].writeString(c)
		}
		seenRows++
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("table %s: %w", path, err)
	}
	out := &CSVColumns{Names: names, Rows: rows}
	for _, s := range sponges {
		d, err := s.sum()
		if err != nil {
			return nil, fmt.Errorf("table %s: %w", path, err)
		}
		out.Hashes = append(out.Hashes, d)
	}
	copy(out.SHA256[:], h.Sum(nil))
	return out, nil
}

// readCSV calls row for every record of a CSV file, reusing one record
// slice; read is told the bytes consumed, and sum (if not nil) sees them.
func readCSV(path string, read func(int64), sum hash.Hash, row func(r int, rec []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read table: %w", err)
	}
	defer f.Close()
	var src io.Reader = &countingReader{r: f, report: read}
	if sum != nil {
		src = io.TeeReader(src, sum)
	}
	// As ParseCSV: a leading byte-order mark is not content (the raw bytes,
	// mark included, still go to sum).
	cr := csv.NewReader(skipBOM(src))
	cr.FieldsPerRecord = -1 // checked by the caller, with a clearer message
	cr.ReuseRecord = true
	for r := 0; ; r++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("parse csv: %w", err)
		}
		if err := row(r, rec); err != nil {
			return err
		}
	}
}

type countingReader struct {
	r      io.Reader
	n      int64
	report func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.report != nil && n > 0 {
		c.report(c.n)
	}
	return n, err
}
