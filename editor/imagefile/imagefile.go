// Package imagefile finds the local file behind an image address in a
// post, the way Jekyll with the Chirpy theme serves it. The preview
// shows what it finds and export copies it, so both resolve images here
// and agree; it imports no GUI code, as export has none.
package imagefile

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Options says where a post's image addresses lead.
type Options struct {
	PostDir     string // folder of the post file, for relative image paths
	BlogDir     string // the Jekyll site root ("" if unknown), for /assets/... paths
	MediaPrefix string // media_subpath or img_path from the front matter ("" if none)
}

// IsRemote reports whether an address names something off this machine:
// an http(s), protocol-relative or data address.
func IsRemote(s string) bool {
	return strings.Contains(s, "://") || strings.HasPrefix(s, "//") || strings.HasPrefix(s, "data:")
}

// Where says where an image address leads.
type Where int

// The places an image address can lead, as Locate finds them.
const (
	Nowhere    Where = iota // a local address with no file behind it
	Remote                  // off this machine (or under a remote media_subpath)
	Site                    // a site-absolute path, under the blog folder
	Media                   // under the post's media_subpath
	BesidePost              // next to the post file
)

// Location is where an image address leads.
type Location struct {
	// File is the file found, or for Nowhere the first place looked
	// (the site path for a site-absolute address).
	File  string
	Where Where
	// Path is the address's path: unescaped, without query or fragment.
	Path string
	// Stamp tells this version of File from the next, for a file found.
	Stamp Stamp
}

// Stamp tells versions of a file apart: a file rewritten or replaced
// has another length or modification time.
type Stamp struct{ Size, Mod int64 }

// Locate finds the local file of an image address the way Jekyll with
// Chirpy serves it. An absolute path is under the blog folder. A
// relative one is under media_subpath (itself under the blog folder when
// absolute), as Chirpy prefixes it, and otherwise beside the post, where
// an author keeps images before export copies them into the blog's
// assets.
func Locate(src string, opt Options) Location {
	if IsRemote(src) {
		return Location{Where: Remote}
	}
	p := src
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
		under(opt.BlogDir, p, Site)
	default:
		if m := opt.MediaPrefix; m != "" {
			if IsRemote(m) {
				loc.Where = Remote
				return loc
			}
			joined := path.Join(m, p)
			if strings.HasPrefix(m, "/") {
				under(opt.BlogDir, joined, Media)
			} else {
				under(opt.PostDir, joined, Media)
			}
		}
		under(opt.PostDir, p, BesidePost)
	}
	for _, c := range candidates {
		if st, err := os.Stat(c.file); err == nil && !st.IsDir() {
			loc.File, loc.Where = c.file, c.where
			loc.Stamp = Stamp{st.Size(), st.ModTime().UnixNano()}
			return loc
		}
	}
	if len(candidates) > 0 {
		loc.File = candidates[0].file
	}
	return loc
}

// Found reports whether the address leads to a local file that exists.
func (l Location) Found() bool { return l.Where != Nowhere && l.Where != Remote }

// Resolve is Locate for showing an image: its file (or where it was
// looked for), whether it exists, whether it is remote.
func Resolve(src string, opt Options) (file string, found, remote bool) {
	loc := Locate(src, opt)
	return loc.File, loc.Found(), loc.Where == Remote
}
