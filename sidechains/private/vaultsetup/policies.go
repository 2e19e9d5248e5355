package vaultsetup

import (
	"fmt"
	"time"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
)

// The policies grant each role only the paths its job needs. Departments
// encrypt and decrypt under their own keys; security officers manage keys and
// rewrap but cannot decrypt; supervisors only read key metadata and policies;
// validators read only their own signing key. Grant policies (decrypt under
// one key) are written by set-up, one per dataset, each with its own grant
// token role that hands out that policy only.

// DepartmentPolicy lets a department make data keys, wrap and unwrap them
// under its own transit keys, read their metadata (the latest version) and
// read its chain writer key.
func DepartmentPolicy(department string) string {
	t, g := naming.TransitMount, department+".*"
	return fmt.Sprintf(`# department %[3]s: its own datasets only
path "%[1]s/datakey/plaintext/%[2]s" { capabilities = ["update"] }
path "%[1]s/encrypt/%[2]s"           { capabilities = ["update"] }
path "%[1]s/decrypt/%[2]s"           { capabilities = ["update"] }
path "%[1]s/keys/%[2]s"              { capabilities = ["read"] }
path "%[4]s/data/%[5]s" { capabilities = ["read"] }
# conditional envelopes (level <= 1 columns): make their data keys, never decrypt
path "%[6]s/datakey/plaintext/%[2]s" { capabilities = ["update"] }
path "%[6]s/keys/%[2]s"              { capabilities = ["read"] }
`, t, g, department, naming.KVMount, naming.WriterKey(naming.DepartmentRole(department)), naming.ConditionalMount)
}

// ValidatorPolicy lets one validator read its own signing key.
func ValidatorPolicy(name string) string {
	return fmt.Sprintf(`# validator %[2]s: its own signing key, read only
path "%[1]s/data/%[2]s" { capabilities = ["read"] }
`, naming.KVMount, name)
}

// SecurityOfficerPolicy runs the key life cycle and nothing else. Every
// path is listed with the reason the officer needs it; anything not listed
// (policies, token roles, other tokens, AppRole credentials, mounts, audit
// devices, transit export/backup/restore/import, data keys, decryption,
// validator and other roles' writer keys) is refused with 403. The tests in
// escalation_test.go try each of them with the officer's own AppRole.
func SecurityOfficerPolicy(grantMaxTTL time.Duration) string {
	t, kv := naming.TransitMount, naming.KVMount
	return fmt.Sprintf(`# security officer: key life cycle, no access to data or key material
# List the datasets' keys and read their metadata (versions, min_decryption_version).
path "%[1]s/keys"   { capabilities = ["list"] }
# read: metadata; delete: crypto-shredding (needs deletion_allowed first).
# No create/update: keys are created by set-up only, so a shredded key is
# never re-created by the officer and no key is made exportable.
path "%[1]s/keys/+" { capabilities = ["read", "delete"] }
# Rotation adds a version; it takes no parameters that matter.
path "%[1]s/keys/+/rotate" { capabilities = ["update"] }
# Key config: only retiring old versions after a rewrap and allowing the
# deletion of a shredded key. exportable, allow_plaintext_backup,
# min_encryption_version and every other field are refused.
path "%[1]s/keys/+/config" {
  capabilities = ["update"]
  allowed_parameters = {
    "min_decryption_version" = []
    "deletion_allowed"       = []
  }
}
# Rewrap turns a wrapped key into one under the latest version; it never
# returns plaintext.
path "%[1]s/rewrap/+" { capabilities = ["update"] }
# Its own chain writer key (signs rewraps, shred marks and audit anchors).
path "%[2]s/data/%[3]s" { capabilities = ["read"] }
# Shred marks: written once when a dataset is shredded, never changed or
# removed, read to keep shredded datasets shredded and shreds idempotent.
path "%[2]s/data/%[4]s/*" { capabilities = ["create", "read"] }
# Grants: tokens through the per-dataset grant roles only; each role hands
# out its dataset's decrypt-only policy, written by set-up (the officer
# writes no policy and no role). Issuing grants is the officer's job.
path "auth/token/create/%[5]s*" { capabilities = ["update"] }
# Access grants (public requests approved by the consortium): decrypt one
# record's conditional data key (its level <= 1 columns only), and only
# response-wrapped: the answer is a single-use wrapping token the officer
# seals to the requester, never the key itself. The minimum wrapping TTL
# makes wrapping mandatory; the maximum caps a grant at %[7]s. The full
# records' keys (%[1]s/) stay out of reach.
path "%[6]s/decrypt/+" {
  capabilities     = ["update"]
  min_wrapping_ttl = "1s"
  max_wrapping_ttl = "%[7]s"
}
# The conditional keys' life cycle, as the datasets' keys': rotate, rewrap
# (never returns plaintext), retire old versions; shredding a dataset
# destroys its conditional key too.
path "%[6]s/keys"   { capabilities = ["list"] }
path "%[6]s/keys/+" { capabilities = ["read", "delete"] }
path "%[6]s/keys/+/rotate" { capabilities = ["update"] }
path "%[6]s/rewrap/+"      { capabilities = ["update"] }
path "%[6]s/keys/+/config" {
  capabilities = ["update"]
  allowed_parameters = {
    "min_decryption_version" = []
    "deletion_allowed"       = []
  }
}
`, t, kv, naming.WriterKey(naming.SecurityOfficerRole), naming.ShredMarkPrefix, naming.GrantTokenRole(""),
		naming.ConditionalMount, grantMaxTTL)
}

// GrantPolicy is the policy of a grant on one transit key: decrypt under
// that key only. Set-up writes one per dataset; the officer cannot write any.
func GrantPolicy(transitKey string) string {
	return fmt.Sprintf(`# grant: decrypt the data keys of %[2]s only
path "%[1]s/decrypt/%[2]s" { capabilities = ["update"] }
`, naming.TransitMount, transitKey)
}

// SupervisorPolicy reads key metadata and policies: who may do what, never
// data; and its own chain key (signs freezes on the public registry).
func SupervisorPolicy() string {
	return fmt.Sprintf(`# supervisor: read-only oversight
path "%[1]s/keys"        { capabilities = ["list"] }
path "%[1]s/keys/*"      { capabilities = ["read", "list"] }
path "sys/policies/acl"  { capabilities = ["list"] }
path "sys/policies/acl/*" { capabilities = ["read"] }
# Its own chain key: freeze and unfreeze on the public registry.
path "%[2]s/data/%[3]s" { capabilities = ["read"] }
`, naming.TransitMount, naming.KVMount, naming.WriterKey(naming.SupervisorRole))
}
