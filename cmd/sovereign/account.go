package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/node"
)

func accountCommand() *cli.Command {
	return &cli.Command{
		Name:  "account",
		Usage: "manage signing keys in geth keystore files",
		Subcommands: []*cli.Command{{
			Name:  "new",
			Usage: "create a key and write it encrypted to a keystore file",
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "keystore", Usage: "folder to write the keystore file into", Required: true},
				&cli.StringFlag{Name: "password", Usage: "file holding the password", Required: true},
				&cli.BoolFlag{Name: "lightkdf", Usage: "cheap scrypt parameters (development keys only)"},
			},
			Action: func(c *cli.Context) error {
				pw, err := os.ReadFile(c.String("password"))
				if err != nil {
					return fmt.Errorf("reading password file: %w", err)
				}
				password := strings.TrimRight(string(pw), "\r\n")
				if password == "" {
					return fmt.Errorf("password file %s is empty", c.String("password"))
				}
				key, err := crypto.GenerateKey()
				if err != nil {
					return err
				}
				addr := crypto.PubkeyToAddress(key.PublicKey)
				if err := os.MkdirAll(c.String("keystore"), 0o700); err != nil {
					return fmt.Errorf("keystore folder: %w", err)
				}
				path := filepath.Join(c.String("keystore"), "key-"+strings.ToLower(addr.Hex()[2:])+".json")
				if err := node.WriteKey(path, key, password, c.Bool("lightkdf")); err != nil {
					return err
				}
				fmt.Fprintf(c.App.Writer, "address %s\nkeystore %s\n", addr.Hex(), path)
				return nil
			},
		}},
	}
}
