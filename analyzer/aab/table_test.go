package aab

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/analyzer/arsc"
)

func baseTable(t *testing.T, lim arsc.Limits) *TableBuilder {
	tb := NewTableBuilder(lim)
	if err := tb.Add(entry(t, fixtureAAB, "base/resources.pb")); err != nil {
		t.Fatal(err)
	}
	return tb
}

// resources.pb resolves like resources.arsc built from the same sources.
func TestTableMatchesARSC(t *testing.T) {
	got := baseTable(t, arsc.DefaultLimits).Table()
	want, err := arsc.Parse(entry(t, fixtureAPK, "resources.arsc"), arsc.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if got.Package != "com.hegui.fixture" || got.Package != want.Package {
		t.Errorf("package %q, arsc %q", got.Package, want.Package)
	}
	for _, lang := range []string{"", "zh"} {
		g, w := got.NamedStrings(lang), want.NamedStrings(lang)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("NamedStrings(%q) = %v\narsc: %v", lang, g, w)
		}
	}
	if g := got.NamedStrings("zh")["app_name"]; g != "合规笔记" {
		t.Errorf("zh app_name = %q", g)
	}
	if g := got.NamedStrings("")["app_name"]; g != "Fixture Notes" {
		t.Errorf("default app_name = %q", g)
	}
	// Every resource ID has the same name and resolves to the same text.
	ids := 0
	for id := uint32(0x7f000000); id < 0x7f100000; id++ {
		wn, ok := want.Name(id)
		if !ok {
			if id&0xffff > 32 {
				id |= 0xffff // next type
			}
			continue
		}
		ids++
		if gn, _ := got.Name(id); gn != wn {
			t.Errorf("%#x: name %q, arsc %q", id, gn, wn)
		}
		for _, lang := range []string{"", "zh"} {
			gv, gok := got.Pick(id, lang)
			wv, wok := want.Pick(id, lang)
			if gok != wok || got.Format(gv) != want.Format(wv) {
				t.Errorf("%#x (%s) %q: %q/%v, arsc %q/%v", id, lang, wn, got.Format(gv), gok, want.Format(wv), wok)
			}
		}
	}
	if ids < 5 {
		t.Errorf("compared only %d resource IDs", ids)
	}
	g, w := append([]string(nil), got.Strings...), append([]string(nil), want.Strings...)
	sort.Strings(g)
	sort.Strings(w)
	if !reflect.DeepEqual(g, w) {
		t.Errorf("string pool %q\narsc        %q", g, w)
	}
}

func TestTableLimits(t *testing.T) {
	tb := baseTable(t, arsc.Limits{MaxValues: 3})
	if len(tb.Warnings) != 1 || !strings.Contains(tb.Warnings[0], "limit") {
		t.Errorf("warnings = %q, want one about the limit", tb.Warnings)
	}
	n := 0
	for id := uint32(0x7f000000); id < 0x7f100000; id++ {
		n += len(tb.Table().Values(id))
	}
	if n != 3 {
		t.Errorf("%d values kept, want 3", n)
	}
	b := entry(t, fixtureAAB, "base/resources.pb")
	if err := NewTableBuilder(arsc.DefaultLimits).Add(b[:len(b)-7]); err == nil {
		t.Error("truncated table: no error")
	}
}

func TestSplitLocale(t *testing.T) {
	for in, want := range map[string][3]string{
		"zh-CN": {"zh", "", "CN"}, "zh-Hans": {"zh", "Hans", ""}, "zh-Hant-TW": {"zh", "Hant", "TW"},
		"b+sr+Latn": {"sr", "Latn", ""}, "es-419": {"es", "", "419"}, "en": {"en", "", ""}, "": {"", "", ""},
	} {
		l, s, r := splitLocale(in)
		if [3]string{l, s, r} != want {
			t.Errorf("splitLocale(%q) = %q %q %q, want %q", in, l, s, r, want)
		}
	}
}
