package sdkdb

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
)

var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_]*$`)

// tooBroad are package roots that hold many unrelated vendors or products: a prefix
// this short would attribute other companies' (or the app's) classes to one SDK.
var tooBroad = map[string]bool{
	"com.": true, "cn.": true, "net.": true, "org.": true, "io.": true, "me.": true,
	"im.": true, "co.": true, "app.": true, "a.": true, "b.": true,
	"android.": true, "androidx.": true, "java.": true, "javax.": true, "kotlin.": true,
	"kotlinx.": true, "dalvik.": true, "sun.": true, "okhttp3.": true, "okio.": true,
	"com.android.": true, "com.google.": true, "com.google.android.": true,
	"com.tencent.": true, "com.baidu.": true, "com.alibaba.": true, "com.huawei.": true,
	"com.bytedance.": true, "com.facebook.": true, "com.xiaomi.": true, "com.qq.": true,
	"com.taobao.": true, "com.netease.": true, "com.sina.": true, "com.meizu.": true,
	"com.vivo.": true, "com.oppo.": true, "com.samsung.": true, "com.amazon.": true,
	"com.microsoft.": true, "com.squareup.": true, "com.github.": true,
}

func validateEntry(e *Entry) error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	if !idRE.MatchString(e.ID) {
		bad("id %q must be a lowercase slug (a-z, 0-9, _)", e.ID)
	}
	if strings.TrimSpace(e.Name) == "" {
		bad("name is empty")
	}
	if strings.TrimSpace(e.Vendor) == "" {
		bad("vendor is empty")
	}
	if !slices.Contains(categories, e.Category) {
		bad("category %q is not one of %s", e.Category, strings.Join(categories, ", "))
	}
	s := e.Signals
	if len(s.Packages)+len(s.Classes)+len(s.NativeLibs)+len(s.Components)+len(s.MetaData)+len(s.Assets)+len(s.Maven) == 0 {
		bad("no signal: needs at least one of packages, classes, native_libs, components, meta_data, assets, maven (permissions alone are too weak)")
	}
	for _, p := range s.Packages {
		switch {
		case !strings.HasSuffix(p, "."):
			bad("package prefix %q must end with '.'", p)
		case !javaName(strings.TrimSuffix(p, ".")):
			bad("package prefix %q is not a dotted Java name", p)
		case tooBroad[p]:
			bad("package prefix %q is too broad: it covers many vendors' code", p)
		}
	}
	for _, c := range s.Classes {
		if !javaName(c) || !strings.Contains(c, ".") {
			bad("class %q is not a fully qualified dotted class name", c)
		}
	}
	for _, c := range s.Components {
		name, templated := strings.CutPrefix(c, appIDMarker)
		if templated {
			if !strings.HasPrefix(name, ".") || !javaName(name[1:]) {
				bad("component %q: after %s expect .pkg.Class", c, appIDMarker)
			}
		} else if !javaName(c) || !strings.Contains(c, ".") {
			bad("component %q is not a fully qualified class name", c)
		}
	}
	for _, g := range s.NativeLibs {
		if g == "" || strings.Contains(g, "/") || !globOK(g) {
			bad("native_libs glob %q must be a valid pattern over the .so file name (no '/')", g)
		}
	}
	for _, g := range s.Assets {
		if g == "" || strings.HasPrefix(g, "/") || strings.Contains(g, "..") || !globOK(strings.TrimSuffix(g, "/")) {
			bad("assets glob %q must be a valid pattern over a path relative to the APK root", g)
		}
	}
	for _, m := range s.MetaData {
		if strings.TrimSpace(m) == "" {
			bad("empty meta_data key")
		}
	}
	for _, p := range s.Permissions {
		if strings.TrimSpace(p) == "" || strings.ContainsAny(p, " \t") {
			bad("permission %q is not a permission name", p)
		}
	}
	for _, m := range s.Maven {
		g, a, ok := strings.Cut(m, ":")
		if !ok || g == "" || a == "" || strings.Contains(a, ":") || strings.ContainsAny(m, " \t") {
			bad("maven %q must be \"group:artifact\" or \"group:*\"", m)
		}
	}
	for _, o := range e.Overlaps {
		if !idRE.MatchString(o) {
			bad("overlaps %q is not an entry id", o)
		}
	}
	return errors.Join(errs...)
}

// javaName accepts dotted identifiers; '$' and '_' are legal in class names.
func javaName(s string) bool {
	if s == "" {
		return false
	}
	for _, part := range strings.Split(s, ".") {
		if part == "" {
			return false
		}
		for _, r := range part {
			if !(r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 0x7f) {
				return false
			}
		}
	}
	return true
}

// checkOverlaps rejects a prefix or class claimed twice, and a prefix that swallows
// another vendor's prefix (unless the broader entry lists the other in Overlaps).
func checkOverlaps(all []sourced) []error {
	type owner struct {
		i      int
		prefix string
	}
	var errs []error
	var prefixes []owner
	claimed := map[string]int{}
	for i, e := range all {
		for _, p := range e.Signals.Packages {
			if j, ok := claimed[p]; ok && j != i {
				errs = append(errs, fmt.Errorf("sdkdb: %s: entry %q: package prefix %q is also claimed by %q (%s)",
					e.file, e.ID, p, all[j].ID, all[j].file))
				continue
			}
			claimed[p] = i
			prefixes = append(prefixes, owner{i, p})
		}
	}
	classes := map[string]int{}
	for i, e := range all {
		for _, c := range e.Signals.Classes {
			if j, ok := classes[c]; ok && j != i {
				errs = append(errs, fmt.Errorf("sdkdb: %s: entry %q: class %q is also claimed by %q (%s)",
					e.file, e.ID, c, all[j].ID, all[j].file))
			}
			classes[c] = i
		}
	}
	sort.Slice(prefixes, func(a, b int) bool { return prefixes[a].prefix < prefixes[b].prefix })
	// In sorted order, every prefix that extends p follows p contiguously.
	for a := range prefixes {
		outer := prefixes[a]
		if tooBroad[outer.prefix] { // validateEntry already says so, once
			continue
		}
		// One error per prefix: "com.foo." over hundreds of entries is one problem.
		var swallowed []sourced
		var inners []string
		for b := a + 1; b < len(prefixes) && strings.HasPrefix(prefixes[b].prefix, outer.prefix); b++ {
			inner := prefixes[b]
			eo, ei := all[outer.i], all[inner.i]
			if outer.i == inner.i || sameVendor(eo.Entry, ei.Entry) || slices.Contains(eo.Overlaps, ei.ID) {
				continue
			}
			swallowed, inners = append(swallowed, ei), append(inners, inner.prefix)
		}
		eo := all[outer.i]
		switch n := len(swallowed); {
		case n == 1:
			ei := swallowed[0]
			errs = append(errs, fmt.Errorf("sdkdb: %s: entry %q: package prefix %q swallows %q of %q from another vendor (%s); narrow it or list %q under overlaps",
				eo.file, eo.ID, outer.prefix, inners[0], ei.ID, ei.Vendor, ei.ID))
		case n > 1:
			var some []string
			for i := range min(n, 3) {
				some = append(some, fmt.Sprintf("%q of %q", inners[i], swallowed[i].ID))
			}
			more := ""
			if n > 3 {
				more = fmt.Sprintf(" and %d more", n-3)
			}
			errs = append(errs, fmt.Errorf("sdkdb: %s: entry %q: package prefix %q swallows %d prefixes of other vendors' SDKs (%s%s); narrow it or list those entries under overlaps",
				eo.file, eo.ID, outer.prefix, n, strings.Join(some, ", "), more))
		}
	}
	return errs
}

func sameVendor(a, b Entry) bool {
	if a.VendorEN != "" && strings.EqualFold(a.VendorEN, b.VendorEN) {
		return true
	}
	va, vb := strings.TrimSpace(a.Vendor), strings.TrimSpace(b.Vendor)
	// "Tencent (深圳市腾讯计算机系统有限公司)" and "深圳市腾讯计算机系统有限公司" are one vendor.
	return va == vb || strings.Contains(va, vb) || strings.Contains(vb, va)
}
