package node

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"
)

// LoadKey decrypts a geth keystore (v3 JSON) file with the password in
// passwordFile. The key stays in memory only.
func LoadKey(keyFile, passwordFile string) (*ecdsa.PrivateKey, error) {
	blob, err := os.ReadFile(keyFile)
	if err != nil {
		return nil, fmt.Errorf("reading keystore: %w", err)
	}
	pw, err := os.ReadFile(passwordFile)
	if err != nil {
		return nil, fmt.Errorf("reading password file: %w", err)
	}
	key, err := keystore.DecryptKey(blob, strings.TrimRight(string(pw), "\r\n"))
	if errors.Is(err, keystore.ErrDecrypt) {
		return nil, fmt.Errorf("keystore %s: wrong password (from %s)", keyFile, passwordFile)
	}
	if err != nil {
		return nil, fmt.Errorf("keystore %s: %w", keyFile, err)
	}
	return key.PrivateKey, nil
}

// WriteKey encrypts key into a geth keystore file at path with password.
// light selects cheap scrypt parameters for throw-away development keys.
func WriteKey(path string, key *ecdsa.PrivateKey, password string, light bool) error {
	n, p := keystore.StandardScryptN, keystore.StandardScryptP
	if light {
		n, p = keystore.LightScryptN, keystore.LightScryptP
	}
	id, err := uuid.NewRandom()
	if err != nil {
		return fmt.Errorf("key id: %w", err)
	}
	k := &keystore.Key{Id: id, Address: crypto.PubkeyToAddress(key.PublicKey), PrivateKey: key}
	blob, err := keystore.EncryptKey(k, password, n, p)
	if err != nil {
		return fmt.Errorf("encrypting key: %w", err)
	}
	if err := os.WriteFile(path, blob, 0o600); err != nil {
		return fmt.Errorf("writing keystore: %w", err)
	}
	return nil
}
