package envelope

import (
	"bytes"
	"crypto/rand"
	"strings"
	"testing"
)

func key(t *testing.T) []byte {
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		t.Fatal(err)
	}
	return k
}

func TestRoundTripSizes(t *testing.T) {
	k := key(t)
	for _, n := range []int{0, 1, 15, 16, 17, 64, 1000, 4096} {
		pt := bytes.Repeat([]byte{byte(n)}, n)
		sealed, err := SealChunked(k, []byte("rec"), pt, 16)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Open(k, []byte("rec"), sealed)
		if err != nil || !bytes.Equal(got, pt) {
			t.Fatalf("size %d: round trip failed: %v", n, err)
		}
		if n >= 8 && bytes.Contains(sealed, pt) { // a byte or two turns up in random ciphertext by chance
			t.Fatalf("size %d: plaintext visible in the sealed record", n)
		}
	}
}

func TestTamperingIsDetected(t *testing.T) {
	k := key(t)
	pt := []byte(strings.Repeat("abcdefgh", 10)) // 80 bytes, 5 chunks of 16
	sealed, err := SealChunked(k, []byte("rec-1"), pt, 16)
	if err != nil {
		t.Fatal(err)
	}
	step := 16 + tagSize
	body := sealed[headerSize:]
	swapped := append([]byte{}, sealed[:headerSize]...)
	swapped = append(swapped, body[step:2*step]...)
	swapped = append(swapped, body[:step]...)
	swapped = append(swapped, body[2*step:]...)
	cases := map[string]struct {
		key, id, data []byte
		want          string
	}{
		"wrong key":       {key(t), []byte("rec-1"), sealed, "authentication failed"},
		"other record":    {k, []byte("rec-2"), sealed, "authentication failed"},
		"truncated":       {k, []byte("rec-1"), sealed[:len(sealed)-step], "authentication failed"},
		"reordered":       {k, []byte("rec-1"), swapped, "authentication failed"},
		"flipped bit":     {k, []byte("rec-1"), flip(sealed, headerSize+3), "authentication failed"},
		"not an envelope": {k, []byte("rec-1"), []byte("hello, this is plain text"), "bad header"},
		"short key":       {k[:16], []byte("rec-1"), sealed, "must be 32 bytes"},
	}
	for name, c := range cases {
		_, err := Open(c.key, c.id, c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: want error %q, got %v", name, c.want, err)
		}
	}
}

func flip(b []byte, i int) []byte {
	c := append([]byte{}, b...)
	c[i] ^= 1
	return c
}

func BenchmarkSeal1KiB(b *testing.B) {
	k := make([]byte, 32)
	pt := make([]byte, 1024)
	b.SetBytes(1024)
	for b.Loop() {
		if _, err := Seal(k, []byte("r"), pt); err != nil {
			b.Fatal(err)
		}
	}
}
