package sdkdb

import (
	"fmt"
	"sort"
	"strings"
)

// packerSig describes one code protector (加固). Classes ending in '.' are package
// prefixes; libs are globs over .so names; assets are globs over APK paths.
// Markers: APKiD's packer rules and vendor documentation; class markers are the
// stub Application classes the packers put in the manifest.
type packerSig struct {
	id, name, vendor string
	classes          []string
	libs             []string
	assets           []string
}

var packerSigs = []packerSig{
	{id: "qihoo_jiagu", name: "360加固 (Jiagu)", vendor: "北京奇虎科技有限公司",
		classes: []string{"com.stub.StubApp", "com.qihoo.util.StubApp"},
		libs:    []string{"libjiagu*.so", "libprotectClass*.so"},
		assets:  []string{"assets/libjiagu*", "assets/jiagu_data.bin"}},
	{id: "tencent_legu", name: "腾讯乐固 (Legu)", vendor: "深圳市腾讯计算机系统有限公司",
		classes: []string{"com.tencent.StubShell."},
		libs:    []string{"libshella-*.so", "libshellx-*.so", "libshella.so", "libshellx.so"},
		assets:  []string{"assets/tosversion", "assets/0OO00l111l1l", "assets/o0oooOO0ooOo.dat"}},
	{id: "bangcle", name: "梆梆加固 (Bangcle/SecNeo)", vendor: "北京梆梆安全科技有限公司",
		classes: []string{"com.secneo.apkwrapper.", "com.secshell.secData."},
		libs:    []string{"libSecShell*.so", "libsecexe*.so", "libsecmain*.so", "libDexHelper*.so"},
		assets:  []string{"assets/secData0.jar", "assets/bangcleplugin/", "assets/bangcle_classes.jar", "assets/classes0.jar"}},
	{id: "ijiami", name: "爱加密 (ijiami)", vendor: "北京智游网安科技有限公司",
		classes: []string{"com.shell.SuperApplication", "s.h.e.l.l."},
		libs:    []string{"libexec.so", "libexecmain.so", "libexec-x86.so"},
		assets:  []string{"assets/ijiami.dat", "assets/ijiami.ajm", "assets/ijm_lib/"}},
	{id: "baidu_protect", name: "百度加固 (Baidu Protect)", vendor: "北京百度网讯科技有限公司",
		classes: []string{"com.baidu.protect."},
		libs:    []string{"libbaiduprotect*.so"},
		assets:  []string{"assets/baiduprotect*.jar"}},
	{id: "ali_jaq", name: "阿里聚安全加固 (Ali Mobisec)", vendor: "阿里巴巴（中国）有限公司",
		classes: []string{"com.ali.mobisecenhance."},
		libs:    []string{"libmobisec*.so"},
		assets:  []string{"assets/libmobisec*"}},
	{id: "netease_yidun_protect", name: "网易易盾加固 (Yidun)", vendor: "杭州网易智企科技有限公司",
		classes: []string{"com.netease.nis.wrapper."},
		libs:    []string{"libnesec*.so"}},
	{id: "dingxiang_protect", name: "顶象加固 (Dingxiang)", vendor: "北京顶象技术有限公司",
		libs: []string{"libx3g.so"}},
	{id: "payegis", name: "通付盾加固 (Payegis)", vendor: "江苏通付盾科技有限公司",
		classes: []string{"com.payegis."},
		libs:    []string{"libegis*.so", "libNSaferOnly.so"}},
	{id: "nagapt", name: "娜迦加固 (Nagain)", vendor: "北京娜迦信息科技发展有限公司",
		libs: []string{"libchaosvmp.so", "libddog.so", "libfdog.so"}},
	{id: "kiwisec", name: "几维安全加固 (KiwiSec)", vendor: "成都几维安全科技有限公司",
		libs: []string{"libkwscmm.so"}},
}

// packerOfClass returns the packer whose stub class or package name is class.
func packerOfClass(class string) *packerSig {
	for i := range packerSigs {
		for _, c := range packerSigs[i].classes {
			if class == c || strings.HasSuffix(c, ".") && strings.HasPrefix(class, c) {
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
				if globMatch(g, p) {
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
