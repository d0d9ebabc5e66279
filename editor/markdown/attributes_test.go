package markdown

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestPromptKind(t *testing.T) {
	for _, kind := range []string{"tip", "info", "warning", "danger"} {
		t.Run(kind, func(t *testing.T) {
			doc, _ := parse(t, "> Note this.\n> Second line.\n{: .prompt-"+kind+" }\n")
			qs := find(doc, ast.KindBlockquote)
			if len(qs) != 1 {
				t.Fatalf("got %d block quotes, want 1", len(qs))
			}
			if got := PromptKind(qs[0]); got != kind {
				t.Errorf("PromptKind = %q, want %q", got, kind)
			}
		})
	}
	doc, _ := parse(t, "> plain\n")
	if got := PromptKind(find(doc, ast.KindBlockquote)[0]); got != "" {
		t.Errorf("plain quote: PromptKind = %q", got)
	}
}

func TestIALLineNeverShowsAsText(t *testing.T) {
	got := render(t, "> tip\n{: .prompt-tip }\n\npara\n{: width=\"700\" }\n")
	if strings.Contains(got, "{:") {
		t.Errorf("IAL text in output:\n%s", got)
	}
}

func TestSpanIALOnImageAndCode(t *testing.T) {
	doc, _ := parse(t, "![cat](cat.png){: width=\"700\" .shadow }\n\n`_config.yml`{: .filepath}\n")
	img := find(doc, ast.KindImage)
	if len(img) != 1 || attr(img[0], "width") != "700" || attr(img[0], "class") != "shadow" {
		t.Errorf("image attributes: %v", img)
	}
	code := find(doc, ast.KindCodeSpan)
	if len(code) != 1 || attr(code[0], "class") != "filepath" {
		t.Errorf("code span attributes: %v", code)
	}
}

func TestIALOnFencedCodeAndMermaid(t *testing.T) {
	doc, src := parse(t, "```mermaid\ngraph TD\n```\n{: file=\"flow.mmd\" }\n")
	fc := find(doc, ast.KindFencedCodeBlock)
	if len(fc) != 1 {
		t.Fatalf("got %d fenced blocks", len(fc))
	}
	if lang := string(fc[0].(*ast.FencedCodeBlock).Language(src)); lang != "mermaid" {
		t.Errorf("language %q, want mermaid", lang)
	}
	if got := attr(fc[0], "file"); got != "flow.mmd" {
		t.Errorf("file attribute %q", got)
	}
}

func TestIALAfterBlankLineGoesToNextBlock(t *testing.T) {
	doc, _ := parse(t, "first\n\n{: .lead}\nsecond\n")
	ps := find(doc, ast.KindParagraph)
	if len(ps) != 2 || attr(ps[0], "class") != "" || attr(ps[1], "class") != "lead" {
		t.Errorf("classes: %q %q", attr(ps[0], "class"), attr(ps[1], "class"))
	}
}

func TestALDReference(t *testing.T) {
	doc, _ := parse(t, "{:note: .prompt-info title=\"N\"}\n\n> x\n{: note}\n")
	q := find(doc, ast.KindBlockquote)
	if len(q) != 1 || PromptKind(q[0]) != "info" || attr(q[0], "title") != "N" {
		t.Errorf("quote attributes: class %q title %q", attr(q[0], "class"), attr(q[0], "title"))
	}
}
