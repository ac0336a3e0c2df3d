package policy

import (
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/analyzer/aab"
)

const (
	minPolicyRunes = 300
	maxURLs        = 100
	maxDialog      = 50
)

var (
	policyWordsZH = []string{"个人信息", "隐私", "收集", "第三方", "权限", "敏感", "同意", "保护"}
	policyWordsEN = []string{"personal information", "personal data", "privacy", "collect", "third part", "permission", "consent"}
	// A user agreement or licence names itself so in its opening; it only counts as a
	// privacy policy when it carries PI rules (many 个人信息 and 收集 mentions).
	agreementRe = regexp.MustCompile(`(?i)(用户协议|服务协议|许可协议|使用协议|用户须知|会员协议|license|terms of (service|use)|eula)`)
	privacyRe   = regexp.MustCompile(`(?i)(隐私|个人信息保护|privacy)`)
	urlRe       = regexp.MustCompile(`(https?://|www\.)[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+`)
	urlPolicyRe = regexp.MustCompile(`(?i)(privacy|yinsi|yszc|agreement|(user|service|privacy|yonghu|yinsi|app)[_-]?protocol|protocol\.html|policy|policies|xieyi|隐私|协议|terms|legal)`)
	nameHintRe  = regexp.MustCompile(`(?i)(privacy|yinsi|yszc|agreement|protocol|policy|xieyi|terms|legal|license|隐私|协议)`)
	dialogRe    = regexp.MustCompile(`(请您?务必审慎阅读|请你务必审慎阅读|充分理解.{0,20}(条款|协议|政策)|同意并继续|同意并进入|不同意并退出|暂不使用|暂不同意|仅浏览|(阅读并)?同意.{0,12}《[^》]{0,20}(隐私|协议|政策)|《[^》]{0,20}(隐私|协议)[^》]{0,10}》.{0,40}(同意|拒绝)|^(不同意|同意|拒绝|我同意|同意并使用)$|(?i)(read and agree|agree to (the|our) privacy|by (continuing|tapping|clicking).{0,40}privacy policy))`)
	// English button labels ("Agree", "Accept") are everywhere in library code and
	// HTTP headers; they only count in a string resource named like a consent dialog.
	dialogButtonEN = regexp.MustCompile(`(?i)^(agree|disagree|i agree|agree and continue|accept|decline)$`)
	dialogNameRe   = regexp.MustCompile(`(?i)(privacy|agree|consent|policy|protocol|dialog|yinsi|xieyi)`)
	urlNotPolicyRe = regexp.MustCompile(`(?i)(apache\.org|w3\.org|schemas\.|jabber\.org|xmlpull|opensource\.org|gnu\.org|creativecommons|xmlsoap|openxmlformats|purl\.org|ietf\.org)`)
)

// looksLikePolicy decides whether text (already normalised enough to count words) is a
// privacy policy: long enough and dense with PI-rule vocabulary.
func looksLikePolicy(text string) bool {
	if utf8.RuneCountInString(text) < minPolicyRunes {
		return false
	}
	low := strings.ToLower(text)
	distinct := 0
	for _, w := range policyWordsZH {
		if strings.Contains(low, w) {
			distinct++
		}
	}
	en := 0
	for _, w := range policyWordsEN {
		if strings.Contains(low, w) {
			en++
		}
	}
	if distinct < 4 && en < 4 {
		return false
	}
	opening := low
	if len(opening) > 600 {
		opening = opening[:600]
	}
	if agreementRe.MatchString(opening) && !privacyRe.MatchString(opening) {
		return strings.Count(low, "个人信息")+strings.Count(low, "personal information") >= 8 && strings.Count(low, "收集")+strings.Count(low, "collect") >= 4
	}
	return true
}

// FromAPK finds policy texts, policy URLs and consent-dialog strings inside the
// analysed APK; it returns nil when it finds none of them, and a Facts with no
// Documents when only URLs or dialog strings are bundled.
func (r *Reader) FromAPK(f *analyzer.Facts) *Facts {
	if f == nil {
		return nil
	}
	var docs []parsed
	var urls, dialog []Found
	seenText := map[string]bool{}

	// Bundled documents.
	files := make([]string, 0, len(f.Files))
	for p := range f.Files {
		files = append(files, p)
	}
	sort.Strings(files)
	for _, p := range files {
		rel := f.APKPath(p) // bundles: base/assets/x.html reads as assets/x.html
		if i := strings.Index(p, "src/"); i == 0 || i > 0 && p[i-1] == '/' {
			// source tree: app/src/main/assets/x.html reads as assets/x.html
			if _, r, ok := strings.Cut(p[i+len("src/"):], "/"); ok {
				rel = r
			}
		}
		if !strings.HasPrefix(rel, "assets/") && !strings.HasPrefix(rel, "res/raw/") {
			continue
		}
		switch strings.ToLower(path.Ext(p)) {
		case ".html", ".htm", ".txt", ".md", ".json", ".xhtml", "":
		default:
			continue
		}
		origin := "asset"
		if strings.HasPrefix(rel, "res/raw/") {
			origin = "raw"
		}
		d, err := parseDoc(p, origin, f.Files[p])
		if err != nil || !looksLikePolicy(joinText(d.sents)) {
			continue
		}
		docs = append(docs, d)
	}

	// Resource strings: named ones first (their names are better paths), then the pool.
	// A bundle has no resources.arsc: its modules' tables are read merged, and are
	// cited as the base module's (analyzer does not say which module a string is from).
	table := "resources.arsc"
	if f.Source.Kind == "aab" {
		table = aab.Resources("base")
	}
	type rs struct{ path, name, value string }
	var res []rs
	for _, m := range []map[string]string{f.Resources.Named, f.Resources.NamedZH} {
		names := make([]string, 0, len(m))
		for n := range m {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			res = append(res, rs{table + "#string/" + n, n, m[n]})
		}
	}
	for _, v := range f.Resources.Strings {
		res = append(res, rs{table, "", v})
	}
	for _, r := range res {
		if r.value == "" {
			continue
		}
		urls = appendURLs(urls, r.value, r.path, nameHintRe.MatchString(r.name))
		if isDialog(r.value) || r.name != "" && dialogNameRe.MatchString(r.name) && dialogButtonEN.MatchString(strings.TrimSpace(r.value)) {
			dialog = appendFound(dialog, Found{Value: clipRunes(r.value, 300), Path: r.path}, maxDialog)
		}
		if seenText[r.value] || utf8.RuneCountInString(r.value) < minPolicyRunes {
			continue
		}
		seenText[r.value] = true
		d, err := parseDoc(r.path+".txt", "resource", []byte(r.value))
		if err != nil || !looksLikePolicy(joinText(d.sents)) {
			continue
		}
		d.doc.Path = r.path
		for i := range d.sents {
			d.sents[i].path = r.path
		}
		docs = append(docs, d)
	}

	// DEX string pools: URLs and hard-coded dialog texts.
	for _, df := range f.Dex.Files {
		if df.Parsed == nil {
			continue
		}
		for _, s := range df.Parsed.Strings {
			if strings.Contains(s, "http") {
				urls = appendURLs(urls, s, df.Name, false)
			}
			if len(s) >= 6 && len(s) < 4000 && isDialog(s) {
				dialog = appendFound(dialog, Found{Value: clipRunes(s, 300), Path: df.Name}, maxDialog)
			}
		}
	}

	if len(docs) == 0 && len(urls) == 0 && len(dialog) == 0 {
		return nil
	}
	out := analyze(docs, r.index())
	sortFound(urls)
	sortFound(dialog)
	out.URLs, out.ConsentDialog = urls, dialog
	return out
}

func joinText(sents []sentence) string {
	var b strings.Builder
	for _, s := range sents {
		b.WriteString(s.text)
		b.WriteByte('\n')
	}
	return b.String()
}

// isDialog recognises consent-prompt texts and buttons; a bare "同意" only counts when
// it is the whole string (a button label).
func isDialog(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 2000 || !dialogHint(s) {
		return false
	}
	return dialogRe.MatchString(s)
}

// dialogHint is a literal every match of dialogRe holds; it spares the regexp most
// of a DEX string pool (the regexp was half of FromAPK's time).
func dialogHint(s string) bool {
	for _, w := range dialogHintsZH {
		if strings.Contains(s, w) {
			return true
		}
	}
	return containsFoldASCII(s, "agree") || containsFoldASCII(s, "privacy policy")
}

var dialogHintsZH = []string{"同意", "审慎阅读", "充分理解", "暂不使用", "仅浏览", "《", "拒绝"}

// containsFoldASCII reports whether s holds the lower-case ASCII word sub in any case.
func containsFoldASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for ; j < len(sub); j++ {
			c := s[i+j]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

func appendURLs(list []Found, s, where string, nameHint bool) []Found {
	for _, u := range urlRe.FindAllString(s, 20) {
		u = strings.TrimRight(u, ".,;:)]'\"")
		if urlNotPolicyRe.MatchString(u) || !nameHint && !urlPolicyRe.MatchString(u) {
			continue
		}
		list = appendFound(list, Found{Value: u, Path: where}, maxURLs)
	}
	return list
}

func appendFound(list []Found, f Found, limit int) []Found {
	if len(list) >= limit {
		return list
	}
	for _, x := range list {
		if x == f {
			return list
		}
	}
	return append(list, f)
}

func sortFound(l []Found) {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].Value != l[j].Value {
			return l[i].Value < l[j].Value
		}
		return l[i].Path < l[j].Path
	})
}
