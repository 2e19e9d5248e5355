package node

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/params"
)

// Clique header layout: 32 bytes of vanity, the signer list at epoch blocks,
// then a 65-byte seal.
const (
	cliqueVanity = 32
	cliqueSeal   = 65
)

// Defaults of a public chain genesis.
const (
	DefaultPublicChainID = 7201
	DefaultPeriod        = 1
	DefaultEpoch         = 30000
	DefaultGasLimit      = 30_000_000
)

// unreachableTTD keeps geth on the pre-merge code path forever: clique
// difficulties are 1 or 2 per block, so this total is never reached. geth
// refuses a genesis without a terminal total difficulty.
var unreachableTTD = new(big.Int).Lsh(big.NewInt(1), 200)

var (
	// errNoSigners is returned when a public genesis has no signer.
	errNoSigners = errors.New("a public chain needs at least one signer")
	// errNotClique is returned when a genesis for the public chain has no clique section.
	errNotClique = errors.New("genesis config has no clique section: not a public chain genesis")
	// errPostLondon is returned when a clique genesis enables a fork clique cannot run.
	errPostLondon = errors.New("clique chains stop at London: remove shanghaiTime and later forks")
)

// PublicSpec describes a public (clique) chain to create.
type PublicSpec struct {
	ChainID  uint64
	Period   uint64 // seconds between blocks; 0 = seal only when transactions wait
	Epoch    uint64 // blocks between checkpoints that reset votes
	GasLimit uint64
	Signers  []common.Address
	Alloc    map[common.Address]*big.Int // initial balances in wei
	Time     uint64                      // genesis timestamp
}

// PublicGenesis builds the genesis of a clique proof-of-authority chain with
// every fork up to London active from block 0.
func PublicGenesis(spec PublicSpec) (*core.Genesis, error) {
	if len(spec.Signers) == 0 {
		return nil, errNoSigners
	}
	signers := slices.Clone(spec.Signers)
	slices.SortFunc(signers, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	for i := 1; i < len(signers); i++ {
		if signers[i] == signers[i-1] {
			return nil, fmt.Errorf("signer %s listed twice", signers[i])
		}
	}
	if spec.ChainID == 0 {
		spec.ChainID = DefaultPublicChainID
	}
	if spec.Epoch == 0 {
		spec.Epoch = DefaultEpoch
	}
	if spec.GasLimit == 0 {
		spec.GasLimit = DefaultGasLimit
	}
	extra := make([]byte, cliqueVanity, cliqueVanity+len(signers)*common.AddressLength+cliqueSeal)
	for _, s := range signers {
		extra = append(extra, s[:]...)
	}
	extra = append(extra, make([]byte, cliqueSeal)...)

	alloc := make(types.GenesisAlloc, len(spec.Alloc))
	for addr, wei := range spec.Alloc {
		if wei == nil || wei.Sign() < 0 {
			return nil, fmt.Errorf("balance of %s must be a non-negative amount of wei", addr)
		}
		alloc[addr] = types.Account{Balance: new(big.Int).Set(wei)}
	}
	zero := big.NewInt(0)
	g := &core.Genesis{
		Config: &params.ChainConfig{
			ChainID:                 new(big.Int).SetUint64(spec.ChainID),
			HomesteadBlock:          zero,
			EIP150Block:             zero,
			EIP155Block:             zero,
			EIP158Block:             zero,
			ByzantiumBlock:          zero,
			ConstantinopleBlock:     zero,
			PetersburgBlock:         zero,
			IstanbulBlock:           zero,
			MuirGlacierBlock:        zero,
			BerlinBlock:             zero,
			LondonBlock:             zero,
			ArrowGlacierBlock:       zero,
			GrayGlacierBlock:        zero,
			TerminalTotalDifficulty: new(big.Int).Set(unreachableTTD),
			Clique:                  &params.CliqueConfig{Period: spec.Period, Epoch: spec.Epoch},
		},
		Timestamp:  spec.Time,
		ExtraData:  extra,
		GasLimit:   spec.GasLimit,
		Difficulty: big.NewInt(1),
		BaseFee:    big.NewInt(params.InitialBaseFee),
		Alloc:      alloc,
	}
	return g, nil
}

// CheckPublic reports whether g is a genesis the public chain can run: a
// clique section, no fork after London, a terminal total difficulty and a
// well-formed signer list.
func CheckPublic(g *core.Genesis) error {
	c := g.Config
	if c == nil || c.ChainID == nil {
		return errors.New("genesis has no config or no chainId")
	}
	if c.Clique == nil {
		return errNotClique
	}
	if c.ShanghaiTime != nil || c.CancunTime != nil || c.PragueTime != nil || c.OsakaTime != nil {
		return errPostLondon
	}
	if c.LondonBlock == nil {
		return errors.New("genesis must enable London (londonBlock) for EIP-1559 fees")
	}
	if c.TerminalTotalDifficulty == nil || c.TerminalTotalDifficulty.Sign() == 0 {
		return errors.New("genesis needs a non-zero terminalTotalDifficulty larger than any reachable total difficulty")
	}
	n := len(g.ExtraData) - cliqueVanity - cliqueSeal
	if n <= 0 || n%common.AddressLength != 0 {
		return fmt.Errorf("genesis extraData is %d bytes: want 32 bytes vanity, 20 bytes per signer (at least one), 65 zero bytes", len(g.ExtraData))
	}
	return nil
}

// CliqueSigners returns the signer list in the extra data of a clique
// genesis or checkpoint header (vanity, signers, seal).
func CliqueSigners(extra []byte) []common.Address {
	n := (len(extra) - cliqueVanity - cliqueSeal) / common.AddressLength
	out := make([]common.Address, 0, max(n, 0))
	for i := 0; i < n; i++ {
		out = append(out, common.BytesToAddress(extra[cliqueVanity+i*common.AddressLength:cliqueVanity+(i+1)*common.AddressLength]))
	}
	return out
}

// ReadGenesis loads and decodes a genesis JSON file, naming the file in every
// error.
func ReadGenesis(path string) (*core.Genesis, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading genesis: %w", err)
	}
	g := new(core.Genesis)
	if err := json.Unmarshal(data, g); err != nil {
		return nil, fmt.Errorf("genesis %s is not valid genesis JSON: %w", path, err)
	}
	if g.Config == nil {
		return nil, fmt.Errorf("genesis %s has no \"config\" section", path)
	}
	return g, nil
}

// WriteGenesis writes g as indented JSON.
func WriteGenesis(path string, g *core.Genesis) error {
	data, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding genesis: %w", err)
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("writing genesis: %w", err)
	}
	return nil
}
