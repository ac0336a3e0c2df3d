package source

// The scope walker: one pass over a file's tokens that keeps track of the package,
// imports, the enclosing class and method (by brace depth), and calls visit for every
// token with that context. Both the declaration pass and the reference pass use it.

type scopeKind uint8

const (
	scBlock scopeKind = iota
	scClass
	scMethod
)

type scope struct {
	kind   scopeKind
	name   string // method name, or class FQ name
	paren  int    // paren depth when opened
	ifLine int    // for an if statement's braced branch: the line of its condition
}

// classDecl is a class, interface, enum, object or record declared in a file.
type classDecl struct {
	fq    string
	super string // first supertype as written ("BaseApp", "a.b.Base"), "" if none
}

type fileDecls struct {
	path      string
	kotlin    bool
	pkg       string
	imports   map[string]string // simple (or alias) → FQ
	wildcards []string          // package or class names imported with .*
	statics   map[string]string // statically imported member → FQ class
	classes   []classDecl
	methods   map[string]map[string]bool // class FQ → method names
	toks      []token
	bodyStart int    // index of the first token after the package and imports
	fileClass string // Kotlin top-level function holder: pkg.FileKt
}

var javaNotMethod = map[string]bool{
	"if": true, "for": true, "while": true, "switch": true, "catch": true, "synchronized": true,
	"return": true, "new": true, "throw": true, "super": true, "this": true, "else": true,
	"try": true, "do": true, "case": true, "assert": true, "when": true,
}

type walker struct {
	f            *fileDecls
	stack        []scope
	overflow     int // braces opened beyond maxScopeDepth, not tracked
	paren        int
	pendingClass string
	pendingSuper string
	pendingParen int
	pendingMeth  string
	exprMeth     string // Kotlin fun with an expression body, until the next declaration
	// declName is the index of the token just consumed as a declaration name.
	declName int
}

func (w *walker) classFQ() string {
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].kind == scClass {
			return w.stack[i].name
		}
	}
	return w.f.fileClass
}

func (w *walker) method() string {
	for i := len(w.stack) - 1; i >= 0; i-- {
		switch w.stack[i].kind {
		case scMethod:
			return w.stack[i].name
		case scClass:
			return w.exprMeth
		}
	}
	return w.exprMeth
}

// atClassBody: the innermost scope is a class body (or a Kotlin file's top level).
func (w *walker) atClassBody() bool {
	if len(w.stack) == 0 {
		return w.f.kotlin
	}
	top := w.stack[len(w.stack)-1]
	return top.kind == scClass && w.paren == top.paren
}

func (w *walker) declare(simple string) string {
	outer := ""
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].kind == scClass {
			outer = w.stack[i].name
			break
		}
	}
	var fq string
	switch {
	case outer != "":
		fq = outer + "$" + simple
	case w.f.pkg != "":
		fq = w.f.pkg + "." + simple
	default:
		fq = simple
	}
	return fq
}

func (w *walker) addMethod(name string) {
	c := w.classFQ()
	if c == "" {
		return
	}
	m := w.f.methods[c]
	if m == nil {
		m = map[string]bool{}
		w.f.methods[c] = m
	}
	m[name] = true
}

func (w *walker) flushPendingClass() {
	if w.pendingClass != "" {
		w.f.classes = append(w.f.classes, classDecl{fq: w.declare(w.pendingClass), super: w.pendingSuper})
		w.pendingClass, w.pendingSuper = "", ""
	}
}

// walk visits every token; visit gets the token index after scope bookkeeping.
func (w *walker) walk(visit func(i int)) {
	t := w.f.toks
	w.declName = -1
	for i := 0; i < len(t); i++ {
		tk := t[i]
		prev := ""
		if i > 0 {
			prev = t[i-1].text
		}
		if tk.kind == tPunct {
			switch tk.text {
			case "(":
				w.paren++
			case ")":
				if w.paren > 0 {
					w.paren--
				}
			case "{":
				w.open(prev)
				w.markIf(i)
			case "}":
				if w.overflow > 0 {
					w.overflow--
				} else if len(w.stack) > 0 {
					top := w.stack[len(w.stack)-1]
					w.stack = w.stack[:len(w.stack)-1]
					w.paren = top.paren
					if top.kind == scClass || top.kind == scMethod {
						w.exprMeth = ""
					}
				}
			case ";":
				if w.atClassBody() {
					w.pendingMeth = ""
					w.flushPendingClass()
				}
			case ":":
				if w.pendingClass != "" && w.pendingSuper == "" && w.paren == w.pendingParen && w.f.kotlin && i+1 < len(t) && t[i+1].kind == tIdent {
					w.pendingSuper = qualifiedAt(t, i+1)
				}
			}
			if visit != nil {
				visit(i)
			}
			continue
		}
		if tk.kind == tIdent && prev != "." && prev != "::" && prev != "?." {
			w.declIdent(i)
		}
		if visit != nil {
			visit(i)
		}
	}
}

// maxScopeDepth bounds the scope stack: deeper braces are counted, not kept.
const maxScopeDepth = 256

func (w *walker) open(prev string) {
	if len(w.stack) >= maxScopeDepth {
		w.overflow++
		return
	}
	sc := scope{kind: scBlock, paren: w.paren}
	switch {
	case w.pendingClass != "":
		fq := w.declare(w.pendingClass)
		w.f.classes = append(w.f.classes, classDecl{fq: fq, super: w.pendingSuper})
		sc = scope{kind: scClass, name: fq, paren: w.paren}
		w.pendingClass, w.pendingSuper = "", ""
		w.pendingMeth = ""
	case w.pendingMeth != "" && w.atClassBody():
		sc = scope{kind: scMethod, name: w.pendingMeth, paren: w.paren}
		w.addMethod(w.pendingMeth)
		w.pendingMeth = ""
	case w.atClassBody() && len(w.stack) > 0:
		name := "<init>"
		if prev == "static" {
			name = "<clinit>"
		}
		sc = scope{kind: scMethod, name: name, paren: w.paren}
	}
	w.stack = append(w.stack, sc)
}

// markIf records, when the block just opened at token i is the braced branch of an
// if statement (`if (c) {` or `} else {`), the line where the condition begins,
// negated when the branch runs with the condition false.
func (w *walker) markIf(i int) {
	if w.overflow > 0 || len(w.stack) == 0 || w.stack[len(w.stack)-1].kind != scBlock || i < 2 {
		return
	}
	t := w.f.toks
	end := i - 1
	sign := 1
	if t[end].text == "else" && t[end-1].text == "}" {
		open := matchOpenBrace(t, end-1)
		if open < 1 {
			return
		}
		end, sign = open-1, -1
	}
	if t[end].text != ")" {
		return
	}
	if o := matchOpen(t, end); o > 0 && o+1 < end && t[o-1].text == "if" {
		if t[o+1].text == "!" {
			sign = -sign
		}
		w.stack[len(w.stack)-1].ifLine = sign * t[o].line
	}
}

// ifLines lists the condition lines of the if branches enclosing the current
// token inside the current method, outermost first.
func (w *walker) ifLines() []int {
	var out []int
	for i := len(w.stack) - 1; i >= 0 && w.stack[i].kind == scBlock; i-- {
		if l := w.stack[i].ifLine; l != 0 {
			out = append([]int{l}, out...)
		}
	}
	return out
}

// matchOpenBrace finds the "{" matching the "}" at closeIdx (bounded like matchOpen).
func matchOpenBrace(t []token, closeIdx int) int {
	depth := 0
	for k := closeIdx; k >= 0 && k > closeIdx-4000; k-- {
		switch t[k].text {
		case "}":
			depth++
		case "{":
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

func (w *walker) declIdent(i int) {
	t := w.f.toks
	tk := t[i]
	next := ""
	if i+1 < len(t) {
		next = t[i+1].text
	}
	switch tk.text {
	case "class", "interface", "enum", "record", "object":
		if tk.text == "record" && w.f.kotlin {
			return
		}
		if i+1 < len(t) && t[i+1].kind == tIdent && t[i+1].text != "class" {
			w.flushPendingClass()
			w.pendingClass = t[i+1].text
			w.pendingParen = w.paren
			w.declName = i + 1
			if w.f.kotlin {
				w.exprMeth = ""
			}
			return
		}
		if tk.text == "object" && i > 0 && t[i-1].text == "companion" {
			w.flushPendingClass() // compiled as Outer$Companion
			w.pendingClass = "Companion"
			w.pendingParen = w.paren
		}
		return
	case "extends":
		if w.pendingClass != "" && w.pendingSuper == "" && next != "" {
			w.pendingSuper = qualifiedAt(t, i+1)
		}
		return
	}
	if w.f.kotlin {
		w.kotlinDecl(i, next)
		return
	}
	// Java method or constructor: `Type name(` at class-body level.
	if next != "(" || !w.atClassBody() || javaNotMethod[tk.text] || i == 0 {
		return
	}
	p := t[i-1]
	cls := w.classFQ()
	simple := cls[lastSep(cls)+1:]
	switch {
	case p.text == "new" || p.text == "@" || p.text == "=" || p.text == "." || p.text == "return":
		return
	case tk.text == simple:
		w.pendingMeth = "<init>"
	case p.kind == tIdent || p.text == ">" || p.text == "]":
		w.pendingMeth = tk.text
	default:
		return
	}
	w.declName = i
	w.addMethod(w.pendingMeth)
}

func (w *walker) kotlinDecl(i int, next string) {
	t := w.f.toks
	switch t[i].text {
	case "fun":
		w.flushIfBodyless()
		j := i + 1
		if j < len(t) && t[j].text == "<" {
			j = skipAngle(t, j)
		}
		name := ""
		for ; j < len(t) && j < i+40; j++ {
			if t[j].kind == tIdent {
				name = t[j].text
				w.declName = j
			} else if t[j].text == "(" {
				break
			} else if t[j].text != "." && t[j].text != "<" && t[j].text != ">" && t[j].text != "," && t[j].text != "?" {
				break
			}
		}
		if name != "" {
			w.pendingMeth = name
			w.addMethod(name)
			if w.atClassBody() {
				w.exprMeth = name
			}
		}
	case "constructor":
		if next == "(" && w.atClassBody() {
			w.pendingMeth = "<init>"
		}
	case "init":
		if next == "{" && w.atClassBody() {
			w.pendingMeth = "<init>"
		}
	case "val", "var":
		w.flushIfBodyless()
		if w.atClassBody() {
			w.exprMeth = ""
			w.pendingMeth = ""
		}
	}
}

// flushIfBodyless ends a pending Kotlin class that had no body (`class A(val x: Int)`).
func (w *walker) flushIfBodyless() {
	if w.pendingClass != "" && w.paren == w.pendingParen {
		w.flushPendingClass()
	}
}

func skipAngle(t []token, j int) int {
	depth := 0
	for ; j < len(t); j++ {
		switch t[j].text {
		case "<":
			depth++
		case ">":
			depth--
			if depth == 0 {
				return j + 1
			}
		case "{", "}", ";", "(":
			return j
		}
	}
	return j
}

// qualifiedAt reads a dotted name starting at token i.
func qualifiedAt(t []token, i int) string {
	if i >= len(t) || t[i].kind != tIdent {
		return ""
	}
	s := t[i].text
	for j := i + 1; j+1 < len(t) && t[j].text == "." && t[j+1].kind == tIdent; j += 2 {
		s += "." + t[j+1].text
	}
	return s
}

func lastSep(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' || s[i] == '$' {
			return i
		}
	}
	return -1
}

// parseHeader reads the package and import statements.
func parseHeader(f *fileDecls) {
	t := f.toks
	f.imports = map[string]string{}
	f.statics = map[string]string{}
	for i := 0; i < len(t); i++ {
		if t[i].kind != tIdent {
			continue
		}
		switch t[i].text {
		case "package":
			if i == 0 || t[i-1].text == ";" || t[i-1].kind == tIdent || t[i-1].text == ")" {
				f.pkg = qualifiedAt(t, i+1)
				f.bodyStart = i + 2*countDots(f.pkg) + 2
			}
		case "import":
			i = parseImport(f, i)
			f.bodyStart = i + 1
		case "class", "interface", "object", "fun", "enum", "val", "var", "typealias":
			return
		}
	}
}

func parseImport(f *fileDecls, i int) int {
	t := f.toks
	line := t[i].line
	j := i + 1
	static := false
	if j < len(t) && t[j].text == "static" {
		static = true
		j++
	}
	name := qualifiedAt(t, j)
	if name == "" {
		return i
	}
	j += 2*countDots(name) + 1
	wild := j+1 < len(t) && t[j].text == "." && t[j+1].text == "*"
	if wild {
		j += 2
	}
	alias := ""
	if f.kotlin && j+1 < len(t) && t[j].text == "as" && t[j].line == line {
		alias = t[j+1].text
		j += 2
	}
	dot := lastDot(name)
	switch {
	case wild:
		f.wildcards = append(f.wildcards, name)
	case static || f.kotlin && dot > 0 && !isUpper(name[dot+1:]) && isUpper(name[lastDot(name[:dot])+1:]):
		// import static a.b.C.m  /  Kotlin import a.b.C.m (member of a class)
		if dot > 0 {
			m := name[dot+1:]
			if alias != "" {
				m = alias
			}
			f.statics[m] = classFromQualified(name[:dot])
		}
	default:
		simple := name[dot+1:]
		if alias != "" {
			simple = alias
		}
		f.imports[simple] = classFromQualified(name)
	}
	return j - 1
}

func countDots(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			n++
		}
	}
	return n
}

func lastDot(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return i
		}
	}
	return -1
}

func isUpper(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// classFromQualified turns "android.provider.Settings.Secure" into the binary name
// "android.provider.Settings$Secure": segments after the first capitalised one are
// nested classes.
func classFromQualified(q string) string {
	out := make([]byte, 0, len(q))
	seenClass := false
	start := 0
	for i := 0; i <= len(q); i++ {
		if i < len(q) && q[i] != '.' {
			continue
		}
		seg := q[start:i]
		if start > 0 {
			if seenClass {
				out = append(out, '$')
			} else {
				out = append(out, '.')
			}
		}
		out = append(out, seg...)
		if isUpper(seg) {
			seenClass = true
		}
		start = i + 1
	}
	return string(out)
}
