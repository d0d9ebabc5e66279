package publish

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/unicode/norm"

	"github.com/postdesk/postdesk/assets/htmlpage"
	"github.com/postdesk/postdesk/editor/markdown"
	"github.com/postdesk/postdesk/storage"
)

// HTML writes post as one standalone HTML page at out: the body
// through the Markdown pipeline the preview reads it with
// (markdown.New), under the title and date, with the stylesheet inline. The page loads nothing from the
// network: math is shown as its TeX source in code style rather than
// through MathJax, and remote images stay remote links.
//
// Local images (Markdown images, resolved as the preview resolves them:
// storage.SiteOf(post, blogDir), blogDir "" when the blog folder is not
// known) are copied beside the page into OUT_files/ (for out = post.html,
// into post_files/, as browsers save pages), so the page and its folder
// can be moved together; copies are files, not data: URIs, to keep the
// page readable and its size that of the text. Images in raw HTML keep
// their address. The page and the images are each written atomically.
//
// HTML keeps no state between calls: it may run on any goroutine, for
// any number of posts at once, as long as no two write the same out.
func HTML(post *storage.Post, out, blogDir string) error {
	if err := post.Err(); err != nil {
		return fmt.Errorf("export html: %w", err)
	}
	site := storage.SiteOf(post, blogDir)
	body := post.Body()
	md := markdown.New()
	md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(mathAsCode{}, 100)))
	doc := md.Parser().Parse(text.NewReader(body))

	filesDir := strings.TrimSuffix(out, filepath.Ext(out)) + "_files"
	copies, err := pageImages(doc, filesDir, site)
	if err != nil {
		return fmt.Errorf("export html: %w", err)
	}
	var content bytes.Buffer
	if err := md.Renderer().Render(&content, body, doc); err != nil {
		return fmt.Errorf("export html: render: %w", err)
	}

	title, _ := post.String("title")
	var page bytes.Buffer
	lang := "ko"
	if l, ok := post.String("lang"); ok && l != "" {
		lang = l
	}
	fmt.Fprintf(&page, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", html.EscapeString(lang))
	page.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&page, "<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n<article>\n<header>\n", html.EscapeString(title), htmlpage.Stylesheet)
	fmt.Fprintf(&page, "<h1>%s</h1>\n", html.EscapeString(title))
	if d, ok := post.Date("date"); ok {
		fmt.Fprintf(&page, "<p class=\"date\">%s</p>\n", html.EscapeString(d.Text))
	}
	page.WriteString("</header>\n")
	page.Write(content.Bytes())
	page.WriteString("</article>\n</body>\n</html>\n")

	for _, c := range copies {
		data, err := os.ReadFile(c.From)
		if err != nil {
			return fmt.Errorf("export html: %w", err)
		}
		if err := os.MkdirAll(filepath.Dir(c.To), 0o755); err != nil {
			return fmt.Errorf("export html: %w", err)
		}
		if err := storage.WriteFile(c.To, data); err != nil {
			return fmt.Errorf("export html: %w", err)
		}
	}
	if err := storage.WriteFile(out, page.Bytes()); err != nil {
		return fmt.Errorf("export html: %w", err)
	}
	return nil
}

// pageImages points the local images of doc at their copies in filesDir
// and lists the copies to make. A missing image is an error: the page
// would show a broken image.
func pageImages(doc ast.Node, filesDir string, site storage.Site) ([]ImageCopy, error) {
	var copies []ImageCopy
	names := map[string]string{} // image file → name in filesDir
	taken := map[string]bool{}
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		dest := string(img.Destination)
		if strings.Contains(dest, "{{") || strings.Contains(dest, "{%") {
			return ast.WalkContinue, nil
		}
		loc := site.Resolve(dest)
		file := loc.File
		switch {
		case loc.Where == storage.Remote || file == "":
			return ast.WalkContinue, nil
		case !loc.Found():
			return ast.WalkStop, fmt.Errorf("image %s not found (looked for %s)", dest, file)
		}
		name, ok := names[file]
		if !ok {
			name = freeName(norm.NFC.String(filepath.Base(file)), taken)
			names[file], taken[name] = name, true
			copies = append(copies, ImageCopy{From: file, To: filepath.Join(filesDir, name)})
		}
		img.Destination = []byte(escapeURLPath(filepath.Base(filesDir) + "/" + name))
		return ast.WalkContinue, nil
	})
	return copies, err
}

// freeName is base, or base with -2, -3, … before its extension, whichever
// is not taken yet.
func freeName(base string, taken map[string]bool) string {
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	name := base
	for i := 2; taken[name]; i++ {
		name = fmt.Sprintf("%s-%d%s", stem, i, ext)
	}
	return name
}

// mathAsCode renders formulas as their TeX source in code style, for a
// page that does not load MathJax. It outranks the MathJax renderer
// (a lower priority number registers last and wins).
type mathAsCode struct{}

func (mathAsCode) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(markdown.KindMathBlock, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<pre class="math"><code>`)
			_, _ = w.Write(util.EscapeHTML(n.(*markdown.MathBlock).Formula(source)))
			_, _ = w.WriteString("</code></pre>\n")
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(markdown.KindMathInline, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<code class="math">`)
			_, _ = w.Write(util.EscapeHTML(n.(*markdown.MathInline).Formula(source)))
			_, _ = w.WriteString(`</code>`)
		}
		return ast.WalkSkipChildren, nil
	})
}
