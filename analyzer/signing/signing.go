// Package signing reads an APK's signatures without verifying them: the
// certificates of v1 (JAR) signature blocks and of the v2/v3 APK Signing Block,
// and which schemes the Signing Block holds.
package signing

import (
	"crypto/x509"
	"encoding/asn1"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Block IDs inside the APK Signing Block.
const (
	IDv2  = 0x7109871a
	IDv3  = 0xf05368c0
	IDv31 = 0x1b93ad61
)

const maxBlock = 64 << 20

type contentInfo struct {
	Type    asn1.ObjectIdentifier
	Content asn1.RawValue `asn1:"explicit,tag:0"`
}

type signedData struct {
	Version          int
	DigestAlgorithms asn1.RawValue
	ContentInfo      asn1.RawValue
	Certificates     asn1.RawValue `asn1:"optional,tag:0"`
}

// PKCS7Certificates returns the certificates of a PKCS#7 SignedData (a
// META-INF/*.RSA, *.DSA or *.EC file), in file order.
func PKCS7Certificates(b []byte) ([]*x509.Certificate, error) {
	var ci contentInfo
	if _, err := asn1.Unmarshal(b, &ci); err != nil {
		return nil, fmt.Errorf("not PKCS#7: %w", err)
	}
	var sd signedData
	if _, err := asn1.Unmarshal(ci.Content.Bytes, &sd); err != nil {
		return nil, fmt.Errorf("PKCS#7 SignedData: %w", err)
	}
	if len(sd.Certificates.Bytes) == 0 {
		return nil, errors.New("PKCS#7 SignedData holds no certificate")
	}
	var out []*x509.Certificate
	rest := sd.Certificates.Bytes
	for len(rest) > 0 && len(out) < 64 {
		var raw asn1.RawValue
		var err error
		rest, err = asn1.Unmarshal(rest, &raw)
		if err != nil {
			return out, fmt.Errorf("certificate %d: %w", len(out)+1, err)
		}
		c, err := x509.ParseCertificate(raw.FullBytes)
		if err != nil {
			return out, fmt.Errorf("certificate %d: %w", len(out)+1, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// Block is what the APK Signing Block holds.
type Block struct {
	IDs   []uint32 // ID of every pair, in order
	Certs [][]byte // DER certificates of v3 (else v2) signers
}

// Has reports whether the block holds id.
func (b *Block) Has(id uint32) bool {
	for _, x := range b.IDs {
		if x == id {
			return true
		}
	}
	return false
}

// ReadBlock finds the APK Signing Block just before the central directory. It
// returns nil, nil when the APK has none.
func ReadBlock(r io.ReaderAt, size int64) (*Block, error) {
	cd, err := centralDirOffset(r, size)
	if err != nil {
		return nil, err
	}
	if cd < 32 {
		return nil, nil
	}
	var foot [24]byte
	if _, err := r.ReadAt(foot[:], cd-24); err != nil {
		return nil, fmt.Errorf("signing block footer: %w", err)
	}
	if string(foot[8:]) != "APK Sig Block 42" {
		return nil, nil
	}
	bsize := binary.LittleEndian.Uint64(foot[:8])
	if bsize < 24 || bsize > maxBlock || int64(bsize)+8 > cd {
		return nil, fmt.Errorf("signing block size %d is implausible", bsize)
	}
	buf := make([]byte, bsize+8)
	if _, err := r.ReadAt(buf, cd-int64(bsize)-8); err != nil {
		return nil, fmt.Errorf("signing block: %w", err)
	}
	if binary.LittleEndian.Uint64(buf) != bsize {
		return nil, errors.New("signing block: header and footer sizes differ")
	}
	pairs := buf[8 : len(buf)-24]
	b := &Block{}
	var v2, v3 []byte
	for len(pairs) >= 12 {
		n := binary.LittleEndian.Uint64(pairs)
		if n < 4 || n > uint64(len(pairs)-8) {
			return b, fmt.Errorf("signing block: pair of %d bytes overruns the block", n)
		}
		id := binary.LittleEndian.Uint32(pairs[8:])
		val := pairs[12 : 8+n]
		b.IDs = append(b.IDs, id)
		switch id {
		case IDv2:
			v2 = val
		case IDv3:
			v3 = val
		}
		pairs = pairs[8+n:]
	}
	src := v3
	if src == nil {
		src = v2
	}
	if src != nil {
		certs, err := signerCerts(src)
		b.Certs = certs
		if err != nil {
			return b, fmt.Errorf("signing block signer: %w", err)
		}
	}
	return b, nil
}

// lp splits a uint32-length-prefixed value off b.
func lp(b []byte) (val, rest []byte, err error) {
	if len(b) < 4 {
		return nil, nil, errors.New("truncated length prefix")
	}
	n := binary.LittleEndian.Uint32(b)
	if uint64(n) > uint64(len(b)-4) {
		return nil, nil, fmt.Errorf("length %d overruns %d bytes", n, len(b)-4)
	}
	return b[4 : 4+n], b[4+n:], nil
}

// signerCerts reads the certificates of the first signer of a v2/v3 block:
// signers → signer → signed data → (digests, certificates).
func signerCerts(v []byte) ([][]byte, error) {
	signers, _, err := lp(v)
	if err != nil {
		return nil, err
	}
	signer, _, err := lp(signers)
	if err != nil {
		return nil, err
	}
	sd, _, err := lp(signer)
	if err != nil {
		return nil, err
	}
	_, rest, err := lp(sd) // digests
	if err != nil {
		return nil, err
	}
	certs, _, err := lp(rest)
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for len(certs) > 0 && len(out) < 64 {
		var c []byte
		if c, certs, err = lp(certs); err != nil {
			return out, err
		}
		out = append(out, c)
	}
	return out, nil
}

// centralDirOffset reads the End Of Central Directory record.
func centralDirOffset(r io.ReaderAt, size int64) (int64, error) {
	const eocdMin = 22
	if size < eocdMin {
		return 0, errors.New("file too small for a ZIP")
	}
	n := int64(eocdMin + 0xffff)
	if n > size {
		n = size
	}
	tail := make([]byte, n)
	if _, err := r.ReadAt(tail, size-n); err != nil {
		return 0, fmt.Errorf("reading ZIP end: %w", err)
	}
	for i := len(tail) - eocdMin; i >= 0; i-- {
		if binary.LittleEndian.Uint32(tail[i:]) != 0x06054b50 {
			continue
		}
		cd := int64(binary.LittleEndian.Uint32(tail[i+16:]))
		if cd > size-n+int64(i) {
			continue
		}
		return cd, nil
	}
	return 0, errors.New("no ZIP end-of-central-directory record")
}
