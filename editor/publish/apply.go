package publish

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/postdesk/postdesk/storage"
)

// ErrProblems is why Apply refuses a plan: it has errors. The
// error Apply returns lists them.
var ErrProblems = errors.New("the post has problems to fix before export")

// Apply writes the plan: every image copy and the post, all or nothing,
// and returns every file written, the post last. A plan with errors
// writes nothing and returns an error wrapping ErrProblems that lists
// them.
//
// The files are written as a storage.Batch: each first in full to a
// dot-prefixed temporary file in its own folder (Jekyll skips dot files,
// so a leftover is never published) and flushed to disk (a symbolic link
// is followed, as a save follows it). Only then do the files replace
// what they replace, each in one rename; a file being replaced is kept
// under a dot-prefixed backup name until every rename is done. On any
// failure the new files are removed, the backups put back and folders
// export created removed, so the blog is as it was. Files that appeared
// where the plan expected none are never overwritten. At the end the
// folders written are flushed, so that the renames survive a crash.
//
// Apply only reads the plan, so it may run on any goroutine; a plan is
// applied once.
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
