package zk

import (
	"crypto/rand"
	"crypto/sha256"
	"io"
	mathrand "math/rand/v2"
	"sync"
)

// seededMu serialises the seeded sections: crypto/rand.Reader is process-wide.
var seededMu sync.Mutex

// withSeededRandom runs fn while crypto/rand.Reader is a ChaCha8 stream keyed
// by seed, and restores it afterwards. gnark samples Groth16 toxic waste and
// proof blinding from crypto/rand with no way to pass a source, and the dev
// setup and the checked-in fixture must be reproducible byte for byte.
// INSECURE by design: everything fn samples is known to anyone with the seed.
// Only DevSetup and fixture generation use it.
func withSeededRandom(seed []byte, fn func() error) error {
	seededMu.Lock()
	defer seededMu.Unlock()
	key := sha256.Sum256(append([]byte("sovereign.zk.seeded-random.v1:"), seed...))
	prev := rand.Reader
	rand.Reader = &lockedChaCha{r: mathrand.NewChaCha8(key)}
	defer func() { rand.Reader = prev }()
	return fn()
}

type lockedChaCha struct {
	mu sync.Mutex
	r  *mathrand.ChaCha8
}

func (c *lockedChaCha) Read(b []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.r.Read(b)
}

var _ io.Reader = (*lockedChaCha)(nil)
