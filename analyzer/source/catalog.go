package source

import (
	"fmt"
	"strings"
)

// catalog is a Gradle version catalog (gradle/libs.versions.toml): accessor
// ("umeng.common", as in libs.umeng.common) → coordinates.
type catalog struct {
	versions map[string]string
	libs     map[string]coord
	bundles  map[string][]string // bundle accessor → library accessors
	plugins  map[string]string   // plugin accessor → plugin id
}

type coord struct{ group, artifact, version string }

func accessor(alias string) string {
	return strings.NewReplacer("-", ".", "_", ".").Replace(alias)
}

// parseCatalog reads the TOML subset version catalogs use. Unknown syntax is
// skipped with an error listing the lines it could not read.
func parseCatalog(src []byte) (*catalog, error) {
	c := &catalog{versions: map[string]string{}, libs: map[string]coord{}, bundles: map[string][]string{}, plugins: map[string]string{}}
	type raw struct {
		key string
		val any
	}
	sections := map[string][]raw{}
	section := ""
	var bad []int
	lines := strings.Split(string(src), "\n")
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(stripTomlComment(lines[i]))
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") && !strings.Contains(line, "=") {
			section = strings.Trim(line, "[] ")
			continue
		}
		eq := strings.IndexByte(line, '=')
		if eq <= 0 {
			bad = append(bad, i+1)
			continue
		}
		key := strings.Trim(strings.TrimSpace(line[:eq]), `"'`)
		val := strings.TrimSpace(line[eq+1:])
		// arrays may span lines
		for n := 0; strings.Count(val, "[") > strings.Count(val, "]") && i+1 < len(lines) && n < 200; n++ {
			i++
			val += " " + strings.TrimSpace(stripTomlComment(lines[i]))
		}
		p := &tomlParser{s: val}
		v, err := p.value(0)
		if err != nil {
			bad = append(bad, i+1)
			continue
		}
		sections[section] = append(sections[section], raw{key, v})
	}
	for _, r := range sections["versions"] {
		if s, ok := r.val.(string); ok {
			c.versions[r.key] = s
		} else if m, ok := r.val.(map[string]any); ok {
			c.versions[r.key] = versionOf(m, nil)
		}
	}
	for _, r := range sections["libraries"] {
		var co coord
		switch v := r.val.(type) {
		case string:
			co = splitCoord(v)
		case map[string]any:
			if m, ok := v["module"].(string); ok {
				co = splitCoord(m)
			} else {
				co.group, _ = v["group"].(string)
				co.artifact, _ = v["name"].(string)
			}
			co.version = versionOf(v, c.versions)
		}
		if co.group != "" {
			c.libs[accessor(r.key)] = co
		}
	}
	for _, r := range sections["bundles"] {
		if arr, ok := r.val.([]any); ok {
			for _, a := range arr {
				if s, ok := a.(string); ok {
					c.bundles[accessor(r.key)] = append(c.bundles[accessor(r.key)], accessor(s))
				}
			}
		}
	}
	for _, r := range sections["plugins"] {
		switch v := r.val.(type) {
		case string:
			c.plugins[accessor(r.key)], _, _ = strings.Cut(v, ":")
		case map[string]any:
			c.plugins[accessor(r.key)], _ = v["id"].(string)
		}
	}
	if len(bad) > 0 {
		return c, fmt.Errorf("unreadable TOML on line(s) %v", bad)
	}
	return c, nil
}

func versionOf(m map[string]any, versions map[string]string) string {
	if s, ok := m["version"].(string); ok {
		return s
	}
	if s, ok := m["version.ref"].(string); ok {
		return versions[s]
	}
	if vm, ok := m["version"].(map[string]any); ok {
		if s, ok := vm["ref"].(string); ok {
			return versions[s]
		}
		for _, k := range []string{"strictly", "require", "prefer"} {
			if s, ok := vm[k].(string); ok {
				return s
			}
		}
	}
	return ""
}

func splitCoord(s string) coord {
	parts := strings.Split(s, ":")
	var c coord
	if len(parts) >= 2 {
		c.group, c.artifact = parts[0], parts[1]
	}
	if len(parts) >= 3 {
		c.version = parts[2]
	}
	return c
}

func stripTomlComment(line string) string {
	inStr := byte(0)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case inStr != 0:
			if c == '\\' && inStr == '"' {
				i++
			} else if c == inStr {
				inStr = 0
			}
		case c == '"' || c == '\'':
			inStr = c
		case c == '#':
			return line[:i]
		}
	}
	return line
}

// tomlParser reads one TOML value: string, inline table, array or bare word.
type tomlParser struct {
	s   string
	pos int
}

func (p *tomlParser) ws() {
	for p.pos < len(p.s) && (p.s[p.pos] == ' ' || p.s[p.pos] == '\t') {
		p.pos++
	}
}

func (p *tomlParser) value(depth int) (any, error) {
	if depth > 8 {
		return nil, fmt.Errorf("nested too deep")
	}
	p.ws()
	if p.pos >= len(p.s) {
		return nil, fmt.Errorf("missing value")
	}
	switch c := p.s[p.pos]; c {
	case '"', '\'':
		end := strings.IndexByte(p.s[p.pos+1:], c)
		if end < 0 {
			return nil, fmt.Errorf("unterminated string")
		}
		v := p.s[p.pos+1 : p.pos+1+end]
		p.pos += end + 2
		return v, nil
	case '{':
		p.pos++
		m := map[string]any{}
		for {
			p.ws()
			if p.pos < len(p.s) && p.s[p.pos] == '}' {
				p.pos++
				return m, nil
			}
			eq := strings.IndexByte(p.s[p.pos:], '=')
			if eq < 0 {
				return nil, fmt.Errorf("bad inline table")
			}
			key := strings.Trim(strings.TrimSpace(p.s[p.pos:p.pos+eq]), `"'`)
			p.pos += eq + 1
			v, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			m[key] = v
			p.ws()
			if p.pos < len(p.s) && p.s[p.pos] == ',' {
				p.pos++
			}
		}
	case '[':
		p.pos++
		var arr []any
		for {
			p.ws()
			if p.pos >= len(p.s) {
				return nil, fmt.Errorf("unterminated array")
			}
			if p.s[p.pos] == ']' {
				p.pos++
				return arr, nil
			}
			v, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
			p.ws()
			if p.pos < len(p.s) && p.s[p.pos] == ',' {
				p.pos++
			}
		}
	default:
		start := p.pos
		for p.pos < len(p.s) && !strings.ContainsRune(",}] \t", rune(p.s[p.pos])) {
			p.pos++
		}
		if p.pos == start {
			return nil, fmt.Errorf("unexpected %q", c)
		}
		return p.s[start:p.pos], nil
	}
}
