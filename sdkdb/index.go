package sdkdb

import (
	"path"
	"sort"
	"strings"
)

// appIDMarker in a component or permission name stands for the app's package.
const appIDMarker = "<applicationId>"

// index holds every signal of the DB in lookup form; built once by Load.
type index struct {
	prefixes   map[string]string // "com.umeng." → ID
	classes    map[string]string // exact class → ID
	components map[string]string // exact component → ID
	appComps   []pair            // ".wxapi.WXEntryActivity" → ID (after <applicationId>)
	metaData   map[string][]string
	perms      map[string][]string
	appPerms   []pair            // ".permission.JPUSH_MESSAGE" → ID
	maven      map[string]string // "group:artifact" or "group:*" → ID
	libs       []pair            // glob over .so name → ID
	assets     []pair            // glob over APK path → ID
}

type pair struct{ key, id string }

func newIndex(entries []Entry) *index {
	ix := &index{
		prefixes:   map[string]string{},
		classes:    map[string]string{},
		components: map[string]string{},
		metaData:   map[string][]string{},
		perms:      map[string][]string{},
		maven:      map[string]string{},
	}
	for _, e := range entries {
		s := e.Signals
		for _, p := range s.Packages {
			ix.prefixes[p] = e.ID
		}
		for _, c := range s.Classes {
			ix.classes[c] = e.ID
		}
		for _, c := range s.Components {
			if rest, ok := strings.CutPrefix(c, appIDMarker); ok {
				ix.appComps = append(ix.appComps, pair{rest, e.ID})
			} else {
				ix.components[c] = e.ID
			}
		}
		for _, m := range s.MetaData {
			ix.metaData[m] = appendUnique(ix.metaData[m], e.ID)
		}
		for _, p := range s.Permissions {
			if rest, ok := strings.CutPrefix(p, appIDMarker); ok {
				ix.appPerms = append(ix.appPerms, pair{rest, e.ID})
			} else {
				ix.perms[p] = appendUnique(ix.perms[p], e.ID)
			}
		}
		for _, m := range s.Maven {
			ix.maven[m] = e.ID
		}
		for _, g := range s.NativeLibs {
			ix.libs = append(ix.libs, pair{g, e.ID})
		}
		for _, g := range s.Assets {
			ix.assets = append(ix.assets, pair{g, e.ID})
		}
	}
	return ix
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// lookupPrefix finds the longest prefix of the dotted class name in m, trying each
// '.' boundary from the right: no allocation, cost bounded by the name's depth.
func lookupPrefix(m map[string]string, class string) (prefix, id string) {
	for i := len(class) - 1; i > 0; i-- {
		if class[i] == '.' {
			if id, ok := m[class[:i+1]]; ok {
				return class[:i+1], id
			}
		}
	}
	return "", ""
}

// outerClass strips inner-class suffixes: "a.B$C$1" → "a.B".
func outerClass(class string) string {
	if i := strings.IndexByte(class, '$'); i > 0 {
		return class[:i]
	}
	return class
}

// matchGlobs returns the IDs whose glob matches name, sorted and unique. A glob
// ending in '/' matches everything under that directory.
func matchGlobs(globs []pair, name string) []string {
	var ids []string
	for _, g := range globs {
		if globMatch(g.key, name) {
			ids = appendUnique(ids, g.id)
		}
	}
	sort.Strings(ids)
	return ids
}

func globMatch(glob, name string) bool {
	if dir, ok := strings.CutSuffix(glob, "/"); ok {
		return matchDir(dir, name)
	}
	ok, _ := path.Match(glob, name)
	return ok
}

// matchDir reports whether some leading directory of name matches the glob dir.
func matchDir(dir, name string) bool {
	depth := strings.Count(dir, "/") + 1
	parts := strings.SplitN(name, "/", depth+1)
	if len(parts) <= depth {
		return false
	}
	ok, _ := path.Match(dir, strings.Join(parts[:depth], "/"))
	return ok
}
