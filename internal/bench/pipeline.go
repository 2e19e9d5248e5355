package bench

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	gnarklogger "github.com/consensys/gnark/logger"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/bindings/releasebridge"
	"github.com/sovereign-gov/sovereign/bindings/reviewboard"
	"github.com/sovereign-gov/sovereign/bridge"
	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/department"
	"github.com/sovereign-gov/sovereign/internal/devnet"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/review"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/records/chainstore"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
	"github.com/sovereign-gov/sovereign/sidechains/private/submission"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
	"github.com/sovereign-gov/sovereign/zk"
)

// PipelineConfig shapes `sovereign bench pipeline`.
type PipelineConfig struct {
	Bin         string // the sovereign binary (runs the devnet)
	Dir         string // work folder (the devnet's data, tables)
	Records     int    // records in all
	Departments int    // submitting at once (≤ the devnet's)
	Columns     int
	Rows        int
	HTTPPort    int // the devnet's first JSON-RPC port
	P2PPort     int
	VaultPort   int
	Timeout     time.Duration
	Log         io.Writer
	// ProfileDir, when set, receives CPU profiles of the end-to-end phase:
	// bench.cpu.pprof (departments and validators' votes, this process)
	// and devnet-N.cpu.pprof (every node and the relayer, in 10 s slices;
	// `go tool pprof` merges them). PprofPort serves the devnet's profiles.
	ProfileDir string
	PprofPort  int
}

// PipelineResult is what the pipeline bench measured.
type PipelineResult struct {
	Records  int
	Elapsed  time.Duration // first submission start to last publication
	EndToEnd float64       // records/s through the whole devnet, first submission to last publication
	// Steady is the rate of publication once the pipeline is full: the
	// middle 80 % of the records, from the 10th to the 90th percentile of
	// their publication times (the whole-run figure also pays the first
	// record's fill and the last one's latency, about 8 s each).
	Steady   float64
	Prover   float64       // records/s of the prover alone from the tables (hash ‖ prove, as `zk prove`)
	Groth16  float64       // records/s of the proofs alone (statements built beforehand)
	P50, P99 time.Duration // submit start → Published on the public chain
	// OnBoardP50 is submit start → on the ReviewBoard (the department's
	// part), DecidedP50 → its Decision on the consortium (the review), the
	// rest relay and publication.
	OnBoardP50, DecidedP50 time.Duration
	GasPerRecord           uint64 // bridge relay gas per published record
	RelayTxs               int
}

func (r PipelineResult) String() string {
	return fmt.Sprintf("pipeline: %d records of 16 columns through the devnet in %s: %.2f records/s end to end (%.2fx), %.2f records/s once full (%.2fx), vs %.2f records/s prover alone from the tables (proofs alone %.2f records/s); submit→public p50 %s p99 %s (p50: on the ReviewBoard at %s, decided at %s); bridge gas %dk/record in %d relay txs",
		r.Records, r.Elapsed.Round(time.Millisecond), r.EndToEnd, r.EndToEnd/r.Prover, r.Steady, r.Steady/r.Prover, r.Prover, r.Groth16,
		r.P50.Round(time.Millisecond), r.P99.Round(time.Millisecond), r.OnBoardP50.Round(time.Millisecond), r.DecidedP50.Round(time.Millisecond), r.GasPerRecord/1000, r.RelayTxs)
}

// benchRecord is one record of the run.
type benchRecord struct {
	req      submission.Request
	id       common.Hash
	start    time.Time
	reviewed time.Time // on the ReviewBoard (the department's last step)
	decided  time.Time // its Decision seen on the consortium
	done     time.Time
}

// Pipeline starts a devnet (4 validators, its relayer), then submits
// cfg.Records records from cfg.Departments departments at once, with three
// validators approving as records arrive, and times each record from
// submission to its Published log on the public chain. The prover alone
// proves the same records on the same (idle) devnet first, as reference.
func Pipeline(ctx context.Context, cfg PipelineConfig) (*PipelineResult, error) {
	logf := func(format string, a ...any) { fmt.Fprintf(cfg.Log, format+"\n", a...) }
	gnarklogger.Disable()
	devDir := filepath.Join(cfg.Dir, "devnet")
	logf("starting the devnet in %s (logs in %s)", devDir, filepath.Join(cfg.Dir, "devnet.log"))
	args := []string{"devnet", "--datadir", devDir,
		"--http.port", fmt.Sprint(cfg.HTTPPort), "--p2p.port", fmt.Sprint(cfg.P2PPort), "--vault.port", fmt.Sprint(cfg.VaultPort),
		"--verbosity", "2"}
	if cfg.ProfileDir != "" {
		args = append(args, "--pprof.addr", fmt.Sprintf("127.0.0.1:%d", cfg.PprofPort))
	}
	dn, err := StartProcess("devnet", cfg.Dir, cfg.Bin, args...)
	if err != nil {
		return nil, err
	}
	defer dn.Stop()
	m, err := waitManifest(ctx, dn, devDir, 5*time.Minute)
	if err != nil {
		return nil, err
	}
	depts := devnet.DevDepartments()
	if cfg.Departments > len(depts) {
		return nil, fmt.Errorf("bench pipeline: the devnet has %d departments", len(depts))
	}
	depts = depts[:cfg.Departments]

	recs, err := benchTables(cfg, devDir, depts)
	if err != nil {
		return nil, err
	}
	keys, err := zk.DevSetup(record.SizeSmall, []byte(zk.DevSeed))
	if err != nil {
		return nil, err
	}

	logf("prover alone: %d records", len(recs))
	proverRate, groth16Rate, err := proverRates(keys, recs)
	if err != nil {
		return nil, err
	}

	subs := make(map[string]*department.Submitter, len(depts))
	for _, d := range depts {
		s, err := benchSubmitter(ctx, m, devDir, d, keys)
		if err != nil {
			return nil, err
		}
		subs[d] = s
	}
	pub, err := ethclient.DialContext(ctx, m.Public.RPC[0])
	if err != nil {
		return nil, err
	}
	defer pub.Close()
	from, err := pub.BlockNumber(ctx)
	if err != nil {
		return nil, err
	}

	ctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, len(depts)+2)
	stopVotes := make(chan struct{})
	go func() { errs <- approveAsTheyCome(ctx, m, devDir, stopVotes) }()
	if cfg.ProfileDir != "" {
		stopProfiles, err := profileRun(ctx, cfg.ProfileDir, cfg.PprofPort, logf)
		if err != nil {
			return nil, err
		}
		defer stopProfiles()
	}
	logf("submitting %d records from %d departments at once", len(recs), len(depts))
	for i, d := range depts {
		var jobs []department.Job
		var mine []*benchRecord
		for j := i; j < len(recs); j += len(depts) {
			r := recs[j]
			mine = append(mine, r)
			jobs = append(jobs, department.Job{Request: r.req, Started: func() { r.start = time.Now() }})
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			subs[d].SubmitAll(ctx, jobs, func(k int, _ *department.Outcome, err error) {
				mine[k].reviewed = time.Now()
				if err != nil {
					select {
					case errs <- fmt.Errorf("%s: record %x: %w", d, mine[k].id, err):
					default:
					}
					cancel() // a record that cannot be published ends the run
				}
			})
		}()
	}
	cons, err := ethclient.DialContext(ctx, m.Consortium.RPC[0])
	if err != nil {
		return nil, err
	}
	defer cons.Close()
	consFrom, err := cons.BlockNumber(ctx)
	if err != nil {
		return nil, err
	}
	go watchLogs(ctx, cons, m.Consortium.ReviewBoard, bridge.DecisionTopic, consFrom, recs, func(r *benchRecord) *time.Time { return &r.decided }, nil)
	err = watchLogs(ctx, pub, m.Public.Registry, dataregistry.NewDataRegistry().GetABI().Events["Published"].ID, from, recs,
		func(r *benchRecord) *time.Time { return &r.done }, cfg.Log)
	close(stopVotes)
	wg.Wait()
	if err != nil {
		select {
		case e := <-errs:
			return nil, fmt.Errorf("%w (first failure: %v)", err, e)
		default:
		}
		return nil, err
	}
	res := &PipelineResult{Records: len(recs), Prover: proverRate, Groth16: groth16Rate}
	first, last := recs[0].start, recs[0].done
	lat := make([]time.Duration, len(recs))
	onBoard := make([]time.Duration, len(recs))
	decided := make([]time.Duration, len(recs))
	for i, r := range recs {
		first = minTime(first, r.start)
		if r.done.After(last) {
			last = r.done
		}
		lat[i] = r.done.Sub(r.start)
		onBoard[i] = r.reviewed.Sub(r.start)
		decided[i] = r.decided.Sub(r.start)
	}
	slices.Sort(lat)
	slices.Sort(onBoard)
	slices.Sort(decided)
	res.OnBoardP50, res.DecidedP50 = onBoard[len(onBoard)/2], decided[len(decided)/2]
	res.Elapsed = last.Sub(first)
	res.EndToEnd = float64(len(recs)) / res.Elapsed.Seconds()
	res.P50, res.P99 = lat[len(lat)/2], lat[min(len(lat)-1, len(lat)*99/100)]
	res.Steady = steadyRate(recs)
	res.GasPerRecord, res.RelayTxs, err = relayGas(ctx, pub, m.Public.Bridge, from, len(recs))
	return res, err
}

// steadyRate is the publication rate of the middle 80 % of the records
// (10th to 90th percentile of publication times); with fewer than 10
// records, of all of them.
func steadyRate(recs []*benchRecord) float64 {
	done := make([]time.Time, len(recs))
	for i, r := range recs {
		done[i] = r.done
	}
	slices.SortFunc(done, time.Time.Compare)
	lo, hi := len(done)/10, len(done)*9/10
	if hi-lo < 2 {
		lo, hi = 0, len(done)-1
	}
	span := done[hi].Sub(done[lo]).Seconds()
	if span <= 0 {
		return 0
	}
	return float64(hi-lo) / span
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// waitManifest waits for the devnet's manifest (written once everything is deployed).
func waitManifest(ctx context.Context, p *Process, dir string, limit time.Duration) (*deploy.Manifest, error) {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		select {
		case <-p.done:
			b, _ := os.ReadFile(p.log)
			return nil, fmt.Errorf("the devnet exited during start-up:\n%s", tail(string(b), 20))
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
		if m, err := deploy.LoadManifest(dir); err == nil {
			return m, nil
		}
	}
	return nil, fmt.Errorf("no devnet manifest in %s within %s; see %s", dir, limit, p.log)
}

// benchTables writes the records' tables: cfg.Columns columns of cfg.Rows
// rows, three quarters open and a quarter conditional (released at open).
func benchTables(cfg PipelineConfig, devDir string, depts []string) ([]*benchRecord, error) {
	pf, err := record.LoadPolicyFile(filepath.Join(devDir, "policy.json"))
	if err != nil {
		return nil, err
	}
	var open, conditional string
	for _, c := range pf.Categories {
		switch {
		case c.Level == record.LevelOpen && open == "":
			open = c.Name
		case c.Level == record.LevelConditional && conditional == "":
			conditional = c.Name
		}
	}
	if open == "" || conditional == "" {
		return nil, errors.New("bench pipeline: the devnet policy needs an open and a conditional category")
	}
	dir := filepath.Join(filepath.Dir(devDir), "tables")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	cats := map[string]string{}
	var header []string
	for c := range cfg.Columns {
		name := fmt.Sprintf("c%02d", c)
		header = append(header, name)
		cats[name] = open
		if c >= cfg.Columns*3/4 {
			cats[name] = conditional
		}
	}
	catsPath := filepath.Join(dir, "columns.json")
	b, _ := json.Marshal(cats)
	if err := os.WriteFile(catsPath, b, 0o600); err != nil {
		return nil, err
	}
	recs := make([]*benchRecord, cfg.Records)
	for i := range recs {
		d := depts[i%len(depts)]
		var sb strings.Builder
		sb.WriteString(strings.Join(header, ",") + "\n")
		for r := range cfg.Rows {
			for c := range cfg.Columns {
				if c > 0 {
					sb.WriteByte(',')
				}
				fmt.Fprintf(&sb, "%d", (r*31+c*7+i)%100000+rand.IntN(10))
			}
			sb.WriteByte('\n')
		}
		table := filepath.Join(dir, fmt.Sprintf("r%04d.csv", i))
		if err := os.WriteFile(table, []byte(sb.String()), 0o600); err != nil {
			return nil, err
		}
		ds := devnet.DevDatasets(d)[0]
		version := uint64(i/len(depts) + 1)
		recs[i] = &benchRecord{
			req: submission.Request{Department: d, Dataset: ds, Version: version, Table: table, Columns: catsPath,
				Policy: filepath.Join(devDir, "policy.json"), SaltFile: filepath.Join(dir, fmt.Sprintf("r%04d.salt", i)), NewSalt: true},
			id: review.RecordID(deploy.DatasetID(d, ds), version),
		}
	}
	return recs, nil
}

// proverRates measures the prover alone on the records, two ways:
//
//   - fromTable is what `sovereign zk prove` does for each record: read
//     and hash its table (every cell, Poseidon2), build the statement and
//     the released view, and prove. Tables are hashed by one worker per
//     core while the proofs run, so the machine is kept busy: it is the
//     ceiling the pipeline is held to, which does this work and more.
//   - groth16 is the proofs alone, the statements built before the clock
//     starts: the gnark part of that work.
func proverRates(keys *zk.Keys, recs []*benchRecord) (fromTable, groth16 float64, err error) {
	type built struct {
		st   *record.Statement
		cols []string
		err  error
	}
	todo := make(chan *benchRecord, len(recs))
	for _, r := range recs {
		todo <- r
	}
	close(todo)
	ready := make(chan built, runtime.GOMAXPROCS(0))
	var hashers sync.WaitGroup
	start := time.Now()
	for range runtime.GOMAXPROCS(0) {
		hashers.Add(1)
		go func() {
			defer hashers.Done()
			for r := range todo {
				st, cols, err := statementOf(r)
				ready <- built{st, cols, err}
			}
		}()
	}
	go func() { hashers.Wait(); close(ready) }()
	sts := make([]built, 0, len(recs))
	for b := range ready {
		if b.err == nil {
			_, b.err = zk.Prove(keys, b.st, b.cols)
		}
		if b.err != nil {
			for range ready { // let the hashers finish
			}
			return 0, 0, b.err
		}
		sts = append(sts, b)
	}
	fromTable = float64(len(recs)) / time.Since(start).Seconds()

	start = time.Now()
	for _, b := range sts {
		if _, err := zk.Prove(keys, b.st, b.cols); err != nil {
			return 0, 0, err
		}
	}
	return fromTable, float64(len(sts)) / time.Since(start).Seconds(), nil
}

// statementOf reads and hashes a record's table and builds its statement
// bound to its released view, as a department's submission does.
func statementOf(r *benchRecord) (*record.Statement, []string, error) {
	t, err := record.LoadTable(r.req.Table)
	if err != nil {
		return nil, nil, err
	}
	pol, names, err := record.LoadPolicy(r.req.Policy)
	if err != nil {
		return nil, nil, err
	}
	cats, err := record.LoadColumnCategories(r.req.Columns, names)
	if err != nil {
		return nil, nil, err
	}
	// hashed as a department's submission hashes it (streaming the file)
	cols, err := record.HashCSVFile(r.req.Table, nil)
	if err != nil {
		return nil, nil, err
	}
	rec, err := record.NewRecordFromHashes(cols.Names, cols.Hashes, cats)
	if err != nil {
		return nil, nil, err
	}
	salt, err := record.NewSalt()
	if err != nil {
		return nil, nil, err
	}
	st, err := record.NewStatement(rec, pol, record.LevelOpen, salt)
	if err != nil {
		return nil, nil, err
	}
	binding, _, err := record.ViewBinding(r.req.Department, r.req.Dataset, r.req.Version, t, st)
	if err != nil {
		return nil, nil, err
	}
	st.Bind(binding)
	return st, t.Columns, nil
}

// benchSubmitter logs a department in to the devnet's Vault with its
// dev-only AppRole credentials and wires its submitter.
func benchSubmitter(ctx context.Context, m *deploy.Manifest, devDir, dept string, keys *zk.Keys) (*department.Submitter, error) {
	creds := filepath.Join(devDir, "vault", "credentials-DEV-ONLY")
	role := naming.DepartmentRole(dept)
	id, err := os.ReadFile(filepath.Join(creds, role+".role-id"))
	if err != nil {
		return nil, err
	}
	secret, err := os.ReadFile(filepath.Join(creds, role+".secret-id"))
	if err != nil {
		return nil, err
	}
	v, err := vaultclient.New(m.Vault)
	if err != nil {
		return nil, err
	}
	if err := v.LoginAppRole(ctx, strings.TrimSpace(string(id)), strings.TrimSpace(string(secret))); err != nil {
		return nil, err
	}
	key, err := v.SigningKey(ctx, naming.WriterKey(role))
	if err != nil {
		return nil, err
	}
	priv, err := ethclient.DialContext(ctx, m.Private.RPC[0])
	if err != nil {
		return nil, err
	}
	store, err := chainstore.New(priv, m.Private.Store, bind.NewKeyedTransactor(key, m.Private.ChainID), m.Private.Blobs)
	if err != nil {
		return nil, err
	}
	board, err := review.Dial(ctx, m.Consortium.RPC[0], m.Consortium.ReviewBoard)
	if err != nil {
		return nil, err
	}
	return &department.Submitter{
		Private: sensitive.New(v, store, sensitive.WithLogger(slog.New(slog.DiscardHandler))), Key: key, Board: board, Content: m.Content,
		Keys: func(int) (*zk.Keys, error) { return keys, nil },
	}, nil
}

// approveAsTheyCome has validators 0–2 approve every record as its
// Submitted log appears, each validator with one voteBatch per round of
// new records, until stop: the review a quick, agreeing board would give.
func approveAsTheyCome(ctx context.Context, m *deploy.Manifest, devDir string, stop <-chan struct{}) error {
	var keys []*ecdsa.PrivateKey
	for i := range 3 {
		base := filepath.Join(devDir, "consortium", fmt.Sprintf("validator%d", i))
		k, err := node.LoadKey(base+".keystore.json", base+".password.DEV-ONLY")
		if err != nil {
			return err
		}
		keys = append(keys, k)
	}
	board, err := review.Dial(ctx, m.Consortium.RPC[0], m.Consortium.ReviewBoard)
	if err != nil {
		return err
	}
	defer board.Close()
	client := board.Client()
	next, err := client.BlockNumber(ctx)
	if err != nil {
		return err
	}
	submitted := reviewboard.NewReviewBoard().GetABI().Events["Submitted"].ID
	todo := make([][][32]byte, len(keys)) // per validator: submitted, not yet voted
	for {
		select {
		case <-stop:
			return nil
		case <-ctx.Done():
			return nil
		case <-time.After(time.Second): // a round per consortium block: decisions share blocks (and the relay's proofs)
		}
		head, err := client.BlockNumber(ctx)
		if err != nil || head < next {
			continue
		}
		logs, err := client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(next), ToBlock: new(big.Int).SetUint64(head),
			Addresses: []common.Address{m.Consortium.ReviewBoard}, Topics: [][]common.Hash{{submitted}}})
		if err != nil {
			continue
		}
		next = head + 1
		for _, l := range logs {
			for k := range todo {
				todo[k] = append(todo[k], l.Topics[1])
			}
		}
		// the validators are independent people: they vote at once
		var wg sync.WaitGroup
		for k, key := range keys {
			if len(todo[k]) == 0 {
				continue
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				ballots := make([]review.Ballot, len(todo[k]))
				for i, id := range todo[k] {
					ballots[i] = review.Ballot{RecordID: id, Approve: true, Reason: "bench: approved"}
				}
				if _, err := board.Vote(ctx, key, ballots); err == nil {
					todo[k] = nil
					return
				}
				// keep what this validator has still to vote on
				me := crypto.PubkeyToAddress(key.PublicKey)
				var left [][32]byte
				for _, id := range todo[k] {
					e, err := board.Entry(ctx, id)
					if err != nil || e.Tally.Status == review.StatusPending && !slices.ContainsFunc(e.Votes, func(v review.Vote) bool { return v.Validator == me }) {
						left = append(left, id)
					}
				}
				todo[k] = left
			}()
		}
		wg.Wait()
	}
}

// watchLogs polls a contract's logs with topic (a record id as first
// indexed argument) until every record has one, setting the time it was
// seen; log, if not nil, is told the progress.
func watchLogs(ctx context.Context, c *ethclient.Client, addr common.Address, topic common.Hash, from uint64, recs []*benchRecord,
	seen func(*benchRecord) *time.Time, log io.Writer) error {
	byID := make(map[common.Hash]*benchRecord, len(recs))
	for _, r := range recs {
		byID[r.id] = r
	}
	left, next := len(recs), from
	lastReport := time.Now()
	for left > 0 {
		select {
		case <-ctx.Done():
			return fmt.Errorf("bench pipeline: %d of %d records not seen: %w", left, len(recs), ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
		head, err := c.BlockNumber(ctx)
		if err != nil || head < next {
			continue
		}
		logs, err := c.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(next), ToBlock: new(big.Int).SetUint64(head),
			Addresses: []common.Address{addr}, Topics: [][]common.Hash{{topic}}})
		if err != nil {
			continue
		}
		now := time.Now()
		for _, l := range logs {
			if r := byID[l.Topics[1]]; r != nil && seen(r).IsZero() {
				*seen(r) = now
				left--
			}
		}
		next = head + 1
		if log != nil && time.Since(lastReport) > 5*time.Second {
			fmt.Fprintf(log, "  %d of %d records published\n", len(recs)-left, len(recs))
			lastReport = time.Now()
		}
	}
	return nil
}

// relayGas sums the gas of the bridge transactions that relayed the run's
// decisions, per published record.
func relayGas(ctx context.Context, pub *ethclient.Client, bridge common.Address, from uint64, records int) (uint64, int, error) {
	topic := releasebridge.NewReleaseBridge().GetABI().Events["Relayed"].ID
	logs, err := pub.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(from), Addresses: []common.Address{bridge}, Topics: [][]common.Hash{{topic}}})
	if err != nil {
		return 0, 0, fmt.Errorf("bench pipeline: relay logs: %w", err)
	}
	txs := map[common.Hash]bool{}
	for _, l := range logs {
		txs[l.TxHash] = true
	}
	var gas uint64
	for h := range txs {
		rc, err := pub.TransactionReceipt(ctx, h)
		if err != nil {
			return 0, 0, fmt.Errorf("bench pipeline: receipt %s: %w", h, err)
		}
		gas += rc.GasUsed
	}
	return gas / uint64(max(records, 1)), len(txs), nil
}
