package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/text/unicode/norm"

	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/editor/markdown"
	"github.com/postdesk/postdesk/storage"
)

// Export ("publish") turns a post, wherever it is kept, into a post of a
// Jekyll blog: _posts/YYYY-MM-DD-SLUG.md plus the local images it shows.
// It runs in two steps. Plan works out every file to write and
// checks the post, touching nothing; the caller shows the plan, and
// Apply writes it all or nothing.
//
// The rules, and why:
//
//   - Date. The date in the file name is the post's date as Jekyll reads
//     it (storage.Date.In) in the blog's SiteZone, so that the name and
//     the page agree: a plain zone-less "2024-03-01 20:00:00" is UTC to
//     Jekyll, hence 2024-03-02 in Seoul. A post without a date gets one,
//     written into the exported front matter with its offset: the date
//     of its earlier export when _posts holds one (same slug, same
//     title), so that exporting again updates that file, else now.
//   - Same post. The file at the target is an earlier export of this post
//     when it has the same title (compared in NFC) and the same date (the
//     same instant); exporting again replaces it without asking. Anything
//     else there, and any post in _posts whose slug is the same under
//     another date (Chirpy's /posts/:title/ would give both one URL), is
//     another post: export refuses to touch it unless Force, which
//     replaces the first and removes the others.
//   - Images. Each local image the post shows (Markdown images, kramdown
//     attributes or not; <img src> in raw HTML; image.path in the front
//     matter) is resolved as the preview resolves it. One already
//     published under the blog folder is left where it is; one elsewhere
//     (beside a draft, in _drafts) is copied into AssetsDir. Either way
//     its link becomes the site-absolute path, because a relative one
//     would be read against the post's URL. Only the bytes of the link
//     target change; media_subpath is never added (Chirpy leaves absolute
//     paths alone, so one the post already has keeps working for the
//     images it serves). Remote (http:, //, data:), site-absolute and
//     Liquid addresses stay as written.
//   - Image names. A copied image keeps its file name (in NFC). Two
//     different files with one name get NAME-2.EXT; a different file
//     already in the assets folder is replaced when this export updates
//     its earlier one (or Force), and otherwise the copy takes a new name.
//   - TOML. A post with Hugo's "+++" front matter is written with YAML
//     front matter, since Jekyll reads only YAML. Values keep their
//     types; dates get their zone (a TOML local date-time is read in the
//     blog's zone and written with its offset). Keys keep the order of
//     the TOML text, tables included; TOML comments are lost.
//   - Bytes. Otherwise the front matter is written as the user wrote it:
//     only the date (when missing) and image.path (when rewritten) change,
//     through the storage field API that rewrites just those lines.

// Options says where and how a post is exported.
type Options struct {
	// Blog is the Jekyll site to export into.
	Blog *storage.Blog
	// Slug names the post in its file name and URL; "" takes it from the
	// title (see editor.Slugify). A slug given is passed through editor.Slugify too.
	Slug string
	// Force lets export overwrite another post with the same file name,
	// and remove posts with the same slug under another date.
	Force bool
	// AssetsDir is where local images are copied, relative to the blog
	// folder, slash-separated; "" means "assets/img/posts/SLUG".
	AssetsDir string
	// Now is the time a post without a date gets; zero means time.Now().
	Now time.Time
}

// ImageCopy is a local image export copies into the blog.
type ImageCopy struct {
	From string // the image file the post refers to
	To   string // where it goes, under the blog's AssetsDir
}

// Problem is something Plan found wrong with a post. Errors stop
// the export; warnings are for the user to read.
type Problem struct {
	// Field is the front matter field at fault ("title", "date",
	// "image.alt", …), "slug" for a clash with another post, and "" for
	// the body.
	Field   string
	Message string
	Warning bool
}

// String reads "field: message", or the message alone for the body.
func (p Problem) String() string {
	if p.Field == "" {
		return p.Message
	}
	return p.Field + ": " + p.Message
}

// Export is every file an export will write, and what it found wrong.
type Export struct {
	Source   string      // the post file exported
	Target   string      // blog/_posts/YYYY-MM-DD-SLUG.md; "" when the date is unusable
	Images   []ImageCopy // local images to copy
	Replaces []string    // existing files this would overwrite or remove
	Problems []Problem   // errors stop the export; warnings do not

	data   []byte   // the post as it will be written
	remove []string // posts with the same slug under another date, with Force
	// copyFile copies the image src into dst; tests replace it to make a
	// copy fail half-way.
	copyFile func(dst io.Writer, src string) error
}

// ErrProblems is why Apply refuses a plan: it has errors. The
// error Apply returns lists them.
var ErrProblems = errors.New("the post has problems to fix before export")

// Errors returns the problems that stop the export: those that are not
// warnings.
func (p *Export) Errors() []Problem {
	var errs []Problem
	for _, pr := range p.Problems {
		if !pr.Warning {
			errs = append(errs, pr)
		}
	}
	return errs
}

// Text returns the exported post, as Apply will write it.
func (p *Export) Text() []byte { return p.data }

// Plan checks post and works out its export into opt.Blog, without
// writing anything. It returns an error only when it cannot plan at all
// (no blog, a Hugo blog, a folder it cannot read); what is wrong with the
// post is in the plan's Problems.
func Plan(post *storage.Post, opt Options) (*Export, error) {
	if opt.Blog == nil {
		return nil, errors.New("export: no blog folder")
	}
	if opt.Blog.Kind != storage.SiteJekyll {
		return nil, fmt.Errorf("export: %s is a %s site; export writes Jekyll's _posts", opt.Blog.Dir, opt.Blog.Kind)
	}
	x := &exporter{
		opt:   opt,
		zone:  opt.Blog.SiteZone(),
		plan:  &Export{Source: post.Path, copyFile: copyFrom},
		names: map[string]string{},
		taken: map[string]bool{},
	}
	if err := x.run(post); err != nil {
		return nil, fmt.Errorf("export %s: %w", post.Path, err)
	}
	return x.plan, nil
}

// exporter holds what Plan learns on the way.
type exporter struct {
	opt     Options
	zone    *time.Location
	plan    *Export
	out     *storage.Post // the post as it will be written
	srcLine int           // the line of the source file on which the body starts
	title   string
	slug    string
	assets  string       // AssetsDir, slash-separated, relative to the blog
	site    storage.Site // where the post's links lead
	update  bool         // the target holds an earlier export of this post
	names   map[string]string
	taken   map[string]bool
	// slugPosts caches sameSlug; nil until it has run.
	slugPosts *[]string
}

func (x *exporter) fail(field, format string, args ...any) {
	x.plan.Problems = append(x.plan.Problems, Problem{Field: field, Message: fmt.Sprintf(format, args...)})
}

func (x *exporter) warn(field, format string, args ...any) {
	x.plan.Problems = append(x.plan.Problems, Problem{Field: field, Message: fmt.Sprintf(format, args...), Warning: true})
}

func (x *exporter) run(post *storage.Post) error {
	if err := post.Err(); err != nil {
		x.fail("", "the front matter does not parse: %v", err)
		return nil
	}
	out, key, err := post.AsYAML(x.zone)
	if err != nil {
		x.fail(key, "the TOML front matter cannot be written as YAML: %v", err)
		return nil
	}
	x.out = out
	x.srcLine = post.BodyLine()

	x.title, _ = out.String("title")
	if strings.TrimSpace(x.title) == "" {
		x.fail("title", "the post has no title")
	}
	x.slug = editor.Slugify(x.title)
	if x.opt.Slug != "" {
		if x.slug = editor.Slugify(x.opt.Slug); x.slug != x.opt.Slug {
			x.warn("slug", "the slug %q is written %q, as it appears in the URL", x.opt.Slug, x.slug)
		}
	}
	if cats, _ := out.Strings("categories"); len(cats) > 2 {
		x.fail("categories", "Chirpy takes at most two categories (a category and a subcategory), not %d", len(cats))
	}
	x.site = storage.SiteOf(out, x.opt.Blog.Dir)
	x.assets = x.assetsDir()

	if when, ok := x.date(); ok {
		name := when.Format("2006-01-02") + "-" + x.slug + ".md"
		x.plan.Target = filepath.Join(x.opt.Blog.PostsDir, name)
		if err := x.collisions(when); err != nil {
			return err
		}
	}
	x.frontImage()
	x.body()
	x.plan.data = x.out.Bytes()
	return nil
}

// assetsDir checks AssetsDir: a folder inside the blog that Jekyll
// publishes.
func (x *exporter) assetsDir() string {
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

// date finds the instant Jekyll will give the exported post, giving the
// post a date when it has none.
func (x *exporter) date() (time.Time, bool) {
	if d, ok := x.out.Date("date"); ok {
		return d.In(x.zone), true
	}
	if v, present := x.out.Get("date"); present && v != nil {
		x.fail("date", "%v is not a date; write YYYY-MM-DD HH:MM:SS +0900", v)
		return time.Time{}, false
	}
	when, earlier := x.earlierDate()
	if err := x.out.Set("date", when); err != nil {
		x.fail("date", "the post has no date, and one cannot be added: %v", err)
		return time.Time{}, false
	}
	if earlier != "" {
		x.warn("date", "the post has no date; it keeps %s, the date of its earlier export %s", storage.FormatDate(when), earlier)
	} else {
		x.warn("date", "the post has no date; the exported post gets the current time, %s (give the post a date of its own so that exporting it again updates the same file)", storage.FormatDate(when))
	}
	return when, true
}

// earlierDate is the date for a post that has none: that of its earlier
// export, the one post in _posts with its slug and title, or now.
func (x *exporter) earlierDate() (time.Time, string) {
	var found []string
	var when time.Time
	for _, p := range x.sameSlug() {
		if t, ok := x.exportOf(p); ok {
			found, when = append(found, p), t
		}
	}
	if len(found) == 1 {
		return when, found[0]
	}
	now := x.opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	return now.Truncate(time.Second).In(x.zone), ""
}

// exportOf tells whether the post file at p has this post's title, and
// the date Jekyll reads from it.
func (x *exporter) exportOf(p string) (time.Time, bool) {
	q, err := storage.Load(p)
	if err != nil {
		return time.Time{}, false
	}
	title, _ := q.String("title")
	d, ok := q.Date("date")
	if !ok || norm.NFC.String(title) != norm.NFC.String(x.title) {
		return time.Time{}, false
	}
	return d.In(x.zone), true
}

// postName is Jekyll's DATE_FILENAME_MATCHER: a post's file name is its
// date, "-", its slug and an extension.
var postName = regexp.MustCompile(`^\d{2,4}-\d{1,2}-\d{1,2}-(.+)\.[^.]+$`)

// sameSlug lists the files under _posts that Jekyll reads as posts
// (storage.WalkFiles, less the _ folders and files Jekyll skips) whose
// slug, put through editor.Slugify, is this post's. Comparing slugified names
// also catches "Foo_Bar" against "foo-bar", which a case-insensitive
// disk would put in one _site folder. The folder is read once per plan.
func (x *exporter) sameSlug() []string {
	if x.slugPosts != nil {
		return *x.slugPosts
	}
	var paths []string
	dir := x.opt.Blog.PostsDir
	// A missing or unreadable _posts, or a folder in it, holds no clash.
	_ = storage.WalkFiles(dir, func(p string) {
		rel, err := filepath.Rel(dir, p)
		if err != nil || !publishedRel(filepath.ToSlash(rel)) {
			return
		}
		if m := postName.FindStringSubmatch(filepath.Base(p)); m != nil && editor.Slugify(m[1]) == x.slug {
			paths = append(paths, p)
		}
	}, func(error) {})
	x.slugPosts = &paths
	return paths
}

// collisions finds the posts the export would overwrite or clash with.
func (x *exporter) collisions(when time.Time) error {
	target := x.plan.Target
	if fi, err := os.Lstat(target); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if real, err := filepath.EvalSymlinks(target); err == nil {
			x.warn("", "%s is a link to %s; the export writes there", target, real)
		}
	}
	switch _, err := os.Stat(target); {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	case sameFile(target, x.plan.Source):
		x.update = true
		x.plan.Replaces = append(x.plan.Replaces, target)
	default:
		if t, ok := x.exportOf(target); ok && t.Equal(when) {
			x.update = true
			x.plan.Replaces = append(x.plan.Replaces, target)
			x.warn("", "this updates the post's earlier export %s", target)
		} else {
			x.clash(target, "%s already holds another post")
		}
	}
	for _, p := range x.sameSlug() {
		if p == target || sameFile(p, target) {
			continue
		}
		x.clash(p, "%s has the same slug under another date, so both would have one URL")
		if x.opt.Force {
			x.plan.remove = append(x.plan.remove, p)
		}
	}
	return nil
}

// clash reports another post in the way, or, with Force, that it goes.
func (x *exporter) clash(p, format string) {
	what := fmt.Sprintf(format, p)
	if x.opt.Force {
		x.plan.Replaces = append(x.plan.Replaces, p)
		x.warn("slug", "%s; it is replaced (forced)", what)
		return
	}
	x.fail("slug", "%s; choose another slug, or force the export to replace it", what)
}

func sameFile(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}

// frontImage copies the front matter's preview image and checks its alt
// text. Chirpy takes `image: PATH` as short for image.path.
func (x *exporter) frontImage() {
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
func (x *exporter) body() {
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

// placeImage decides where the local image at dest goes and what its
// link becomes; change is false when it stays as written. line is the
// line of the file, for messages, or 0 for the front matter.
func (x *exporter) placeImage(dest, field string, line int) (to string, change bool) {
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

// assetName gives the image file a name in the assets folder, and plans
// its copy there unless the same bytes are there already.
func (x *exporter) assetName(file string) string {
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

// publishedRel tells whether Jekyll copies the file at rel, a slash path
// relative to the site: not outside it, and not in or named with _ or .
// at the start (Jekyll skips those, _posts and other collections aside).
func publishedRel(rel string) bool {
	if rel == ".." || strings.HasPrefix(rel, "../") || path.IsAbs(rel) {
		return false
	}
	for _, part := range strings.Split(rel, "/") {
		if strings.HasPrefix(part, "_") || strings.HasPrefix(part, ".") {
			return false
		}
	}
	return true
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
// mermaid diagram. It reads the body with the preview's parser, so that
// code blocks and spans are never taken for images.
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

// copyFrom copies the file src into dst.
func copyFrom(dst io.Writer, src string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	_, err = io.Copy(dst, f)
	return err
}

// Apply writes the plan: every image copy and the post, all or nothing.
// A plan with errors writes nothing and returns an error wrapping
// ErrProblems that lists them.
//
// Each file is first written in full to a dot-prefixed temporary file in
// its own folder (Jekyll skips dot files, so a leftover is never
// published) and flushed to disk (storage.Stage; a symbolic link is
// followed, as a save follows it). Only then do the files replace what
// they replace, each in one rename; a file being replaced is kept under a
// dot-prefixed backup name until every rename is done. On any failure the
// new files are removed, the backups put back and folders export created
// removed, so the blog is as it was. Files that appeared where the plan
// expected none are never overwritten. At the end the folders written
// are flushed, so that the renames survive a crash. written lists every
// file written, the post last.
func (p *Export) Apply() ([]string, error) {
	if errs := p.Errors(); len(errs) > 0 {
		msgs := make([]string, len(errs))
		for i, e := range errs {
			msgs[i] = e.String()
		}
		return nil, fmt.Errorf("export %s: %w: %s", p.Source, ErrProblems, strings.Join(msgs, "; "))
	}
	if p.Target == "" || p.data == nil {
		return nil, fmt.Errorf("export %s: %w", p.Source, ErrProblems)
	}
	b := &storage.Batch{Replaces: p.Replaces}
	for _, img := range p.Images {
		if err := b.Write(img.To, func(w io.Writer) error { return p.copyFile(w, img.From) }); err != nil {
			return nil, fmt.Errorf("export %s: copy image %s: %w", p.Source, img.From, err)
		}
	}
	if err := b.Write(p.Target, func(w io.Writer) error { _, err := w.Write(p.data); return err }); err != nil {
		return nil, fmt.Errorf("export %s: %w", p.Source, err)
	}
	for _, r := range p.remove {
		b.Remove(r)
	}
	written, err := b.Commit()
	if err != nil {
		return nil, fmt.Errorf("export %s: nothing was written: %w", p.Source, err)
	}
	return written, nil
}
