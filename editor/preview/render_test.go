package preview

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/postdesk/postdesk/editor/markdown"
	"github.com/postdesk/postdesk/storage"
	"github.com/postdesk/postdesk/storage/storagetest"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// specOptions are the options of the spec cases: folders that do not
// exist, so that every local image is reported missing at a stable path.
var specOptions = storage.Site{PostDir: "/no/such/post", BlogDir: "/no/such/blog"}

const previewSpec = "testdata/segments.txt"

// TestRenderSpec renders each numbered case of the spec file and
// compares the dump of its segments. On a mismatch the whole file, with
// the dumps as they now are, is written to testdata/failed/ so
// that it can be reviewed and copied over the spec.
func TestRenderSpec(t *testing.T) {
	cases := storagetest.ReadSpec(t, previewSpec)
	var actual strings.Builder
	failed := false
	for _, c := range cases {
		got := dumpSegments(Render([]byte(c.In), specOptions))
		fmt.Fprintf(&actual, "%d: %s\n%s%s%s%s%s", c.No, c.Desc, storagetest.SpecSep, c.In, storagetest.SpecSep, got, storagetest.SpecEnd)
		t.Run(fmt.Sprintf("%02d %s", c.No, c.Desc), func(t *testing.T) {
			if got != c.Want {
				failed = true
				t.Errorf("case %d (%s)\ninput:\n%s\n%s", c.No, c.Desc, storagetest.Visible(c.In), storagetest.Lines(c.Want, got))
			}
		})
	}
	if failed {
		out := filepath.Join("testdata", "failed", filepath.Base(previewSpec))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, []byte(actual.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("actual dumps written to %s", out)
	}
}

// dumpSegments prints segments one per line: the kind, the text quoted,
// then the style; the content of lists, quotes, prompts, tables and the
// colour spans of code come indented under them.
func dumpSegments(segs []widget.RichTextSegment) string {
	var b strings.Builder
	dumpInto(&b, segs, 0)
	return b.String()
}

func dumpInto(b *strings.Builder, segs []widget.RichTextSegment, depth int) {
	ind := strings.Repeat("  ", depth)
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.TextSegment:
			fmt.Fprintf(b, "%stext %q%s\n", ind, s.Text, styleFlags(s.Style))
		case *widget.HyperlinkSegment:
			u := "<nil>"
			if s.URL != nil {
				u = s.URL.String()
			}
			fmt.Fprintf(b, "%slink %q -> %s%s%s\n", ind, s.Text, u, textStyleFlags(s.TextStyle), sizeFlag(s.SizeName))
		case *widget.SeparatorSegment:
			fmt.Fprintf(b, "%sseparator\n", ind)
		case *TableBox:
			fmt.Fprintf(b, "%stable align=%v\n", ind, alignNames(s.Alignments))
			if s.Headers != nil {
				fmt.Fprintf(b, "%s  header\n", ind)
				dumpCells(b, s.Headers, depth+2)
			}
			for _, r := range s.Rows {
				fmt.Fprintf(b, "%s  row\n", ind)
				dumpCells(b, r, depth+2)
			}
		case *ListBlock:
			kind := "bullets"
			if s.Ordered {
				kind = fmt.Sprintf("ordered start=%d", s.Start)
			}
			fmt.Fprintf(b, "%slist %s\n", ind, kind)
			dumpInto(b, s.Texts, depth+1)
		case *QuoteBlock:
			fmt.Fprintf(b, "%squote depth=%d\n", ind, s.Depth)
			dumpInto(b, s.Texts, depth+1)
		case *widget.ParagraphSegment:
			fmt.Fprintf(b, "%sparagraph\n", ind)
			dumpInto(b, s.Texts, depth+1)
		case *PromptBox:
			fmt.Fprintf(b, "%sprompt %s %q%s\n", ind, s.Kind, s.Label(), indentFlag(s.Indent))
			dumpInto(b, s.Body, depth+1)
		case *CodeBox:
			fmt.Fprintf(b, "%scode lang=%q label=%q%s\n", ind, s.Language, s.Label, indentFlag(s.Indent))
			for _, t := range s.TextSegments() {
				t := t.(*widget.TextSegment)
				color := ""
				if t.Style.ColorName != theme.ColorNameForeground {
					color = " " + string(t.Style.ColorName)
				}
				fmt.Fprintf(b, "%s  %q%s\n", ind, t.Text, color)
			}
		case *MathBox:
			fmt.Fprintf(b, "%smath %q%s\n", ind, s.Formula, indentFlag(s.Indent))
		case *ImageBox:
			state := "missing"
			switch {
			case s.Found:
				state = "found"
			case s.Remote:
				state = "remote"
			}
			fmt.Fprintf(b, "%simage %s alt=%q src=%q path=%q", ind, state, s.Alt, s.Source, filepath.ToSlash(s.Path))
			if s.Width > 0 || s.Height > 0 {
				fmt.Fprintf(b, " size=%gx%g", s.Width, s.Height)
			}
			if !s.Pixels.IsZero() {
				fmt.Fprintf(b, " pixels=%gx%g", s.Pixels.Width, s.Pixels.Height)
			}
			fmt.Fprintf(b, "%s\n", indentFlag(s.Indent))
		default:
			fmt.Fprintf(b, "%s%T %q\n", ind, s, s.Textual())
		}
	}
}

func dumpCells(b *strings.Builder, cells [][]widget.RichTextSegment, depth int) {
	for _, c := range cells {
		fmt.Fprintf(b, "%scell\n", strings.Repeat("  ", depth))
		dumpInto(b, c, depth+1)
	}
}

func indentFlag(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" indent=%d", n)
}

func alignNames(as []fyne.TextAlign) string {
	var names []string
	for _, a := range as {
		names = append(names, map[fyne.TextAlign]string{
			fyne.TextAlignLeading: "left", fyne.TextAlignCenter: "center", fyne.TextAlignTrailing: "right",
		}[a])
	}
	return strings.Join(names, ",")
}

// styleFlags lists what sets a text style apart from plain inline text.
// "¶" marks a segment that ends its row.
func styleFlags(st widget.RichTextStyle) string {
	var f []string
	if !st.Inline {
		f = append(f, "¶")
	}
	if isCodeInline(st) {
		f = append(f, "code")
	}
	f = append(f, strings.Fields(textStyleFlags(st.TextStyle))...)
	f = append(f, strings.Fields(sizeFlag(st.SizeName))...)
	if st.ColorName != "" && st.ColorName != theme.ColorNameForeground {
		f = append(f, "color="+string(st.ColorName))
	}
	if st.QuotingDepth > 0 {
		f = append(f, fmt.Sprintf("quote=%d", st.QuotingDepth))
	}
	if len(f) == 0 {
		return ""
	}
	return " " + strings.Join(f, " ")
}

// isCodeInline tells Fyne's inline code style (whose marker field is
// unexported) from the same style without it.
func isCodeInline(st widget.RichTextStyle) bool {
	c := widget.RichTextStyleCodeInline
	c.Alignment, c.ColorName, c.Inline, c.SizeName, c.TextStyle, c.QuotingDepth =
		st.Alignment, st.ColorName, st.Inline, st.SizeName, st.TextStyle, st.QuotingDepth
	return c == st
}

func textStyleFlags(ts fyne.TextStyle) string {
	var f []string
	for _, x := range []struct {
		on   bool
		name string
	}{{ts.Bold, "bold"}, {ts.Italic, "italic"}, {ts.Monospace, "mono"}, {ts.Strikethrough, "strike"}, {ts.Underline, "underline"}} {
		if x.on {
			f = append(f, x.name)
		}
	}
	if len(f) == 0 {
		return ""
	}
	return " " + strings.Join(f, " ")
}

func sizeFlag(n fyne.ThemeSizeName) string {
	switch n {
	case "", theme.SizeNameText:
		return ""
	case theme.SizeNameHeadingText:
		return " size=heading"
	case theme.SizeNameSubHeadingText:
		return " size=subheading"
	case theme.SizeNameCaptionText:
		return " size=caption"
	}
	return " size=" + string(n)
}

// segmentText concatenates the text a reader sees in segments, including
// that of lists, quotes, prompts and tables, one block per line.
func segmentText(segs []widget.RichTextSegment) string {
	var b strings.Builder
	var walk func([]widget.RichTextSegment)
	walk = func(segs []widget.RichTextSegment) {
		for _, s := range segs {
			switch s := s.(type) {
			case widget.RichTextBlock:
				walk(s.Segments())
			case *PromptBox:
				b.WriteString(s.Label() + "\n")
				walk(s.Body)
			case *TableBox:
				for _, c := range s.Headers {
					walk(c)
				}
				for _, r := range s.Rows {
					for _, c := range r {
						walk(c)
					}
				}
			default:
				b.WriteString(s.Textual())
				if !s.Inline() {
					b.WriteByte('\n')
				}
			}
		}
	}
	walk(segs)
	return b.String()
}

// eachTextStyle calls f with the style and text of every text segment in
// segs, however deep in lists, quotes, prompts, tables and code boxes.
func eachTextStyle(segs []widget.RichTextSegment, f func(widget.RichTextStyle, string)) {
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.TextSegment:
			f(s.Style, s.Text)
		case widget.RichTextBlock:
			eachTextStyle(s.Segments(), f)
		case *PromptBox:
			eachTextStyle(s.Body, f)
		case *CodeBox:
			eachTextStyle(s.TextSegments(), f)
		case *TableBox:
			for _, c := range s.Headers {
				eachTextStyle(c, f)
			}
			for _, r := range s.Rows {
				for _, c := range r {
					eachTextStyle(c, f)
				}
			}
		}
	}
}

// corpusPosts calls f with the body of every corpus post, or skips.
func corpusPosts(t *testing.T, f func(t *testing.T, path string, body []byte)) {
	t.Helper()
	for _, path := range storagetest.CorpusPosts(t) {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(storagetest.Name(t, path), func(t *testing.T) {
			f(t, path, storagetest.Body(b))
		})
	}
}

// longPost is the longest corpus post, mostly Python code: the case the
// preview must keep up with while the user types.
const longPost = "korean/113bommy/_posts/2024-02-05-Seq2Seq_Code.md"

// longestPost returns the body of longPost, or skips.
func longestPost(tb testing.TB) []byte {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join(storagetest.CorpusDir(tb), longPost))
	if err != nil {
		tb.Skipf("SKIPPED: %v (the corpus lives in ../shared beside the repository)", err)
	}
	return storagetest.Body(raw)
}

// TestRenderCorpus renders every corpus post: it must not panic, must
// give some segments for a body that is not blank, and the segments'
// text must hold the text of every heading of the post. It then builds
// the post's widgets in a test window, unless testing is -short or under
// the race detector, where that alone takes minutes. The window does not
// wrap text: Fyne's word wrapping measures every line again and again,
// which with the test theme's fonts (no Hangul, so every glyph goes
// through fallback) takes seconds per post, and wrapping is Fyne's code,
// not the preview's.
func TestRenderCorpus(t *testing.T) {
	p := New()
	corpusPosts(t, func(t *testing.T, path string, body []byte) {
		segs := p.Render(body, storage.Site{PostDir: filepath.Dir(path), BlogDir: filepath.Dir(filepath.Dir(path))})
		if len(segs) == 0 && len(bytes.TrimSpace(body)) > 0 {
			t.Fatal("no segments")
		}
		eachTextStyle(segs, func(st widget.RichTextStyle, text string) {
			if st.TextStyle.Italic {
				t.Errorf("%q is italic: Fyne would parse a whole set of fonts to draw it upright", text)
			}
		})
		shown := squash(segmentText(segs))
		doc := markdown.New().Parser().Parse(text.NewReader(body))
		_ = ast.Walk(doc, func(h ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering || h.Kind() != ast.KindHeading {
				return ast.WalkContinue, nil
			}
			for _, want := range headingPieces(h, body) {
				if want = squash(want); !strings.Contains(shown, want) {
					t.Errorf("heading text %q not shown", want)
				}
			}
			return ast.WalkSkipChildren, nil
		})
		if testing.Short() || raceEnabled {
			return
		}
		// A fresh app per post: windows of earlier posts left in one
		// app make each later post slower.
		test.NewTempApp(t)
		test.ApplyTheme(t, theme.DefaultTheme())
		rt := widget.NewRichText(segs...)
		rt.Wrapping = fyne.TextWrapOff
		w := test.NewTempWindow(t, container.NewVScroll(rt))
		w.Resize(fyne.NewSize(600, 800))
	})
}

// headingPieces returns the text of a heading as written: its text,
// code, math and Liquid. Inline HTML and footnote references, which the
// preview shows in its own way, split the text into pieces.
func headingPieces(h ast.Node, src []byte) []string {
	var pieces []string
	var cur strings.Builder
	cut := func() {
		pieces = append(pieces, cur.String())
		cur.Reset()
	}
	_ = ast.Walk(h, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			cur.Write(util.ResolveNumericReferences(util.ResolveEntityNames(util.UnescapePunctuations(n.Segment.Value(src)))))
		case *ast.String:
			cur.Write(n.Value)
		case *ast.CodeSpan, *markdown.MathInline, *markdown.Liquid:
			cur.Write(rawText(n, src))
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML, *extast.FootnoteLink:
			cut()
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	cut()
	return pieces
}

// squash drops white space, which the preview may lay out differently.
func squash(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// TestRenderConcurrent renders with one Renderer from several
// goroutines, as a preview whose renders overlap while the user types
// does; the race detector checks the shared highlighting cache.
func TestRenderConcurrent(t *testing.T) {
	p := New()
	body := []byte("# T\n\n```go\nfunc a() {}\n```\n\n```python\nx = 1\n```\n")
	want := dumpSegments(p.Render(body, specOptions))
	done := make(chan string)
	for i := 0; i < 4; i++ {
		go func() { done <- dumpSegments(p.Render(body, specOptions)) }()
	}
	for i := 0; i < 4; i++ {
		if got := <-done; got != want {
			t.Errorf("concurrent render differs:\n%s", storagetest.Lines(want, got))
		}
	}
}

func FuzzRender(f *testing.F) {
	for _, c := range storagetest.ReadSpec(f, previewSpec) {
		f.Add(c.In)
	}
	f.Fuzz(func(t *testing.T, in string) {
		segs := Render([]byte(in), specOptions)
		_ = dumpSegments(segs)
	})
}

// writePNG writes a w×h PNG and returns its path.
func writePNG(t *testing.T, dir, name string, w, h int) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{R: uint8(x * 255 / w), G: 0x60, B: 0xc0, A: 0xff})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImagePaths(t *testing.T) {
	blog := t.TempDir()
	post := filepath.Join(blog, "_posts")
	abs := writePNG(t, blog, "assets/img/a.png", 4, 2)
	media := writePNG(t, blog, "assets/img/post/b.png", 4, 2)
	beside := writePNG(t, post, "c.png", 4, 2)
	tests := []struct {
		name  string
		src   string
		opt   storage.Site
		path  string
		found bool
	}{
		{"absolute path under blog folder", "/assets/img/a.png", storage.Site{BlogDir: blog, PostDir: post}, abs, true},
		{"absolute path with no blog folder", "/assets/img/a.png", storage.Site{PostDir: post}, "", false},
		{"relative path under media_subpath", "b.png", storage.Site{BlogDir: blog, PostDir: post, MediaSubpath: "/assets/img/post"}, media, true},
		{"relative path under img_path with slash", "b.png", storage.Site{BlogDir: blog, PostDir: post, MediaSubpath: "/assets/img/post/"}, media, true},
		{"relative path falls back beside the post", "c.png", storage.Site{BlogDir: blog, PostDir: post, MediaSubpath: "/assets/img/post"}, beside, true},
		{"relative path beside the post", "c.png", storage.Site{PostDir: post}, beside, true},
		{"percent-encoded name", "%63.png", storage.Site{PostDir: post}, beside, true},
		{"query and fragment dropped", "c.png?v=2#x", storage.Site{PostDir: post}, beside, true},
		{"missing file reports first candidate", "d.png", storage.Site{BlogDir: blog, PostDir: post, MediaSubpath: "/m"}, filepath.Join(blog, "m", "d.png"), false},
		{"remote media prefix", "b.png", storage.Site{MediaSubpath: "https://cdn.example.com/x"}, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			segs := Render([]byte("![alt]("+tc.src+")\n"), tc.opt)
			if len(segs) != 1 {
				t.Fatalf("got %d segments:\n%s", len(segs), dumpSegments(segs))
			}
			img := segs[0].(*ImageBox)
			if img.Path != tc.path || img.Found != tc.found {
				t.Errorf("path %q found %v, want %q %v", img.Path, img.Found, tc.path, tc.found)
			}
		})
	}
}

// TestVisuals builds the widgets of the preview in a test window,
// which is where a segment's Visual runs.
func TestVisuals(t *testing.T) {
	test.NewTempApp(t)
	// The test theme defines no bold or italic monospace face, which
	// code in a heading and Liquid in a quote use; real themes do.
	test.ApplyTheme(t, theme.DefaultTheme())
	dir := t.TempDir()
	writePNG(t, dir, "pic.png", 40, 20)
	src := strings.Join([]string{
		"# Title with `code` and [link](https://example.com)",
		"Some *text* ~~gone~~ and $x^2$ and {{ site.title }}[^1].",
		"$$\n\\int_0^1 x\\,dx\n$$",
		"| a | b |\n|:--|--:|\n| `c` | [d](/e) |",
		"> Be careful\n> - with this\n{: .prompt-warning }",
		"> quoted\n>\n> ```go\n> x := 1\n> ```",
		"```python\ndef f(x):\n    return x  # one\n```",
		"```mermaid\ngraph TD; A-->B\n```",
		"![a picture](pic.png){: width=\"20\" }\n_caption_",
		"![missing](nope.png)",
		"![remote](https://example.com/x.png)",
		"1. one\n   - [x] done\n   - [ ] todo\n2. two",
		"<div>\nraw\n</div>",
		"---",
		"[^1]: The note.",
	}, "\n\n")
	segs := Render([]byte(src), storage.Site{PostDir: dir})
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	w := test.NewTempWindow(t, rt)
	w.Resize(fyne.NewSize(480, 800))
	rt.Refresh()
	if rt.MinSize().Height <= 0 {
		t.Errorf("preview has no height")
	}
	// A second layout at another width, as when the user drags the
	// split, must also hold.
	w.Resize(fyne.NewSize(300, 800))
	rt.Refresh()
}

// insetTheme is the default theme with a wide line spacing, which sets
// boxes in lists further in, and a red placeholder colour.
type insetTheme struct{ fyne.Theme }

func (t insetTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameLineSpacing {
		return 10
	}
	return t.Theme.Size(n)
}

func (t insetTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNamePlaceHolder {
		return color.NRGBA{R: 0xff, A: 0xff}
	}
	return t.Theme.Color(n, v)
}

// An image takes its inset and caption colour from the theme of the
// widget it is shown in, as the boxes of code and prompts do.
func TestImageFollowsItsWidgetsTheme(t *testing.T) {
	test.NewTempApp(t)
	file := writePNG(t, t.TempDir(), "pic.png", 40, 20)
	box := &ImageBox{Path: file, Found: true, Alt: "caption", Pixels: fyne.NewSize(40, 20), Indent: 1}
	v := box.Visual()
	w := test.NewTempWindow(t, container.NewThemeOverride(v, insetTheme{theme.DefaultTheme()}))
	w.Resize(fyne.NewSize(300, 200))
	v.Resize(fyne.NewSize(200, v.MinSize().Height))
	var img *canvas.Image
	var caption *canvas.Text
	var find func(o fyne.CanvasObject)
	find = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *canvas.Image:
			img = o
		case *canvas.Text:
			caption = o
		case *fyne.Container:
			for _, o := range o.Objects {
				find(o)
			}
		case fyne.Widget:
			for _, o := range test.WidgetRenderer(o).Objects() {
				find(o)
			}
		}
	}
	find(v)
	if img == nil || caption == nil {
		t.Fatal("no image or caption drawn")
	}
	if x := img.Position().X; x != 40 {
		t.Errorf("image set in by %v, want 40 (four line spacings of the widget's theme)", x)
	}
	if c := color.NRGBAModel.Convert(caption.Color).(color.NRGBA); c != (color.NRGBA{R: 0xff, A: 0xff}) {
		t.Errorf("caption colour %v, want the widget theme's placeholder colour", c)
	}
}
