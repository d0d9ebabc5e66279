package storage

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Site says where the links in one post lead on disk, the way Jekyll
// with the Chirpy theme serves them. The preview shows the image a link
// leads to, export copies it into the blog and the window finds it for
// the user; all three ask Site, so that they agree on every link.
type Site struct {
	// BlogDir is the site folder, under which site-absolute links
	// ("/assets/img/a.png") lie; "" when it is not known.
	BlogDir string
	// PostDir is the folder of the post file, beside which an author
	// keeps images before export copies them into the blog; "" for a
	// post never saved.
	PostDir string
	// MediaSubpath is the post's media_subpath (or legacy img_path),
	// which Chirpy puts before each relative image link; "" for none.
	MediaSubpath string
}

// SiteOf is the Site of post in the blog folder blogDir ("" when not
// known): the post's folder and its media_subpath.
func SiteOf(post *Post, blogDir string) Site {
	s := Site{BlogDir: blogDir, MediaSubpath: post.MediaSubpath()}
	if post.Path != "" {
		s.PostDir = filepath.Dir(post.Path)
	}
	return s
}

// MediaSubpath is the folder Chirpy puts before the post's relative
// image links: its media_subpath, else the legacy img_path that Chirpy
// still reads, else "".
func (p *Post) MediaSubpath() string {
	if m, _ := p.String("media_subpath"); m != "" {
		return m
	}
	m, _ := p.String("img_path")
	return m
}

// Where says where a link leads.
type Where int

// The places a link can lead.
const (
	Nowhere    Where = iota // a local link with no file behind it
	Remote                  // off this machine (or under a remote media_subpath)
	UnderSite               // a site-absolute path, under the blog folder
	UnderMedia              // under the post's media_subpath
	BesidePost              // next to the post file
)

// Location is where a link leads on disk.
type Location struct {
	// File is the file found, or for Nowhere the first place looked (the
	// file under the blog folder, for a site-absolute link); "" when
	// there was nowhere to look.
	File  string
	Where Where
	// Path is the link's path: unescaped, without query or fragment.
	Path string
	// Stamp tells this version of File from the next, for a file found.
	Stamp FileStamp
}

// Found tells whether the link leads to a local file that is there.
func (l Location) Found() bool { return l.Where != Nowhere && l.Where != Remote }

// IsRemote tells whether a link names something off this machine: a URL
// with a scheme, a protocol-relative "//host/…", or a data: URI.
func IsRemote(link string) bool {
	return strings.Contains(link, "://") || strings.HasPrefix(link, "//") || strings.HasPrefix(link, "data:")
}

// Resolve finds the file a link in the post leads to. A site-absolute
// path is under the blog folder. A relative one is under MediaSubpath
// (itself under the blog folder when absolute, beside the post when
// relative), as Chirpy prefixes it, and else beside the post. A remote
// link, or any relative one under a remote MediaSubpath, is Remote and
// never looked for. The query and fragment are dropped and %-escapes
// decoded, as the web server does.
func (s Site) Resolve(link string) Location {
	if IsRemote(link) {
		return Location{Where: Remote}
	}
	p := link
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	loc := Location{Path: p}
	type candidate struct {
		file  string
		where Where
	}
	var candidates []candidate
	under := func(dir, rel string, where Where) {
		if dir != "" {
			candidates = append(candidates, candidate{filepath.Join(dir, filepath.FromSlash(rel)), where})
		}
	}
	switch {
	case p == "":
	case strings.HasPrefix(p, "/"):
		under(s.BlogDir, p, UnderSite)
	default:
		if m := s.MediaSubpath; m != "" {
			if IsRemote(m) {
				loc.Where = Remote
				return loc
			}
			joined := path.Join(m, p)
			if strings.HasPrefix(m, "/") {
				under(s.BlogDir, joined, UnderMedia)
			} else {
				under(s.PostDir, joined, UnderMedia)
			}
		}
		under(s.PostDir, p, BesidePost)
	}
	for _, c := range candidates {
		if st, err := os.Stat(c.file); err == nil && !st.IsDir() {
			loc.File, loc.Where, loc.Stamp = c.file, c.where, stampOf(st)
			return loc
		}
	}
	if len(candidates) > 0 {
		loc.File = candidates[0].file
	}
	return loc
}
