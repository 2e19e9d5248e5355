package contentstore

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPutGetOverHTTP(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(Handler(s, true))
	defer srv.Close()
	ctx := context.Background()
	content := []byte("year,region,count\n2026,north,12\n")
	name, err := Put(ctx, srv.Client(), srv.URL, content)
	if err != nil {
		t.Fatal(err)
	}
	if name != Name(content) {
		t.Fatalf("name %s, want %s", name, Name(content))
	}
	got, err := Get(ctx, srv.Client(), srv.URL, name, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, content) {
		t.Fatalf("got %q", got)
	}
	// Putting the same content twice is fine (idempotent).
	if _, err := Put(ctx, srv.Client(), srv.URL, content); err != nil {
		t.Fatal(err)
	}
	if _, err := Get(ctx, srv.Client(), srv.URL, Name([]byte("other")), 1<<20); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing content: %v", err)
	}
	if _, err := Get(ctx, srv.Client(), srv.URL, name, 4); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("over max: %v", err)
	}
	if _, err := Get(ctx, srv.Client(), srv.URL, "../etc/passwd", 1<<20); !errors.Is(err, ErrBadName) {
		t.Fatalf("bad name: %v", err)
	}
}

// A PUT whose body does not hash to its name is refused and stores nothing.
func TestPutRefusesMislabelledContent(t *testing.T) {
	s, _ := Open(t.TempDir())
	srv := httptest.NewServer(Handler(s, true))
	defer srv.Close()
	req, _ := http.NewRequest(http.MethodPut, srv.URL+"/"+Name([]byte("claimed")), strings.NewReader("actual"))
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("status %s, want 400", resp.Status)
	}
	entries, _ := os.ReadDir(s.Dir())
	if len(entries) != 0 {
		t.Fatalf("store holds %d files after a refused put", len(entries))
	}
}

// A mirror serving other bytes under a name is caught by the reader.
func TestGetRefusesTamperedMirror(t *testing.T) {
	s, _ := Open(t.TempDir())
	name, err := s.Put(strings.NewReader("the real release"), "")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(s.Dir(), name), []byte("a forged release"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(Handler(s, false))
	defer srv.Close()
	if _, err := Get(context.Background(), srv.Client(), srv.URL, name, 1<<20); !errors.Is(err, ErrHashMismatch) {
		t.Fatalf("tampered mirror: %v", err)
	}
	// and a read-only mirror refuses uploads
	if _, err := Put(context.Background(), srv.Client(), srv.URL, []byte("x")); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Fatalf("read-only put: %v", err)
	}
}
