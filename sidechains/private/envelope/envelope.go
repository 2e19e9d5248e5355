// Package envelope encrypts a record locally with AES-256-GCM under a data key
// (the key itself is wrapped by Vault transit; see vaultclient). Big tables
// are cut into chunks so memory stays bounded and each chunk carries its own
// tag; the chunk index, the last-chunk flag and the record ID are bound into
// every tag, so chunks cannot be reordered, dropped or moved between records.
//
// Format: "SVE1" | chunk size (uint32 BE) | nonce prefix (8 bytes) | chunks,
// each the GCM sealing of up to chunk-size bytes with nonce = prefix ‖ index
// (uint32 BE).
package envelope

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// DefaultChunkSize is the plaintext size of one chunk.
const DefaultChunkSize = 64 << 10

const (
	magic      = "SVE1"
	headerSize = 4 + 4 + 8
	keySize    = 32
	tagSize    = 16
)

var (
	// errKeySize is returned for a data key that is not 32 bytes.
	errKeySize = errors.New("envelope: the data key must be 32 bytes (AES-256)")
	// errFormat is returned for input that is not a sealed envelope.
	errFormat = errors.New("envelope: not a sealed record (bad header)")
	// errAuth is returned when a chunk fails authentication: wrong key, wrong
	// record ID, or tampered, reordered or truncated data.
	errAuth = errors.New("envelope: authentication failed")
	// errChunkSize is returned for a chunk size out of range.
	errChunkSize = errors.New("envelope: chunk size must be between 1 and 16 MiB")
)

// Seal encrypts plaintext for the record recordID with key.
func Seal(key, recordID, plaintext []byte) ([]byte, error) {
	return SealChunked(key, recordID, plaintext, DefaultChunkSize)
}

// SealChunked is Seal with an explicit chunk size.
func SealChunked(key, recordID, plaintext []byte, chunkSize int) ([]byte, error) {
	if chunkSize < 1 || chunkSize > 16<<20 {
		return nil, errChunkSize
	}
	aead, err := newAEAD(key)
	if err != nil {
		return nil, err
	}
	chunks := (len(plaintext) + chunkSize - 1) / chunkSize
	if chunks == 0 {
		chunks = 1 // an empty record is one empty, authenticated chunk
	}
	if chunks > math.MaxUint32 {
		return nil, errors.New("envelope: record too large")
	}
	out := make([]byte, headerSize, headerSize+len(plaintext)+chunks*tagSize)
	copy(out, magic)
	binary.BigEndian.PutUint32(out[4:8], uint32(chunkSize))
	if _, err := rand.Read(out[8:headerSize]); err != nil {
		return nil, fmt.Errorf("envelope: nonce: %w", err)
	}
	nonce := make([]byte, 12)
	copy(nonce, out[8:headerSize])
	for i := 0; i < chunks; i++ {
		end := min((i+1)*chunkSize, len(plaintext))
		binary.BigEndian.PutUint32(nonce[8:], uint32(i))
		out = aead.Seal(out, nonce, plaintext[i*chunkSize:end], aad(recordID, i, i == chunks-1))
	}
	return out, nil
}

// Open decrypts a sealed record.
func Open(key, recordID, sealed []byte) ([]byte, error) {
	if len(sealed) < headerSize+tagSize || string(sealed[:4]) != magic {
		return nil, errFormat
	}
	chunkSize := int(binary.BigEndian.Uint32(sealed[4:8]))
	if chunkSize < 1 || chunkSize > 16<<20 {
		return nil, errFormat
	}
	aead, err := newAEAD(key)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, 12)
	copy(nonce, sealed[8:headerSize])
	body := sealed[headerSize:]
	step := chunkSize + tagSize
	chunks := (len(body) + step - 1) / step
	out := make([]byte, 0, len(body)-chunks*tagSize)
	for i := 0; i < chunks; i++ {
		end := min((i+1)*step, len(body))
		binary.BigEndian.PutUint32(nonce[8:], uint32(i))
		out, err = aead.Open(out, nonce, body[i*step:end], aad(recordID, i, i == chunks-1))
		if err != nil {
			return nil, fmt.Errorf("%w (chunk %d of %d)", errAuth, i+1, chunks)
		}
	}
	return out, nil
}

func newAEAD(key []byte) (cipher.AEAD, error) {
	if len(key) != keySize {
		return nil, errKeySize
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("envelope: %w", err)
	}
	return cipher.NewGCM(block)
}

func aad(recordID []byte, index int, last bool) []byte {
	a := make([]byte, 0, len(magic)+len(recordID)+5)
	a = append(a, magic...)
	a = append(a, recordID...)
	a = binary.BigEndian.AppendUint32(a, uint32(index))
	if last {
		return append(a, 1)
	}
	return append(a, 0)
}
