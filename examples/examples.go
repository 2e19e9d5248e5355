// Package examples holds the checked-in example policy, column-categories
// file and table (see README.md), embedded so that `sovereign devnet` can
// copy the policy it pins into its data folder wherever it runs.
package examples

import _ "embed"

// Policy is policy.json: the devnet's policy.
//
//go:embed policy.json
var Policy []byte

// Columns is columns.json: the column categories of stays.csv.
//
//go:embed columns.json
var Columns []byte

// Table is stays.csv.
//
//go:embed stays.csv
var Table []byte
