// Package native extracts what hegui reads from native libraries.
package native

// Strings returns the printable ASCII runs of at least minLen bytes in b, each
// truncated to maxLen, unique, in file order, at most maxCount of them.
func Strings(b []byte, minLen, maxLen, maxCount int) []string {
	var out []string
	seen := map[string]bool{}
	start := -1
	flush := func(end int) {
		if start < 0 || end-start < minLen || len(out) >= maxCount {
			return
		}
		s := b[start:end]
		if len(s) > maxLen {
			s = s[:maxLen]
		}
		if str := string(s); !seen[str] {
			seen[str] = true
			out = append(out, str)
		}
	}
	for i, c := range b {
		if c >= 0x20 && c < 0x7f || c == '\t' {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		start = -1
		if len(out) >= maxCount {
			return out
		}
	}
	flush(len(b))
	return out
}
