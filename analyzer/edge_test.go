package analyzer

import (
	"context"
	"github.com/hegui-dev/hegui/internal/testcorpus"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestAndroguardEdgeCases runs every APK of Debian's androguard test set (invalid,
// partial signatures, duplicate permissions, odd entry names, truncated central
// directory, weird compression): each gives correct facts or a clear error, in time.
func TestAndroguardEdgeCases(t *testing.T) {
	dir := filepath.Join(testcorpus.Dir(t), "corpus", "apk", "debian-androguard")
	apks, _ := filepath.Glob(filepath.Join(dir, "*.apk"))
	if len(apks) == 0 {
		t.Skipf("no APK in %s", dir)
	}
	type want struct {
		pkg        string
		err        string
		v1, v2, v3 bool
		perms      int
		dex        int
	}
	const tiny = "android.appsecurity.cts.tinyapp"
	known := map[string]want{
		"multidex.apk":                                 {err: "no AndroidManifest.xml"},
		"apksig-golden-aligned-v1-out.apk":             {pkg: tiny, v1: true, dex: 1},
		"apksig-golden-aligned-v2-out.apk":             {pkg: tiny, v2: true, dex: 1},
		"apksig-golden-aligned-v3-out.apk":             {pkg: tiny, v3: true, dex: 1},
		"apksig-golden-aligned-v1v2v3-lineage-out.apk": {pkg: tiny, v1: true, v2: true, v3: true, dex: 1},
		"apksig-v1-only-with-nul-in-entry-name.apk":    {pkg: tiny, v1: true, dex: 1},
		"apksig-v2-only-truncated-cd.apk":              {pkg: tiny, v2: true, dex: 1},
		"apksig-weird-compression-method.apk":          {pkg: tiny, v1: true, dex: 1},
		"apksig-mismatched-compression-method.apk":     {pkg: tiny, v1: true, dex: 1},
		"duplicate.permissions_9999999.apk":            {pkg: "duplicate.permisssions", v1: true, perms: 7, dex: 1},
		"urzip-unicode-name.apk":                       {pkg: "info.guardianproject.urzip", v1: true, dex: 1},
		"partialsignature.apk":                         {pkg: "a2dp.Vol", v1: true, perms: 17, dex: 1},
	}
	for _, apk := range apks {
		name := filepath.Base(apk)
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			start := time.Now()
			f, err := Analyze(ctx, apk, Options{NativeStrings: true})
			if d := time.Since(start); d > 30*time.Second {
				t.Errorf("took %v", d)
			}
			w, isKnown := known[name]
			if err != nil {
				if !strings.Contains(err.Error(), apk) {
					t.Errorf("error does not name the file: %v", err)
				}
				if !isKnown || w.err == "" || !strings.Contains(err.Error(), w.err) {
					t.Errorf("unexpected error: %v", err)
				}
				return
			}
			if f.App.Package == "" {
				t.Fatal("facts without a package")
			}
			if !isKnown {
				return
			}
			if w.err != "" {
				t.Fatalf("want error %q, got facts", w.err)
			}
			if f.App.Package != w.pkg || len(f.Dex.Files) != w.dex {
				t.Errorf("package %q dex %d, want %q %d", f.App.Package, len(f.Dex.Files), w.pkg, w.dex)
			}
			if w.perms != 0 && len(f.App.Permissions) != w.perms {
				t.Errorf("%d permissions, want %d", len(f.App.Permissions), w.perms)
			}
			s := f.Signing
			if s == nil {
				s = &Signing{}
			}
			if s.V1 != w.v1 || s.V2 != w.v2 || s.V3 != w.v3 {
				t.Errorf("signing v1 %v v2 %v v3 %v, want %v %v %v", s.V1, s.V2, s.V3, w.v1, w.v2, w.v3)
			}
			if (s.V1 || s.V2 || s.V3) && len(s.Certificates) == 0 {
				t.Error("signed but no certificate extracted")
			}
		})
	}
}
