package portal

import (
	"context"
	"net/http"
	"time"

	"github.com/gorilla/websocket"
)

// LiveRelease is one message of the live feed: a release the index has
// just seen.
type LiveRelease struct {
	RecordID   string `json:"recordId"`
	Title      string `json:"title"`
	Version    uint64 `json:"version"`
	Department string `json:"department"`
	Level      string `json:"level"`
	Status     string `json:"status"`
	Published  string `json:"published"`
	URL        string `json:"url"`
}

// upgrader accepts same-origin WebSocket connections only (gorilla's
// default origin check).
var upgrader = websocket.Upgrader{ReadBufferSize: 1024, WriteBufferSize: 4096}

// liveWait bounds how long the feed waits for a change before a ping.
const liveWait = 30 * time.Second

// live streams new releases over a WebSocket (GET /live): one JSON
// LiveRelease per message, from the releases after the newest at connect
// time, pushed as the indexer sees them.
func (s *Server) live(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Indexer == nil {
		http.Error(w, "no live feed: the portal runs without an indexer", http.StatusNotFound)
		return
	}
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade answered the error
	}
	defer conn.Close()
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	go func() { // the reader: only to see the client leave
		defer cancel()
		for {
			if _, _, err := conn.NextReader(); err != nil {
				return
			}
		}
	}()
	last, err := s.cfg.Store.maxSeq(ctx)
	if err != nil {
		return
	}
	for {
		changed := s.cfg.Indexer.Changed()
		rels, err := s.cfg.Store.releases(ctx, "WHERE r.seq > ? ORDER BY r.seq", last)
		if err != nil {
			return
		}
		for _, rel := range rels {
			last = int64(rel.Seq)
			msg := LiveRelease{RecordID: rel.RecordID.Hex(), Title: rel.Name(), Version: rel.Version, Department: rel.Publisher(),
				Level: rel.LevelName(), Status: rel.Status, Published: rel.Time.Format(time.RFC3339), URL: "/dataset/" + rel.RecordID.Hex()}
			_ = conn.SetWriteDeadline(time.Now().Add(10 * time.Second))
			if err := conn.WriteJSON(msg); err != nil {
				return
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-changed:
		case <-time.After(liveWait):
			_ = conn.SetWriteDeadline(time.Now().Add(10 * time.Second))
			if err := conn.WriteMessage(websocket.PingMessage, nil); err != nil {
				return
			}
		}
	}
}

// maxSeq is the highest sequence number indexed (-1: none).
func (s *Store) maxSeq(ctx context.Context) (int64, error) {
	var n int64
	err := s.queryRow(ctx, `SELECT COALESCE(MAX(seq), -1) FROM releases`).Scan(&n)
	return n, err
}
