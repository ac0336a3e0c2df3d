package checks

import (
	"encoding/json"
	"fmt"
	"strings"
)

var severityNames = [...]string{"info", "low", "medium", "high", "critical"}

// String returns the lower-case name: "info" … "critical".
func (s Severity) String() string {
	if s >= Info && int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads a severity name, case-insensitively.
func ParseSeverity(name string) (Severity, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for i, s := range severityNames {
		if s == n {
			return Severity(i), nil
		}
	}
	return Info, fmt.Errorf("unknown severity %q (want one of %s)", name, strings.Join(severityNames[:], ", "))
}

func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

func (s *Severity) UnmarshalJSON(b []byte) error {
	var name string
	if err := json.Unmarshal(b, &name); err != nil {
		return err
	}
	v, err := ParseSeverity(name)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// MarshalText lets Severity be a map key and a YAML scalar.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
