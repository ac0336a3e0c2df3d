package analyzer

import (
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"strings"
	"time"

	"github.com/hegui-dev/hegui/analyzer/signing"
)

func (an *apkAnalysis) readSigning() {
	s := &Signing{}
	seen := map[string]bool{}
	add := func(c *x509.Certificate) {
		sum := sha256.Sum256(c.Raw)
		h := hex.EncodeToString(sum[:])
		if seen[h] {
			return
		}
		seen[h] = true
		s.Certificates = append(s.Certificates, Certificate{
			Subject: c.Subject.String(), Issuer: c.Issuer.String(), SHA256: h,
			NotBefore: c.NotBefore.UTC().Format(time.RFC3339), NotAfter: c.NotAfter.UTC().Format(time.RFC3339),
		})
	}
	for _, name := range an.a.names {
		if !strings.HasPrefix(name, "META-INF/") || strings.Count(name, "/") != 1 {
			continue
		}
		up := strings.ToUpper(name)
		if !strings.HasSuffix(up, ".RSA") && !strings.HasSuffix(up, ".DSA") && !strings.HasSuffix(up, ".EC") {
			continue
		}
		b, err := an.a.read(name, maxSigFile)
		if err != nil {
			an.diag(name, "%v", err)
			continue
		}
		certs, err := signing.PKCS7Certificates(b)
		if err != nil {
			an.diag(name, "v1 signature block: %v", err)
		}
		if len(certs) > 0 {
			s.V1 = true
		}
		for _, c := range certs {
			add(c)
		}
	}
	blk, err := signing.ReadBlock(an.f, an.facts.Source.Size)
	if err != nil {
		an.diag(an.archiveName(), "APK Signing Block: %v", err)
	}
	if blk != nil {
		s.V2 = blk.Has(signing.IDv2)
		s.V3 = blk.Has(signing.IDv3) || blk.Has(signing.IDv31)
		for _, der := range blk.Certs {
			if c, err := x509.ParseCertificate(der); err == nil {
				add(c)
			} else {
				an.diag(an.archiveName(), "APK Signing Block certificate: %v", err)
			}
		}
	}
	if s.V1 || s.V2 || s.V3 || len(s.Certificates) > 0 {
		an.facts.Signing = s
	}
}
