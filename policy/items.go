package policy

import (
	"regexp"
	"strconv"
	"strings"
)

// itemRule finds one item of Facts.Items: a sentence holding a trigger (a cheap
// literal) and, when set, matching every regexp of need and none of not.
type itemRule struct {
	key      string
	triggers []string
	need     []*regexp.Regexp
	not      *regexp.Regexp
	negate   bool                  // a denying sentence ("不会向境外提供") does not count
	noList   bool                  // ignore sentences inside SDK lists (vendors' names and contacts)
	headings bool                  // a heading alone can prove it
	quick    func(low string) bool // cheap precondition of need, when one exists
	// Ranking of the sentences that prove it (see score): best is what a sentence
	// most specific to the item holds, worse what one about something else holds,
	// section the item's own heading.
	best, worse, section *regexp.Regexp
}

var re = regexp.MustCompile

// sharingListRe names a list of third parties or SDKs, not merely "第三方SDK".
var sharingListRe = re(`(第三方|合作方|三方|sdk|共享).{0,12}(清单|目录|列表|名单|明细)|third[- ]party (sdk|service|partner)s?( list)?|sdk list|list of (third[- ]part|sdk)`)

var (
	companyRe   = re(`(有限公司|有限责任公司|股份公司|集团|工作室|co\.,? ?ltd|\binc\b|\blimited\b|\bllc\b|\bgmbh\b|\bcorporation\b)`)
	ourRe       = re(`(我们|本公司|以下简称|运营|开发|提供|注册地|注册地址|我司|\bwe\b|\bus\b|\bour\b|operat|provided by)`)
	userRightRe = re(`(您|你|用户|\byou\b|\buser)`)
	dateRe      = re(`((更新|生效|发布|修订|版本)(日期|时间)?|生效|更新于|effective|last (updated|modified|revised)|updated on|dated?)[^。]{0,24}?([【\[(]?(19|20)\d{2}[】\])]?\s*(年|[-/.])|(january|february|march|april|may|june|july|august|september|october|november|december)\b)|[【\[(]?(19|20)\d{2}[】\])]?\s*年\s*[【\[(]?\d{1,2}[】\])]?\s*月[^。]{0,8}(更新|生效|修订|发布|施行)`)
)

var itemRules = []itemRule{
	{key: ItemOperator, noList: true,
		triggers: []string{"有限公司", "有限责任公司", "股份公司", "集团", "工作室", "co., ltd", "co.,ltd", "co. ltd", "inc", "limited", "llc", "gmbh", "corporation", "运营者", "运营方", "operated by"},
		need:     []*regexp.Regexp{re(`(有限公司|有限责任公司|股份公司|集团|工作室|co\.,? ?ltd|\binc\b|\blimited\b|\bllc\b|\bgmbh\b|\bcorporation\b|运营者|运营方|operated by)`), ourRe}},
	{key: ItemContact, noList: true, quick: func(l string) bool {
		return strings.ContainsAny(l, "@0123456789") || strings.Contains(l, "负责人") || strings.Contains(l, "联系")
	},
		triggers: []string{"@", "邮箱", "电子邮件", "邮件", "电话", "客服", "联系我们", "个人信息保护负责人", "联系方式", "热线", "email", "e-mail", "contact", "phone", "与我们联系"},
		// "您的联系方式(例如:联系电话)" is the user's contact, not ours.
		best:    re(`(联系我们|与我们(取得)?联系|个人信息保护负责人|客服|contact us).{0,60}([a-z0-9._%+-]+@|电话|热线|邮箱|email|phone|[0-9]{5,})|([a-z0-9._%+-]+@|[0-9]{5,}).{0,30}(联系我们|与我们(取得)?联系|contact us)`),
		worse:   re(`您(提供)?的(联系方式|联系电话|手机号|电话号码)|your (phone|contact)`),
		section: re(`联系|contact`),
		need:    []*regexp.Regexp{re(`([a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}|(\+?86[- ]?)?(1[3-9]\d{9}|0\d{2,3}[- ]?\d{3,4}[- ]?\d{4}|400[- ]?\d{3}[- ]?\d{4}|95\d{3,4}\b)|个人信息保护负责人|个人信息保护专职部门|https?://\S+.{0,12}(联系我们|与我们联系)|(联系我们|与我们联系).{0,6}https?://|(联系我们|客服|联系方式|contact us).{0,30}(邮箱|电话|地址|在线|热线|email|e-mail|phone|address|write))`)}},
	// "帐号申诉冻结注销" is a settings path, not a complaint channel.
	{key: ItemComplaintChannel,
		triggers: []string{"投诉", "举报", "12321", "申诉", "complaint", "complain", "lodge"},
		best:     re(`(投诉|举报|12321|complain).{0,60}(监管|主管|管理|有关|政府)?(部门|机构|法院|网信|仲裁)|(监管|主管|政府).{0,20}(部门|机构).{0,30}(投诉|举报)|12321|lodge a complaint|complain to`),
		section:  re(`联系|投诉|contact|complain`)},
	{key: ItemEffectiveDate, headings: true, quick: hasYear,
		triggers: []string{"更新", "生效", "发布", "修订", "版本", "effective", "last updated", "last modified", "last revised", "updated on", "date"},
		need:     []*regexp.Regexp{dateRe}},
	{key: ItemWithdrawConsent, noList: true,
		triggers: []string{"撤回", "取消授权", "关闭", "改变", "withdraw", "revoke"},
		need:     []*regexp.Regexp{re(`(撤回|取消授权|关闭.{0,10}权限|改变.{0,12}(授权|同意).{0,4}范围|withdraw|revoke)`)}},
	{key: ItemAccountCancellation, noList: true,
		triggers: []string{"注销", "account"},
		not:      re(`^[^注]*注销(之|完成)?后[^注]*$`),
		need:     []*regexp.Regexp{re(`(注销.{0,8}(账号|帐号|账户|帐户|用户)|(账号|帐号|账户|帐户).{0,4}注销|(delete|deletion of|close|cancel|deactivate|terminate) (your|the|their) account|account (deletion|cancellation|closure))`)}},
	{key: ItemRightsAccess, noList: true,
		triggers: []string{"查阅", "查询", "访问", "复制", "副本", "更正", "修改", "补充", "转移", "可携", "access", "copy", "correct", "rectif", "portab"},
		need:     []*regexp.Regexp{re(`((您|你|用户)[^。,]{0,6}(有权|可以|可|能够|均可|有权利)[^。]{0,30}(查阅|访问|查询|复制|副本|更正|修改|补充|转移|获取)|(查阅|复制|更正|转移|访问|查询)(、|和|或|及|与|,)?[^。]{0,12}(您的)?个人信息|right to (access|rectif|correct|data portability|portability|obtain a copy)|\b(access|correct|update|rectify)\b[^.]{0,40}(your )?personal (information|data)|portability)`)},
		not:      re(`(未经授权|非法|未授权|unauthori[sz]ed)`)},
	{key: ItemRightsDeletion, noList: true,
		triggers: []string{"删除", "清除", "delete", "erase", "erasure", "deletion"},
		need: []*regexp.Regexp{
			re(`(您可以|您有权|你可以|你有权|请求|要求|申请|您可|自行|\byou (may|can|have the right)|request|right to)`),
			re(`((删除|清除).{0,24}(个人信息|信息|数据|内容|记录|资料)|请求.{0,8}删除|要求.{0,8}删除|\berasure\b|\berase\b|delet(e|ion of) (your |the )?(personal )?(information|data))`)}},
	// A definition of sensitive PI names "不满14周岁未成年人的个人信息" in passing.
	{key: ItemMinors,
		best:     re(`监护人|父母|guardian|parent`),
		section:  re(`未成年|儿童|child|minor`),
		triggers: []string{"不满十四周岁", "未满十四周岁", "十四周岁", "14周岁", "14岁", "儿童", "未成年", "监护人", "children", "child", "minor", "minors", "under the age", "guardian", "parental"}},
	{key: ItemPersonalizationOptOut, noList: true,
		triggers: []string{"个性化推荐", "个性化广告", "个性化推送", "个性化内容", "个性化展示", "个性化服务", "个性化", "定向推送", "程序化广告", "personalized", "personalised", "targeted advertising", "interest-based"},
		// The way out must be near what it switches off.
		need: []*regexp.Regexp{re(`(个性化|定向推送|程序化广告|personali[sz]ed|targeted|interest-based)[^。]{0,60}(关闭|退出|取消|拒绝|不接收|停止|选择不|开关|turn off|opt out|opt-out|disable|switch off|decline)|(关闭|退出|取消|拒绝|停止|turn off|opt out|opt-out|disable|switch off)[^。]{0,60}(个性化|定向推送|程序化广告|personali[sz]ed|targeted|interest-based)`)}},
	{key: ItemSensitiveSeparateConsent,
		triggers: []string{"单独同意", "单独授权", "单独的同意", "敏感个人信息", "separate consent", "sensitive personal"},
		need:     []*regexp.Regexp{re(`(单独(的)?(同意|授权)|敏感个人信息.{0,40}(同意|授权)|(同意|授权).{0,40}敏感个人信息|separate consent|sensitive personal (information|data).{0,80}consent)`)}},
	{key: ItemFace, negate: true,
		triggers: []string{"人脸", "面部", "刷脸", "活体检测", "facial", "face recognition", "face data", "face information", "face image", "face images", "liveness"}},
	{key: ItemCrossBorder, negate: true,
		triggers: []string{"境外", "出境", "跨境", "海外服务器", "海外", "cross-border", "outside china", "outside of china", "outside mainland", "outside the people's republic", "overseas", "abroad", "outside your country"}},
	{key: ItemRetention,
		triggers: []string{"保存期限", "存储期限", "保留期限", "保存期间", "存储期间", "最短时间", "最短期限", "最短必要", "保存时间", "存储时间", "保存地点", "存储地点", "保存期", "保留政策", "存储政策", "保存政策", "retain", "retention", "keep your"}},
	// Retention stated without those words: "所必需的期间…保留个人信息", "所必需的90天内…
	// 存储", "将在服务器保存 30 天"; the verb alone ("仅保存在本地") is not a period.
	{key: ItemRetention,
		triggers: []string{"保存", "存储", "保留", "储存", "as long as", "store"},
		need:     []*regexp.Regexp{retentionRe}},
	{key: ItemCollectionList, headings: true,
		triggers: []string{"收集清单", "已收集个人信息清单", "个人信息收集", "收集个人信息清单", "个人信息清单", "收集的个人信息清单", "list of personal"},
		need:     []*regexp.Regexp{collListRe}},
	{key: ItemSharingList, headings: true,
		triggers: []string{"共享清单", "共享个人信息清单", "第三方sdk", "第三方 sdk", "sdk目录", "sdk清单", "sdk列表", "sdk 目录", "sdk 清单", "sdk 列表", "接入第三方", "三方sdk", "third-party sdk", "third party sdk", "sdk list", "third-party service"},
		need:     []*regexp.Regexp{sharingListRe}},
}

// fits reports whether sentence s has what rule r needs (its trigger already found);
// it does not depend on where the trigger is.
func (r *itemRule) fits(s *sentence) bool {
	if s.hdrRow || (s.heading && !r.headings) || (r.noList && s.inSDKList) {
		return false
	}
	if r.quick != nil && !r.quick(s.low) {
		return false
	}
	for _, n := range r.need {
		if !n.MatchString(s.low) {
			return false
		}
	}
	return r.not == nil || !r.not.MatchString(s.low)
}

var retentionRe = re(`(必需|必要|必须|最短)的?\s*(期间|时间|期限|时限|[0-9]{1,4}\s*(个)?\s*(天|日|月|年)内?)[^。]{0,60}(保存|存储|保留|储存)|(保存|存储|保留|储存)[^。]{0,40}(必需|必要|必须|最短)的?\s*(期间|时间|期限|时限)|(保存|存储|保留|储存)[^。,;]{0,12}?([0-9]{1,4}|[一二两三四五六七八九十百]{1,4})\s*(个)?\s*(天|日|小时|周|月|年)|([0-9]{1,4}|[一二两三四五六七八九十百]{1,4})\s*(个)?\s*(天|日|月|年)(内|后|之内)?[^。,;]{0,10}(保存|存储|保留|储存)|\b(store|keep|retain)\b[^.]{0,60}as long as (is )?(necessary|needed|required)`)

var handlingRe = re(`(完成|处理|审核|核查|受理|回复|注销|process|complete|respond)`)

var daysRe = re(`(\d{1,3}|[一二两三四五六七八九十百]{1,4})\s*个?\s*(工作日|自然日|日|天)|within (\d{1,3}|one|two|three|five|seven|ten|fifteen|twenty|thirty|forty-five|sixty|ninety) (working |business |calendar )?days`)

// Units of Facts.AccountCancellationUnit.
const (
	UnitWorkingDays = "working_days"
	UnitDays        = "days"
)

// cancellationDays reads the promised handling time of an account-cancellation
// request from the sentence that promises it, or 0, with its unit (工作日 and
// working/business days are working days, 天/日/自然日 calendar days) and the byte
// offset of the number.
func cancellationDays(low string) (days int, unit string, pos int) {
	for _, m := range daysRe.FindAllStringSubmatchIndex(low, -1) {
		// "注销后15日内删除" is what happens after cancellation, not its handling time.
		pre := low[:m[0]]
		if j := strings.LastIndex(pre, "注销"); j >= 0 && afterRe.MatchString(pre[j:]) {
			continue
		}
		num := ""
		if m[2] >= 0 {
			num = low[m[2]:m[3]]
		} else if m[6] >= 0 {
			num = low[m[6]:m[7]]
		}
		if n := parseNumber(num); n > 0 && n <= 365 {
			unit := UnitDays
			if m[4] >= 0 && low[m[4]:m[5]] == "工作日" || m[8] >= 0 && low[m[8]:m[9]] != "calendar " {
				unit = UnitWorkingDays
			}
			return n, unit, m[0]
		}
	}
	return 0, "", 0
}

var afterRe = re(`^注销(之|完成|成功)?后`)

var enNumbers = map[string]int{"one": 1, "two": 2, "three": 3, "five": 5, "seven": 7, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90}

// parseNumber reads 15, 十五, 二十, 三十, 一百 or an English number word.
func parseNumber(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	if n, ok := enNumbers[s]; ok {
		return n
	}
	digits := map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur := 0, 0
	for _, r := range s {
		switch {
		case digits[r] > 0:
			cur = digits[r]
		case r == '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		case r == '百':
			if cur == 0 {
				cur = 1
			}
			total += cur * 100
			cur = 0
		default:
			return 0
		}
	}
	return total + cur
}

// hasYear reports whether low holds four digits starting 19 or 20, or a month name.
func hasYear(low string) bool {
	for i := 0; i+3 < len(low); i++ {
		if (low[i] == '1' && low[i+1] == '9' || low[i] == '2' && low[i+1] == '0') && isDigit(low[i+2]) && isDigit(low[i+3]) {
			return true
		}
	}
	return strings.Contains(low, "ber ") || strings.Contains(low, "uary") || strings.Contains(low, "march") || strings.Contains(low, "april") ||
		strings.Contains(low, "may") || strings.Contains(low, "june") || strings.Contains(low, "july") || strings.Contains(low, "august")
}
