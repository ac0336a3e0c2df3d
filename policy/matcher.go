package policy

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// matcher finds literal patterns in lowered text, leftmost-longest, never inside an
// ASCII word ("QQ" does not match in "QQQ", "face" not in "interface"). It indexes
// patterns by their first rune: memory stays small (the aho-corasick library keeps a
// 2 KB transition row per trie state, tens of MB for a few thousand CJK names).
type matcher struct {
	byFirst map[rune][]int // pattern indexes, longest first
	index   map[string]int
	pats    []string
	vals    [][]int // pattern → values (caller's indexes)
}

type hit struct {
	pos, end int
	pat      int
}

func newMatcher() *matcher { return &matcher{byFirst: map[rune][]int{}, index: map[string]int{}} }

// add registers pattern p (lowered here) for value v.
func (m *matcher) add(p string, v int) {
	p = lowerASCII(strings.TrimSpace(p))
	if p == "" {
		return
	}
	if i, ok := m.index[p]; ok {
		for _, x := range m.vals[i] {
			if x == v {
				return
			}
		}
		m.vals[i] = append(m.vals[i], v)
		return
	}
	m.index[p] = len(m.pats)
	m.pats = append(m.pats, p)
	m.vals = append(m.vals, []int{v})
	r, _ := utf8.DecodeRuneInString(p)
	m.byFirst[r] = append(m.byFirst[r], len(m.pats)-1)
}

func (m *matcher) finish() {
	for r, idx := range m.byFirst {
		sort.SliceStable(idx, func(a, b int) bool { return len(m.pats[idx[a]]) > len(m.pats[idx[b]]) })
		m.byFirst[r] = idx
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// find returns non-overlapping hits in low (already ASCII-lowered).
func (m *matcher) find(low string) []hit {
	var out []hit
	for i := 0; i < len(low); {
		r, size := utf8.DecodeRuneInString(low[i:])
		matched := false
		// A digit may precede a name: "③QQ分享" normalises to "3qq分享".
		if cands := m.byFirst[r]; len(cands) > 0 && (i == 0 || !isWordByte(low[i-1]) || !isWordByte(low[i]) || isDigit(low[i-1]) && !isDigit(low[i])) {
			for _, pi := range cands {
				p := m.pats[pi]
				if !strings.HasPrefix(low[i:], p) {
					continue
				}
				end := i + len(p)
				// "GromoreSDK" still names GroMore.
				if end < len(low) && isWordByte(low[end]) && isWordByte(p[len(p)-1]) && !strings.HasPrefix(low[end:], "sdk") {
					continue
				}
				out = append(out, hit{pos: i, end: end, pat: pi})
				i = end
				matched = true
				break
			}
		}
		if !matched {
			i += size
		}
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
