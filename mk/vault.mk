# Vault: a real HashiCorp Vault v1.21.1 server built from source (tools/vault)
# once per machine and cached under $XDG_CACHE_HOME/sovereign/vault-1.21.1/.
# Tests and the devnet find it there.
.PHONY: vault
SETUP += vault
vault:
	@scripts/vault.sh build

# `make bench`: envelope encryption on a real Vault, batched vs one request each.
.PHONY: bench-vault
BENCHES += bench-vault
bench-vault: build
	$(BIN)/sovereign bench vault
