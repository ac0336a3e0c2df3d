package policy

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// sentence is the unit every extractor works on: a sentence of running text, a
// heading, or one table row (cells kept, with the table's header).
type sentence struct {
	text       string // normalised (NFKC): what extractors match
	low        string // text with ASCII lowered (same byte offsets)
	quote      string // the original wording when it differs from text: what evidence quotes
	path       string
	section    string // nearest heading
	heading    bool
	inSDKList  bool // under an SDK-list heading or in an SDK table
	inCollList bool // under a collection-list heading or in such a table
	row        bool
	hdrRow     bool // the header row of a table
	cells      []string
	header     []string // header cells of the row's table
	block      int      // paragraph number: sentences of one paragraph share it
}

const maxSentences = 200000

var (
	sdkListRe   = regexp.MustCompile(`(?i)((第三方|合作方|三方|接入).{0,12}(sdk|清单|目录|列表|名单|明细)|sdk.{0,8}(清单|目录|列表|名单|明细|说明)|共享.{0,10}(清单|列表|目录)|third[- ]party (sdk|service|partner)s?( list)?|sdk list)`)
	collListRe  = regexp.MustCompile(`(?i)(收集.{0,8}(清单|明细|列表)|个人信息.{0,4}清单|list of (the )?personal (information|data) (we )?collect)`)
	mdHeading   = regexp.MustCompile(`^(#{1,6})\s+(.+?)\s*#*$`)
	tableSep    = regexp.MustCompile(`^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$`)
	numHead     = regexp.MustCompile(`^(第[一二三四五六七八九十百零]+[章节条部分]|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|[0-9]{1,2}、|[0-9]{1,2}(\.[0-9]{1,2})*[、.]?\s)`)
	mdLink      = regexp.MustCompile(`!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)`)
	enumRe      = regexp.MustCompile(`^(\(?[0-9]{1,2}[).、]|[0-9]{1,2}\.|[*+-]\s)`)
	listIntroRe = regexp.MustCompile(`(?i)((sdk|第三方|合作方).{0,40}(包括|如下|以下|列表|清单|名单|目录)|(以下|如下).{0,30}(sdk|第三方)).{0,20}[:]$`)
	fieldRe     = regexp.MustCompile(`^[^:]{1,16}:`)
	listMark    = regexp.MustCompile(`^([*+-]|[0-9]{1,3}[.)]|[a-z][.)]|[ivx]{1,4}[.)])\s+`)
)

// splitDoc normalises a document rendered as Markdown-like lines and cuts it into
// sentences with their section context.
func splitDoc(text, path string, shortTitles bool) []sentence {
	orig := text
	text, origOff := nfkcMap(text)
	lines := strings.Split(text, "\n")
	lineStart := make([]int, len(lines))
	for i, off := 0, 0; i < len(lines); i++ {
		lineStart[i], off = off, off+len(lines[i])+1
	}
	// anchor is the line the next sentence starts on; cursor where the last one
	// ended: a sentence's original wording is found from there (see locate).
	anchor, cursor, lost := 0, 0, 0
	var out []sentence
	type head struct {
		level     int
		text      string
		sdk, coll bool
	}
	var stack []head
	var header []string
	inTable, fence, listIntro := false, false, false
	block := 0
	ctx := func() (string, bool, bool) {
		sec, sdk, coll := "", false, false
		for _, h := range stack {
			sec = h.text
			sdk = sdk || h.sdk
			coll = coll || h.coll
		}
		return sec, sdk, coll
	}
	add := func(s sentence) {
		if len(out) < maxSentences {
			s.low = lowerASCII(s.text)
			if a, b, ok := locate(text, max(cursor, lineStart[anchor]), 32+lost, s.text); ok {
				cursor, lost = b, 0
				if q := originalSpan(orig, origOff, a, b); q != s.text {
					s.quote = q
				}
			} else {
				lost = min(lost+len(s.text)+32, 1<<16)
			}
			s.path = path
			s.block = block
			out = append(out, s)
		}
	}
	pushHeading := func(level int, t string) {
		// A bold item title inside an introduced SDK list ("**Umeng SDK**") is a
		// record of that list, not the end of it.
		inIntro := listIntro && level >= 6
		listIntro = inIntro
		for len(stack) > 0 && stack[len(stack)-1].level >= level {
			stack = stack[:len(stack)-1]
		}
		stack = append(stack, head{level, clipRunes(t, 80), inIntro || sdkListRe.MatchString(t), collListRe.MatchString(t)})
		sec, sdk, coll := ctx()
		add(sentence{text: t, section: sec, heading: true, inSDKList: sdk, inCollList: coll})
		block++
	}

	pending, pendingLine := "", 0
	emitText := func(l string) {
		sec, sdk, coll := ctx()
		for _, s := range splitSentences(l) {
			add(sentence{text: s, section: sec, inSDKList: sdk || listIntro, inCollList: coll})
		}
		if strings.HasSuffix(l, ":") && listIntroRe.MatchString(l) {
			listIntro = true
		}
	}
	flushPending := func() {
		if pending != "" {
			line := anchor
			anchor = pendingLine
			emitText(pending)
			anchor = line
			pending = ""
		}
	}
	start := 0
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" { // front matter
		for i := 1; i < len(lines) && i < 60; i++ {
			l := strings.TrimSpace(lines[i])
			if l == "---" {
				start = i + 1
				break
			}
			if t, ok := strings.CutPrefix(l, "title:"); ok && strings.TrimSpace(t) != "" {
				anchor = i
				pushHeading(1, strings.Trim(strings.TrimSpace(t), `"'`))
			}
		}
	}
	for li, raw := range lines[start:] {
		anchor = start + li
		l := strings.TrimSpace(raw)
		for strings.HasPrefix(l, ">") {
			l = strings.TrimSpace(l[1:])
		}
		if strings.HasPrefix(l, "```") || strings.HasPrefix(l, "~~~") {
			fence = !fence
			continue
		}
		if strings.HasPrefix(l, "!!!") || strings.HasPrefix(l, "[!") || strings.HasPrefix(l, "import ") && !fence {
			continue
		}
		if l == "" {
			flushPending()
			block++
			inTable, header = false, nil
			continue
		}
		l = tidy(l)
		if l == "" {
			continue
		}
		if m := headingMatch(l); m != nil && !fence {
			flushPending()
			inTable, header = false, nil
			pushHeading(len(m[1]), stripInline(m[2]))
			continue
		}
		if strings.HasPrefix(l, "|") {
			flushPending()
			if tableSep.MatchString(l) {
				if inTable && len(out) > 0 && out[len(out)-1].row && header == nil {
					header = out[len(out)-1].cells
					out[len(out)-1].hdrRow = true // a header row proves nothing by itself
				}
				continue
			}
			cells := splitCells(l)
			if len(cells) == 0 {
				continue
			}
			if !inTable {
				inTable, header = true, nil
				block++
			}
			sec, sdk, coll := ctx()
			joined := strings.Join(cells, " | ")
			hdr := strings.Join(header, " ")
			if header == nil {
				hdr = joined
			}
			if sdkListRe.MatchString(hdr) || sdkHeaderRe.MatchString(hdr) {
				sdk = true
			}
			if collListRe.MatchString(hdr) {
				coll = true
			}
			add(sentence{text: joined, section: sec, row: true, cells: cells, header: header, inSDKList: sdk, inCollList: coll})
			continue
		}
		if inTable {
			inTable, header = false, nil
			block++
		}
		// "这些SDK包括:" opens an enumerated list: "(1) 腾讯Bugly SDK: …".
		enumerated := enumRe.MatchString(l)
		// The list goes on through its items and their "使用目的:…" field lines.
		if listIntro && !enumerated && !fieldRe.MatchString(l) {
			listIntro = false
		}
		l = listMark.ReplaceAllString(l, "")
		bold := strings.HasPrefix(l, "**") && strings.HasSuffix(l, "**") && len(l) > 4
		l = stripInline(l)
		if l == "" {
			continue
		}
		if n := utf8.RuneCountInString(l); n <= 40 && !endsSentence(l) && !fence {
			lv := headingLevel(l, bold)
			// A short standalone line without punctuation ("引言", "概要") is a title
			// in HTML and text; Markdown marks its titles, and its flattened tables
			// put every short cell on a line of its own.
			if lv == 0 && shortTitles && pending == "" && !enumerated && n <= 16 && !strings.ContainsAny(l, ",;:、()") && !strings.Contains(l, "http") {
				lv = 6
			}
			if lv > 0 {
				flushPending()
				pushHeading(lv, l)
				continue
			}
		}
		// Word-exported HTML and wrapped Markdown cut sentences across lines: an
		// unfinished line waits for the next one.
		// "更新日期:2025年3月1日" or "开发者:某某公司" is whole: glued to the next
		// line it would open the operator's sentence with dates.
		if n := utf8.RuneCountInString(l); n <= 40 && fieldLineRe.MatchString(l) {
			flushPending()
			emitText(l)
			continue
		}
		if pending != "" {
			l = pending + l
			pending = ""
			anchor = pendingLine
		}
		if !endsSentence(l) && len(l) < 900 && !enumerated {
			pending, pendingLine = l, anchor
			continue
		}
		emitText(l)
	}
	return out
}

// fieldLineRe is a "label:value" line whose label is a date or the publisher.
var fieldLineRe = regexp.MustCompile(`^[^:,。;]{0,8}(日期|时间|版本|开发者|运营者|发布者|公司名称|主体名称|date|version)\s*:\s*\S`)

// sdkHeaderRe recognises the header of a table that lists SDKs or third parties.
var sdkHeaderRe = regexp.MustCompile(`(?i)(sdk|第三方|合作方|提供方|共享方|third[- ]party)`)

func headingLevel(l string, bold bool) int {
	if m := numHead.FindString(l); m != "" {
		switch {
		case strings.HasPrefix(m, "第"):
			return 2
		case strings.HasPrefix(m, "("):
			return 4
		case m[0] >= '0' && m[0] <= '9':
			return 5
		default:
			return 3
		}
	}
	if bold {
		return 6
	}
	return 0
}

func endsSentence(l string) bool {
	r, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune("。.;;::,!?", r)
}

// tidy collapses whitespace and drops the spaces that wrapping leaves between
// Chinese characters ("位置 信息" → "位置信息").
func tidy(s string) string {
	s = collapseSpace(s)
	if !strings.Contains(s, " ") {
		return strings.TrimSpace(s)
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) && isCJK(rs[i-1]) && isCJK(rs[i+1]) {
			continue
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

// stripInline removes Markdown emphasis and code marks and renders links as
// "text (url)".
func stripInline(s string) string {
	if !strings.Contains(s, "](") && !strings.ContainsAny(s, "*_`\\") {
		return strings.TrimSpace(s)
	}
	s = mdLink.ReplaceAllStringFunc(s, func(m string) string {
		sm := mdLink.FindStringSubmatch(m)
		if strings.HasPrefix(m, "!") {
			return sm[1]
		}
		if sm[2] == "" || strings.Contains(sm[1], sm[2]) || !strings.HasPrefix(sm[2], "http") {
			return sm[1]
		}
		return sm[1] + " (" + sm[2] + ")"
	})
	s = inlineMarks.Replace(s)
	return strings.TrimSpace(s)
}

var inlineMarks = strings.NewReplacer("**", "", "__", "", "`", "", "\\|", "|", "\\*", "*", "\\_", "_")

func splitCells(l string) []string {
	l = strings.TrimSpace(l)
	l = strings.TrimPrefix(l, "|")
	l = strings.TrimSuffix(l, "|")
	parts := strings.Split(l, "|")
	cells := make([]string, 0, len(parts))
	nonEmpty := false
	for _, p := range parts {
		c := stripInline(strings.TrimSpace(p))
		if c != "" {
			nonEmpty = true
		}
		cells = append(cells, c)
	}
	if !nonEmpty {
		return nil
	}
	return cells
}

// splitSentences cuts a line at Chinese and English sentence ends. "?", "!" and ";"
// inside URLs and "." inside numbers or abbreviations do not end a sentence.
func splitSentences(l string) []string {
	var out []string
	start := 0
	emit := func(end int) {
		if s := strings.TrimSpace(l[start:end]); s != "" {
			out = append(out, s)
		}
		start = end
	}
	for i := 0; i < len(l); {
		r, size := utf8.DecodeRuneInString(l[i:])
		next := i + size
		var nr rune = -1
		if next < len(l) {
			nr, _ = utf8.DecodeRuneInString(l[next:])
		}
		switch r {
		case '。':
			emit(next)
		case '?', '!', ';':
			if nr == -1 || !isURLRune(nr) {
				emit(next)
			}
		case '.':
			if (nr == -1 || nr == ' ' || isCJK(nr)) && !abbrevBefore(l[start:i]) {
				emit(next)
			}
		}
		i = next
	}
	emit(len(l))
	return out
}

func isURLRune(r rune) bool {
	return r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("=&%/_-", r))
}

var abbrevs = []string{"co", "ltd", "inc", "e.g", "i.e", "no", "mr", "ms", "dr", "etc", "u.s", "st", "vs", "corp"}

func abbrevBefore(s string) bool {
	j := strings.LastIndexAny(s, " (")
	w := strings.ToLower(s[j+1:])
	for _, a := range abbrevs {
		if w == a {
			return true
		}
	}
	return len(w) == 1 && w[0] >= 'a' && w[0] <= 'z'
}

// lowerASCII lowers ASCII letters only, so byte offsets stay valid for s.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// clipRunes shortens s to at most n runes.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	return string(rs[:n]) + "…"
}

// clipAround keeps about 200 runes of s around byte offset pos.
func clipAround(s string, pos int) string {
	const window = 200
	rs := []rune(s)
	if len(rs) <= window {
		return s
	}
	if pos < 0 || pos > len(s) {
		pos = 0
	}
	at := utf8.RuneCountInString(s[:pos])
	from := at - window/3
	if from < 0 {
		from = 0
	}
	to := from + window
	if to > len(rs) {
		to = len(rs)
		from = to - window
	}
	out := string(rs[from:to])
	if from > 0 {
		out = "…" + out
	}
	if to < len(rs) {
		out += "…"
	}
	return out
}

// normalise is what every sentence goes through: NFKC (full-width to half-width),
// whitespace collapsed, wrap spaces between Chinese characters dropped.
func normalise(s string) string { return tidy(norm.NFKC.String(s)) }

func headingMatch(l string) []string {
	if !strings.HasPrefix(l, "#") {
		return nil
	}
	return mdHeading.FindStringSubmatch(l)
}
