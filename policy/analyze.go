package policy

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/hegui-dev/hegui/internal/bounded"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

const maxEvidence = 3

// parsed is one document read and cut into sentences.
type parsed struct {
	doc   Document
	sents []sentence
}

// FromFiles reads policy documents the user gave (HTML, TXT, Markdown; any encoding)
// and analyses them together. An unreadable file is an error naming it.
func (r *Reader) FromFiles(paths []string) (*Facts, error) {
	var docs []parsed
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("policy file %s: %w", p, err)
		}
		if st.IsDir() {
			return nil, fmt.Errorf("policy file %s: is a directory", p)
		}
		if st.Size() > MaxDocBytes {
			return nil, fmt.Errorf("policy file %s: %w", p, errTooLarge)
		}
		b, err := bounded.ReadFile(p, MaxDocBytes)
		if errors.Is(err, bounded.ErrTooLarge) {
			err = errTooLarge
		}
		if err != nil {
			return nil, fmt.Errorf("policy file %s: %w", p, err)
		}
		d, err := parseDoc(p, "user", b)
		if err != nil {
			return nil, fmt.Errorf("policy file %s: %w", p, err)
		}
		docs = append(docs, d)
	}
	return analyze(docs, r.index()), nil
}

// Analyze reads one in-memory document (kind from the name's extension).
func (r *Reader) Analyze(name string, content []byte) (*Facts, error) {
	d, err := parseDoc(name, "user", content)
	if err != nil {
		return nil, fmt.Errorf("policy %s: %w", name, err)
	}
	return analyze([]parsed{d}, r.index()), nil
}

func docKind(name string, text string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return "html"
	case ".md", ".mdx", ".markdown":
		return "md"
	case ".json":
		return "json"
	}
	head := strings.ToLower(strings.TrimSpace(text))
	if len(head) > 512 {
		head = head[:512]
	}
	if strings.HasPrefix(head, "<!doctype") || strings.HasPrefix(head, "<html") || strings.Contains(head, "<body") || strings.Contains(head, "<p>") || strings.Contains(head, "<div") {
		return "html"
	}
	return "text"
}

func parseDoc(name, origin string, b []byte) (parsed, error) {
	kind := docKind(name, string(b[:min(len(b), 512)]))
	text, enc, err := decode(b, kind)
	if err != nil {
		return parsed{}, err
	}
	if kind == "text" {
		kind = docKind("", text) // a .txt or an APK string holding HTML
	}
	switch kind {
	case "html":
		text = htmlToLines(text, false)
	case "md":
		text = htmlToLines(text, true)
	case "json":
		text = jsonText(text)
	}
	sents := splitDoc(text, name, kind != "md")
	chars := 0
	for _, s := range sents {
		chars += len([]rune(s.text))
	}
	return parsed{doc: Document{Path: name, Origin: origin, Encoding: enc, Chars: chars, Sentences: len(sents)}, sents: sents}, nil
}

// jsonText collects the string values of a JSON document, one per line (apps ship
// policies as {"content": "..."}); text that is not JSON is returned as it is.
func jsonText(s string) string {
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return s
	}
	var b strings.Builder
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 64 {
			return
		}
		switch t := v.(type) {
		case string:
			if strings.Contains(t, "<") && strings.Contains(t, ">") {
				t = htmlToLines(t, false)
			}
			b.WriteString(t)
			b.WriteString("\n\n")
		case []any:
			for _, x := range t {
				walk(x, depth+1)
			}
		case map[string]any:
			keys := make([]string, 0, len(t))
			for k := range t {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(t[k], depth+1)
			}
		}
	}
	walk(v, 0)
	return b.String()
}

var (
	matchOnce sync.Once
	catMatch  *matcher // keyword → category index
	itemMatch *matcher // trigger → item rule index
	purposeZH = regexp.MustCompile(`(用于|以便于?|为了|目的是|用来)([^,;。:()]{2,30})`)
	purposeEN = regexp.MustCompile(`(in order to|for the purposes? of|so that we can|used to|used for) ([^,;.()]{3,60})`)
)

func matchers() {
	matchOnce.Do(func() {
		catMatch = newMatcher()
		for i, c := range categories {
			for _, k := range c.Keywords {
				catMatch.add(k, i)
			}
			for _, k := range c.KeywordsEN {
				catMatch.add(k, i)
			}
		}
		catMatch.finish()
		itemMatch = newMatcher()
		for i, r := range itemRules {
			for _, t := range r.triggers {
				itemMatch.add(t, i)
			}
		}
		itemMatch.finish()
	})
}

// ev quotes sentence s, in its original wording, around byte offset pos of s.text.
func ev(s *sentence, pos int) Evidence {
	if s.quote == "" {
		return Evidence{Path: s.path, Section: s.section, Sentence: clipAround(s.text, pos)}
	}
	// Normalisation keeps characters apart from a few (① → 1): the rune index is close.
	at := utf8.RuneCountInString(s.text[:min(max(pos, 0), len(s.text))])
	qpos := len(s.quote)
	for i := range s.quote {
		if at == 0 {
			qpos = i
			break
		}
		at--
	}
	return Evidence{Path: s.path, Section: s.section, Sentence: clipAround(s.quote, qpos)}
}

func addEvidence(list []Evidence, e Evidence) []Evidence {
	if len(list) >= maxEvidence {
		return list
	}
	for _, x := range list {
		if x.Sentence == e.Sentence && x.Path == e.Path {
			return list
		}
	}
	return append(list, e)
}

// analyze turns parsed documents into Facts: every slice non-nil, every item key
// present, order fixed by document order and the category table.
func analyze(docs []parsed, idx *sdkIndex) *Facts {
	matchers()
	f := &Facts{Documents: []Document{}, SDKs: []SDKMention{}, PICategories: []PIDisclosure{}, Items: map[string]Item{}}
	for _, k := range ItemKeys {
		f.Items[k] = Item{Evidence: []Evidence{}}
	}
	cats := make([]*PIDisclosure, len(categories))
	rk := &rankings{items: map[string][]ranked{}, cats: make([][]ranked, len(categories))}
	st := newSDKState()
	var han, latin int
	for di := range docs {
		d := &docs[di]
		f.Documents = append(f.Documents, d.doc)
		var hits [][]hit
		if idx != nil {
			hits = make([][]hit, len(d.sents))
			for i := range d.sents {
				hits[i] = idx.find(d.sents[i].low)
			}
		}
		for i := range d.sents {
			s := &d.sents[i]
			for _, r := range s.text {
				if unicode.Is(unicode.Han, r) {
					han++
				} else if r < 128 && unicode.IsLetter(r) {
					latin++
				}
			}
			rk.order++
			scanItems(f, rk, d.sents, i)
			scanCategories(cats, rk, s)
			if idx != nil {
				st.scan(idx, d.sents, hits, i)
			}
		}
	}
	for k, l := range rk.items {
		it := f.Items[k]
		it.Evidence = best(l)
		f.Items[k] = it
	}
	for ci, c := range cats {
		if c != nil {
			c.Evidence = best(rk.cats[ci])
			f.PICategories = append(f.PICategories, *c)
		}
	}
	f.SDKs, f.DeniedSDKs = st.mentions()
	for _, m := range f.SDKs {
		// An SDK named inside a list proves the policy has a sharing list.
		if m.InList {
			it := f.Items[ItemSharingList]
			if len(it.Evidence) == 0 {
				it.Evidence = addEvidence(it.Evidence, m.Evidence[0])
			}
			it.Found = true
			f.Items[ItemSharingList] = it
		}
	}
	switch {
	case han+latin == 0:
		f.Language = ""
	case han*2 > latin:
		f.Language = "zh"
	case han*20 < latin:
		f.Language = "en"
	default:
		f.Language = "mixed"
	}
	return f
}

// rankings are the candidate evidence sentences of items and categories.
type rankings struct {
	items map[string][]ranked
	cats  [][]ranked // by category index
	order int
}

func scanItems(f *Facts, rk *rankings, sents []sentence, i int) {
	s := &sents[i]
	seen := map[int]bool{}
	fits := map[int]bool{}
	for _, h := range itemMatch.find(s.low) {
		for _, ri := range itemMatch.vals[h.pat] {
			if seen[ri] {
				continue
			}
			r := &itemRules[ri]
			ok, tried := fits[ri]
			if !tried {
				ok = r.fits(s)
				fits[ri] = ok
			}
			if !ok {
				continue
			}
			if r.negate {
				if p := polarity(s.low, h.pos); p == denied {
					it := f.Items[r.key]
					it.Denied = addEvidence(it.Denied, ev(s, h.pos))
					f.Items[r.key] = it
					continue
				} else if p != stated {
					continue
				}
			}
			seen[ri] = true
			it := f.Items[r.key]
			it.Found = true
			f.Items[r.key] = it
			rk.items[r.key] = keepBest(rk.items[r.key], ranked{ev(s, h.pos), r.score(s), rk.order})
			if r.key == ItemAccountCancellation && f.AccountCancellationDays == 0 {
				at := s
				days, unit, pos := cancellationDays(s.low)
				// "…申请注销账号。我们将在30个工作日内完成处理。"
				if n := i + 1; days == 0 && n < len(sents) && sents[n].section == s.section && !sents[n].heading && handlingRe.MatchString(sents[n].low) {
					at = &sents[n]
					days, unit, pos = cancellationDays(at.low)
				}
				if days > 0 {
					e := ev(at, pos)
					f.AccountCancellationDays, f.AccountCancellationUnit, f.AccountCancellationEvidence = days, unit, &e
				}
			}
		}
	}
}

func scanCategories(cats []*PIDisclosure, rk *rankings, s *sentence) {
	if s.hdrRow {
		return
	}
	done := map[int]int{} // category → polarity already recorded for this sentence
	var purp []string
	purpDone := false
	hits := catMatch.find(s.low)
	score := map[int]int{} // category → its best hit's score
	collects := len(hits) > 0 && containsAny(s.low, collectWords)
	for _, h := range hits {
		sc := categoryScore(s, h, catMatch.pats[h.pat], collects)
		for _, ci := range catMatch.vals[h.pat] {
			if prev, ok := score[ci]; !ok || sc > prev {
				score[ci] = sc
			}
		}
	}
	for _, h := range hits {
		for _, ci := range catMatch.vals[h.pat] {
			p := polarity(s.low, h.pos)
			if prev, ok := done[ci]; ok && (prev == stated || prev == p) {
				continue
			}
			done[ci] = p
			c := cats[ci]
			if c == nil {
				cat := categories[ci]
				c = &PIDisclosure{Category: cat.Key, Name: cat.Name, Permissions: cat.Permissions, Evidence: []Evidence{}}
				cats[ci] = c
			}
			switch p {
			case stated:
				rk.cats[ci] = keepBest(rk.cats[ci], ranked{ev(s, h.pos), score[ci], rk.order})
				if !purpDone {
					purp, purpDone = purposes(s), true
				}
				for _, pu := range purp {
					if len(c.Purposes) < 5 && !contains(c.Purposes, pu) {
						c.Purposes = append(c.Purposes, pu)
					}
				}
			case denied:
				c.Denied = addEvidence(c.Denied, ev(s, h.pos))
			}
		}
	}
}

func purposes(s *sentence) []string {
	if s.row {
		var out []string
		for i, c := range s.cells {
			if i < len(s.header) && columnRole(lowerASCII(s.header[i])) == colPurpose && !emptyCellRe.MatchString(lowerASCII(c)) {
				out = append(out, clipRunes(c, 40))
			}
		}
		return out
	}
	if containsAny(s.low, purposeHintsZH) {
		if m := purposeZH.FindStringSubmatch(s.text); m != nil {
			return []string{strings.TrimSpace(m[1] + m[2])}
		}
	}
	if containsAny(s.low, purposeHintsEN) {
		if m := purposeEN.FindStringSubmatch(s.low); m != nil {
			return []string{strings.TrimSpace(m[1] + " " + m[2])}
		}
	}
	return nil
}

var (
	purposeHintsZH = []string{"用于", "以便", "为了", "目的是", "用来"}
	purposeHintsEN = []string{"in order to", "for the purpose", "so that we can", "used to", "used for"}
)

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// recordTitle recognises a record of an SDK list by its shape: a short line naming
// the SDK ("①微信开放平台SDK") followed by field lines ("主体名称:…", "使用目的:…").
func recordTitle(sents []sentence, i int) bool {
	s := &sents[i]
	if s.row || utf8.RuneCountInString(s.text) > 30 || i+1 >= len(sents) {
		return false
	}
	n := &sents[i+1]
	return !n.heading && !n.row && recordFieldRe.MatchString(n.low)
}

var recordFieldRe = regexp.MustCompile(`^(第三方|sdk)?[^:]{0,8}(名称|主体|目的|用途|功能|场景|类型|链接|提供方|公司|运营方|purpose|provider|vendor)\s*:`)

// recordStartRe is the first line of an SDK record in a list written as text.
// "第三方SDK名称:Bugly SDK" or "1.2.1 “极光推送”:该SDK由“…有限公司”提供".
var recordStartRe = regexp.MustCompile(`^((第三方)?\s*sdk\s*(名称|name)\s*:|([0-9]+(\.[0-9]+)*\s*)?[“"「]?[^“”"」:]{1,24}[”"」]?\s*:\s*(该sdk|本sdk|由[“"「]?[^,;。]{2,30}(公司|提供)))`)

// HasText reports whether a policy document was read (not just policy URLs or
// consent-dialog strings found in the APK); rules that need the policy run only then.
func (f *Facts) HasText() bool { return f != nil && len(f.Documents) > 0 }

// Discloses reports whether the policy states collecting the category (a denial or a
// conditional mention does not count).
func (f *Facts) Discloses(category string) bool {
	if f == nil {
		return false
	}
	for _, c := range f.PICategories {
		if c.Category == category {
			return len(c.Evidence) > 0
		}
	}
	return false
}

// DeniesSDK reports whether the policy only names the SDK to deny using it.
func (f *Facts) DeniesSDK(sdkID string) bool {
	if f == nil {
		return false
	}
	for _, m := range f.DeniedSDKs {
		if m.ID == sdkID {
			return true
		}
	}
	return false
}

// Names reports whether the policy names the SDK (a denial does not count).
func (f *Facts) Names(sdkID string) bool {
	if f == nil {
		return false
	}
	for _, m := range f.SDKs {
		if m.ID == sdkID {
			return true
		}
	}
	return false
}
