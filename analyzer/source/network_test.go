package source

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestNetworkSecurityFollowsPlatformDefaults: source trees read the network
// security config with the APK reader's rules (analyzer.NetworkSecurityOf): below
// API 24 user CAs are trusted unless a config says otherwise, below API 28
// cleartext is permitted, the manifest's usesCleartextTraffic no longer counts
// once a config file exists, and nested domain-configs count.
func TestNetworkSecurityFollowsPlatformDefaults(t *testing.T) {
	root := miniProject(t)
	mustWrite(t, filepath.Join(root, "app/build.gradle"), strings.Replace(miniBuild, "targetSdk 33", "targetSdk 23", 1))
	mustWrite(t, filepath.Join(root, "app/src/main/AndroidManifest.xml"), `<manifest xmlns:android="http://schemas.android.com/apk/res/android">
  <application android:usesCleartextTraffic="false" android:networkSecurityConfig="@xml/nsc"/>
</manifest>`)
	mustWrite(t, filepath.Join(root, "app/src/main/res/xml/nsc.xml"), `<network-security-config>
  <domain-config cleartextTrafficPermitted="false">
    <domain>secure.example</domain>
    <domain-config cleartextTrafficPermitted="true">
      <domain> legacy.secure.example </domain>
    </domain-config>
  </domain-config>
</network-security-config>`)
	f, err := Analyze(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	n := f.Network
	if n == nil || !n.CleartextPermitted || !n.TrustsUserCAs || !slices.Equal(n.CleartextDomains, []string{"legacy.secure.example"}) {
		t.Fatalf("network = %+v; want cleartext and user CAs permitted (API 23 defaults) and the nested cleartext domain", n)
	}
}
