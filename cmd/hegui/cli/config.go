package cli

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/hegui-dev/hegui/internal/bounded"
	"github.com/hegui-dev/hegui/internal/glob"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// configName is the file `hegui scan` reads from the current directory.
const configName = ".hegui.yaml"

// Config is .hegui.yaml. Relative paths are relative to the file's directory.
type Config struct {
	AppType  string            `yaml:"app_type"`
	Policy   []string          `yaml:"policy"`
	SDKDB    []string          `yaml:"sdkdb"`
	FailOn   string            `yaml:"fail_on"`
	Lang     string            `yaml:"lang"`
	Baseline string            `yaml:"baseline"`
	Disable  []string          `yaml:"disable"`
	Severity map[string]string `yaml:"severity"`
	Suppress []Suppression     `yaml:"suppress"`

	path string
}

// Suppression waives one rule's findings, optionally only one fingerprint or
// findings whose evidence path matches a glob, with a required reason and an
// optional expiry date (YYYY-MM-DD; the suppression stops applying after it).
type Suppression struct {
	Rule        string `yaml:"rule"`
	Fingerprint string `yaml:"fingerprint"`
	Path        string `yaml:"path"`
	Reason      string `yaml:"reason"`
	Expires     string `yaml:"expires"`

	expires time.Time
}

// loadConfig reads --config FILE, or .hegui.yaml in the current directory when it
// exists. A missing --config file, unknown keys and bad values are usage errors.
func loadConfig(explicit string) (*Config, error) {
	path := explicit
	if path == "" {
		if _, err := os.Stat(configName); err != nil {
			return &Config{}, nil
		}
		path = configName
	}
	data, err := readBounded(path, maxConfigBytes)
	if err != nil {
		return nil, usageErr("config: %v", err)
	}
	var c Config
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return nil, usageErr("config %s: %v", path, err)
	}
	c.path = path
	dir := filepath.Dir(path)
	rel := func(ps []string) []string {
		out := make([]string, len(ps))
		for i, p := range ps {
			if filepath.IsAbs(p) {
				out[i] = p
			} else {
				out[i] = filepath.Join(dir, p)
			}
		}
		return out
	}
	c.Policy, c.SDKDB = rel(c.Policy), rel(c.SDKDB)
	if c.Baseline != "" {
		c.Baseline = rel([]string{c.Baseline})[0]
	}
	for i := range c.Suppress {
		s := &c.Suppress[i]
		if s.Rule == "" {
			return nil, usageErr("config %s: suppress[%d]: rule is required", path, i)
		}
		if strings.TrimSpace(s.Reason) == "" {
			return nil, usageErr("config %s: suppress[%d] (%s): reason is required", path, i, s.Rule)
		}
		if s.Path != "" {
			if !glob.Valid(s.Path) {
				return nil, usageErr("config %s: suppress[%d] (%s): bad path glob %q", path, i, s.Rule, s.Path)
			}
		}
		if s.Expires != "" {
			t, err := time.Parse("2006-01-02", s.Expires)
			if err != nil {
				return nil, usageErr("config %s: suppress[%d] (%s): expires %q is not YYYY-MM-DD", path, i, s.Rule, s.Expires)
			}
			s.expires = t
		}
	}
	return &c, nil
}

// expired reports whether the suppression no longer applies on day now.
func (s *Suppression) expired(now time.Time) bool {
	return !s.expires.IsZero() && now.After(s.expires.Add(24*time.Hour-time.Nanosecond))
}

func (s *Suppression) String() string {
	var b strings.Builder
	b.WriteString(s.Rule)
	if s.Fingerprint != "" {
		fmt.Fprintf(&b, " fingerprint %s", s.Fingerprint)
	}
	if s.Path != "" {
		fmt.Fprintf(&b, " path %s", s.Path)
	}
	return b.String()
}

const maxConfigBytes = 1 << 20

// readBounded reads at most limit bytes of file and fails when it holds more: the
// size a stat reports says nothing about /dev/zero or a FIFO.
func readBounded(file string, limit int64) ([]byte, error) {
	data, err := bounded.ReadFile(file, limit)
	if errors.Is(err, bounded.ErrTooLarge) {
		return nil, fmt.Errorf("%s: larger than %d MiB", file, limit>>20)
	}
	return data, err
}

// nowFunc is the clock suppression expiry is judged by; tests replace it.
var nowFunc = time.Now
