# Vault: a real HashiCorp Vault v1.21.1 server built from source (tools/vault)
# once per machine and cached under $XDG_CACHE_HOME/sovereign/vault-1.21.1/.
# Tests and the devnet find it there.
.PHONY: vault
SETUP += vault
vault:
	@scripts/vault.sh build
