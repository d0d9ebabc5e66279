package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/text/unicode/norm"

	"github.com/postdesk/postdesk/editor/markdown"
	"github.com/postdesk/postdesk/storage"
)

// assetsDir checks AssetsDir: a folder inside the blog that Jekyll
// publishes.
func (x *planner) assetsDir() string {
	dir := x.opt.AssetsDir
	if dir == "" {
		return "assets/img/posts/" + x.slug
	}
	dir = strings.Trim(filepath.ToSlash(dir), "/")
	clean := path.Clean(dir)
	switch {
	case filepath.IsAbs(x.opt.AssetsDir) || clean == ".." || strings.HasPrefix(clean, "../") || clean == ".":
		x.fail("", "the assets folder %q must be a folder inside the blog, given relative to it", x.opt.AssetsDir)
	case !publishedRel(clean):
		x.fail("", "the assets folder %q is not published: Jekyll skips folders whose names start with _ or .", x.opt.AssetsDir)
	}
	return clean
}

// frontImage copies the front matter's preview image and checks its alt
// text. Chirpy takes `image: PATH` as short for image.path.
func (x *planner) frontImage() {
	field := "image.path"
	dest, ok := x.out.String("image")
	if ok {
		field = "image"
	} else {
		dest, ok = x.out.String("image.path")
	}
	if !ok || dest == "" {
		return
	}
	if alt, _ := x.out.String("image.alt"); alt == "" {
		x.warn("image.alt", "the preview image has no alt text, which screen readers and Chirpy's lightbox show")
	}
	if to, change := x.placeImage(dest, "image.path", 0); change {
		if err := x.out.Set(field, to); err != nil {
			x.fail("image.path", "cannot rewrite it to %s: %v", to, err)
		}
	}
}

// body checks the Markdown and rewrites the links of its local images.
func (x *planner) body() {
	body := x.out.Body()
	refs, math, mermaid := findImages(body)
	if v, _ := x.out.Bool("math"); math && !v {
		x.warn("math", "the body has math ($$ … $$) but not `math: true`, so Chirpy will not load MathJax")
	}
	if v, _ := x.out.Bool("mermaid"); mermaid && !v {
		x.warn("mermaid", "the body has a mermaid diagram but not `mermaid: true`, so Chirpy will not draw it")
	}
	var out []byte
	last := 0
	for _, r := range refs {
		line := x.srcLine + bytes.Count(body[:max(r.from, 0)], []byte("\n"))
		to, change := x.placeImage(r.dest, "", line)
		if !change {
			continue
		}
		if r.from < 0 {
			x.fail("", "line %d: cannot find where the image address %s is written, to rewrite it; write it inline, ![alt](%s)", line, r.dest, r.dest)
			continue
		}
		out = append(append(out, body[last:r.from]...), to...)
		last = r.to
	}
	if out != nil {
		x.out.SetBody(append(out, body[last:]...))
	}
}

// imageRef is an image address in the body and where its bytes lie;
// from is -1 when they could not be found.
type imageRef struct {
	dest     string
	from, to int
}

// htmlImgSrc finds the src attribute of an <img> tag in raw HTML.
var htmlImgSrc = regexp.MustCompile(`(?is)<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+))`)

// refDefinition finds link reference definitions, for images written
// ![alt][id]: their address is there, not at the image.
var refDefinition = regexp.MustCompile(`(?m)^ {0,3}\[[^\]\n]+\]:[ \t]*(?:<([^>\n]*)>|(\S+))`)

// findImages lists the images of a Markdown body in order, with the
// offsets of their addresses, and says whether the body has math and a
// mermaid diagram. It reads the body as the preview does (markdown.New),
// so that code blocks and spans are never taken for images.
func findImages(body []byte) (refs []imageRef, math, mermaid bool) {
	doc := markdown.New().Parser().Parse(text.NewReader(body))
	seen := map[int]bool{}
	add := func(dest string, from int) {
		if from >= 0 && seen[from] {
			return
		}
		seen[from] = true
		to := -1
		if from >= 0 {
			to = from + len(dest)
		}
		refs = append(refs, imageRef{dest: dest, from: from, to: to})
	}
	html := func(from, to int) {
		for _, m := range htmlImgSrc.FindAllSubmatchIndex(body[from:to], -1) {
			for g := 2; g < 8; g += 2 {
				if m[g] >= 0 {
					add(string(body[from+m[g]:from+m[g+1]]), from+m[g])
				}
			}
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Image:
			dest := string(n.Destination)
			if off := offsetIn(body, n.Destination); off >= 0 {
				add(dest, off)
				break
			}
			found := false
			for _, m := range refDefinition.FindAllSubmatchIndex(body, -1) {
				g := 2
				if m[g] < 0 {
					g = 4
				}
				if string(body[m[g]:m[g+1]]) == dest {
					add(dest, m[g])
					found = true
				}
			}
			if !found {
				add(dest, -1)
			}
		case *ast.RawHTML:
			// An image in an HTML comment is not shown, so neither
			// checked nor copied.
			if n.Segments.Len() > 0 && bytes.HasPrefix(body[n.Segments.At(0).Start:], []byte("<!--")) {
				break
			}
			for i := 0; i < n.Segments.Len(); i++ {
				s := n.Segments.At(i)
				html(s.Start, s.Stop)
			}
		case *ast.HTMLBlock:
			if n.HTMLBlockType == ast.HTMLBlockType2 {
				break // a comment
			}
			if l := n.Lines(); l.Len() > 0 {
				html(l.At(0).Start, l.At(l.Len()-1).Stop)
			}
			if n.HasClosure() {
				html(n.ClosureLine.Start, n.ClosureLine.Stop)
			}
		case *ast.FencedCodeBlock:
			if string(n.Language(body)) == "mermaid" {
				mermaid = true
			}
		case *markdown.MathBlock, *markdown.MathInline:
			math = true
		}
		return ast.WalkContinue, nil
	})
	slices.SortStableFunc(refs, func(a, b imageRef) int { return a.from - b.from })
	return refs, math, mermaid
}

// offsetIn returns where sub lies in src when it is a slice of src's own
// bytes, as goldmark's nodes mostly are, or -1 when it is a copy.
func offsetIn(src, sub []byte) int {
	if len(sub) == 0 {
		return -1
	}
	off := cap(src) - cap(sub)
	if off < 0 || off+len(sub) > len(src) || &src[off] != &sub[0] {
		return -1
	}
	return off
}

// placeImage decides where the local image at dest goes and what its
// link becomes; change is false when it stays as written. line is the
// line of the file, for messages, or 0 for the front matter.
func (x *planner) placeImage(dest, field string, line int) (to string, change bool) {
	where := ""
	if line > 0 {
		where = fmt.Sprintf("line %d: ", line)
	}
	if dest == "" || storage.IsRemote(dest) || strings.HasPrefix(dest, "#") || strings.Contains(dest, "{{") || strings.Contains(dest, "{%") {
		return "", false
	}
	suffix := ""
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		suffix = dest[i:]
	}
	blog := x.opt.Blog.Dir
	loc := x.site.Resolve(dest)
	switch loc.Where {
	case storage.Remote, storage.UnderMedia, storage.UnderSite:
		return "", false // the site serves these as they are
	case storage.Nowhere:
		if strings.HasPrefix(loc.Path, "/") {
			x.warn(field, "%sthe image %s is not in the blog folder; it will show only if the theme or a plugin provides it", where, dest)
			return "", false
		}
		x.fail(field, "%sthe image %s is not found (looked for %s)", where, dest, filepath.Join(x.site.PostDir, filepath.FromSlash(loc.Path)))
		return "", false
	}
	file := loc.File
	if rel, err := filepath.Rel(blog, file); err == nil && publishedRel(filepath.ToSlash(rel)) {
		return "/" + escapeURLPath(filepath.ToSlash(rel)) + suffix, true
	}
	name := x.assetName(file)
	if name == "" {
		return "", false
	}
	return "/" + escapeURLPath(x.assets+"/"+name) + suffix, true
}

// escapeURLPath writes a file path as a link target that Markdown, HTML
// attributes and URLs all read back as that path: spaces, quotes,
// brackets, and URL delimiters are percent-encoded. Other non-ASCII text
// (Hangul) is left as it is, as Jekyll leaves it.
func escapeURLPath(p string) string {
	var b strings.Builder
	for _, r := range p {
		if r < 0x80 && strings.ContainsRune(" \"'<>()[]{}#?%&\\|^`", r) || unicode.IsSpace(r) || unicode.IsControl(r) {
			for _, c := range []byte(string(r)) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// assetName gives the image file a name in the assets folder, and plans
// its copy there unless the same bytes are there already.
func (x *planner) assetName(file string) string {
	if name, ok := x.names[file]; ok {
		return name
	}
	base := norm.NFC.String(filepath.Base(file))
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	dir := filepath.Join(x.opt.Blog.Dir, filepath.FromSlash(x.assets))
	for i := 1; ; i++ {
		name := base
		if i > 1 {
			name = fmt.Sprintf("%s-%d%s", stem, i, ext)
		}
		if x.taken[name] {
			continue
		}
		to := filepath.Join(dir, name)
		same, exists, err := sameContent(file, to)
		switch {
		case err != nil:
			x.fail("", "cannot compare the image %s with %s: %v", file, to, err)
			return ""
		case exists && !same && !x.update && !x.opt.Force:
			continue // someone else's image: leave it, take another name
		case exists && !same:
			x.plan.Replaces = append(x.plan.Replaces, to)
			fallthrough
		case !exists:
			x.plan.Images = append(x.plan.Images, ImageCopy{From: file, To: to})
		}
		x.taken[name] = true
		x.names[file] = name
		return name
	}
}

// sameContent compares the files a and b; exists tells whether b exists.
func sameContent(a, b string) (same, exists bool, err error) {
	sb, err := os.Stat(b)
	if errors.Is(err, fs.ErrNotExist) {
		return false, false, nil
	}
	if err != nil {
		return false, true, err
	}
	sa, err := os.Stat(a)
	if err != nil {
		return false, true, err
	}
	if os.SameFile(sa, sb) {
		return true, true, nil
	}
	if sa.Size() != sb.Size() {
		return false, true, nil
	}
	da, err := os.ReadFile(a)
	if err != nil {
		return false, true, err
	}
	db, err := os.ReadFile(b)
	if err != nil {
		return false, true, err
	}
	return bytes.Equal(da, db), true, nil
}
