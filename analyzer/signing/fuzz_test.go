package signing

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ownAPK is a fixture the project builds and signs itself (v1, v2 and v3).
var ownAPK = filepath.Join("..", "..", "testdata", "apk", "demo.apk")

func readOwnAPK(t testing.TB) []byte {
	b, err := os.ReadFile(ownAPK)
	if err != nil {
		t.Fatalf("fixture: %v", err)
	}
	return b
}

func v1Signature(t testing.TB, apk []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(apk), int64(len(apk)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "META-INF/") && strings.HasSuffix(f.Name, ".RSA") {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatal("fixture has no v1 signature")
	return nil
}

func TestOwnFixtureSignatures(t *testing.T) {
	apk := readOwnAPK(t)
	certs, err := PKCS7Certificates(v1Signature(t, apk))
	if err != nil || len(certs) != 1 {
		t.Fatalf("v1: %d certificates, %v", len(certs), err)
	}
	blk, err := ReadBlock(bytes.NewReader(apk), int64(len(apk)))
	if err != nil || blk == nil {
		t.Fatalf("signing block: %v, %v", blk, err)
	}
	if !blk.Has(IDv2) || len(blk.Certs) != 1 || !bytes.Equal(blk.Certs[0], certs[0].Raw) {
		t.Fatalf("v2 block: ids %x, %d certs (same as v1: %v)", blk.IDs, len(blk.Certs),
			len(blk.Certs) > 0 && bytes.Equal(blk.Certs[0], certs[0].Raw))
	}
}

func FuzzPKCS7(f *testing.F) {
	f.Add(v1Signature(f, readOwnAPK(f)))
	f.Add([]byte{0x30, 0x80})
	f.Fuzz(func(t *testing.T, b []byte) {
		certs, _ := PKCS7Certificates(b)
		if len(certs) > 64 {
			t.Fatalf("%d certificates: the cap is 64", len(certs))
		}
	})
}

// FuzzReadBlock mutates the tail of a signed APK (signing block, central
// directory, EOCD) and reads the block back.
func FuzzReadBlock(f *testing.F) {
	apk := readOwnAPK(f)
	tail := apk
	if len(tail) > 8192 {
		tail = tail[len(tail)-8192:]
	}
	f.Add(tail)
	f.Add([]byte("APK Sig Block 42"))
	f.Fuzz(func(t *testing.T, b []byte) {
		blk, _ := ReadBlock(bytes.NewReader(b), int64(len(b)))
		if blk != nil && len(blk.Certs) > 64 {
			t.Fatalf("%d certificates: the cap is 64", len(blk.Certs))
		}
	})
}
