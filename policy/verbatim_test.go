package policy

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/hegui-dev/hegui/internal/testcorpus"
)

// TestQuotesVerbatim: evidence quotes the policy's own characters (full-width
// "，（）：", circled digits), matched on the normalised form; a date line is not
// glued to the operator's sentence that follows it.
func TestQuotesVerbatim(t *testing.T) {
	doc := "<h1>示例隐私政策</h1>\n<p>更新日期：2025年3月1日</p>\n<p>生效日期：2025年3月8日</p>\n" +
		"<p>“示例阅读”由北京示例数字科技有限公司（以下简称“我们”，注册地址：北京市海淀区知春路１号）运营。</p>\n" +
		"<p>我们不会向境外提供您的个人信息；我们会申请<strong>位置权限</strong>，用于推荐附近的书店。</p>\n" +
		"<p>③如您对本政策有疑问，请发送邮件至 privacy@example.cn 与我们联系。</p>\n"
	f, err := Analyze("p.html", []byte(doc), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		ItemOperator:      "“示例阅读”由北京示例数字科技有限公司（以下简称“我们”，注册地址：北京市海淀区知春路１号）运营。",
		ItemContact:       "③如您对本政策有疑问，请发送邮件至 privacy@example.cn 与我们联系。",
		ItemEffectiveDate: "更新日期：2025年3月1日",
	}
	for k, w := range want {
		if ev := f.Items[k].Evidence; len(ev) == 0 || ev[0].Sentence != w {
			t.Errorf("%s: %+v\nwant %q", k, ev, w)
		}
	}
	if d := f.Items[ItemCrossBorder].Denied; len(d) == 0 || d[0].Sentence != "我们不会向境外提供您的个人信息；" {
		t.Errorf("cross-border denial %+v", d)
	}
	if c := category(f, "location"); c == nil || len(c.Evidence) == 0 || c.Evidence[0].Sentence != "我们会申请位置权限，用于推荐附近的书店。" {
		t.Errorf("location evidence %+v", c)
	}
}

// TestEvidenceInDocument: every quote of the fixtures, and nearly every quote of the
// corpus policies, is the document's own text (whitespace and Markdown marks aside).
func TestEvidenceInDocument(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "policy", "*"))
	fixtures := len(files)
	if d, _ := testcorpus.Find(); d != "" {
		more, _ := filepath.Glob(filepath.Join(d, "corpus", "policy", "*", "*"))
		files = append(files, more...)
	}
	quotes, missed := 0, 0
	for i, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		kind := docKind(p, string(b[:min(len(b), 512)]))
		text, _, err := decode(b, kind)
		if err != nil {
			continue // binary fixtures are refused elsewhere
		}
		if kind == "text" {
			kind = docKind("", text)
		}
		switch kind {
		case "html":
			text = htmlToLines(text, false)
		case "md":
			text = htmlToLines(text, true)
		}
		f, err := FromFiles([]string{p}, nil)
		if err != nil {
			continue
		}
		body := squash(mdLink.ReplaceAllString(text, "$1"))
		for _, e := range allEvidence(f) {
			quotes++
			for _, part := range strings.Split(e.Sentence, "…") {
				if !strings.Contains(body, squash(linkTarget.ReplaceAllString(part, ""))) {
					missed++
					t.Logf("%s: %q", filepath.Base(p), clipRunes(e.Sentence, 90))
					if i < fixtures {
						t.Errorf("%s: quote not in the document: %q", p, e.Sentence)
					}
					break
				}
			}
		}
	}
	if quotes == 0 || missed*100 > quotes {
		t.Errorf("%d of %d quotes are not the documents' text", missed, quotes)
	}
	t.Logf("%d quotes, %d not verbatim", quotes, missed)
}

func allEvidence(f *Facts) []Evidence {
	var out []Evidence
	for _, k := range ItemKeys {
		out = append(out, f.Items[k].Evidence...)
		out = append(out, f.Items[k].Denied...)
	}
	for _, c := range f.PICategories {
		out = append(out, c.Evidence...)
		out = append(out, c.Denied...)
	}
	return out
}

// linkTarget is a Markdown link's target as sentences render it: "text (url)".
var linkTarget = regexp.MustCompile(` ?\(https?://[^)\s]*\)`)

// squash drops whitespace and Markdown marks, which sentences tidy away.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || markupRune(r) {
			return -1
		}
		return r
	}, s)
}
