package policy

import (
	"github.com/hegui-dev/hegui/internal/testcorpus"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/hegui-dev/hegui/sdkdb"
)

func realDB(t testing.TB) *sdkdb.DB {
	t.Helper()
	db, err := sdkdb.Load()
	if err != nil {
		t.Fatalf("sdkdb.Load: %v", err)
	}
	return db
}

// Facts checked by reading each document.
func TestCorpusPolicies(t *testing.T) {
	dir := testcorpus.Path(t, "policy")
	db := realDB(t)
	cases := []struct {
		file       string
		listed     []string // SDKs named inside an SDK list, with vendor/purpose/PI/link described
		named      []string // SDKs named anywhere
		found      []string
		missing    []string
		days       int
		denied     []string
		disclosed  []string
		encoding   string
		policyLike bool
		agreement  bool // a user agreement: not a privacy policy
	}{
		{file: "sdk-lists/simpfun-3rdparty.md", listed: []string{"tencent_bugly", "alipay"},
			found: []string{ItemSharingList}, missing: []string{ItemOperator, ItemAccountCancellation}},
		{file: "see-agreement/xuexiqiangguo-third-party-sdk-list.md",
			listed: []string{"oppo_push", "vivo_push", "huawei_push", "xiaomi_push", "weibo_sdk", "amap_map", "alipay", "aliyun_oss"},
			found:  []string{ItemSharingList}},
		{file: "see-agreement/qq-android-third-party-sharing-list.md",
			listed: []string{"tencent_im", "oppo_push", "huawei_push", "vivo_push", "weibo_sdk"}},
		{file: "app-assets/piceasy-privacy_agreement.html", policyLike: true,
			named: []string{"tencent_bugly", "alipay", "pangle_cn", "tencent_tbs", "aliyun_oss"},
			found: []string{ItemAccountCancellation, ItemOperator, ItemMinors, ItemFace}, days: 15,
			disclosed: []string{"face", "camera", "storage", "microphone"}},
		{file: "app-assets/qzcloud-privacy_agreement.html", encoding: "utf-8-bom", policyLike: true,
			found:   []string{ItemContact, ItemRightsAccess},
			missing: []string{ItemAccountCancellation, ItemEffectiveDate, ItemComplaintChannel, ItemSharingList},
			// "web beacon" is policy boilerplate, not Tencent Beacon.
			disclosed: []string{"location", "phone_number", "bank_card"}},
		{file: "see-agreement/daomengkongjian-privacy.md", policyLike: true,
			// "1.2.1 “极光推送”:该SDK由“深圳市和讯华谷信息技术有限公司”提供" records.
			listed: []string{"jpush", "umeng_analytics", "tencent_bugly", "xiaomi_push", "baidu_location"},
			denied: []string{"contacts"}, found: []string{ItemOperator, ItemEffectiveDate}},
		{file: "see-agreement/coolapk-privacy.md", policyLike: true,
			// "以下为…接入第三方 SDK 目录…:" then "* **Umeng(友盟) SDK**" items with fields.
			// "小米PUSH", "华为PUSH", "GromoreSDK" are written as such.
			listed:  []string{"umeng_analytics", "tencent_bugly", "pangle_cn", "tencent_gdt", "wechat_opensdk", "qq_connect", "xiaomi_push", "huawei_push", "gromore"},
			missing: []string{ItemComplaintChannel}, found: []string{ItemEffectiveDate, ItemAccountCancellation}},
		{file: "see-agreement/vivo-browser-privacy.md", policyLike: true, days: 15,
			// "③QQ分享SDK": the circled digit normalises to "3".
			// Records shaped "①微信开放平台SDK" + "主体名称:…" lines, without a list heading.
			listed: []string{"qq_connect", "wechat_opensdk", "weibo_sdk", "pangle_cn"}},
		// Retention: "三、保留政策…所必需的期间…保留个人信息" and "保存 30 天".
		{file: "see-agreement/xiaomi-securitycenter-privacy.md", policyLike: true,
			found:   []string{ItemEffectiveDate, ItemContact, ItemRetention},
			missing: []string{ItemOperator}},
		{file: "sdk-lists/usongame-game-privacy.mdx", policyLike: true, days: 15,
			listed: []string{"umeng_analytics", "tencent_bugly", "huawei_account", "alipay"}},
		{file: "see-agreement/umeng-plus-privacy.html", policyLike: true, days: 15,
			named: []string{"umeng_analytics", "umeng_push"}},
		{file: "app-assets/piceasy-customer_agreement.html", agreement: true},
		// "只会在…所必需的时间内…存储", "所必需的90天内…存储".
		{file: "see-agreement/qq-android-privacy-guide.md", found: []string{ItemRetention}},
		{file: "see-agreement/tencent-tpns-sdk-privacy-guide.md", found: []string{ItemRetention}},
		// Says where data is stored, not for how long.
		{file: "app-assets/zimushipinzhizuo-privacy.html", missing: []string{ItemRetention}},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.file), func(t *testing.T) {
			path := filepath.Join(dir, c.file)
			f, err := FromFiles([]string{path}, db)
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range c.listed {
				m := mention(f, id)
				if m == nil || !m.InList || !m.Described.Vendor && !m.Described.Purpose && !m.Described.PITypes {
					t.Errorf("%s: want in list and described, got %+v", id, m)
				}
			}
			for _, id := range c.named {
				if !f.Names(id) {
					t.Errorf("%s not named (have %v)", id, sdkIDs(f))
				}
			}
			wantItems(t, f, true, c.found...)
			wantItems(t, f, false, c.missing...)
			if c.days != 0 && f.AccountCancellationDays != c.days {
				t.Errorf("days %d, want %d", f.AccountCancellationDays, c.days)
			}
			for _, k := range c.denied {
				if cat := category(f, k); cat == nil || len(cat.Denied) == 0 || f.Discloses(k) {
					t.Errorf("%s should be denied: %+v", k, cat)
				}
			}
			for _, k := range c.disclosed {
				if !f.Discloses(k) {
					t.Errorf("%s not disclosed", k)
				}
			}
			if c.encoding != "" && f.Documents[0].Encoding != c.encoding {
				t.Errorf("encoding %s", f.Documents[0].Encoding)
			}
			b, _ := os.ReadFile(path)
			d, _ := parseDoc(path, "asset", b)
			if got := looksLikePolicy(joinText(d.sents)); c.policyLike && !got || c.agreement && got {
				t.Errorf("looksLikePolicy = %v", got)
			}
		})
	}
}

// TestCorpusTogether analyses a policy with its separate SDK list, as `hegui policy
// a b` does: the list's SDKs count as listed for the policy.
func TestCorpusTogether(t *testing.T) {
	dir := testcorpus.Path(t, "policy")
	f, err := FromFiles([]string{
		filepath.Join(dir, "see-agreement/xuexiqiangguo-privacy-latest.md"),
		filepath.Join(dir, "see-agreement/xuexiqiangguo-third-party-sdk-list.md"),
	}, realDB(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Documents) != 2 {
		t.Fatalf("documents %d", len(f.Documents))
	}
	if m := mention(f, "huawei_push"); m == nil || !m.InList || m.Evidence[0].Path != filepath.Join(dir, "see-agreement/xuexiqiangguo-third-party-sdk-list.md") {
		t.Errorf("huawei_push %+v", m)
	}
	wantItems(t, f, true, ItemSharingList, ItemRightsAccess, ItemMinors, ItemEffectiveDate)
}

func BenchmarkAnalyze100KB(b *testing.B) {
	var doc []byte
	name := "bench.mdx"
	if p, err := findCorpusFile("sdk-lists/usongame-game-privacy.mdx"); err == nil {
		doc, _ = os.ReadFile(p)
	}
	if len(doc) == 0 { // no corpus: our own policy, repeated to ~100 KB
		one, err := os.ReadFile(filepath.Join("..", "testdata", "policy", "complete-zh.html"))
		if err != nil {
			b.Fatal(err)
		}
		for len(doc) < 100<<10 {
			doc = append(doc, one...)
		}
		name = "bench.html"
	}
	db, err := sdkdb.Load()
	if err != nil {
		b.Fatal(err)
	}
	r := NewReader(db)
	if _, err := r.Analyze(name, doc); err != nil { // matchers built once, outside the timing
		b.Fatal(err)
	}
	b.SetBytes(int64(len(doc)))
	// CPU time per op as well: on a shared machine wall time says more about the
	// neighbours than about this code.
	before := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := r.Analyze(name, doc); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(cpuTime()-before)/float64(b.N), "cpu-ns/op")
}

func cpuTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func findCorpusFile(rel string) (string, error) {
	shared := os.Getenv("HEGUI_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "shared")
	}
	p := filepath.Join(shared, "corpus", "policy", rel)
	_, err := os.Stat(p)
	return p, err
}

// TestBestEvidence: an item or category quotes the sentence that proves it most
// specifically, not the first one holding a trigger word.
func TestBestEvidence(t *testing.T) {
	db := realDB(t)
	demo, err := FromFiles([]string{filepath.Join("..", "testdata", "policy", "demo-privacy.html")}, db)
	if err != nil {
		t.Fatal(err)
	}
	// Not "您可以在笔记中插入图片。" nor the camera sentence: the one asking for storage.
	if c := category(demo, "storage"); c == nil || len(c.Evidence) == 0 || !strings.Contains(c.Evidence[0].Sentence, "存储权限") {
		t.Errorf("storage evidence %+v, want the sentence asking for 存储权限", c)
	}
	dir := testcorpus.Path(t, "policy")
	for _, c := range []struct{ file, item, want, not string }{
		// Not the definition of sensitive PI that names 不满14周岁未成年人 in passing.
		{"sdk-lists/jiamai-privacy-personal.md", ItemMinors, "监护人", "敏感个人信息是"},
		// Not the user's own phone number.
		{"app-assets/piceasy-privacy_agreement.html", ItemContact, "@", "您的联系方式"},
		// Not the settings path 帐号申诉冻结注销.
		{"see-agreement/vivo-browser-privacy.md", ItemComplaintChannel, "投诉", "申诉冻结"},
	} {
		f, err := FromFiles([]string{filepath.Join(dir, c.file)}, db)
		if err != nil {
			t.Fatal(err)
		}
		ev := f.Items[c.item].Evidence
		if len(ev) == 0 || !strings.Contains(ev[0].Sentence, c.want) || strings.Contains(ev[0].Sentence, c.not) {
			t.Errorf("%s %s: evidence %+v, want a sentence with %q", c.file, c.item, ev, c.want)
		}
	}
}
