// Package access answers access requests for conditional data (issue 15
// item 3): a member of the public asks on the public chain, the consortium
// votes, the bridge relays the decision, and for a granted request the
// security officer delivers on the public chain a grant sealed to the
// requester's own key. The grant opens the record's conditional envelope
// (its columns at level ≤ 1, sealed apart at submission) and nothing else.
//
// A grant is a Grant sealed with ECIES (secp256k1, go-ethereum's
// crypto/ecies) to the public key recovered from the signature of the
// requester's requestAccess transaction, the request id as the MAC's shared
// data. Inside: a Vault response-wrapping token that unwraps, once and
// until the grant's expiry (capped at MaxWrapTTL), to the conditional
// envelope's data key, and the envelope's ciphertext. So only the requester
// opens it, only once through Vault (a used token is an error anyone
// holding it sees: tamper evidence), and only until it lapses.
package access

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/crypto/ecies"

	"github.com/sovereign-gov/sovereign/publicdata"
	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/sidechains/private/envelope"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/records"
	"github.com/sovereign-gov/sovereign/sidechains/private/submission"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
)

// GrantFormat names the plaintext of a sealed grant.
const GrantFormat = "sovereign.grant.v1"

// MaxWrapTTL caps how long a delivered grant can be opened: Vault's grant
// cap (set-up's GrantMaxTTL, the officer policy's max_wrapping_ttl).
const MaxWrapTTL = 24 * time.Hour

// MaxSealed is DataRegistry.MAX_SEALED_GRANT.
const MaxSealed = 64 << 10

// Grant is what a sealed grant holds.
type Grant struct {
	Format    string `json:"grant"`
	Request   string `json:"request"`
	Record    string `json:"record"`
	Requester string `json:"requester"`
	ExpiresAt int64  `json:"expiresAt"` // the consortium's expiry (unix seconds)
	OpenBy    int64  `json:"openBy"`    // the wrapping token's end: min(expiry, MaxWrapTTL from delivery)
	Key       string `json:"key"`       // the dataset's conditional key (transit-conditional/<key>)
	// WrappingToken unwraps once to the envelope's data key.
	WrappingToken string `json:"wrappingToken"`
	// Envelope is the conditional envelope's ciphertext (envelope.Seal under
	// the data key, bound to submission.ConditionalID of the record).
	Envelope []byte `json:"envelope"`
}

var (
	// ErrNotForYou is returned when a sealed grant does not open with the key used.
	ErrNotForYou = errors.New("the grant is not sealed to this key: only the requester's key opens it")
	// ErrExpired is returned for a grant past its expiry.
	ErrExpired = errors.New("the grant has expired")
	// ErrNotRequester is returned when the account is not the request's requester.
	ErrNotRequester = errors.New("not the requester")
	// ErrUsed is returned when the grant's single-use Vault token is gone.
	ErrUsed = errors.New("the grant's single-use Vault token was already used or has lapsed")
)

// Seal encrypts g to pub, bound to the request id.
func Seal(pub *ecdsa.PublicKey, requestID common.Hash, g *Grant) ([]byte, error) {
	b, err := json.Marshal(g)
	if err != nil {
		return nil, fmt.Errorf("sealing the grant: %w", err)
	}
	ct, err := ecies.Encrypt(rand.Reader, ecies.ImportECDSAPublic(pub), b, nil, requestID[:])
	if err != nil {
		return nil, fmt.Errorf("sealing the grant: %w", err)
	}
	if len(ct) > MaxSealed {
		return nil, fmt.Errorf("the sealed grant is %d bytes; the registry takes at most %d", len(ct), MaxSealed)
	}
	return ct, nil
}

// Open decrypts a sealed grant of request requestID with the requester's key.
func Open(key *ecdsa.PrivateKey, requestID common.Hash, sealed []byte) (*Grant, error) {
	pt, err := ecies.ImportECDSA(key).Decrypt(sealed, nil, requestID[:])
	if err != nil {
		return nil, fmt.Errorf("request %s: %w (%s cannot decrypt it)", requestID.Hex(), ErrNotForYou, crypto.PubkeyToAddress(key.PublicKey).Hex())
	}
	dec := json.NewDecoder(bytes.NewReader(pt))
	dec.DisallowUnknownFields()
	var g Grant
	if err := dec.Decode(&g); err != nil {
		return nil, fmt.Errorf("request %s: malformed grant: %w", requestID.Hex(), err)
	}
	if g.Format != GrantFormat {
		return nil, fmt.Errorf("request %s: grant format %q, want %q", requestID.Hex(), g.Format, GrantFormat)
	}
	if g.Request != requestID.Hex() {
		return nil, fmt.Errorf("request %s: the grant inside is for request %s", requestID.Hex(), g.Request)
	}
	return &g, nil
}

// PrivateStore reads the private chain's records (chainstore.Store does).
type PrivateStore interface {
	Get(ctx context.Context, id [32]byte) (records.Record, error)
}

// Officer makes the grant of a granted request (the security officer).
type Officer struct {
	Reader *publicdata.Reader
	Txs    publicdata.TxFetcher // the public chain, to recover the requester's key
	Store  PrivateStore         // the private chain (conditional envelopes)
	Vault  *vaultclient.Client  // logged in as the security officer
	Now    func() time.Time     // default time.Now
}

// Made is a grant sealed and ready to deliver (DataRegistry.deliverGrant).
type Made struct {
	Request *publicdata.AccessRequest
	Sealed  []byte
	OpenBy  time.Time
}

// Make checks on the public chain that request id is granted, live and not
// yet delivered, recovers the requester's key from its request's
// signature, has Vault decrypt the record's conditional data key
// response-wrapped until the grant's expiry (at most MaxWrapTTL), and seals
// the token and the envelope's ciphertext to the requester.
func (o *Officer) Make(ctx context.Context, id common.Hash) (*Made, error) {
	now := time.Now
	if o.Now != nil {
		now = o.Now
	}
	a, err := o.Reader.AccessRequest(ctx, id)
	if err != nil {
		return nil, err
	}
	switch {
	case a.Status != "granted":
		return nil, fmt.Errorf("request %s is %s: only a granted request gets a grant", id.Hex(), a.Status)
	case a.DeliveredIn != 0:
		return nil, fmt.Errorf("request %s: its grant was already delivered (public block %d); a grant is delivered once", id.Hex(), a.DeliveredIn)
	case !now().Before(a.Expiry()):
		return nil, fmt.Errorf("request %s: %w at %s", id.Hex(), ErrExpired, a.Expiry().Format(time.RFC3339))
	}
	live, err := o.Reader.HasAccess(ctx, id, a.Requester)
	if err != nil {
		return nil, err
	}
	if !live {
		return nil, fmt.Errorf("request %s: the registry says %s holds no live grant (record %s frozen or shredded since?)", id.Hex(), a.Requester, a.RecordID.Hex())
	}
	pub, err := publicdata.RequesterKey(ctx, o.Txs, a)
	if err != nil {
		return nil, err
	}
	cid := submission.ConditionalID(a.RecordID)
	rec, err := o.Store.Get(ctx, cid)
	if errors.Is(err, records.ErrNotFound) {
		return nil, fmt.Errorf("record %s has no conditional envelope on the private chain (stored before they existed: resubmitting the same version adds it; or its table is too big to deliver on chain)", a.RecordID.Hex())
	}
	if err != nil {
		return nil, fmt.Errorf("record %s: conditional envelope: %w", a.RecordID.Hex(), err)
	}
	if rec.Shredded {
		return nil, fmt.Errorf("record %s: %w", a.RecordID.Hex(), records.ErrShredded)
	}
	key, cond, err := naming.SplitStoreKey(rec.TransitKey)
	if err != nil || !cond {
		return nil, fmt.Errorf("record %s: entry %x is not a conditional envelope (store key %q)", a.RecordID.Hex(), cid, rec.TransitKey)
	}
	ttl := min(a.Expiry().Sub(now()), MaxWrapTTL)
	wd, err := o.Vault.Conditional().DecryptWrapped(ctx, key, rec.WrappedKey, ttl)
	if err != nil {
		return nil, fmt.Errorf("record %s: %w", a.RecordID.Hex(), err)
	}
	g := &Grant{Format: GrantFormat, Request: id.Hex(), Record: a.RecordID.Hex(), Requester: a.Requester.Hex(),
		ExpiresAt: int64(a.ExpiresAt), OpenBy: wd.ExpiresAt.Unix(), Key: key, WrappingToken: wd.WrappingToken, Envelope: rec.Ciphertext}
	sealed, err := Seal(pub, id, g)
	if err != nil {
		return nil, err
	}
	return &Made{Request: a, Sealed: sealed, OpenBy: wd.ExpiresAt}, nil
}

// Requester opens a delivered grant (the member of the public who asked).
type Requester struct {
	Reader    *publicdata.Reader
	Key       *ecdsa.PrivateKey
	VaultAddr string
	Now       func() time.Time
}

// Opened is a verified conditional envelope and the request it was granted for.
type Opened struct {
	Request     *publicdata.AccessRequest
	Conditional *submission.Conditional
}

// Check reads request id and refuses, before anything is unwrapped, what
// cannot be opened: another account's request, a request not granted, an
// expired grant, one not delivered yet.
func (q *Requester) Check(ctx context.Context, id common.Hash) (*publicdata.AccessRequest, error) {
	now := time.Now
	if q.Now != nil {
		now = q.Now
	}
	a, err := q.Reader.AccessRequest(ctx, id)
	if err != nil {
		return nil, err
	}
	me := crypto.PubkeyToAddress(q.Key.PublicKey)
	switch {
	case a.Requester != me:
		return nil, fmt.Errorf("request %s was made by %s; you are %s: %w (a grant opens for its requester only)", id.Hex(), a.Requester.Hex(), me.Hex(), ErrNotRequester)
	case a.Status != "granted":
		return nil, fmt.Errorf("request %s is %s: nothing to open", id.Hex(), a.Status)
	case !now().Before(a.Expiry()):
		return nil, fmt.Errorf("request %s: %w at %s (now %s)", id.Hex(), ErrExpired, a.Expiry().Format(time.RFC3339), now().UTC().Format(time.RFC3339))
	}
	return a, nil
}

// Open reads the delivered grant of request id, opens it with the
// requester's key, unwraps the data key in Vault (once: the token is gone
// after), decrypts the conditional envelope and checks it against the
// public chain (the record's commitment, the registry's policy).
func (q *Requester) Open(ctx context.Context, id common.Hash) (*Opened, error) {
	a, err := q.Check(ctx, id)
	if err != nil {
		return nil, err
	}
	sealed, err := q.Reader.DeliveredGrant(ctx, a)
	if err != nil {
		return nil, err
	}
	g, err := Open(q.Key, id, sealed)
	if err != nil {
		return nil, err
	}
	if g.Record != a.RecordID.Hex() {
		return nil, fmt.Errorf("request %s: the grant is for record %s, the request for %s", id.Hex(), g.Record, a.RecordID.Hex())
	}
	dek, err := vaultclient.UnwrapDataKey(ctx, q.VaultAddr, g.WrappingToken)
	if errors.Is(err, vaultclient.ErrWrapGone) {
		return nil, fmt.Errorf("request %s: %w (a grant opens once through Vault, until %s; if you did not open it, someone else used the token: tell the security officer)",
			id.Hex(), ErrUsed, time.Unix(g.OpenBy, 0).UTC().Format(time.RFC3339))
	}
	if err != nil {
		return nil, fmt.Errorf("request %s: unwrapping the grant in Vault at %s: %w", id.Hex(), q.VaultAddr, err)
	}
	defer vaultclient.Zero(dek)
	cid := submission.ConditionalID(a.RecordID)
	pt, err := envelope.Open(dek, cid[:], g.Envelope)
	if err != nil {
		return nil, fmt.Errorf("request %s: decrypting the conditional envelope: %w", id.Hex(), err)
	}
	c, err := submission.ParseConditional(pt)
	if err != nil {
		return nil, fmt.Errorf("request %s: %w", id.Hex(), err)
	}
	if err := VerifyOnChain(ctx, q.Reader, a.RecordID, c); err != nil {
		return nil, fmt.Errorf("request %s: %w", id.Hex(), err)
	}
	return &Opened{Request: a, Conditional: c}, nil
}

// VerifyOnChain checks an opened envelope against the public registry: the
// record's published commitment and the pinned policy.
func VerifyOnChain(ctx context.Context, r *publicdata.Reader, recordID common.Hash, c *submission.Conditional) error {
	d, err := r.Show(ctx, recordID)
	if err != nil {
		return err
	}
	pe, err := r.Policy(ctx)
	if err != nil {
		return err
	}
	pol, err := record.PolicyFromElement(pe)
	if err != nil {
		return fmt.Errorf("the registry's policy: %w", err)
	}
	var commitment [32]byte
	d.Record.Published.Commitment.FillBytes(commitment[:])
	return c.Verify(recordID, pol, commitment)
}

// Keep seals an opened envelope to the requester's own key, for later opens
// of the same grant until its expiry (the Vault token works once).
func Keep(pub *ecdsa.PublicKey, id common.Hash, c *submission.Conditional) ([]byte, error) {
	b, err := json.Marshal(c)
	if err != nil {
		return nil, err
	}
	return ecies.Encrypt(rand.Reader, ecies.ImportECDSAPublic(pub), b, nil, append(id.Bytes(), "kept"...))
}

// Kept opens what Keep sealed; the caller checks the expiry on chain first.
func Kept(key *ecdsa.PrivateKey, id common.Hash, sealed []byte) (*submission.Conditional, error) {
	pt, err := ecies.ImportECDSA(key).Decrypt(sealed, nil, append(id.Bytes(), "kept"...))
	if err != nil {
		return nil, fmt.Errorf("request %s: the kept copy: %w", id.Hex(), ErrNotForYou)
	}
	return submission.ParseConditional(pt)
}
