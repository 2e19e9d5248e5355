package portal

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/sovereign-gov/sovereign/publicdata"
)

// AccessRequest is a request for a conditional record, as the registry's
// events tell it.
type AccessRequest struct {
	ID        common.Hash
	RecordID  common.Hash
	Requester common.Address
	Purpose   string
	Tx        common.Hash
	Block     uint64
	Status    string // pending, granted, denied
	Expires   time.Time
	Refused   string // why a grant could not be honoured (frozen, shredded, expired)
}

// Expired tells whether a grant has run out.
func (a *AccessRequest) Expired() bool { return a.Status == "granted" && time.Now().After(a.Expires) }

// accessRequests folds the access rows matching where into requests, oldest first.
func (s *Store) accessRequests(ctx context.Context, where string, args ...any) ([]*AccessRequest, error) {
	rows, err := s.query(ctx, `SELECT request_id, record_id, kind, requester, purpose, granted, expires_at, reason, tx, block FROM access
		WHERE request_id IN (SELECT request_id FROM access WHERE `+where+`) ORDER BY block, log_index`, args...)
	if err != nil {
		return nil, fmt.Errorf("index access requests: %w", err)
	}
	defer rows.Close()
	byID := map[common.Hash]*AccessRequest{}
	var out []*AccessRequest
	for rows.Next() {
		var id, record, kind, requester, purpose, reason, tx string
		var granted bool
		var expires, block uint64
		if err := rows.Scan(&id, &record, &kind, &requester, &purpose, &granted, &expires, &reason, &tx, &block); err != nil {
			return nil, err
		}
		a := byID[common.HexToHash(id)]
		if a == nil {
			a = &AccessRequest{ID: common.HexToHash(id), Status: "pending"}
			byID[a.ID] = a
			out = append(out, a)
		}
		switch kind {
		case "requested":
			a.RecordID, a.Requester, a.Purpose, a.Tx, a.Block = common.HexToHash(record), common.HexToAddress(requester), purpose, common.HexToHash(tx), block
		case "resolved":
			a.Status = map[bool]string{true: "granted", false: "denied"}[granted]
			a.Expires = time.Unix(int64(expires), 0).UTC()
		case "refused":
			a.Refused = reason
		}
	}
	return out, rows.Err()
}

// AccessRequest reads one request; ErrNotFound if the index has none.
func (s *Store) AccessRequest(ctx context.Context, id common.Hash) (*AccessRequest, error) {
	as, err := s.accessRequests(ctx, "request_id = ?", id.Hex())
	if err != nil {
		return nil, err
	}
	if len(as) == 0 || as[0].RecordID == (common.Hash{}) {
		return nil, fmt.Errorf("%w: no access request %s in the index", ErrNotFound, id.Hex())
	}
	return as[0], nil
}

// requestView is the request template's data.
type requestView struct {
	A       *AccessRequest
	R       *Release
	Now     time.Time
	Command string
}

// request shows an access request's status (GET /request/{id}).
func (s *Server) request(w http.ResponseWriter, r *http.Request) {
	id, err := publicdata.ParseID(r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a, err := s.cfg.Store.AccessRequest(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rel, err := s.cfg.Store.Release(r.Context(), a.RecordID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, "request", http.StatusOK, "Access request "+publicdata.Short(id), requestView{A: a, R: rel, Now: time.Now()})
}

// requestByTx answers the request a transaction made (GET
// /api/request?tx=0x…), for the wallet path of the form.
func (s *Server) requestByTx(w http.ResponseWriter, r *http.Request) {
	tx, err := publicdata.ParseID(r.URL.Query().Get("tx"))
	if err != nil {
		s.fail(w, r, fmt.Errorf("%w: tx: %w", ErrBadQuery, err))
		return
	}
	as, err := s.cfg.Store.accessRequests(r.Context(), "tx = ? AND kind = 'requested'", tx.Hex())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(as) == 0 {
		s.fail(w, r, fmt.Errorf("%w: no access request from transaction %s in the index (yet)", ErrNotFound, tx.Hex()))
		return
	}
	writeJSON(w, map[string]any{"requestId": as[0].ID, "url": "/request/" + as[0].ID.Hex(), "status": as[0].Status})
}

// maxPurpose bounds a request's stated purpose.
const maxPurpose = 1000

// requestForm answers the access form without JavaScript (GET
// /dataset/{id}/request?purpose=…): the command that sends the request.
func (s *Server) requestForm(w http.ResponseWriter, r *http.Request) {
	rel, purpose, ok := s.requested(w, r)
	if !ok {
		return
	}
	s.render(w, "request", http.StatusOK, "Request access to "+rel.Name(), requestView{R: rel, Now: time.Now(), Command: s.requestCommand(rel, purpose)})
}

// requestCalldata is the calldata of requestAccess(record, purpose), for a
// wallet to send (GET /api/request-calldata/{id}?purpose=…).
func (s *Server) requestCalldata(w http.ResponseWriter, r *http.Request) {
	rel, purpose, ok := s.requested(w, r)
	if !ok {
		return
	}
	writeJSON(w, map[string]any{"to": s.cfg.Registry, "data": hexutil.Encode(registryABI.PackRequestAccess(rel.RecordID, purpose))})
}

// requested reads the record and purpose of an access form, answering the
// error itself when they are not acceptable.
func (s *Server) requested(w http.ResponseWriter, r *http.Request) (*Release, string, bool) {
	rel, ok := s.release(w, r, r.PathValue("id"))
	if !ok {
		return nil, "", false
	}
	purpose, err := checkPurpose(rel, r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return nil, "", false
	}
	return rel, purpose, true
}

// checkPurpose reads the purpose of a request for rel, refusing what the
// registry would refuse.
func checkPurpose(rel *Release, q url.Values) (string, error) {
	purpose := strings.TrimSpace(q.Get("purpose"))
	switch {
	case rel.Level == 0:
		return "", fmt.Errorf("%w: record %s is %s: it needs no access request (only records with conditional columns take them)", ErrBadQuery, rel.RecordID.Hex(), rel.LevelName())
	case rel.Frozen || rel.Shredded:
		return "", fmt.Errorf("%w: record %s is %s: it takes no access requests", ErrBadQuery, rel.RecordID.Hex(), rel.Status)
	case purpose == "":
		return "", fmt.Errorf("%w: purpose is empty: say what the data is for", ErrBadQuery)
	case len(purpose) > maxPurpose:
		return "", fmt.Errorf("%w: purpose is %d bytes, at most %d", ErrBadQuery, len(purpose), maxPurpose)
	}
	return purpose, nil
}

// requestCommand is the command that sends an access request with one's own key.
func (s *Server) requestCommand(rel *Release, purpose string) string {
	rpc := s.cfg.PublicRPC
	if rpc == "" {
		rpc = "PUBLIC_RPC_URL"
	}
	return fmt.Sprintf("cast send %s 'requestAccess(bytes32,string)' %s %s --rpc-url %s --private-key \"$YOUR_KEY\"",
		s.cfg.Registry.Hex(), rel.RecordID.Hex(), shellQuote(purpose), rpc)
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
