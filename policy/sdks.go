package policy

import (
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/hegui-dev/hegui/sdkdb"
)

// sdkIndex matches an sdkdb's product names, aliases and vendor names in text.
type sdkIndex struct {
	entries []*sdkdb.Entry
	names   *matcher // name or alias → entry
	vendors *matcher // legal name of a vendor with exactly one SDK → entry
	// shared is the legal name of a vendor with several SDKs → all of them: it names
	// one only when the row's purpose picks a single category (推送 → its push SDK).
	shared *matcher
}

var legalNameRe = regexp.MustCompile(`[\p{Han}()（）]{4,40}(有限公司|有限责任公司|股份公司)`)

func buildIndex(db *sdkdb.DB) *sdkIndex {
	x := &sdkIndex{names: newMatcher(), vendors: newMatcher(), shared: newMatcher()}
	type cand struct {
		set     map[int]bool
		primary map[int]bool
	}
	names := map[string]*cand{}
	vendors := map[string]map[int]bool{}
	for i := range db.Entries {
		e := &db.Entries[i]
		x.entries = append(x.entries, e)
		all := append([]string{e.Name, e.NameZH}, e.Aliases...)
		vendorNames := legalNameRe.FindAllString(norm.NFKC.String(e.Vendor), -1)
		for j, n := range all {
			// A company's legal name names the vendor, not this product.
			if l := legalNameRe.FindString(norm.NFKC.String(n)); l != "" && l == norm.NFKC.String(n) {
				vendorNames = append(vendorNames, l)
				continue
			}
			for _, v := range nameVariants(n) {
				if !usableName(v) {
					continue
				}
				c := names[v]
				if c == nil {
					c = &cand{set: map[int]bool{}, primary: map[int]bool{}}
					names[v] = c
				}
				c.set[i] = true
				if j < 2 {
					c.primary[i] = true
				}
			}
		}
		for _, v := range vendorNames {
			v = lowerASCII(v)
			if vendors[v] == nil {
				vendors[v] = map[int]bool{}
			}
			vendors[v][i] = true
		}
	}
	keys := make([]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := names[k]
		switch {
		case len(c.set) == 1:
			for i := range c.set {
				x.names.add(k, i)
			}
		case len(c.primary) == 1: // shared alias, but one product's own name
			for i := range c.primary {
				x.names.add(k, i)
			}
		}
	}
	vkeys := make([]string, 0, len(vendors))
	for k := range vendors {
		vkeys = append(vkeys, k)
	}
	sort.Strings(vkeys)
	for _, k := range vkeys {
		m := x.vendors
		if len(vendors[k]) > 1 {
			m = x.shared
		}
		for _, i := range slices.Sorted(maps.Keys(vendors[k])) {
			m.add(k, i)
		}
	}
	x.names.finish()
	x.vendors.finish()
	x.shared.finish()
	return x
}

// nameVariants gives a name as text would show it: normalised and lowered, with and
// without a space where Chinese meets Latin ("腾讯Bugly" / "腾讯 Bugly").
func nameVariants(n string) []string {
	n = lowerASCII(strings.Join(strings.Fields(norm.NFKC.String(n)), " "))
	if n == "" {
		return nil
	}
	out := []string{n}
	rs := []rune(n)
	var spaced, tight strings.Builder
	for i, r := range rs {
		han := unicode.Is(unicode.Han, r)
		if r == ' ' && (i > 0 && unicode.Is(unicode.Han, rs[i-1]) || i+1 < len(rs) && unicode.Is(unicode.Han, rs[i+1])) {
			spaced.WriteRune(r)
			continue
		}
		if i > 0 && r != ' ' && rs[i-1] != ' ' && han != unicode.Is(unicode.Han, rs[i-1]) {
			spaced.WriteByte(' ')
		}
		spaced.WriteRune(r)
		tight.WriteRune(r)
	}
	for _, v := range []string{spaced.String(), tight.String()} {
		if v != n {
			out = append(out, v)
		}
	}
	// Policies write "小米PUSH" for 小米推送.
	if p, ok := strings.CutSuffix(n, "推送"); ok && utf8.RuneCountInString(p) >= 2 {
		out = append(out, p+"push", p+" push")
	}
	return out
}

// usableName rejects names too short to be told from ordinary words: Latin names
// need 3 letters, Chinese ones 2 characters; generic words never identify an SDK.
func usableName(n string) bool {
	if genericNames[n] || piKeywords()[n] {
		return false
	}
	ascii := true
	for i := 0; i < len(n); i++ {
		if n[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return len(n) >= 2
	}
	return utf8.RuneCountInString(n) >= 2
}

// genericNames are words and bare company brands that do not identify a product.
var genericNames = map[string]bool{
	"sdk": true, "push": true, "推送": true, "统计": true, "分享": true, "登录": true, "支付": true, "地图": true,
	"定位": true, "广告": true, "分析": true, "analytics": true, "ads": true, "map": true, "pay": true,
	"login": true, "share": true, "location": true, "crash": true, "热修复": true,
	"beacon": true, "web beacon": true, "信标": true, // "Cookie 和 Web Beacon" is policy boilerplate
	"腾讯": true, "tencent": true, "阿里": true, "阿里巴巴": true, "alibaba": true, "阿里云": true, "百度": true, "baidu": true,
	"华为": true, "huawei": true, "小米": true, "xiaomi": true, "字节跳动": true, "bytedance": true, "网易": true,
	"netease": true, "新浪": true, "google": true, "谷歌": true, "facebook": true, "meta": true, "apple": true,
	"oppo": true, "vivo": true, "荣耀": true, "honor": true, "魅族": true, "meizu": true, "中国移动": true, "中国联通": true, "中国电信": true,
}

var (
	piKWOnce sync.Once
	piKW     map[string]bool
)

// piKeywords are the PI category keywords: "OAID" in a policy names an identifier,
// not the MSA SDK.
func piKeywords() map[string]bool {
	piKWOnce.Do(func() {
		piKW = map[string]bool{}
		for _, c := range categories {
			for _, k := range append(append([]string{}, c.Keywords...), c.KeywordsEN...) {
				piKW[lowerASCII(k)] = true
			}
		}
	})
	return piKW
}

// find matches product names in low. A two-letter name ("QQ") must stand alone or
// be followed by what a policy says about that SDK: "QQ登录" names QQ Connect,
// "QQ音乐" and "QQ浏览器" do not.
func (x *sdkIndex) find(low string) []hit {
	hits := x.names.find(low)
	out := hits[:0]
	var urls [][]int
	if strings.Contains(low, "http") || strings.Contains(low, "www.") {
		urls = urlRe.FindAllStringIndex(low, -1)
	}
outer:
	for _, h := range hits {
		for _, u := range urls { // "…/?from=nim" is a link, not a mention
			if h.pos >= u[0] && h.pos < u[1] {
				continue outer
			}
		}
		// Part of a domain or path ("weixin.qq.com", "www.umeng.com/policy").
		if h.pos > 0 && strings.IndexByte("./@", low[h.pos-1]) >= 0 || h.end+1 < len(low) && low[h.end] == '.' && isWordByte(low[h.end+1]) {
			continue
		}
		if h.end-h.pos <= 2 {
			rest := low[h.end:]
			r, _ := utf8.DecodeRuneInString(rest)
			if unicode.Is(unicode.Han, r) && !shortOKRe.MatchString(rest) {
				continue
			}
		}
		out = append(out, h)
	}
	return out
}

// byPurpose picks, among the SDKs of one vendor, the single one whose category the
// row's text names (its purpose column: "消息推送"); none when no category or
// several are named.
func (x *sdkIndex) byPurpose(entries []int, low string) (int, bool) {
	pick, n := -1, 0
	for _, e := range entries {
		if words := categoryWords[x.entries[e].Category]; len(words) > 0 && containsAny(low, words) {
			pick, n = e, n+1
		}
	}
	return pick, n == 1
}

// categoryWords are what a purpose says for each sdkdb category.
var categoryWords = map[string][]string{
	sdkdb.CatPush:      {"推送", "push"},
	sdkdb.CatAds:       {"广告", "变现", "advertis"},
	sdkdb.CatAnalytics: {"统计", "数据分析", "analytics"},
	sdkdb.CatCrash:     {"崩溃", "异常上报", "crash"},
	sdkdb.CatMap:       {"地图", "定位", "导航", "location"},
	sdkdb.CatPayment:   {"支付", "payment"},
	sdkdb.CatSocial:    {"分享", "第三方登录", "share"},
	sdkdb.CatIM:        {"即时通讯", "即时通信", "聊天"},
	sdkdb.CatFace:      {"人脸", "活体", "实名认证"},
}

var shortOKRe = regexp.MustCompile(`^(登录|登陆|分享|授权|互联|开放平台|sdk|账号|帐号|支付)`)

// Column roles of an SDK table.
const (
	colOther = iota
	colName
	colVendor
	colPurpose
	colPI
	colContact
)

var (
	colPurposeRe = regexp.MustCompile(`(?i)(目的|用途|功能|场景|purpose|usage)`)
	colContactRe = regexp.MustCompile(`(?i)(链接|隐私政策|隐私权政策|官网|网址|联系|link|url|policy|contact|website)`)
	colVendorRe  = regexp.MustCompile(`(?i)(公司|提供方|第三方名称|第三方主体|主体|厂商|运营方|开发者|企业|vendor|provider|company|developer)`)
	colPIRe      = regexp.MustCompile(`(?i)(信息|数据|类型|字段|权限|data|information|type)`)
	colNameRe    = regexp.MustCompile(`(?i)(名称|sdk|name|产品)`)

	emptyCellRe = regexp.MustCompile(`^(|-|—|/|无|暂无|n/a|na|none)$`)
)

func columnRole(h string) int {
	switch {
	case colPurposeRe.MatchString(h):
		return colPurpose
	case colContactRe.MatchString(h):
		return colContact
	case colVendorRe.MatchString(h):
		return colVendor
	case colPIRe.MatchString(h):
		return colPI
	case colNameRe.MatchString(h):
		return colName
	}
	return colOther
}

// describeRow says what a table row states about the SDK it names.
func describeRow(s *sentence) Described {
	var d Described
	for i, c := range s.cells {
		lc := lowerASCII(c)
		if emptyCellRe.MatchString(lc) {
			continue
		}
		role := colOther
		if i < len(s.header) {
			role = columnRole(lowerASCII(s.header[i]))
		}
		switch role {
		case colVendor:
			d.Vendor = true
		case colPurpose:
			d.Purpose = true
		case colPI:
			d.PITypes = true
		case colContact:
			d.Contact = true
		}
		// Headerless tables, and cells holding more than their column says.
		d = d.or(describeText(lc, len(s.header) == 0))
	}
	return d
}

// describeText applies the label and value heuristics to running text. purpose is
// only trusted from text when it is a list record, not a whole table row.
func describeText(low string, record bool) Described {
	d := Described{
		Vendor:  containsAny(low, txtVendor),
		PITypes: containsAny(low, txtPI),
		Contact: containsAny(low, txtContact),
	}
	if record {
		d.Purpose = containsAny(low, txtPurpose)
	}
	return d
}

// Labels and values that show a record states the vendor, purpose, PI or a link
// (literals: this runs on every SDK record, regexps cost too much here).
var (
	txtVendor  = []string{"有限公司", "有限责任公司", "股份公司", "公司名称", "第三方名称", "第三方主体", "提供方", "开发者", "运营方", "co., ltd", "co.,ltd", " inc.", " inc,", "limited", " llc"}
	txtPurpose = []string{"目的", "用途", "功能", "场景", "用于", "用来", "用以", "为了", "以便", "便于", "实现", "purpose", "used for", "used to", "in order to"}
	txtPI      = []string{"个人信息", "信息类型", "信息字段", "数据类型", "设备标识", "设备信息", "imei", "oaid", "android id", "androidid", "mac地址", "位置", "personal information", "personal data", "device id", "device identifier", "device information"}
	txtContact = []string{"http://", "https://", "www.", "隐私政策", "官网", "网址", "@", "联系方式", "privacy policy"}
)

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func (d Described) or(e Described) Described {
	return Described{Vendor: d.Vendor || e.Vendor, Purpose: d.Purpose || e.Purpose, PITypes: d.PITypes || e.PITypes, Contact: d.Contact || e.Contact}
}
