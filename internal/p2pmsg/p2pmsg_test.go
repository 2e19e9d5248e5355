package p2pmsg

import (
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/p2p"
)

func TestReadTimeoutGivesUpOnSilentPeer(t *testing.T) {
	a, b := p2p.MsgPipe()
	defer b.Close()
	start := time.Now()
	if _, err := ReadTimeout(a, 50*time.Millisecond); !errors.Is(err, ErrTimeout) {
		t.Fatalf("got %v, want ErrTimeout", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Fatal("timeout took far longer than asked")
	}
	a.Close() // ends the reader goroutine left behind
}

func TestReadTimeoutReturnsMessage(t *testing.T) {
	a, b := p2p.MsgPipe()
	defer a.Close()
	defer b.Close()
	go p2p.Send(b, 0x07, []uint64{42})
	msg, err := ReadTimeout(a, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer msg.Discard()
	var got []uint64
	if err := msg.Decode(&got); err != nil || msg.Code != 0x07 || len(got) != 1 || got[0] != 42 {
		t.Fatalf("got code %#x %v (%v), want 0x07 [42]", msg.Code, got, err)
	}
}
