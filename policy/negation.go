package policy

import (
	"regexp"
	"strings"
)

// Polarity of a statement about a keyword at a position in a sentence.
const (
	stated      = 1  // the policy says it does this
	conditional = 0  // "除非…/未经…" or "unless": says neither
	denied      = -1 // "我们不会收集…", "we do not collect…"
)

var (
	// A strong negator may sit a few characters before its verb ("不会向境外提供");
	// a bare 不/未 must touch it ("不收集", "未主动获取").
	negStrongZH = regexp.MustCompile(`(不会|不得|不再|并不|绝不|从不|从未|并未|不予|未曾|没有|无需|不需要|不要求|均不|亦不|也不)[^,;。!?]{0,14}?(收集|获取|读取|采集|使用|访问|调用|申请|索取|提供|共享|分享|传输|转移|存储|保存|上传|处理|出境|开启|请求|记录|追踪|识别|推送|要求)`)
	negBareZH   = regexp.MustCompile(`[不未](主动|会)?(收集|获取|读取|采集|访问|调用|申请|索取|提供|共享|分享|传输|转移|存储|保存|上传|出境|追踪)`)
	negEN       = regexp.MustCompile(`\b((do|does|will|shall|would|can|did)\s+not|don't|doesn't|won't|never|no longer|neither|nor)\b[^,;.]{0,40}?\b(collect|access|obtain|gather|use|share|sell|transfer|store|read|request|disclose|process|track|send|upload|provide)`)
	// A negation is about the user or a condition when one of these comes first in
	// its clause: "如您不提供…", "您可以选择不…", "if you do not…".
	userOrIfZH = regexp.MustCompile(`(如|若|假如|倘若|一旦|您可以|您可|你可以|您有权|您也可以|用户可以|您选择|您拒绝|选择)`)
	userOrIfEN = regexp.MustCompile(`\b(if|you|unless|when)\b`)
	// A sentence with one of these turns a negation into a condition: "除非取得您的
	// 单独同意，我们不会收集…" does not deny collecting.
	condZH   = regexp.MustCompile(`(除非|未经|非经|未获得|未取得|未征得|除了|除法律|除本|在.{0,12}(前提|情况)下|否则)`)
	condEN   = regexp.MustCompile(`\b(unless|without your|except|other than|prior consent)\b`)
	verbZH   = regexp.MustCompile(`(收集|获取|读取|采集|使用|访问|调用|申请|提供|共享|传输|存储|上传|处理)`)
	clauseBr = ",;。!?"
)

// polarity says whether the sentence states, denies or only conditions what the
// keyword at byte offset pos of low (ASCII-lowered sentence) names.
func polarity(low string, pos int) int {
	cs := strings.LastIndexAny(low[:pos], clauseBr) + 1
	ce := strings.IndexAny(low[pos:], clauseBr)
	if ce < 0 {
		ce = len(low)
	} else {
		ce += pos
	}
	clause := low[cs:ce]
	if !mayNegate(clause) { // the common case, without running a regexp
		return stated
	}
	kw := pos - cs
	neg := -1
	isZH := true
	for _, re := range []*regexp.Regexp{negStrongZH, negBareZH} {
		if loc := re.FindStringIndex(clause); loc != nil && (neg < 0 || loc[0] < neg) {
			neg = loc[0]
		}
	}
	if neg < 0 {
		if loc := negEN.FindStringIndex(clause); loc != nil {
			neg, isZH = loc[0], false
		}
	}
	if neg < 0 {
		return stated
	}
	// Only what lies between the keyword (or the clause start) and the negation can
	// make it the user's choice or a condition: "您的位置信息我们不会收集" is a denial.
	before := clause[:neg]
	if kw < neg {
		before = clause[kw:neg]
	}
	if isZH && userOrIfZH.MatchString(before) || !isZH && userOrIfEN.MatchString(before) {
		return stated
	}
	// "我们会收集位置信息而不会收集通讯录": the negation after the keyword does not
	// reach back over the verb that governs it.
	if neg > kw && verbZH.MatchString(clause[:kw]) {
		return stated
	}
	if condZH.MatchString(low) || condEN.MatchString(low) {
		return conditional
	}
	return denied
}

// mayNegate is a cheap filter: a clause without any negating character or word
// cannot deny anything.
func mayNegate(clause string) bool {
	for _, n := range negHints {
		if strings.Contains(clause, n) {
			return true
		}
	}
	return false
}

var negHints = []string{"不", "未", "没有", "无需", "not", "never", "n't", "no longer", "neither", "nor"}

var (
	// A negation governing the SDK named after it: "我们未接入友盟统计SDK", "不会向友盟
	// 提供", "本应用不包含…SDK". The SDK as the subject ("友盟SDK不会收集通讯录") is
	// named, not denied.
	sdkNegZH     = regexp.MustCompile(`(不会|不得|不再|并不|绝不|从不|从未|并未|尚未|未曾|没有|均不|亦不|也不|未|不)(会|曾|主动)?(接入|集成|嵌入|引入|使用|内置|包含|加载|搭载|采用|安装|调用|向|与)[^,;。!?]{0,16}$`)
	sdkNegEN     = regexp.MustCompile(`\b((do|does|did|will|shall)\s+not|don't|doesn't|didn't|won't|never)\s+(use|integrate|include|embed|contain|incorporate|(share|provide|send|disclose)\b[^,;.]{0,30}\b(with|to))\b[^,;.]{0,20}$`)
	userOrWhenZH = regexp.MustCompile(`(如|若|假如|倘若|一旦|当|您|你|用户)`)
)

// sdkPolarity says whether the sentence denies using the SDK named at byte offset pos
// of low: only a negation before the name, in its clause, denies it.
func sdkPolarity(low string, pos int) int {
	pre := low[strings.LastIndexAny(low[:pos], clauseBr)+1 : pos]
	if !mayNegate(pre) {
		return stated
	}
	loc := sdkNegZH.FindStringIndex(pre)
	user := userOrWhenZH
	if loc == nil {
		if loc = sdkNegEN.FindStringIndex(pre); loc == nil {
			return stated
		}
		user = userOrIfEN
	}
	// "如您不使用微信登录…": the user's choice, not the app's.
	if user.MatchString(pre[:loc[0]]) {
		return stated
	}
	if condZH.MatchString(low) || condEN.MatchString(low) {
		return conditional
	}
	return denied
}
