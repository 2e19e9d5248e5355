package envelope_test

import (
	"bytes"
	"crypto/rand"
	"testing"

	"github.com/sovereign-gov/sovereign/sidechains/private/envelope"
)

// SealStream writes what Seal writes (same layout and size), and Open reads
// it, for sizes around the chunk edges.
func TestSealStreamMatchesSeal(t *testing.T) {
	key := make([]byte, 32)
	rand.Read(key)
	id := []byte("record-id")
	const c = envelope.DefaultChunkSize
	for _, size := range []int{0, 1, c - 1, c, c + 1, 2 * c, 3*c + 17} {
		pt := make([]byte, size)
		rand.Read(pt)
		var buf bytes.Buffer
		n, err := envelope.SealStream(key, id, bytes.NewReader(pt), &buf)
		if err != nil || n != int64(size) {
			t.Fatalf("size %d: %d %v", size, n, err)
		}
		ref, _ := envelope.Seal(key, id, pt)
		if buf.Len() != len(ref) {
			t.Fatalf("size %d: streamed %d bytes, Seal %d", size, buf.Len(), len(ref))
		}
		got, err := envelope.Open(key, id, buf.Bytes())
		if err != nil || !bytes.Equal(got, pt) {
			t.Fatalf("size %d: open: %v", size, err)
		}
		// A stream cut after a full chunk does not open: the last flag binds the end.
		if size > c {
			if _, err := envelope.Open(key, id, buf.Bytes()[:16+c+16]); err == nil {
				t.Fatalf("size %d: a truncated stream opened", size)
			}
		}
	}
}
