package glob

import "testing"

func TestMatch(t *testing.T) {
	for _, c := range []struct {
		pat, name string
		want      bool
	}{
		{"app/src/**", "app/src/main/java/com/x/DeviceInfo.java", true},
		{"app/src/**", "app/srcx/Main.java", false},
		{"app/src/**", "app/src", false},
		{"app/src/**/DeviceInfo.java", "app/src/main/java/com/x/DeviceInfo.java", true},
		{"app/src/**/DeviceInfo.java", "app/src/DeviceInfo.java", true},
		{"app/src/**/DeviceInfo.java", "app/src/main/DeviceInfo.kt", false},
		{"assets/vendor/**", "assets/vendor/sdk/v2/index.html", true},
		{"assets/vendor/**", "assets/vendor.html", false},
		{"lib/**/*.so", "lib/arm64-v8a/libumeng.so", true},
		{"lib/**/*.so", "lib/libx.so", true},
		{"lib/**/*.so", "assets/lib/arm64/libx.so", false},
		{"**/AndroidManifest.xml", "AndroidManifest.xml", true},
		{"**/AndroidManifest.xml", "app/src/main/AndroidManifest.xml", true},
		{"**/**/*.dex", "classes2.dex", true},
		{"classes*.dex", "classes2.dex", true},
		{"classes*.dex", "sub/classes2.dex", false},
		{"AndroidManifest.xml", "app/src/main/AndroidManifest.xml", false},
	} {
		if got := Match(c.pat, c.name); got != c.want {
			t.Errorf("Match(%q, %q) = %v, want %v", c.pat, c.name, got, c.want)
		}
	}
	if Valid("app/[src/**") || !Valid("app/src/**/*.java") {
		t.Error("Valid accepts a bad bracket or rejects a good pattern")
	}
}
