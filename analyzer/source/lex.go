package source

// A small lexer for Java and Kotlin: enough to find declarations and references
// without being fooled by comments, strings, char literals, Kotlin raw strings and
// string templates. It never fails: malformed input yields a best-effort token list.

type tokKind uint8

const (
	tIdent tokKind = iota
	tString
	tNumber
	tPunct
)

type token struct {
	kind tokKind
	text string // identifier, punctuation, or the literal's decoded-ish value
	line int
}

// maxTokens bounds one file's token list (a 4 MB file has well under this).
const maxTokens = 2_000_000

func isIdentStart(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentPart(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

type lexer struct {
	src    []byte
	pos    int
	line   int
	kotlin bool
	toks   []token
	depth  int // nested ${…} templates
}

// maxTemplateDepth bounds template nesting; deeper "${" is read as plain text.
const maxTemplateDepth = 16

func lex(src []byte, kotlin bool) []token {
	lx := &lexer{src: src, line: 1, kotlin: kotlin}
	lx.run(false)
	return lx.toks
}

func (lx *lexer) emit(k tokKind, text string, line int) {
	if len(lx.toks) < maxTokens {
		lx.toks = append(lx.toks, token{k, text, line})
	}
}

// run lexes until the end of input, or, when inTemplate, until the '}' closing a
// Kotlin ${...} template (which it consumes).
func (lx *lexer) run(inTemplate bool) {
	depth := 0
	s := lx.src
	for lx.pos < len(s) {
		c := s[lx.pos]
		switch {
		case c == '\n':
			lx.line++
			lx.pos++
		case c == ' ' || c == '\t' || c == '\r' || c == '\f':
			lx.pos++
		case c == '/' && lx.pos+1 < len(s) && s[lx.pos+1] == '/':
			for lx.pos < len(s) && s[lx.pos] != '\n' {
				lx.pos++
			}
		case c == '/' && lx.pos+1 < len(s) && s[lx.pos+1] == '*':
			lx.blockComment()
		case c == '"':
			if lx.pos+2 < len(s) && s[lx.pos+1] == '"' && s[lx.pos+2] == '"' {
				lx.rawString()
			} else {
				lx.str()
			}
		case c == '\'':
			lx.char()
		case isIdentStart(c):
			start := lx.pos
			for lx.pos < len(s) && isIdentPart(s[lx.pos]) {
				lx.pos++
			}
			lx.emit(tIdent, string(s[start:lx.pos]), lx.line)
		case c == '`' && lx.kotlin: // Kotlin backquoted identifier
			start := lx.pos + 1
			lx.pos++
			for lx.pos < len(s) && s[lx.pos] != '`' && s[lx.pos] != '\n' {
				lx.pos++
			}
			lx.emit(tIdent, string(s[start:lx.pos]), lx.line)
			if lx.pos < len(s) && s[lx.pos] == '`' {
				lx.pos++
			}
		case c >= '0' && c <= '9':
			start := lx.pos
			for lx.pos < len(s) && (isIdentPart(s[lx.pos]) || s[lx.pos] == '.' && lx.pos+1 < len(s) && s[lx.pos+1] >= '0' && s[lx.pos+1] <= '9') {
				lx.pos++
			}
			lx.emit(tNumber, string(s[start:lx.pos]), lx.line)
		default:
			if inTemplate {
				if c == '{' {
					depth++
				} else if c == '}' {
					if depth == 0 {
						lx.pos++
						return
					}
					depth--
				}
			}
			lx.punct()
		}
	}
}

var multiPunct = []string{"?.", "!!", "::", "->", "==", "!=", "<=", ">=", "&&", "||", "+=", "-="}

func (lx *lexer) punct() {
	s := lx.src
	for _, p := range multiPunct {
		if lx.pos+len(p) <= len(s) && string(s[lx.pos:lx.pos+len(p)]) == p {
			lx.emit(tPunct, p, lx.line)
			lx.pos += len(p)
			return
		}
	}
	lx.emit(tPunct, string(s[lx.pos]), lx.line)
	lx.pos++
}

func (lx *lexer) blockComment() {
	s := lx.src
	lx.pos += 2
	for lx.pos < len(s) {
		if s[lx.pos] == '*' && lx.pos+1 < len(s) && s[lx.pos+1] == '/' {
			lx.pos += 2
			return
		}
		if s[lx.pos] == '\n' {
			lx.line++
		}
		lx.pos++
	}
}

// maxLiteral bounds the text kept from one string literal.
const maxLiteral = 4096

func (lx *lexer) str() {
	s := lx.src
	line := lx.line
	lx.pos++
	var buf []byte
	for lx.pos < len(s) {
		c := s[lx.pos]
		switch {
		case c == '"':
			lx.pos++
			lx.emit(tString, string(buf), line)
			return
		case c == '\n': // unterminated: Java forbids, recover at end of line
			lx.emit(tString, string(buf), line)
			return
		case c == '\\' && lx.pos+1 < len(s):
			if len(buf) < maxLiteral {
				buf = append(buf, unescape(s[lx.pos+1]))
			}
			lx.pos += 2
		case c == '$' && lx.kotlin && lx.pos+1 < len(s) && s[lx.pos+1] == '{' && lx.depth < maxTemplateDepth:
			lx.template()
		default:
			if len(buf) < maxLiteral {
				buf = append(buf, c)
			}
			lx.pos++
		}
	}
	lx.emit(tString, string(buf), line)
}

func unescape(c byte) byte {
	switch c {
	case 'n':
		return '\n'
	case 't':
		return '\t'
	}
	return c
}

// template lexes the tokens of a Kotlin ${...} so calls inside it are seen, without
// letting its braces or quotes disturb the enclosing string.
func (lx *lexer) template() {
	lx.pos += 2
	lx.depth++
	lx.run(true)
	lx.depth--
}

func (lx *lexer) rawString() {
	s := lx.src
	line := lx.line
	lx.pos += 3
	var buf []byte
	for lx.pos < len(s) {
		if s[lx.pos] == '"' && lx.pos+2 < len(s) && s[lx.pos+1] == '"' && s[lx.pos+2] == '"' {
			lx.pos += 3
			for lx.pos < len(s) && s[lx.pos] == '"' { // """a"""" ends with a quote in the text
				lx.pos++
			}
			lx.emit(tString, string(buf), line)
			return
		}
		c := s[lx.pos]
		if c == '$' && lx.kotlin && lx.pos+1 < len(s) && s[lx.pos+1] == '{' && lx.depth < maxTemplateDepth {
			lx.template()
			continue
		}
		if c == '\n' {
			lx.line++
		}
		if len(buf) < maxLiteral {
			buf = append(buf, c)
		}
		lx.pos++
	}
	lx.emit(tString, string(buf), line)
}

func (lx *lexer) char() {
	s := lx.src
	lx.pos++
	for i := 0; lx.pos < len(s) && i < 12; i++ {
		c := s[lx.pos]
		if c == '\\' {
			lx.pos += 2
			continue
		}
		lx.pos++
		if c == '\'' || c == '\n' {
			if c == '\n' {
				lx.line++
			}
			return
		}
	}
}
