package proctest

import (
	"bufio"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// Scrape reads a Prometheus text exposition at url into name → value; a
// summary's quantiles are keyed with their label (`x {quantile="0.5"}`).
func Scrape(t testing.TB, url string) map[string]float64 {
	t.Helper()
	out, err := TryScrape(url)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TryScrape is Scrape for a server that may not be up yet.
func TryScrape(url string) (map[string]float64, error) {
	res, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, res.Status)
	}
	out := map[string]float64{}
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if i < 0 {
			continue
		}
		if v, err := strconv.ParseFloat(line[i+1:], 64); err == nil {
			out[line[:i]] = v
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", url, err)
	}
	return out, nil
}

// ExpectMetrics fails t for each name in checks that was not scraped or
// whose check (computed from scraped) is false.
func ExpectMetrics(t testing.TB, scraped map[string]float64, checks map[string]bool) {
	t.Helper()
	for name, ok := range checks {
		if v, present := scraped[name]; !present || !ok {
			t.Errorf("metric %s = %v (present %v)", name, v, present)
		}
	}
}

// ExpectServed fails t for each name (or name prefix) in names that no
// scraped metric starts with; why says where the names come from.
func ExpectServed(t testing.TB, scraped map[string]float64, names []string, why string) {
	t.Helper()
	for _, w := range names {
		found := false
		for name := range scraped {
			if strings.HasPrefix(name, w) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("metric %s (%s) is not served", w, why)
		}
	}
}
