package checks_test

import (
	"testing"

	"github.com/hegui-dev/hegui/policy"
	"github.com/hegui-dev/hegui/sdkdb"
)

// A brand several SDKs share names none of them: 财付通 runs both 微信支付 and
// QQ钱包, HeyTap (欢太) makes OPPO's push, ads and account SDKs. A policy that
// only names the brand must not be credited with disclosing one of them, which
// would hide a POL-011 finding.
func TestSharedBrandNamesNoSDK(t *testing.T) {
	db, err := sdkdb.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ doc, id string }{
		{"QQ钱包功能由财付通公司向您提供服务。当您开通QQ钱包功能时，财付通会收集您的姓名、身份证件信息。", "wechat_pay"},
		{"## 第三方SDK清单\n\nQQ钱包支付\n\n第三方名称：财付通支付科技有限公司\n\n使用目的：帮助用户使用QQ钱包支付服务\n", "wechat_pay"},
		{"登录时我们使用HeyTap账号服务验证您的身份，并收集您的设备标识。", "oppo_push"},
	} {
		f, err := policy.NewReader(db).Analyze("p.md", []byte(c.doc))
		if err != nil {
			t.Fatal(err)
		}
		if f.Names(c.id) {
			t.Errorf("%s credited by a shared brand in %q", c.id, c.doc)
		}
	}
	f, err := policy.NewReader(db).Analyze("p.md", []byte("我们使用微信支付SDK和HeyTap Push（欢太推送）为您提供服务。"))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"wechat_pay", "oppo_push"} {
		if !f.Names(id) {
			t.Errorf("%s not named by its own name", id)
		}
	}
}
