package checks

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/hegui-dev/hegui/analyzer"
)

// codeIndex answers the two questions every code rule asks, the same way for DEX and
// for source trees: "who references class.member" and "what does method X call".
type codeIndex struct {
	methods []*codeMethod
	// byName maps a class and method name to every method defined under it (all
	// overloads).
	byName map[memberKey][]int
	// refs maps a referenced class member (method or field) to its use sites.
	refs map[memberKey][]useSite
	// classes maps a defined class to its super class and interfaces.
	classes map[string]*codeClass
	// strIndex maps a string constant to the methods that load it.
	strIndex map[string][]int
	// async memoises asyncBodiesOf.
	async map[string][]int
	// complete is false when part of the code could not be read (parse errors,
	// hidden DEX, packers): "never used" conclusions are then unsafe.
	complete bool
}

type codeClass struct {
	Super      string
	Interfaces []string
}

// codeMethod is one method with a body: a DEX method or a source method.
type codeMethod struct {
	Class, Name, Proto string
	Path               string // classes2.dex, app/src/main/java/…/App.java
	Line               int    // first reference line in source mode, 0 for DEX
	NoCode             bool   // abstract or native: no body to judge
	Calls              []codeRef
	Fields             []codeRef
	Strings            []string
	StrLines           []int // source mode: the line of each of Strings
}

// codeRef is one reference from a method to a class member.
type codeRef struct {
	Class, Member, Proto string
	Line                 int   // source mode only
	IfLines              []int // source mode: analyzer.SourceCall.IfLines
}

// memberKey names a class member: a struct key, not "class.member", so that
// indexing a large app does not build a string per reference.
type memberKey struct{ class, member string }

func (k memberKey) String() string { return k.class + "." + k.member }

// useSite is where a member is referenced.
type useSite struct {
	Method int // index into codeIndex.methods
	Line   int
	Field  bool
}

// display is the stable human and fingerprint form of a method.
func (m *codeMethod) display() string { return m.Class + "." + m.Name }

const (
	maxIndexedMethods = 2_000_000
	accNative         = 0x100
	accAbstract       = 0x400
)

func buildCodeIndex(ctx context.Context, f *analyzer.Facts) *codeIndex {
	ix := &codeIndex{
		byName:   map[memberKey][]int{},
		refs:     map[memberKey][]useSite{},
		classes:  map[string]*codeClass{},
		strIndex: map[string][]int{},
		complete: true,
	}
	if f == nil {
		ix.complete = false
		return ix
	}
	if len(f.Dex.Hidden) > 0 {
		ix.complete = false
	}
	// Size the index up front: growing maps of a million entries dominates the
	// allocations of a large app.
	nMethods, nRefs := 0, 0
	for _, df := range f.Dex.Files {
		if p := df.Parsed; p != nil {
			nRefs += len(p.Methods) + len(p.Fields)
			for ci := range p.Classes {
				nMethods += len(p.Classes[ci].Methods)
			}
		}
	}
	nMethods = min(nMethods, maxIndexedMethods)
	ix.methods = make([]*codeMethod, 0, nMethods)
	ix.byName = make(map[memberKey][]int, nMethods)
	ix.refs = make(map[memberKey][]useSite, min(nRefs, maxIndexedMethods))
	for _, df := range f.Dex.Files {
		if ctx.Err() != nil {
			ix.complete = false
			return ix
		}
		p := df.Parsed
		if p == nil || df.Error != "" {
			if f.Source.Kind != "source" {
				ix.complete = false
			}
			if p == nil {
				continue
			}
		}
		if len(p.Warnings) > 0 {
			ix.complete = false
		}
		for ci := range p.Classes {
			c := &p.Classes[ci]
			if _, ok := ix.classes[c.Name]; !ok {
				ix.classes[c.Name] = &codeClass{Super: c.Super, Interfaces: c.Interfaces}
			}
			for mi := range c.Methods {
				if len(ix.methods) >= maxIndexedMethods {
					ix.complete = false
					break
				}
				dm := &c.Methods[mi]
				if int(dm.Ref) >= len(p.Methods) {
					continue
				}
				self := p.Methods[dm.Ref]
				m := &codeMethod{Class: c.Name, Name: self.Name, Proto: self.Proto, Path: df.Name, NoCode: dm.AccessFlags&(accAbstract|accNative) != 0,
					Calls:   make([]codeRef, 0, len(dm.Invokes)),
					Fields:  make([]codeRef, 0, len(dm.FieldRefs)),
					Strings: make([]string, 0, len(dm.StringRefs)),
				}
				for _, t := range dm.Invokes {
					if int(t) < len(p.Methods) {
						r := p.Methods[t]
						m.Calls = append(m.Calls, codeRef{Class: r.Class, Member: r.Name, Proto: r.Proto})
					}
				}
				for _, t := range dm.FieldRefs {
					if int(t) < len(p.Fields) {
						r := p.Fields[t]
						m.Fields = append(m.Fields, codeRef{Class: r.Class, Member: r.Name})
					}
				}
				for _, t := range dm.StringRefs {
					if int(t) < len(p.Strings) {
						m.Strings = append(m.Strings, p.Strings[t])
					}
				}
				ix.add(m, false) // the DEX reader de-duplicates each method's references
			}
		}
	}
	if f.Code != nil {
		ix.addSource(f.Code.Calls, f.Code.Strings)
	}
	return ix
}

// addSource turns source-mode references and string literals into methods keyed by
// their enclosing class and method name; the first reference line stands for the
// method's line. Literals ("android_id", "ro.serialno", content:// URIs) play the
// part of DEX const-strings.
func (ix *codeIndex) addSource(calls []analyzer.SourceCall, strs []analyzer.SourceString) {
	type key struct{ class, method, path string }
	byKey := map[key]*codeMethod{}
	var order []key
	method := func(class, inMethod string, loc analyzer.Location) *codeMethod {
		k := key{class, inMethod, loc.Path}
		m := byKey[k]
		if m == nil {
			name := inMethod
			if name == "" {
				name = "<clinit>"
			}
			m = &codeMethod{Class: class, Name: name, Path: loc.Path, Line: loc.Line}
			byKey[k] = m
			order = append(order, k)
		}
		if loc.Line > 0 && (m.Line == 0 || loc.Line < m.Line) {
			m.Line = loc.Line
		}
		if ix.classes[class] == nil {
			ix.classes[class] = &codeClass{}
		}
		return m
	}
	for _, c := range calls {
		m := method(c.InClass, c.InMethod, c.Location)
		ref := codeRef{Class: c.Class, Member: c.Member, Line: c.Location.Line, IfLines: c.IfLines}
		// Source facts do not say field or method; an upper-case member is a constant.
		if isConstantName(c.Member) {
			m.Fields = append(m.Fields, ref)
		} else {
			m.Calls = append(m.Calls, ref)
		}
	}
	for _, s := range strs {
		m := method(s.InClass, s.InMethod, s.Location)
		m.Strings = append(m.Strings, s.Value)
		m.StrLines = append(m.StrLines, s.Location.Line)
	}
	for _, k := range order {
		ix.add(byKey[k], true)
	}
}

// stringLine is the line where method id loads s (source mode), else 0.
func (ix *codeIndex) stringLine(id int, s string) int {
	m := ix.methods[id]
	for i, v := range m.Strings {
		if v == s && i < len(m.StrLines) {
			return m.StrLines[i]
		}
	}
	return 0
}

func isConstantName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && r != '_' && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// add indexes m; dupStrings says m.Strings may repeat a string (source mode).
func (ix *codeIndex) add(m *codeMethod, dupStrings bool) {
	id := len(ix.methods)
	ix.methods = append(ix.methods, m)
	k := memberKey{m.Class, m.Name}
	ix.byName[k] = append(ix.byName[k], id)
	for _, c := range m.Calls {
		k := memberKey{c.Class, c.Member}
		ix.refs[k] = append(ix.refs[k], useSite{Method: id, Line: c.Line})
	}
	for _, c := range m.Fields {
		k := memberKey{c.Class, c.Member}
		ix.refs[k] = append(ix.refs[k], useSite{Method: id, Line: c.Line, Field: true})
	}
	for i, s := range m.Strings {
		if dupStrings && slices.Contains(m.Strings[:i], s) {
			continue
		}
		ix.strIndex[s] = append(ix.strIndex[s], id)
	}
}

// users returns the sites referencing class.member, in index order.
// Source mode may spell nested classes with "." (Settings.Secure), DEX with "$".
func (ix *codeIndex) users(class, member string) []useSite {
	out := ix.refs[memberKey{class, member}]
	if strings.Contains(class, "$") {
		out = append(out[:len(out):len(out)], ix.refs[memberKey{strings.ReplaceAll(class, "$", "."), member}]...)
	}
	return out
}

// resolve finds the methods a call may land in: the exact class, else the nearest
// super class defining it (an inherited method called through a subclass reference).
func (ix *codeIndex) resolve(r codeRef) []int {
	cls := r.Class
	for depth := 0; depth < 16 && cls != ""; depth++ {
		if ids := ix.byName[memberKey{cls, r.Member}]; len(ids) > 0 {
			if r.Proto == "" {
				return ids
			}
			var out []int
			for _, id := range ids {
				if p := ix.methods[id].Proto; p == "" || p == r.Proto {
					out = append(out, id)
				}
			}
			return out
		}
		c := ix.classes[cls]
		if c == nil {
			return nil
		}
		cls = c.Super
	}
	return nil
}

// methodsOf returns the methods named name defined in class or its super classes.
func (ix *codeIndex) methodsOf(class, name string) []int {
	return ix.resolve(codeRef{Class: class, Member: name})
}

// isSubclass reports whether class extends or implements one of the named types,
// following the chain through classes the index knows.
func (ix *codeIndex) isSubclass(class string, of ...string) bool {
	seen := map[string]bool{}
	queue := []string{class}
	for len(queue) > 0 && len(seen) < 64 {
		c := queue[0]
		queue = queue[1:]
		if seen[c] {
			continue
		}
		seen[c] = true
		for _, o := range of {
			if c == o {
				return true
			}
		}
		if cc := ix.classes[c]; cc != nil {
			if cc.Super != "" {
				queue = append(queue, cc.Super)
			}
			queue = append(queue, cc.Interfaces...)
		}
	}
	return false
}

// asyncTargets are the bodies that constructing a runnable-like class schedules: a
// pre-consent onCreate that starts a thread still runs that thread's code.
var asyncBodies = []struct {
	types   []string
	methods []string
}{
	{[]string{"java.lang.Runnable", "java.lang.Thread"}, []string{"run"}},
	{[]string{"java.util.concurrent.Callable"}, []string{"call"}},
	{[]string{"android.os.AsyncTask"}, []string{"doInBackground"}},
	{[]string{"android.os.Handler"}, []string{"handleMessage"}},
}

// asyncBodiesOf returns the methods that constructing class schedules (its run,
// call, doInBackground or handleMessage), memoised per class.
func (ix *codeIndex) asyncBodiesOf(class string) []int {
	if ids, ok := ix.async[class]; ok {
		return ids
	}
	var ids []int
	for _, ab := range asyncBodies {
		if ix.isSubclass(class, ab.types...) {
			for _, name := range ab.methods {
				ids = append(ids, ix.byName[memberKey{class, name}]...)
			}
		}
	}
	if ix.async == nil {
		ix.async = map[string][]int{}
	}
	ix.async[class] = ids
	return ids
}

// callees returns the methods m may transfer control to, sorted and unique.
func (ix *codeIndex) callees(id int) []int { return ix.calleesWhere(id, nil) }

// calleesWhere is callees restricted to the references keep accepts (nil: all).
func (ix *codeIndex) calleesWhere(id int, keep func(codeRef) bool) []int {
	m := ix.methods[id]
	set := map[int]bool{}
	for _, c := range m.Calls {
		if keep != nil && !keep(c) {
			continue
		}
		for _, t := range ix.resolve(c) {
			set[t] = true
		}
		if c.Member == "<init>" {
			for _, t := range ix.asyncBodiesOf(c.Class) {
				set[t] = true
			}
		}
	}
	// A static initialiser runs on first use of its class.
	for _, c := range m.Calls {
		if keep != nil && !keep(c) {
			continue
		}
		if c.Class != m.Class {
			for _, t := range ix.byName[memberKey{c.Class, "<clinit>"}] {
				set[t] = true
			}
		}
	}
	out := make([]int, 0, len(set))
	for t := range set {
		if t != id {
			out = append(out, t)
		}
	}
	sort.Ints(out)
	return out
}

// hasString reports whether method id loads a string constant matching pred.
func (ix *codeIndex) hasString(id int, pred func(string) bool) bool {
	for _, s := range ix.methods[id].Strings {
		if pred(s) {
			return true
		}
	}
	return false
}

// empty reports whether no code was indexed at all.
func (ix *codeIndex) empty() bool { return len(ix.methods) == 0 }

// refKeysWithPrefix returns the referenced members of classes under a prefix,
// sorted by class and member.
func (ix *codeIndex) refKeysWithPrefix(prefix string) []memberKey {
	var out []memberKey
	for k := range ix.refs {
		if strings.HasPrefix(k.class, prefix) {
			out = append(out, k)
		}
	}
	slices.SortFunc(out, func(a, b memberKey) int {
		if c := strings.Compare(a.class, b.class); c != 0 {
			return c
		}
		return strings.Compare(a.member, b.member)
	})
	return out
}

// stringsWithPrefix returns the loaded string constants starting with prefix, sorted.
func (ix *codeIndex) stringsWithPrefix(prefix string) []string {
	var out []string
	for s := range ix.strIndex {
		if strings.HasPrefix(s, prefix) {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// calledFromOutside reports whether a chain of callers (at most six deep) leads from
// a method whose class inside() rejects to id.
func (ix *codeIndex) calledFromOutside(id int, inside func(string) bool) bool {
	seen := map[int]bool{id: true}
	frontier := []int{id}
	for depth := 0; depth < 6 && len(frontier) > 0 && len(seen) < 400; depth++ {
		var next []int
		for _, cur := range frontier {
			m := ix.methods[cur]
			for _, u := range ix.users(m.Class, m.Name) {
				if seen[u.Method] {
					continue
				}
				seen[u.Method] = true
				if !inside(ix.methods[u.Method].Class) {
					return true
				}
				next = append(next, u.Method)
			}
		}
		frontier = next
	}
	return false
}
