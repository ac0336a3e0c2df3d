package policy

import (
	"maps"
	"slices"
	"sort"
	"strings"
)

// sdkState collects SDK mentions over the sentences of all documents.
type sdkState struct {
	named  map[string]*SDKMention
	listEv map[string][]Evidence // SDK id → in-list evidence, preferred
	denied map[string]*SDKMention
	cats   map[string]map[int]bool // SDK id → category indexes its records state
}

func newSDKState() *sdkState {
	return &sdkState{named: map[string]*SDKMention{}, listEv: map[string][]Evidence{}, denied: map[string]*SDKMention{}, cats: map[string]map[int]bool{}}
}

// scan records the SDKs named in sentence i; inside a list it looks at the record
// the name opens (the table row, or the following lines up to the next SDK) to see
// what the policy says about it. A name the sentence denies using ("我们未接入友盟
// 统计SDK") is recorded as denied, never as named.
func (st *sdkState) scan(idx *sdkIndex, sents []sentence, hits [][]hit, i int) {
	s := &sents[i]
	if s.hdrRow {
		return
	}
	type found struct {
		entry    int
		matched  string
		pos, end int
	}
	var fs []found
	for _, h := range hits[i] {
		for _, e := range idx.names.vals[h.pat] {
			fs = append(fs, found{e, s.text[h.pos:h.end], h.pos, h.end})
		}
	}
	// A vendor's legal name alone only identifies a product in a table row whose
	// name cell we do not know; in text it is usually the row above's vendor field.
	if len(fs) == 0 && s.inSDKList && s.row {
		for _, h := range idx.vendors.find(s.low) {
			for _, e := range idx.vendors.vals[h.pat] {
				fs = append(fs, found{e, s.text[h.pos:h.end], h.pos, h.end})
			}
		}
		for _, h := range idx.shared.find(s.low) {
			if e, ok := idx.byPurpose(idx.shared.vals[h.pat], s.low[:h.pos]+s.low[h.end:]); ok {
				fs = append(fs, found{e, s.text[h.pos:h.end], h.pos, h.end})
			}
		}
	}
	kept := fs[:0]
	for _, fd := range fs {
		if !s.row && sdkPolarity(s.low, fd.pos) == denied {
			e := idx.entries[fd.entry]
			m := st.denied[e.ID]
			if m == nil {
				m = &SDKMention{ID: e.ID, Name: e.Name, Matched: fd.matched, Evidence: []Evidence{}}
				st.denied[e.ID] = m
			}
			m.Denied = addEvidence(m.Denied, ev(s, fd.pos))
			continue
		}
		kept = append(kept, fd)
	}
	fs = kept
	if len(fs) == 0 {
		return
	}
	// The SDK names themselves are not what the record says it collects ("高德定位SDK").
	blank := []byte(s.low)
	for _, fd := range fs {
		for j := fd.pos; j < fd.end && j < len(blank); j++ {
			blank[j] = ' '
		}
	}
	inList := s.inSDKList || recordStartRe.MatchString(s.low) || recordTitle(sents, i)
	var desc Described
	var piText string
	switch {
	case s.row:
		desc = describeRow(s)
		piText = rowPIText(s, string(blank))
	case inList:
		var b strings.Builder
		b.WriteString(s.low)
		var pb strings.Builder
		pb.Write(blank)
		for j := i + 1; j < len(sents) && j <= i+8; j++ {
			n := &sents[j]
			// The next record starts at a heading, a table, or a line that opens
			// with an SDK name; a field line naming one in passing does not end it.
			if n.heading || n.row || n.section != s.section || recordStartRe.MatchString(n.low) || len(hits[j]) > 0 && hits[j][0].pos == 0 {
				break
			}
			b.WriteString("\n")
			b.WriteString(n.low)
			pb.WriteString("。")
			pb.WriteString(n.low)
		}
		desc = describeText(b.String(), true)
		piText = pb.String()
	default:
		desc = describeText(s.low, false)
		piText = string(blank)
	}
	cats := statedCategories(piText)
	for _, fd := range fs {
		e := idx.entries[fd.entry]
		m := st.named[e.ID]
		if m == nil {
			m = &SDKMention{ID: e.ID, Name: e.Name, Matched: fd.matched, Evidence: []Evidence{}}
			st.named[e.ID] = m
		}
		if len(cats) > 0 && st.cats[e.ID] == nil {
			st.cats[e.ID] = map[int]bool{}
		}
		for _, c := range cats {
			st.cats[e.ID][c] = true
		}
		if inList {
			if !m.InList {
				m.Matched = fd.matched
			}
			m.InList = true
			m.Described = m.Described.or(desc)
			st.listEv[e.ID] = addEvidence(st.listEv[e.ID], ev(s, fd.pos))
		} else {
			m.Evidence = addEvidence(m.Evidence, ev(s, fd.pos))
			if s.row {
				m.Described = m.Described.or(desc)
			}
		}
	}
}

// rowPIText is the text of a table row that states PI types: its PI columns when
// the header names one, else the whole row (blanked of SDK names).
func rowPIText(s *sentence, blankLow string) string {
	var b strings.Builder
	for i, c := range s.cells {
		if i < len(s.header) && columnRole(lowerASCII(s.header[i])) == colPI {
			b.WriteString(lowerASCII(c))
			b.WriteString("。")
		}
	}
	if b.Len() == 0 {
		return blankLow
	}
	return b.String()
}

// statedCategories are the PI categories low states (not denies or conditions), as
// indexes into categories, in table order.
func statedCategories(low string) []int {
	seen := map[int]bool{}
	var out []int
	for _, h := range catMatch.find(low) {
		for _, ci := range catMatch.vals[h.pat] {
			if !seen[ci] && !categories[ci].NotPI && polarity(low, h.pos) == stated {
				seen[ci] = true
				out = append(out, ci)
			}
		}
	}
	sort.Ints(out)
	return out
}

// mentions returns the named SDKs and those only ever denied, by id; a named SDK
// the policy also denies somewhere keeps the denying sentences.
func (st *sdkState) mentions() (named, deniedOnly []SDKMention) {
	named = []SDKMention{}
	for _, id := range slices.Sorted(maps.Keys(st.named)) {
		m := st.named[id]
		evs := []Evidence{}
		for _, e := range st.listEv[id] {
			evs = addEvidence(evs, e)
		}
		for _, e := range m.Evidence {
			evs = addEvidence(evs, e)
		}
		m.Evidence = evs
		for ci := range len(categories) {
			if st.cats[id][ci] {
				m.PICategories = append(m.PICategories, categories[ci].Key)
			}
		}
		if d := st.denied[id]; d != nil {
			m.Denied = d.Denied
		}
		named = append(named, *m)
	}
	for _, id := range slices.Sorted(maps.Keys(st.denied)) {
		if st.named[id] == nil {
			deniedOnly = append(deniedOnly, *st.denied[id])
		}
	}
	return named, deniedOnly
}
