package vaultsetup

import (
	"fmt"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
)

// The policies grant each role only the paths its job needs. Departments
// encrypt and decrypt under their own keys; security officers manage keys and
// rewrap but cannot decrypt; supervisors only read key metadata and policies;
// validators read only their own signing key. Grant policies (decrypt under
// one key) are written at grant time by vaultclient.GrantDecrypt.

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
`, t, g, department, naming.KVMount, naming.WriterKey(naming.DepartmentRole(department)))
}

// ValidatorPolicy lets one validator read its own signing key.
func ValidatorPolicy(name string) string {
	return fmt.Sprintf(`# validator %[2]s: its own signing key, read only
path "%[1]s/data/%[2]s" { capabilities = ["read"] }
`, naming.KVMount, name)
}

// SecurityOfficerPolicy manages transit keys (create, rotate, rewrap, shred),
// validator keys and single-dataset grants; it has no decrypt or datakey path.
func SecurityOfficerPolicy() string {
	t, kv := naming.TransitMount, naming.KVMount
	return fmt.Sprintf(`# security officer: key life cycle, no access to data
path "%[1]s/keys"          { capabilities = ["list"] }
path "%[1]s/keys/*"        { capabilities = ["create", "read", "update", "delete", "list"] }
path "%[1]s/keys/+/rotate" { capabilities = ["update"] }
path "%[1]s/keys/+/config" { capabilities = ["update"] }
path "%[1]s/rewrap/*"      { capabilities = ["update"] }
path "%[2]s/data/*"        { capabilities = ["create", "update", "read"] }
path "%[2]s/metadata/*"    { capabilities = ["read", "list", "delete"] }
path "sys/policies/acl/sovereign-grant-*" { capabilities = ["create", "update", "read", "delete"] }
path "auth/token/create/%[3]s" { capabilities = ["update"] }
path "auth/token/lookup-accessor" { capabilities = ["update"] }
path "auth/token/revoke-accessor" { capabilities = ["update"] }
`, t, kv, naming.GrantTokenRole)
}

// SupervisorPolicy reads key metadata and policies: who may do what, never data.
func SupervisorPolicy() string {
	return fmt.Sprintf(`# supervisor: read-only oversight
path "%[1]s/keys"        { capabilities = ["list"] }
path "%[1]s/keys/*"      { capabilities = ["read", "list"] }
path "sys/policies/acl"  { capabilities = ["list"] }
path "sys/policies/acl/*" { capabilities = ["read"] }
`, naming.TransitMount)
}
