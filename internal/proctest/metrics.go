package proctest

import (
	"bufio"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// Scrape reads a Prometheus text exposition at url into name → value; a
// summary's quantiles are keyed with their label (`x {quantile="0.5"}`).
func Scrape(t testing.TB, url string) map[string]float64 {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, res.Status)
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
		t.Fatalf("reading %s: %v", url, err)
	}
	return out
}

// MissingMetrics returns the names (or name prefixes) among want, starting
// with prefix, that no metric in scraped starts with.
func MissingMetrics(scraped map[string]float64, want []string, prefix string) []string {
	var missing []string
	for _, w := range want {
		if !strings.HasPrefix(w, prefix) {
			continue
		}
		found := false
		for name := range scraped {
			if strings.HasPrefix(name, w) {
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, w)
		}
	}
	return missing
}
