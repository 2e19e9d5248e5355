// Package naming holds the Vault naming scheme of the private chain, so the
// set-up, the client and the policies agree on every path.
//
//	transit key      <department>.<dataset>          e.g. health.hospital-stays
//	department role  dept-<department>               policy sovereign-dept-<department>
//	validator role   validator-<name>                policy sovereign-validator-<name>
//	officer role     security-officer                policy sovereign-security-officer
//	supervisor role  supervisor                      policy sovereign-supervisor
//	grant policy     sovereign-grant-<department>.<dataset>   (one key, decrypt only; written by set-up)
//	grant token role sovereign-grant-<department>.<dataset>   (hands out that policy only)
//	validator key    KV v2 validator-keys/<name>
//	writer key       KV v2 validator-keys/writers/<role>  (signs private-chain and anchor transactions)
//	shred mark       KV v2 validator-keys/shredded/<department>.<dataset>  (written once by a shred)
//	created mark     KV v2 validator-keys/created/<department>.<dataset>   (set-up made the key; never re-made)
//	conditional key  transit-conditional/keys/<department>.<dataset>  (seals a record's level ≤ 1 columns
//	                 apart; the officer decrypts under it response-wrapped only, for one access grant)
//
// Department and dataset names are lower-case letters, digits and dashes, so
// the policy glob "<department>.*" cannot reach another department's keys.
package naming

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Mount paths of the engines the project uses.
const (
	TransitMount = "transit"
	KVMount      = "validator-keys"
	AppRoleMount = "approle"
	AuditPath    = "sovereign-file"
	// ConditionalMount is the transit mount of the conditional keys: one per
	// dataset, named like the dataset's key, wrapping the data keys of the
	// records' conditional envelopes (their columns at level ≤ 1 only). A
	// mount of its own, so that no policy glob on "transit/" reaches it and
	// the officer's wrapped-decrypt right on it reaches no full record.
	ConditionalMount = "transit-conditional"
)

// Roles without a per-name part.
const (
	SecurityOfficerRole = "security-officer"
	SupervisorRole      = "supervisor"
)

// GrantTokenRole is the token role through which security officers issue
// grants on one dataset: it hands out that dataset's grant policy only.
func GrantTokenRole(transitKey string) string { return "sovereign-grant-" + transitKey }

var validName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)

// errBadName is returned for a department, dataset or validator name outside the scheme.
var errBadName = errors.New("must be 1-63 lower-case letters, digits or dashes, starting with a letter or digit")

// Check validates one name part; what says which part it is in the error.
func Check(what, name string) error {
	if !validName.MatchString(name) {
		return fmt.Errorf("invalid %s name %q: %w", what, name, errBadName)
	}
	return nil
}

// TransitKey is the transit key of one department's dataset.
func TransitKey(department, dataset string) (string, error) {
	if err := Check("department", department); err != nil {
		return "", err
	}
	if err := Check("dataset", dataset); err != nil {
		return "", err
	}
	return department + "." + dataset, nil
}

// SplitTransitKey returns the department and dataset of a transit key name.
func SplitTransitKey(key string) (department, dataset string, err error) {
	dept, ds, ok := strings.Cut(key, ".")
	if !ok {
		return "", "", fmt.Errorf("invalid transit key %q: want <department>.<dataset>", key)
	}
	if _, err := TransitKey(dept, ds); err != nil {
		return "", "", fmt.Errorf("invalid transit key %q: %w", key, err)
	}
	return dept, ds, nil
}

// DepartmentRole is the AppRole role of a department.
func DepartmentRole(department string) string { return "dept-" + department }

// DepartmentPolicy is the policy of a department's role.
func DepartmentPolicy(department string) string { return "sovereign-dept-" + department }

// ValidatorRole is the AppRole role of a private-chain validator.
func ValidatorRole(name string) string { return "validator-" + name }

// ValidatorPolicy is the policy of a validator's role.
func ValidatorPolicy(name string) string { return "sovereign-validator-" + name }

// GrantPolicy is the decrypt-only policy of a grant on one transit key.
func GrantPolicy(transitKey string) string { return "sovereign-grant-" + transitKey }

// Policy names of the fixed roles.
const (
	SecurityOfficerPolicy = "sovereign-security-officer"
	SupervisorPolicy      = "sovereign-supervisor"
)

// WriterKey is the KV path (under KVMount) of the chain signing key a role
// uses to write records, rewraps, shred marks and audit anchors.
func WriterKey(role string) string { return "writers/" + role }

// ShredMarkPrefix is the KV folder (under KVMount) of shred marks.
const ShredMarkPrefix = "shredded"

// ShredMark is the KV path (under KVMount) that records a transit key's
// shredding: written once, it keeps the dataset shredded (set-up never
// re-creates the key, grants are refused) and makes a repeated shred print
// the receipt already on chain.
func ShredMark(transitKey string) string { return ShredMarkPrefix + "/" + transitKey }

// CreatedMark is the KV path (under KVMount) where set-up records that it
// made a dataset's transit key: a key gone afterwards was destroyed and is
// not made again. Only set-up's admin token writes it.
func CreatedMark(transitKey string) string { return "created/" + transitKey }

// ConditionalStoreKey is how the private chain's store names the key of a
// conditional envelope (the ciphertext reference's prefix and the Stored
// event's transitKeyHash): "transit-conditional:<department>.<dataset>", so
// a dataset's full records and its conditional envelopes are listed apart
// (a rewrap of the dataset's key never meets a conditional data key).
func ConditionalStoreKey(transitKey string) string { return ConditionalMount + ":" + transitKey }

// SplitStoreKey returns the transit key a store key names and whether it is
// a conditional envelope's (ConditionalStoreKey).
func SplitStoreKey(storeKey string) (transitKey string, conditional bool, err error) {
	key, conditional := strings.CutPrefix(storeKey, ConditionalMount+":")
	if _, _, err := SplitTransitKey(key); err != nil {
		return "", false, err
	}
	return key, conditional, nil
}
