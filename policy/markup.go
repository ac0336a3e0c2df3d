package policy

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlToLines renders HTML (or Markdown with embedded HTML, keepNewlines=true) as
// Markdown-like lines: headings as "# text", table rows as "| a | b |" followed by
// a separator after the first row, every block element on its own line. The line
// reader (lines.go) then handles HTML and Markdown alike.
func htmlToLines(src string, keepNewlines bool) string {
	// html.Parse slows down sharply on very deep nesting (hostile input); such a
	// document is read token by token, without table structure.
	if tooDeep(src) {
		return flatText(src)
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil { // x/net/html only fails on reader errors; fall back to the raw text
		return src
	}
	w := &htmlWriter{keepNL: keepNewlines}
	w.node(doc, 0)
	w.flush()
	return w.out.String()
}

type htmlWriter struct {
	out    strings.Builder
	cur    strings.Builder
	keepNL bool
	depth  int
}

const maxHTMLDepth = 512

func (w *htmlWriter) flush() {
	s := strings.TrimSpace(w.cur.String())
	w.cur.Reset()
	if s != "" {
		w.out.WriteString(s)
		w.out.WriteByte('\n')
	}
}

func (w *htmlWriter) text(s string) {
	if !w.keepNL {
		s = collapseSpace(s)
	}
	w.cur.WriteString(s)
}

func (w *htmlWriter) node(n *html.Node, depth int) {
	if depth > maxHTMLDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Svg, atom.Template, atom.Iframe, atom.Object:
			return
		case atom.Title:
			w.flush()
			if t := oneLine(textOf(n)); t != "" {
				w.out.WriteString("# " + t + "\n")
			}
			return
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			w.flush()
			level := int(n.Data[1] - '0')
			if t := oneLine(textOf(n)); t != "" {
				w.out.WriteString(strings.Repeat("#", level) + " " + t + "\n")
			}
			return
		case atom.Table:
			w.flush()
			w.table(n)
			return
		case atom.Br:
			w.flush()
			return
		case atom.A:
			// Keep link targets: a policy's SDK list often only gives them as links.
			for _, a := range n.Attr {
				if a.Key == "href" && strings.HasPrefix(a.Val, "http") {
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						w.node(c, depth+1)
					}
					if t := textOf(n); !strings.Contains(t, a.Val) {
						w.cur.WriteString(" (" + a.Val + ") ")
					}
					return
				}
			}
		}
		if isBlock(n.DataAtom) {
			w.flush()
			defer w.flush()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c, depth+1)
	}
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Section, atom.Article, atom.Header,
		atom.Footer, atom.Blockquote, atom.Pre, atom.Hr, atom.Dd, atom.Dt, atom.Dl, atom.Main,
		atom.Nav, atom.Aside, atom.Body, atom.Form, atom.Figure, atom.Details, atom.Summary:
		return true
	}
	return false
}

// table writes each row as "| c1 | c2 |"; the first row is taken as the header.
func (w *htmlWriter) table(t *html.Node) {
	first := true
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxHTMLDepth {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				var cells []string
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type == html.ElementNode && (td.DataAtom == atom.Td || td.DataAtom == atom.Th) {
						cells = append(cells, strings.ReplaceAll(oneLine(cellText(td)), "|", "/"))
					}
				}
				if len(cells) == 0 {
					continue
				}
				w.out.WriteString("| " + strings.Join(cells, " | ") + " |\n")
				if first {
					w.out.WriteString("|" + strings.Repeat(" --- |", len(cells)) + "\n")
					first = false
				}
			case atom.Table:
				// A nested table: its rows count as rows of the outer table.
				walk(c, depth+1)
			default:
				walk(c, depth+1)
			}
		}
	}
	walk(t, 0)
	w.out.WriteString("\n")
}

// cellText is a cell's text with links kept, block children separated.
func cellText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxHTMLDepth {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style:
				return
			case atom.Br, atom.P, atom.Div, atom.Li:
				b.WriteString(" ")
			case atom.A:
				for _, a := range n.Attr {
					if a.Key == "href" && strings.HasPrefix(a.Val, "http") && !strings.Contains(textOf(n), a.Val) {
						defer b.WriteString(" " + a.Val + " ")
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxHTMLDepth {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// collapseSpace turns every whitespace run into one space, keeping the run's place.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0' || r == '\u3000' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

const maxOpenElements = 256

func tooDeep(src string) bool {
	z := html.NewTokenizer(strings.NewReader(src))
	depth := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voidElement(atom.Lookup(name)) {
				depth++
				if depth > maxOpenElements {
					return true
				}
			}
		case html.EndTagToken:
			if depth > 0 {
				depth--
			}
		}
	}
}

func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Br, atom.Img, atom.Hr, atom.Meta, atom.Link, atom.Input, atom.Wbr, atom.Source, atom.Col, atom.Area, atom.Base, atom.Embed, atom.Param, atom.Track:
		return true
	}
	return false
}

// flatText is the text of an HTML document, a line per block element.
func flatText(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				b.WriteString(collapseSpace(string(z.Text())))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Script || a == atom.Style {
				skip++
			}
			if isBlock(a) || a == atom.Br || a == atom.Tr || a == atom.Td || a == atom.Th {
				b.WriteByte('\n')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if a := atom.Lookup(name); (a == atom.Script || a == atom.Style) && skip > 0 {
				skip--
			}
		}
	}
}
