package envelope

import (
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// SealStream seals what r yields into w in the format of Seal (64 KiB
// chunks), holding two chunks in memory whatever the record's size: a chunk
// is sealed once the next one shows whether it is the last. It returns the
// plaintext length.
func SealStream(key, recordID []byte, r io.Reader, w io.Writer) (int64, error) {
	const chunkSize = DefaultChunkSize
	aead, err := newAEAD(key)
	if err != nil {
		return 0, err
	}
	header := make([]byte, headerSize)
	copy(header, magic)
	binary.BigEndian.PutUint32(header[4:8], uint32(chunkSize))
	if _, err := rand.Read(header[8:headerSize]); err != nil {
		return 0, fmt.Errorf("envelope: nonce: %w", err)
	}
	if _, err := w.Write(header); err != nil {
		return 0, fmt.Errorf("envelope: writing: %w", err)
	}
	nonce := make([]byte, 12)
	copy(nonce, header[8:headerSize])
	cur, next := make([]byte, chunkSize), make([]byte, chunkSize)
	out := make([]byte, 0, chunkSize+tagSize)
	n, err := readChunk(r, cur)
	if err != nil {
		return 0, err
	}
	var total int64
	for i := 0; ; i++ {
		if i > math.MaxUint32 {
			return total, errors.New("envelope: record too large")
		}
		last := n < chunkSize
		m := 0
		if !last {
			if m, err = readChunk(r, next); err != nil {
				return total, err
			}
			last = m == 0
		}
		binary.BigEndian.PutUint32(nonce[8:], uint32(i))
		out = aead.Seal(out[:0], nonce, cur[:n], aad(recordID, i, last))
		if _, err := w.Write(out); err != nil {
			return total, fmt.Errorf("envelope: writing: %w", err)
		}
		total += int64(n)
		if last {
			clear(cur)
			clear(next)
			return total, nil
		}
		cur, next, n = next, cur, m
	}
}

// readChunk fills buf as far as r allows; a short count means the end.
func readChunk(r io.Reader, buf []byte) (int, error) {
	n, err := io.ReadFull(r, buf)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return n, nil
	}
	if err != nil {
		return n, fmt.Errorf("envelope: reading the record: %w", err)
	}
	return n, nil
}
