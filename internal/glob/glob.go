// Package glob matches slash-separated paths against patterns whose segments are
// path.Match patterns and where a segment "**" matches any number of segments:
// suppression paths in .hegui.yaml and Gradle fileTree includes use it.
package glob

import (
	"path"
	"strings"
)

// Match reports whether name matches pattern. "**" matches zero or more segments,
// and one or more at the end: "app/src/**" matches everything under app/src,
// "**/Foo.java" Foo.java in any directory, "a/**/b.txt" a/b.txt and a/x/y/b.txt.
func Match(pattern, name string) bool {
	return matchSegs(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

func matchSegs(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for len(pat) > 0 && pat[0] == "**" {
				pat = pat[1:]
			}
			if len(pat) == 0 {
				return len(name) > 0 // a trailing "**" matches what is under the directory
			}
			for i := range name {
				if matchSegs(pat, name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}

// Valid reports whether every segment of pattern is a valid path.Match pattern.
func Valid(pattern string) bool {
	for _, seg := range strings.Split(pattern, "/") {
		if _, err := path.Match(seg, ""); err != nil {
			return false
		}
	}
	return true
}
