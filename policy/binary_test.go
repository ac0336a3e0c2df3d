package policy

import (
	"archive/zip"
	"bytes"
	"image"
	"image/png"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBinaryRefused: an APK, a native library, an image, a DEX or random bytes given
// as a policy are refused with an error naming the file and what it is, instead of
// being decoded as GB18030 into junk sentences.
func TestBinaryRefused(t *testing.T) {
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("AndroidManifest.xml")
	w.Write([]byte{3, 0, 8, 0, 0x10, 0, 0, 0})
	zw.Close()
	var pb bytes.Buffer
	png.Encode(&pb, image.NewGray(image.Rect(0, 0, 64, 64)))
	elf := append([]byte("\x7fELF\x02\x01\x01"), make([]byte, 200)...)
	dex := append([]byte("dex\n035\x00"), make([]byte, 200)...)
	r := rand.New(rand.NewSource(1))
	noNUL := make([]byte, 20000)
	for i := range noNUL {
		noNUL[i] = byte(r.Intn(255) + 1)
	}
	nul := append([]byte("隐私政策\n我们收集您的位置信息。\n"), 0, 0, 0, 1, 2)
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		b    []byte
		want string
	}{
		{"app.apk", zb.Bytes(), "ZIP archive"},
		{"policy.html", pb.Bytes(), "PNG image"},
		{"libx.so", elf, "ELF"},
		{"classes.dex", dex, "DEX"},
		{"random.txt", noNUL, "control codes or undecodable"},
		{"nul.txt", nul, "NUL bytes"},
	} {
		p := filepath.Join(dir, c.name)
		if err := os.WriteFile(p, c.b, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := FromFiles([]string{p}, nil)
		if err == nil || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want one naming the file and %q", c.name, err, c.want)
		}
	}
	// The repository's demo APK, as `hegui policy demo.apk` gets it.
	if _, err := FromFiles([]string{"../testdata/apk/demo.apk"}, nil); err == nil || !strings.Contains(err.Error(), "not a policy text") {
		t.Errorf("demo.apk accepted as a policy: %v", err)
	}
	// Text with NULs that is UTF-16 stays accepted.
	if f, err := Analyze("u.txt", utf16([]byte("We collect your location to show nearby content. Privacy policy of Example Ltd."), false, false), nil); err != nil || !f.Discloses("location") {
		t.Errorf("UTF-16 without BOM: %v", err)
	}
}

// TestDeviceBounded: a character device reports size 0 and never ends; it is refused
// as too large after MaxDocBytes instead of being read until memory runs out.
func TestDeviceBounded(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	_, err := FromFiles([]string{"/dev/zero"}, nil)
	if err == nil || !strings.Contains(err.Error(), "/dev/zero") || !strings.Contains(err.Error(), "larger than 8 MB") {
		t.Errorf("err %v, want too large naming /dev/zero", err)
	}
}
