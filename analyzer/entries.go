package analyzer

import (
	"archive/zip"
	"bytes"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/hegui-dev/hegui/analyzer/native"
)

var (
	topDex = regexp.MustCompile(`^classes\d*\.dex$`)
	libSO  = regexp.MustCompile(`^lib/([^/]+)/([^/]+\.so)$`)
)

// readEntries walks every ZIP entry once: native libraries, assets and res/raw
// files, and DEX code hidden outside the loaded classesN.dex.
func (an *apkAnalysis) readEntries() {
	loaded := map[string]bool{}
	for _, n := range an.dexNames() {
		loaded[n] = true
	}
	textTotal := 0
	for _, name := range an.a.names {
		if an.ctx.Err() != nil {
			return
		}
		size := an.a.declaredSize(name)
		local := an.local(name) // the entry's path in an APK; differs in bundles
		switch {
		case loaded[name] || local == "":
			continue
		case topDex.MatchString(local):
			an.hidden(name, "dex", size, "classesN.dex outside the contiguous sequence Android loads")
			continue
		case libSO.MatchString(local):
			an.nativeLib(name, size)
			continue
		}
		inAssets := strings.HasPrefix(local, "assets/") || strings.HasPrefix(local, "res/raw/")
		if !inAssets && !sniffWorthy(local) {
			continue
		}
		var head []byte
		if an.a.stored(name) || !benignExt[strings.ToLower(path.Ext(name))] {
			var err error
			if head, err = an.a.readPrefix(name, 512, true); err != nil {
				an.diag(name, "%v", err)
			}
		}
		typ := AssetType(name, head)
		if size < 0 {
			size = an.sizeByReading(name)
		}
		if inAssets {
			an.facts.Assets = append(an.facts.Assets, Asset{Path: name, Size: size, Type: typ})
			if IsTextAsset(typ) && size >= 0 && size <= maxTextFile && textTotal+int(size) <= maxTextTotal {
				if b, err := an.a.read(name, maxTextFile); err == nil {
					an.facts.Files[name] = b
					textTotal += len(b)
				} else {
					an.diag(name, "%v", err)
				}
			}
		}
		an.hiddenCode(name, typ, size, head)
	}
	sort.Slice(an.facts.Assets, func(i, j int) bool { return an.facts.Assets[i].Path < an.facts.Assets[j].Path })
	sort.Slice(an.facts.NativeLibs, func(i, j int) bool { return an.facts.NativeLibs[i].Path < an.facts.NativeLibs[j].Path })
	sort.Slice(an.facts.Dex.Hidden, func(i, j int) bool { return an.facts.Dex.Hidden[i].Path < an.facts.Dex.Hidden[j].Path })
}

// sniffWorthy: entries outside assets whose first bytes are worth a look for DEX.
// Inflating even 512 bytes of a deflated entry decodes up to a 32 KiB window, so
// compiled resources, signature files and Java resources with ordinary extensions
// (thousands in some APKs) are judged by name only.
func sniffWorthy(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	switch {
	case name == manifestPath, name == "resources.arsc", strings.HasPrefix(name, "META-INF/"),
		strings.HasPrefix(name, "res/"), strings.HasPrefix(name, "lib/"):
		return ext == ".dex" || ext == ".jar"
	}
	return suspectExt[ext]
}

// suspectExt: extensions packers and plugin frameworks give hidden code.
var suspectExt = map[string]bool{
	"": true, ".bin": true, ".dat": true, ".data": true, ".dex": true, ".odex": true, ".vdex": true,
	".jar": true, ".apk": true, ".zip": true, ".so": true, ".tmp": true, ".pkg": true, ".plugin": true,
}

// benignExt: asset types classified by extension without reading them.
var benignExt = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".bmp": true, ".svg": true,
	".ttf": true, ".otf": true, ".woff": true, ".woff2": true, ".mp3": true, ".ogg": true, ".wav": true,
	".m4a": true, ".aac": true, ".mp4": true, ".html": true, ".htm": true, ".txt": true, ".md": true,
	".json": true, ".css": true, ".js": true, ".csv": true, ".properties": true,
}

func (an *apkAnalysis) sizeByReading(name string) int64 {
	n, err := an.a.count(name, maxDexSize)
	if err != nil {
		return -1
	}
	return n
}

func (an *apkAnalysis) hidden(name, kind string, size int64, reason string) {
	an.facts.Dex.Hidden = append(an.facts.Dex.Hidden, HiddenCode{Path: name, Kind: kind, Size: size, Reason: reason})
}

// hiddenCode decides whether an entry carries code Android does not load by itself.
func (an *apkAnalysis) hiddenCode(name, typ string, size int64, head []byte) {
	ext := strings.ToLower(path.Ext(name))
	inAssets := strings.HasPrefix(an.local(name), "assets/")
	switch {
	case typ == "dex" && ext == ".dex":
		an.hidden(name, "dex", size, "DEX file outside the top-level classesN.dex (loaded at run time by a packer or plugin framework)")
	case typ == "dex":
		an.hidden(name, "dex", size, "DEX bytecode disguised under the name "+path.Base(name))
	case typ == "jar" || typ == "apk" || (typ == "zip" && inAssets):
		if reason, ok := an.archiveCode(name, size); ok {
			an.hidden(name, typ, size, reason)
		}
	case (ext == ".dex" || ext == ".jar" || ext == ".apk") && len(head) > 0:
		an.hidden(name, "encrypted?", size, "named "+ext+" but neither DEX nor ZIP: encrypted or packed code")
	}
}

// archiveCode peeks into a nested archive for DEX files.
func (an *apkAnalysis) archiveCode(name string, size int64) (string, bool) {
	if size > maxNestedSize || size < 0 {
		return "archive too large to inspect; may carry DEX", true
	}
	b, err := an.a.read(name, maxNestedSize)
	if err != nil {
		return "unreadable archive: " + err.Error(), true
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "damaged archive; may carry DEX", true
	}
	var dexes []string
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".dex") {
			dexes = append(dexes, f.Name)
			if len(dexes) == 5 {
				break
			}
		}
	}
	if len(dexes) == 0 {
		return "", false
	}
	return "nested archive carrying " + strings.Join(dexes, ", ") + " (loaded at run time)", true
}

func (an *apkAnalysis) nativeLib(name string, size int64) {
	m := libSO.FindStringSubmatch(an.local(name))
	if m == nil {
		return
	}
	lib := NativeLib{Path: name, ABI: m[1], Name: m[2], Size: size}
	if an.opts.NativeStrings || size < 0 {
		b, err := an.a.read(name, maxNativeSize)
		if err != nil {
			an.diag(name, "%v", err)
		} else {
			lib.Size = int64(len(b))
			if an.opts.NativeStrings {
				lib.Strings = native.Strings(b, 4, 1024, 50000)
			}
		}
	}
	an.facts.NativeLibs = append(an.facts.NativeLibs, lib)
}

// IsTextAsset: the asset types whose bytes are kept in Facts.Files.
func IsTextAsset(typ string) bool {
	return typ == "html" || typ == "text" || typ == "json" || typ == "xml"
}

// AssetType classifies a file by its magic, then by its extension; source trees,
// which read no header, pass a nil head and get the extension's answer.
func AssetType(name string, head []byte) string {
	has := func(p string) bool { return bytes.HasPrefix(head, []byte(p)) }
	ext := strings.ToLower(path.Ext(name))
	switch {
	case has("dex\n"):
		return "dex"
	case has("PK\x03\x04"):
		switch ext {
		case ".apk":
			return "apk"
		case ".jar":
			return "jar"
		}
		return "zip"
	case has("\x7fELF"):
		return "so"
	case has("\x89PNG"), has("\xff\xd8\xff"), has("GIF8"), has("RIFF") && len(head) >= 12 && string(head[8:12]) == "WEBP":
		return "image"
	case has("OTTO"), has("wOFF"), has("wOF2"), has("\x00\x01\x00\x00\x00"), has("true"):
		return "font"
	case has("ID3"), has("OggS"), has("fLaC"), has("RIFF") && len(head) >= 12 && string(head[8:12]) == "WAVE",
		len(head) >= 8 && string(head[4:8]) == "ftyp":
		return "audio"
	}
	switch ext {
	case ".html", ".htm", ".xhtml":
		return "html"
	case ".txt", ".md", ".js", ".css", ".csv", ".properties", ".ini", ".conf", ".cfg", ".yml", ".yaml":
		return "text"
	case ".json":
		return "json"
	case ".xml":
		if len(head) > 0 && head[0] == 0x03 { // compiled binary XML is not text
			return "other"
		}
		return "xml"
	case ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg":
		return "image"
	case ".ttf", ".otf", ".woff", ".woff2":
		return "font"
	case ".mp3", ".ogg", ".wav", ".m4a", ".aac", ".amr", ".flac", ".mp4":
		return "audio"
	case ".so":
		return "so"
	case ".dex":
		return "dex"
	case ".jar":
		return "jar"
	case ".apk":
		return "apk"
	case ".zip":
		return "zip"
	}
	return "other"
}
