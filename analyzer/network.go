package analyzer

import (
	"strings"

	"github.com/hegui-dev/hegui/analyzer/axml"
)

// readNetworkConfig parses the res/xml file android:networkSecurityConfig names.
func (an *apkAnalysis) readNetworkConfig() {
	p := an.facts.App.NetworkSecConfig
	if p == "" {
		return
	}
	mpath := an.facts.App.Location.Path
	if p = an.entry(p); !strings.HasPrefix(an.local(p), "res/") || !an.a.has(p) {
		an.diag(mpath, "networkSecurityConfig %q does not name a file in the APK", an.facts.App.NetworkSecConfig)
		return
	}
	b, err := an.a.read(p, maxXMLSize)
	if err != nil {
		an.diag(p, "%v", err)
		return
	}
	root, warn, err := an.parseXML(b)
	if err != nil {
		an.diag(p, "%v", err)
		return
	}
	if warn != nil {
		an.diag(p, "%v", warn)
	}
	an.facts.Network = NetworkSecurityOf(p, root, an.facts.App.TargetSDK)
}

// NetworkSecurityOf summarises the <network-security-config> at p, for APKs,
// bundles and source trees alike. Defaults follow the platform: cleartext is
// permitted before API 28, user CAs trusted before API 24, and the manifest's
// usesCleartextTraffic no longer counts once a config file is present.
func NetworkSecurityOf(p string, root *axml.Node, target int) *NetworkSecurity {
	ns := &NetworkSecurity{Path: p, CleartextPermitted: target < 28, TrustsUserCAs: target < 24}
	var walk func(n *axml.Node, depth int)
	walk = func(n *axml.Node, depth int) {
		if depth > 16 {
			return
		}
		for _, c := range n.Children {
			switch c.Tag {
			case "base-config":
				if v := c.Get("cleartextTrafficPermitted"); v != "" {
					ns.CleartextPermitted = v == "true"
				}
				if ta := trustAnchors(c); ta != nil {
					ns.TrustsUserCAs = *ta
				}
			case "domain-config":
				if c.Get("cleartextTrafficPermitted") == "true" {
					for _, d := range c.Children {
						if d.Tag == "domain" && d.Text != "" {
							ns.CleartextDomains = append(ns.CleartextDomains, d.Text)
						}
					}
				}
				if ta := trustAnchors(c); ta != nil && *ta {
					ns.TrustsUserCAs = true
				}
				walk(c, depth+1) // nested domain-configs
			case "debug-overrides":
				ns.DebugOverrides = true
			}
		}
	}
	walk(root, 0)
	return ns
}

// trustAnchors reports whether a config's <trust-anchors> include user CAs; nil
// when the config has no trust-anchors.
func trustAnchors(n *axml.Node) *bool {
	for _, c := range n.Children {
		if c.Tag != "trust-anchors" {
			continue
		}
		user := false
		for _, cert := range c.Children {
			if cert.Tag == "certificates" && cert.Get("src") == "user" {
				user = true
			}
		}
		return &user
	}
	return nil
}
