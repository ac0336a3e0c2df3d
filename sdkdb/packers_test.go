package sdkdb

import (
	"testing"

	"github.com/hegui-dev/hegui/analyzer"
)

// TestPackerMarkersFromPublicRules covers markers whose attribution was corrected
// against APKiD's rules and public packer tables.
func TestPackerMarkersFromPublicRules(t *testing.T) {
	db := loadTest(t)
	cases := []struct {
		name string
		f    *analyzer.Facts
		want string // "" = no packer
	}{
		// 360's stub carries a numeric suffix in real apps.
		{"360 numbered stub", &analyzer.Facts{
			App: analyzer.App{Package: "com.shop", ApplicationClass: "com.qihoo.util.StubApp1053578832"},
		}, "qihoo_jiagu"},
		// APKiD: libmobisecy.so is Mobile Tencent Protect, not Ali's libmobisec.so.
		{"tencent libmobisecy", factsWith(nil, "lib/armeabi/libmobisecy.so"), "tencent_legu"},
		{"ali libmobisec", factsWith(nil, "lib/armeabi/libmobisec.so"), "ali_jaq"},
		{"legu wrapper application", &analyzer.Facts{
			App:    analyzer.App{Package: "com.shop", ApplicationClass: "com.wrapper.proxyapplication.WrapperProxyApplication"},
			Assets: []analyzer.Asset{{Path: "assets/0OO00l111l1l"}},
		}, "tencent_legu"},
		{"kiwisec", factsWith(nil, "lib/arm64-v8a/libkwslinker.so"), "kiwisec"},
		// Baidu's in-SDK protection (Baidu push, ad SDKs) does not encrypt the app.
		{"baidu protect sdk inside baidu push", factsWith([]string{
			"com.baidu.android.pushservice.PushManager",
			"com.baidu.protect.sdk.Ab758f312afd958f045aa4ee1ad5ae334fbdd9645",
		}), ""},
		// assets/jiagu_data.bin is ApkToolPlus's, not 360's.
		{"apktoolplus jiagu data", &analyzer.Facts{
			App:    analyzer.App{Package: "com.shop"},
			Assets: []analyzer.Asset{{Path: "assets/jiagu_data.bin"}},
		}, ""},
		// A Payegis SDK class is not the Payegis shell.
		{"payegis sdk class", factsWith([]string{"com.payegis.common.ipv6.Geo"}), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := db.Detect(c.f)
			var got []string
			for _, p := range r.Packers {
				got = append(got, p.ID)
			}
			switch {
			case c.want == "" && len(got) != 0:
				t.Fatalf("packers %v, want none", got)
			case c.want != "" && (len(got) != 1 || got[0] != c.want):
				t.Fatalf("packers %v, want %s", got, c.want)
			}
		})
	}
}
