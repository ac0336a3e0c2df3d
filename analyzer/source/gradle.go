package source

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/hegui-dev/hegui/analyzer"
)

// module is one Gradle project of the tree, with what its build file says.
type module struct {
	name       string // ":app"
	dir        string // relative to the root, "." for the root project
	buildFile  string // relative path, "" when there is none
	isApp      bool
	isLib      bool
	namespace  string
	appID      string
	minSDK     int
	targetSDK  int
	compileSDK int
	versionNm  string
	versionCd  string
	holders    map[string]string // manifestPlaceholders
	deps       []analyzer.Dependency
	projDeps   []string   // ":lib"
	localLibs  []localRef // fileTree / files
	manifests  []*manifestDoc
}

// localRef is a fileTree(dir, include) or files(path) declaration.
type localRef struct {
	dir      string   // relative to the module
	includes []string // globs; for files() the file names themselves
	line     int
}

// stripComments blanks // and /* */ comments outside string literals, keeping
// newlines so line numbers stay right.
func stripComments(src []byte) string {
	out := make([]byte, 0, len(src))
	inStr := byte(0)
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case inStr != 0:
			if c == '\\' && i+1 < len(src) {
				out = append(out, c, src[i+1])
				i++
				continue
			}
			if c == inStr || c == '\n' {
				inStr = 0
			}
		case c == '"' || c == '\'':
			inStr = c
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			if i < len(src) {
				out = append(out, '\n')
			}
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i += 2
			for i < len(src) && !(src[i] == '*' && i+1 < len(src) && src[i+1] == '/') {
				if src[i] == '\n' {
					out = append(out, '\n')
				}
				i++
			}
			i++
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// logicalLines joins lines while brackets are open, so multi-line declarations
// read as one; each keeps the number of its first line.
func logicalLines(text string) []struct {
	text string
	line int
} {
	var out []struct {
		text string
		line int
	}
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		cur, start := lines[i], i+1
		for n := 0; n < 30 && i+1 < len(lines) && strings.Count(cur, "(")+strings.Count(cur, "[") > strings.Count(cur, ")")+strings.Count(cur, "]"); n++ {
			i++
			cur += " " + strings.TrimSpace(lines[i])
		}
		out = append(out, struct {
			text string
			line int
		}{cur, start})
	}
	return out
}

var (
	reSetting  = regexp.MustCompile(`(?:^|[\s{;(])(namespace|applicationId|minSdk|minSdkVersion|targetSdk|targetSdkVersion|compileSdk|compileSdkVersion|versionName|versionCode)\b\s*(?:=\s*|\(\s*|\s+)("[^"]*"|'[^']*'|[\w.]+(?:\(\))?(?:\.\w+(?:\(\))?)*)`)
	reDepLine  = regexp.MustCompile(`^\s*(?:dependencies\s*\{\s*)?"?(implementation|api|compile|kapt|ksp|annotationProcessor|runtimeOnly|[a-z][A-Za-z0-9]*(?:Implementation|Api|RuntimeOnly))\b"?\s*\(?\s*(.*)$`)
	reProject  = regexp.MustCompile(`project\s*\(\s*(?:path\s*[:=]\s*)?['"](:[^'"]*)['"]`)
	reQuoted   = regexp.MustCompile(`['"]([^'"]+)['"]`)
	reCoord    = regexp.MustCompile(`^[A-Za-z0-9_.\-]+:[A-Za-z0-9_.\-]+(?::[^:@\s]*)?(?:@\w+)?$`)
	reMapField = regexp.MustCompile(`\b(group|name|version)\s*[:=]\s*['"]([^'"]+)['"]`)
	reCatalog  = regexp.MustCompile(`\blibs\.([A-Za-z0-9_.]+)`)
	reFileTree = regexp.MustCompile(`fileTree\s*\((.*)\)`)
	reFiles    = regexp.MustCompile(`\bfiles\s*\(([^)]*)\)`)
	reTreeDir  = regexp.MustCompile(`(?:\bdir\s*[:=]|"dir"\s+to|^\s*)\s*['"]([^'"]+)['"]`)
	reHolderGr = regexp.MustCompile(`(\w+|"[^"]*"|'[^']*')\s*:\s*("[^"]*"|'[^']*')`)
	reHolderKt = regexp.MustCompile(`"([^"]+)"\s*(?:to|,)\s*"([^"]*)"`)
	reHolderIx = regexp.MustCompile(`manifestPlaceholders\s*\[\s*"([^"]+)"\s*\]\s*=\s*"([^"]*)"`)
	reVarDef   = regexp.MustCompile(`^\s*(?:(?:private|internal|public|const|def|val|var|static|final|String)\s+)*(?:ext\.|project\.ext\.|rootProject\.ext\.)?(\w+)\s*(?::\s*String\s*)?=\s*['"]([^'"$]*)['"]\s*[,;]?\s*$`)
	reCoordDef = regexp.MustCompile(`(?:^|[\s\[,(])(\w+|"[^"]+"|'[^']+')\s*(?::\s*String\s*)?[:=]\s*['"]([A-Za-z0-9_.\-]+:[A-Za-z0-9_.\-]+(?::[^'"\s]*)?)['"]`)
	reDepKey   = regexp.MustCompile(`(?:\[\s*['"]([^'"]+)['"]\s*\]|\b([A-Za-z_]\w*))\s*\)?\s*(?:\{.*)?$`)
	reInterp   = regexp.MustCompile(`\$\{?([\w.]+)\}?`)
	reInclude  = regexp.MustCompile(`^\s*include\b`)
	reProjDir  = regexp.MustCompile(`project\s*\(\s*['"](:[^'"]+)['"]\s*\)\s*\.projectDir\s*=\s*(?:new\s+File\s*\(\s*\w+\s*,\s*|file\s*\(\s*)['"]([^'"]+)['"]`)
	reAlias    = regexp.MustCompile(`alias\s*\(\s*libs\.plugins\.([\w.]+)\s*\)`)
)

// gradleVars collects simple string variables (ext, def, val, buildSrc constants)
// used in versions, and named coordinates (`umeng: 'g:a:v'` in an ext map,
// `const val okhttp = "g:a:v"`) used as whole dependencies.
func gradleVars(text string, vars, coords map[string]string) {
	for _, l := range strings.Split(text, "\n") {
		if m := reVarDef.FindStringSubmatch(l); m != nil {
			vars[m[1]] = m[2]
		}
		for _, m := range reCoordDef.FindAllStringSubmatch(l, -1) {
			coords[unquote(m[1])] = m[2]
		}
	}
}

func interpolate(s string, vars map[string]string) string {
	if !strings.Contains(s, "$") {
		return s
	}
	return reInterp.ReplaceAllStringFunc(s, func(x string) string {
		m := reInterp.FindStringSubmatch(x)
		key := m[1]
		if i := strings.LastIndexByte(key, '.'); i >= 0 {
			key = key[i+1:]
		}
		if v, ok := vars[key]; ok {
			return v
		}
		return x
	})
}

func unquote(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

var reCatalogVersion = regexp.MustCompile(`libs\.versions\.([\w.]+)\.get\(\)`)

func (m *module) setting(key, val string, cat *catalog) {
	if cv := reCatalogVersion.FindStringSubmatch(val); cv != nil && cat != nil {
		val = cat.versions[strings.ReplaceAll(cv[1], ".", "-")]
		if val == "" {
			val = cat.versions[cv[1]]
		}
	}
	val = unquote(val)
	num := func() int { n, _ := strconv.Atoi(strings.TrimSuffix(val, ".toInt()")); return n }
	set := func(p *int) {
		if *p == 0 {
			*p = num()
		}
	}
	setS := func(p *string) {
		if *p == "" && !strings.ContainsAny(val, "$( ") {
			*p = val
		}
	}
	switch key {
	case "namespace":
		setS(&m.namespace)
	case "applicationId":
		setS(&m.appID)
	case "minSdk", "minSdkVersion":
		set(&m.minSDK)
	case "targetSdk", "targetSdkVersion":
		set(&m.targetSDK)
	case "compileSdk", "compileSdkVersion":
		set(&m.compileSDK)
	case "versionName":
		setS(&m.versionNm)
	case "versionCode":
		setS(&m.versionCd)
	}
}

// parseBuild reads one module build file.
func (m *module) parseBuild(src []byte, cat *catalog, vars, coords map[string]string) {
	text := stripComments(src)
	for _, ll := range logicalLines(text) {
		l := ll.text
		switch {
		case strings.Contains(l, "apply false"): // a root build declaring plugin versions
		case strings.Contains(l, "com.android.application"):
			m.isApp = true
		case strings.Contains(l, "com.android.library"):
			m.isLib = true
		}
		if a := reAlias.FindStringSubmatch(l); a != nil && cat != nil && !strings.Contains(l, "apply false") {
			switch cat.plugins[a[1]] {
			case "com.android.application":
				m.isApp = true
			case "com.android.library":
				m.isLib = true
			}
		}
		for _, s := range reSetting.FindAllStringSubmatch(l, -1) {
			m.setting(s[1], s[2], cat)
		}
		if strings.Contains(l, "manifestPlaceholders") {
			m.placeholders(l, vars)
		}
		if d := reDepLine.FindStringSubmatch(l); d != nil {
			conf := d[1]
			if strings.HasPrefix(conf, "test") || strings.HasPrefix(conf, "androidTest") || strings.HasPrefix(conf, "lint") {
				continue
			}
			m.depLine(conf, d[2], ll.line, cat, vars, coords)
		}
	}
}

func (m *module) placeholders(l string, vars map[string]string) {
	if m.holders == nil {
		m.holders = map[string]string{}
	}
	for _, p := range reHolderIx.FindAllStringSubmatch(l, -1) {
		m.holders[p[1]] = interpolate(p[2], vars)
	}
	for _, p := range reHolderKt.FindAllStringSubmatch(l, -1) {
		m.holders[p[1]] = interpolate(p[2], vars)
	}
	if i := strings.Index(l, "["); i >= 0 && !strings.Contains(l, "manifestPlaceholders[") {
		for _, p := range reHolderGr.FindAllStringSubmatch(l[i:], -1) {
			m.holders[unquote(p[1])] = interpolate(unquote(p[2]), vars)
		}
	}
}

func (m *module) depLine(conf, rest string, line int, cat *catalog, vars, coords map[string]string) {
	loc := analyzer.Location{Path: m.buildFile, Line: line}
	add := func(c coord, cf string) {
		m.deps = append(m.deps, analyzer.Dependency{Group: c.group, Artifact: c.artifact, Version: c.version,
			Location: loc, Configuration: cf, Module: m.name})
	}
	if strings.Contains(rest, "platform(") || strings.Contains(rest, "Platform(") {
		conf = "platform"
	}
	if p := reProject.FindStringSubmatch(rest); p != nil {
		m.projDeps = append(m.projDeps, p[1])
		return
	}
	if ft := reFileTree.FindStringSubmatch(rest); ft != nil {
		ref := localRef{line: line}
		if d := reTreeDir.FindStringSubmatch(ft[1]); d != nil {
			ref.dir = d[1]
		}
		for _, q := range reQuoted.FindAllStringSubmatch(ft[1], -1) {
			if strings.Contains(q[1], "*") {
				ref.includes = append(ref.includes, q[1])
			}
		}
		if len(ref.includes) == 0 {
			ref.includes = []string{"*.jar"}
		}
		m.localLibs = append(m.localLibs, ref)
		return
	}
	if fs := reFiles.FindStringSubmatch(rest); fs != nil {
		for _, q := range reQuoted.FindAllStringSubmatch(fs[1], -1) {
			m.localLibs = append(m.localLibs, localRef{dir: dirOf(q[1]), includes: []string{baseOf(q[1])}, line: line})
		}
		return
	}
	if mf := reMapField.FindAllStringSubmatch(rest, -1); len(mf) >= 2 {
		var c coord
		for _, f := range mf {
			switch f[1] {
			case "group":
				c.group = f[2]
			case "name":
				c.artifact = f[2]
			case "version":
				c.version = interpolate(f[2], vars)
			}
		}
		if c.group != "" && c.artifact != "" {
			add(c, conf)
			return
		}
	}
	for _, q := range reQuoted.FindAllStringSubmatch(rest, -1) {
		s := interpolate(q[1], vars)
		if reCoord.MatchString(s) {
			c := splitCoord(strings.SplitN(s, "@", 2)[0])
			add(c, conf)
			return
		}
	}
	if !strings.Contains(rest, "libs.") {
		// rootProject.ext.deps.umeng, deps["umeng-common"], Deps.okhttp
		if k := reDepKey.FindStringSubmatch(rest); k != nil {
			key := k[1] + k[2]
			if c, ok := coords[key]; ok {
				add(splitCoord(strings.SplitN(interpolate(c, vars), "@", 2)[0]), conf)
			}
		}
		return
	}
	if cat == nil {
		return
	}
	for _, a := range reCatalog.FindAllStringSubmatch(rest, -1) {
		acc := strings.TrimSuffix(a[1], ".get")
		switch {
		case strings.HasPrefix(acc, "bundles."):
			for _, lib := range cat.bundles[strings.TrimPrefix(acc, "bundles.")] {
				if c, ok := cat.libs[lib]; ok {
					add(c, conf)
				}
			}
		case strings.HasPrefix(acc, "versions."), strings.HasPrefix(acc, "plugins."):
		default:
			if c, ok := cat.libs[acc]; ok {
				add(c, conf)
			}
		}
	}
}

func dirOf(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return "."
}

func baseOf(p string) string { return p[strings.LastIndexByte(p, '/')+1:] }

// parseSettings returns the included module paths and projectDir overrides.
func parseSettings(src []byte) (mods []string, dirs map[string]string) {
	dirs = map[string]string{}
	for _, ll := range logicalLines(stripComments(src)) {
		if reInclude.MatchString(ll.text) {
			for _, q := range reQuoted.FindAllStringSubmatch(ll.text, -1) {
				name := q[1]
				if !strings.HasPrefix(name, ":") {
					name = ":" + name
				}
				mods = append(mods, name)
			}
		}
		if p := reProjDir.FindStringSubmatch(ll.text); p != nil {
			dirs[p[1]] = p[2]
		}
	}
	return mods, dirs
}
