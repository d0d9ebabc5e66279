package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// SiteKind is the static site generator a blog folder is for.
type SiteKind int

// The site generators Postdesk knows.
const (
	SiteJekyll SiteKind = iota // _config.yml, _posts/, _drafts/
	SiteHugo                   // hugo.toml (or config.toml) and content/
)

func (k SiteKind) String() string {
	if k == SiteHugo {
		return "Hugo"
	}
	return "Jekyll"
}

// ErrNotBlog is returned for a folder that is neither a Jekyll nor a Hugo
// site.
var ErrNotBlog = errors.New("not a Jekyll or Hugo site: no _config.yml, hugo.toml or config.toml")

// Blog is a site folder: where its posts and drafts live and the time
// zone its dates are read in.
type Blog struct {
	Dir  string
	Kind SiteKind
	// Zone is the site's time zone (Jekyll's `timezone`, Hugo's
	// `timeZone`), or nil when the configuration sets none: then the zone
	// of the machine that builds the site applies.
	Zone *time.Location
	// ZoneName is the zone as the configuration names it, "" when unset.
	ZoneName string
	// PostsDir is where published posts go (_posts, or content/posts).
	PostsDir string
	// DraftsDir is where unpublished drafts go (_drafts; for Hugo, drafts
	// are posts with draft = true, so it is PostsDir).
	DraftsDir string
}

// OpenBlog reads the site folder dir: which generator it is for and its
// time zone. A configuration that cannot be read or does not parse is an
// error naming the file; a zone name Go does not know is an error too,
// since every date would otherwise be read in the wrong zone.
func OpenBlog(dir string) (*Blog, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	for _, c := range siteConfigs {
		path := filepath.Join(abs, c.name)
		src, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err // a *fs.PathError, which names the file
		}
		zone, err := c.zone(src)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		b := &Blog{Dir: abs, Kind: c.kind, ZoneName: zone}
		if c.kind == SiteHugo {
			b.PostsDir = filepath.Join(abs, "content", "posts")
			b.DraftsDir = b.PostsDir
		} else {
			b.PostsDir, b.DraftsDir = filepath.Join(abs, "_posts"), filepath.Join(abs, "_drafts")
		}
		return b, b.loadZone(path)
	}
	return nil, fmt.Errorf("%s: %w", abs, ErrNotBlog)
}

// siteConfigs are the configuration files that make a folder a site, in
// the order they are looked for, and how to read the time zone from each.
var siteConfigs = []struct {
	name string
	kind SiteKind
	zone func(src []byte) (string, error)
}{
	{"_config.yml", SiteJekyll, jekyllZone},
	{"_config.yaml", SiteJekyll, jekyllZone},
	{"hugo.toml", SiteHugo, hugoZone},
	{"config.toml", SiteHugo, hugoZone},
}

func jekyllZone(src []byte) (string, error) {
	var cfg struct {
		Timezone string `yaml:"timezone"`
	}
	err := yaml.Unmarshal(src, &cfg)
	return cfg.Timezone, err
}

func hugoZone(src []byte) (string, error) {
	var cfg struct {
		TimeZone string `toml:"timeZone"`
	}
	err := toml.Unmarshal(src, &cfg)
	return cfg.TimeZone, err
}

// FindBlogDir returns the nearest folder at or above dir that holds a
// Jekyll or Hugo configuration, as OpenBlog recognises one, or "" when
// there is none.
func FindBlogDir(dir string) string {
	for {
		for _, c := range siteConfigs {
			if _, err := os.Stat(filepath.Join(dir, c.name)); err == nil {
				return dir
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func (b *Blog) loadZone(config string) error {
	if b.ZoneName == "" {
		return nil
	}
	loc, err := time.LoadLocation(b.ZoneName)
	if err != nil {
		return fmt.Errorf("%s: timezone %q: %w", config, b.ZoneName, err)
	}
	b.Zone = loc
	return nil
}

// SiteZone is the zone Jekyll reads dates in when building on this
// machine: the configured one, else the machine's.
func (b *Blog) SiteZone() *time.Location {
	if b.Zone != nil {
		return b.Zone
	}
	return time.Local
}
