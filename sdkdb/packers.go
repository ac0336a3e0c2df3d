package sdkdb

import (
	"fmt"
	"sort"
	"strings"
)

// packerSig describes one code protector (加固). Classes ending in '.' are package
// prefixes and classes ending in '*' match any class name that starts with the rest
// (360 names its stub com.qihoo.util.StubApp<digits>); other classes are exact. libs
// are globs over .so names; assets are globs over APK paths.
//
// Every marker below was checked against public sources: APKiD's rules
// (apkid/rules/apk/packers.yara), the packer tables of open-source unpackers and
// 查壳 tools (WrBug dumpdex PackerInfo, ApkPkgChecker and similar lists) and packer
// write-ups that list the files of real protected APKs. A marker is kept only when a
// source ties it to that vendor; markers that sources give to another vendor, or
// that also ship inside ordinary SDKs, were dropped (see the comments per vendor).
type packerSig struct {
	id, name, vendor string
	classes          []string
	libs             []string
	assets           []string
}

var packerSigs = []packerSig{
	// APKiD qihoo360/jiagu; dumpdex and packer write-ups: com.stub.StubApp,
	// com.qihoo.util.StubApp1053578832-style stubs, libjiagu*.so in assets.
	// assets/jiagu_data.bin was dropped: APKiD and ApkPkgChecker attribute it to
	// ApkToolPlus/海云安, not to 360.
	{id: "qihoo_jiagu", name: "360加固 (Jiagu)", vendor: "北京奇虎科技有限公司",
		classes: []string{"com.stub.StubApp", "com.qihoo.util.StubApp*"},
		libs:    []string{"libjiagu*.so", "libprotectClass*.so"},
		assets:  []string{"assets/libjiagu*"}},
	// APKiD tencent/tencent_legu (assets/0OO00l111l1l, libmobisecy.so, StubShell);
	// write-ups of Legu-packed APKs: libshella-*.so, libshellx-*.so,
	// libshell-super.*.so, assets/tosversion, WrapperProxyApplication.
	{id: "tencent_legu", name: "腾讯乐固 (Legu)", vendor: "深圳市腾讯计算机系统有限公司",
		classes: []string{"com.tencent.StubShell.", "com.wrapper.proxyapplication.WrapperProxyApplication"},
		libs:    []string{"libshella-*.so", "libshellx-*.so", "libshella.so", "libshellx.so", "libshell-super*.so", "libmobisecy.so"},
		assets:  []string{"assets/tosversion", "assets/toversion", "assets/0OO00l111l1l", "assets/0OO00oo01l1l", "assets/o0oooOO0ooOo.dat"}},
	// APKiD bangcle/bangcle_secshell/secneo; dumpdex: com.secneo.apkwrapper.ApplicationWrapper;
	// packer write-ups: com.secshell.shellwrapper.SecAppWrapper, com.secshell.secData.
	{id: "bangcle", name: "梆梆加固 (Bangcle/SecNeo)", vendor: "北京梆梆安全科技有限公司",
		classes: []string{"com.secneo.apkwrapper.", "com.secshell.secData.", "com.secshell.shellwrapper."},
		libs:    []string{"libSecShell*.so", "libsecexe*.so", "libsecmain*.so", "libDexHelper*.so"},
		assets:  []string{"assets/secData0.jar", "assets/bangcleplugin/", "assets/bangcle_classes.jar", "assets/classes0.jar"}},
	// APKiD ijiami (assets/ijiami.dat, ijiami.ajm, assets/ijm_lib/); dumpdex s.h.e.l.l.S;
	// write-ups: com.shell.SuperApplication, libexec.so, libexecmain.so. libexec-x86.so
	// was dropped (no source). One 查壳 table also gives libexec.so to Tencent.
	{id: "ijiami", name: "爱加密 (ijiami)", vendor: "北京智游网安科技有限公司",
		classes: []string{"com.shell.SuperApplication", "s.h.e.l.l."},
		libs:    []string{"libexec.so", "libexecmain.so"},
		assets:  []string{"assets/ijiami.dat", "assets/ijiami.ajm", "assets/ijm_lib/"}},
	// APKiD baidu (libbaiduprotect.so, baiduprotect1.jar); dumpdex
	// com.baidu.protect.StubApplication. The prefix com.baidu.protect. was dropped:
	// com.baidu.protect.sdk.* ships inside Baidu push and third-party ad SDKs, which
	// are not packed apps.
	{id: "baidu_protect", name: "百度加固 (Baidu Protect)", vendor: "北京百度网讯科技有限公司",
		classes: []string{"com.baidu.protect.StubApplication"},
		libs:    []string{"libbaiduprotect*.so"},
		assets:  []string{"assets/baiduprotect*.jar"}},
	// APKiD alibaba (libmobisec.so); 查壳 tables: libmobisecx.so, aliprotect.dat,
	// com.ali.mobisecenhance.StubApplication. The glob libmobisec*.so was narrowed:
	// libmobisecy.so is Tencent's (APKiD).
	{id: "ali_jaq", name: "阿里聚安全加固 (Ali Mobisec)", vendor: "阿里巴巴（中国）有限公司",
		classes: []string{"com.ali.mobisecenhance."},
		libs:    []string{"libmobisec.so", "libmobisecx.so"},
		assets:  []string{"assets/aliprotect.dat"}},
	// APKiD yidun (com.netease.nis.wrapper.Entry/MyJni, libnesec.so). libnesec.so
	// also comes with Yidun's anti-cheat SDK (risk entry netease_yidun_protect).
	{id: "netease_yidun_protect", name: "网易易盾加固 (Yidun)", vendor: "杭州网易智企科技有限公司",
		classes: []string{"com.netease.nis.wrapper."},
		libs:    []string{"libnesec*.so"}},
	// 查壳 tables: libx3g.so. Unconfirmed and not listed: a stub class (one table
	// names com.dx.mobile.shield.DxStubApp, but in the 通付盾 row).
	{id: "dingxiang_protect", name: "顶象加固 (Dingxiang)", vendor: "北京顶象技术有限公司",
		libs: []string{"libx3g.so"}},
	// 查壳 tables: libegis.so, libNSaferOnly.so (APKiD calls the latter "App
	// Fortify"); a Frida unpacker: com.payegis.ProxyApplication, com.payegis.StubApp.
	// The prefix com.payegis. was dropped: Payegis uses it for ordinary SDK and server code.
	{id: "payegis", name: "通付盾加固 (Payegis)", vendor: "江苏通付盾科技有限公司",
		classes: []string{"com.payegis.ProxyApplication", "com.payegis.StubApp"},
		libs:    []string{"libegis*.so", "libNSaferOnly.so"}},
	// APKiD naga (libddog.so); 查壳 tables: libchaosvmp.so, libfdog.so, libedog.so.
	{id: "nagapt", name: "娜迦加固 (Nagain)", vendor: "北京娜迦信息科技发展有限公司",
		libs: []string{"libchaosvmp.so", "libddog.so", "libfdog.so", "libedog.so"}},
	// 查壳 tables: libkwscmm.so, libkwscr.so, libkwslinker.so; packer class lists:
	// com.Kiwisec.KiwiSecApplication, com.Kiwisec.ProxyApplication. The lower-case
	// com.kiwisec. prefix is not used: an unrelated open-source library lives there.
	{id: "kiwisec", name: "几维安全加固 (KiwiSec)", vendor: "成都几维安全科技有限公司",
		classes: []string{"com.Kiwisec.KiwiSecApplication", "com.Kiwisec.ProxyApplication"},
		libs:    []string{"libkwscmm.so", "libkwscr.so", "libkwslinker.so"}},
}

// packerOfClass returns the packer whose stub class or package name is class.
func packerOfClass(class string) *packerSig {
	for i := range packerSigs {
		for _, c := range packerSigs[i].classes {
			switch {
			case strings.HasSuffix(c, "*"):
				if strings.HasPrefix(class, c[:len(c)-1]) {
					return &packerSigs[i]
				}
			case strings.HasSuffix(c, "."):
				if strings.HasPrefix(class, c) {
					return &packerSigs[i]
				}
			case class == c:
				return &packerSigs[i]
			}
		}
	}
	return nil
}

// packers finds code protectors from stub classes (in the DEX or named as the
// Application), native libraries, assets and hidden code.
func (d *detection) packers() {
	found := map[string]map[evKey]Evidence{}
	add := func(p *packerSig, e Evidence) {
		if found[p.id] == nil {
			found[p.id] = map[evKey]Evidence{}
		}
		found[p.id][evKey{e.Kind, e.Value, e.Path}] = e
	}
	if c := d.f.App.ApplicationClass; c != "" {
		if p := packerOfClass(d.resolve(c)); p != nil {
			add(p, Evidence{Kind: KindComponent, Value: d.resolve(c), Path: d.manifestPath()})
		}
	}
	for _, df := range d.f.Dex.Files {
		if df.Parsed == nil {
			continue
		}
		for _, c := range df.Parsed.Classes {
			if p := packerOfClass(c.Name); p != nil {
				add(p, Evidence{Kind: KindClass, Value: c.Name, Path: df.Name})
			}
		}
	}
	for _, l := range d.f.NativeLibs {
		name := l.Path[strings.LastIndexByte(l.Path, '/')+1:]
		for i := range packerSigs {
			for _, g := range packerSigs[i].libs {
				if globMatch(g, name) {
					add(&packerSigs[i], Evidence{Kind: KindNativeLib, Value: name, Path: l.Path})
				}
			}
		}
	}
	paths := make([]string, 0, len(d.f.Assets)+len(d.f.Dex.Hidden))
	for _, a := range d.f.Assets {
		paths = append(paths, a.Path)
	}
	for _, h := range d.f.Dex.Hidden {
		paths = append(paths, h.Path)
	}
	for _, p := range paths {
		for i := range packerSigs {
			for _, g := range packerSigs[i].assets {
				if globMatch(g, d.f.APKPath(p)) {
					add(&packerSigs[i], Evidence{Kind: KindAsset, Value: p, Path: p})
				}
			}
		}
	}
	for i := range packerSigs {
		p := &packerSigs[i]
		ev := found[p.id]
		if len(ev) == 0 {
			continue
		}
		pk := Packer{ID: p.id, Name: p.name, Vendor: p.vendor}
		for _, e := range ev {
			pk.Evidence = append(pk.Evidence, e)
		}
		sortEvidence(pk.Evidence)
		d.r.Packers = append(d.r.Packers, pk)
		d.r.Notes = append(d.r.Notes, fmt.Sprintf(
			"The app is protected by %s: its own code is encrypted and not in the DEX files, so SDKs are found only from the manifest, native libraries and assets, and whether the app uses them cannot be told. Results are limited; scan the unprotected build for a full picture.",
			p.name))
	}
	sort.Slice(d.r.Packers, func(i, j int) bool { return d.r.Packers[i].ID < d.r.Packers[j].ID })
	sort.Strings(d.r.Notes)
}
