package vaultclient

import (
	"strings"
	"time"
)

func containsFold(s, sub string) bool { return strings.Contains(strings.ToLower(s), sub) }

func timeAfter(seconds int) <-chan time.Time { return time.After(time.Duration(seconds) * time.Second) }
