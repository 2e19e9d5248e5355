package contentstore

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// Handler serves the store: GET and HEAD /{name}, and, if writable,
// PUT /{name} whose body must hash to name (400 otherwise). Content is
// immutable, so responses may be cached for ever.
func Handler(s *Store, writable bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if err := CheckName(name); err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		}
		switch r.Method {
		case http.MethodGet, http.MethodHead:
			f, size, err := s.Open(name)
			if errors.Is(err, ErrNotFound) {
				http.Error(w, err.Error(), http.StatusNotFound)
				return
			}
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			defer f.Close()
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Header().Set("Content-Length", strconv.FormatInt(size, 10))
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
			w.Header().Set("ETag", `"`+name+`"`)
			if r.Method == http.MethodGet {
				io.Copy(w, f)
			}
		case http.MethodPut:
			if !writable {
				http.Error(w, "this content store is read-only", http.StatusMethodNotAllowed)
				return
			}
			if _, err := s.Put(r.Body, name); err != nil {
				code := http.StatusInternalServerError
				if errors.Is(err, ErrHashMismatch) || errors.Is(err, ErrTooLarge) {
					code = http.StatusBadRequest
				}
				http.Error(w, err.Error(), code)
				return
			}
			w.WriteHeader(http.StatusCreated)
		default:
			w.Header().Set("Allow", "GET, HEAD, PUT")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		}
	})
}

// Put uploads content to the store at base (a URL) and returns its name.
func Put(ctx context.Context, client *http.Client, base string, content []byte) (string, error) {
	name := Name(content)
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, strings.TrimSuffix(base, "/")+"/"+name, bytes.NewReader(content))
	if err != nil {
		return "", fmt.Errorf("contentstore: %w", err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", fmt.Errorf("contentstore: uploading to %s: %w", base, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
		return "", fmt.Errorf("contentstore: uploading to %s: %s: %s", base, resp.Status, strings.TrimSpace(string(msg)))
	}
	return name, nil
}

// Get downloads the content called name from the store at base, at most max
// bytes, and returns it only if it hashes to name: any mirror will do.
func Get(ctx context.Context, client *http.Client, base, name string, max int64) ([]byte, error) {
	if err := CheckName(name); err != nil {
		return nil, err
	}
	url := strings.TrimSuffix(base, "/") + "/" + name
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("contentstore: %w", err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("contentstore: fetching %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return nil, fmt.Errorf("%w: %s at %s", ErrNotFound, name, base)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("contentstore: fetching %s: %s", url, resp.Status)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fmt.Errorf("contentstore: fetching %s: %w", url, err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: %s is over %d bytes", ErrTooLarge, url, max)
	}
	h := sha256.Sum256(b)
	if got := hex.EncodeToString(h[:]); got != name {
		return nil, fmt.Errorf("%w: %s served bytes hashing to %s", ErrHashMismatch, url, got)
	}
	return b, nil
}
