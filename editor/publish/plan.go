package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/storage"
)

// Options says where and how a post is exported.
type Options struct {
	// Blog is the Jekyll site to export into.
	Blog *storage.Blog
	// Slug names the post in its file name and URL; "" takes it from the
	// title (see editor.Slugify). A slug given is passed through
	// editor.Slugify too.
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

// Export is a post's export as Plan worked it out: every file it will
// write, and what it found wrong. Apply writes it.
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
//
// Plan only reads post and opt.Blog, and keeps nothing between calls, so
// it may run on any goroutine; post must not change meanwhile. A window
// that goes on editing hands it a snapshot of the post it edits,
// storage.Parse(post.Path, post.Bytes()), which copies nothing.
func Plan(post *storage.Post, opt Options) (*Export, error) {
	if opt.Blog == nil {
		return nil, errors.New("export: no blog folder")
	}
	if opt.Blog.Kind != storage.SiteJekyll {
		return nil, fmt.Errorf("export: %s is a %s site; export writes Jekyll's _posts", opt.Blog.Dir, opt.Blog.Kind)
	}
	x := &planner{
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

// planner holds what one call of Plan learns on the way.
type planner struct {
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

func (x *planner) fail(field, format string, args ...any) {
	x.plan.Problems = append(x.plan.Problems, Problem{Field: field, Message: fmt.Sprintf(format, args...)})
}

func (x *planner) warn(field, format string, args ...any) {
	x.plan.Problems = append(x.plan.Problems, Problem{Field: field, Message: fmt.Sprintf(format, args...), Warning: true})
}

func (x *planner) run(post *storage.Post) error {
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

// date finds the instant Jekyll will give the exported post, giving the
// post a date when it has none.
func (x *planner) date() (time.Time, bool) {
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
func (x *planner) earlierDate() (time.Time, string) {
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
func (x *planner) exportOf(p string) (time.Time, bool) {
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
func (x *planner) sameSlug() []string {
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

// collisions finds the posts the export would overwrite or clash with.
func (x *planner) collisions(when time.Time) error {
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
func (x *planner) clash(p, format string) {
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
