package preview

import (
	"image"
	"image/color"
	_ "image/gif" // posts use GIFs; canvas registers only PNG and JPEG
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/postdesk/postdesk/storage"
	"github.com/yuin/goldmark/ast"
	_ "golang.org/x/image/webp" // Chirpy sites favour WebP
)

// ImageBox is an image: the local file it resolves to, drawn as wide as
// the preview allows (no wider than the file or its `width` attribute)
// with its alt text below, or, when the file is missing or remote, a
// placeholder box naming the path. Remote images are never fetched.
type ImageBox struct {
	blockBase
	// Source is the image address as written in the post.
	Source string
	// Alt is the alt text.
	Alt string
	// Path is the local file Source resolves to; when no candidate
	// exists it is the first one tried, and "" when there is none (a
	// remote image, or an absolute path with no blog folder known).
	Path string
	// Found reports whether Path exists.
	Found bool
	// Remote is true for an http(s), protocol-relative or data address.
	Remote bool
	// Width and Height are the size the post asks for (`{: width="700" }`
	// or Chirpy's `w=`/`h=`), 0 if it does not.
	Width, Height float32
	// Pixels is the file's size in pixels, read from its header while
	// rendering, so that drawing the box reads no file; zero when the
	// file is not found or Go cannot decode its format (SVG, AVIF).
	Pixels fyne.Size
	// Indent insets the image to line up with list or quote text.
	Indent int
}

// Textual returns the alt text.
func (i *ImageBox) Textual() string { return i.Alt }

// imageBox resolves an image node the way Jekyll and Chirpy would serve
// it.
func (w *segmentWriter) imageBox(n *ast.Image, alt string, c blockContext) *ImageBox {
	b := &ImageBox{Source: string(n.Destination), Alt: alt, Indent: c.indent}
	b.Width = attrFloat(n, "width", "w")
	b.Height = attrFloat(n, "height", "h")
	loc := w.opt.Resolve(b.Source)
	b.Path, b.Found, b.Remote = loc.File, loc.Found(), loc.Where == storage.Remote
	if b.Found {
		b.Pixels, _ = imageSize(b.Path)
	}
	return b
}

// Natural returns the size the image is drawn at where the preview is
// wide enough: its pixel size, scaled to the width the post asks for.
// A zero width or height means the aspect is unknown.
func (i *ImageBox) Natural() fyne.Size {
	nat := i.Pixels
	if i.Width > 0 {
		if nat.Width > 0 {
			nat.Height *= i.Width / nat.Width
		} else if i.Height > 0 {
			nat.Height = i.Height
		}
		nat.Width = i.Width
	}
	return nat
}

// attrFloat reads the first of the named attributes that is a number.
func attrFloat(n ast.Node, names ...string) float32 {
	for _, name := range names {
		v, ok := n.AttributeString(name)
		if !ok {
			continue
		}
		b, _ := v.([]byte)
		f, err := strconv.ParseFloat(strings.TrimSuffix(string(b), "px"), 32)
		if err == nil && f > 0 {
			return float32(f)
		}
	}
	return 0
}

// Visual returns the scaled image with its caption, or the placeholder.
func (i *ImageBox) Visual() fyne.CanvasObject {
	if !i.Found {
		return i.placeholder(i.missingReason())
	}
	if i.Pixels.IsZero() && !strings.EqualFold(filepath.Ext(i.Path), ".svg") {
		// canvas.Image would draw nothing for a format Go cannot read
		// (AVIF, say); say so instead.
		return i.placeholder("Cannot show image " + i.Path)
	}
	v := &imageView{file: i.Path, caption: i.Alt, natural: i.Natural(), indent: i.Indent}
	v.ExtendBaseWidget(v)
	return v
}

func (i *ImageBox) missingReason() string {
	switch {
	case i.Remote:
		return "Remote image (not loaded): " + i.Source
	case i.Path == "":
		return "Image not found: " + i.Source + " (blog folder unknown)"
	}
	return "Image not found: " + i.Path
}

// placeholder is a bordered box naming the image and its alt text.
func (i *ImageBox) placeholder(msg string) fyne.CanvasObject {
	st := widget.RichTextStyleInline
	st.ColorName = theme.ColorNamePlaceHolder
	segs := []widget.RichTextSegment{&widget.TextSegment{Style: st, Text: msg}}
	if i.Alt != "" {
		segs[0].(*widget.TextSegment).Style.Inline = false
		segs = append(segs, &widget.TextSegment{Style: st, Text: i.Alt})
	}
	text := widget.NewRichText(segs...)
	text.Wrapping = fyne.TextWrapBreak
	return newPanel(&panel{
		panelFrame: panelFrame{indent: i.Indent},
		fill:       theme.ColorNameInputBackground,
		border:     theme.ColorNameInputBorder,
		content:    &fyne.Container{Layout: wrapLayout{}, Objects: []fyne.CanvasObject{text}},
	})
}

// profile estimates the image's height: the image at its natural size,
// shrunk to the column's width, and the caption under it, the padding
// apart, as imageView draws them; or the note shown in its place.
func (i *ImageBox) profile(m *textMetrics) blockProfile {
	nat := i.Natural()
	if !i.Found || nat.Width <= 0 || nat.Height <= 0 {
		return blockProfile{fixed: 6 * m.textSize} // between a note and a figure of unknown size
	}
	p := blockProfile{images: []fyne.Size{nat}}
	if i.Alt != "" {
		p.fixed = m.pad + m.line*m.th.Size(theme.SizeNameCaptionText)
	}
	return p
}

// imageSize reads an image file's pixel size from its header.
func imageSize(file string) (fyne.Size, error) {
	f, err := os.Open(file)
	if err != nil {
		return fyne.Size{}, err
	}
	defer func() { _ = f.Close() }()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return fyne.Size{}, err
	}
	return fyne.NewSize(float32(cfg.Width), float32(cfg.Height)), nil
}

// unknownAspect is the height-to-width ratio assumed for an image whose
// size cannot be read (SVG).
const unknownAspect = 0.6

// imageView draws an image at its natural size, shrunk to the width
// available, with the caption under it. Its height depends on the width
// it was last given; Fyne lays the preview out again when it changes.
// Sizes and the caption's colour are read from its theme, again on every
// refresh, as the panel's are.
type imageView struct {
	widget.BaseWidget
	file, caption string
	natural       fyne.Size
	indent        int
	width         float32 // the width the image was last laid out in
}

// CreateRenderer implements fyne.Widget.
func (v *imageView) CreateRenderer() fyne.WidgetRenderer {
	img := canvas.NewImageFromFile(v.file)
	img.FillMode = canvas.ImageFillContain
	img.ScaleMode = canvas.ImageScaleSmooth
	r := &imageRenderer{v: v, img: img, objects: []fyne.CanvasObject{img}}
	if v.caption != "" {
		r.caption = canvas.NewText(v.caption, color.Transparent)
		r.objects = append(r.objects, r.caption)
	}
	r.Refresh()
	return r
}

// imageSizeFor returns the drawn size of the image in width w.
func (v *imageView) imageSizeFor(w float32) fyne.Size {
	if v.natural.Width <= 0 || v.natural.Height <= 0 {
		return fyne.NewSize(w, w*unknownAspect)
	}
	dw := min(w, v.natural.Width)
	return fyne.NewSize(dw, dw*v.natural.Height/v.natural.Width)
}

type imageRenderer struct {
	v       *imageView
	img     *canvas.Image
	caption *canvas.Text
	objects []fyne.CanvasObject
}

func (r *imageRenderer) Layout(size fyne.Size) {
	v := r.v
	sizes := sizesFor(v)
	inset := sizes.inset(v.indent)
	v.width = max(0, size.Width-inset)
	s := v.imageSizeFor(v.width)
	r.img.Move(fyne.NewPos(inset, 0))
	r.img.Resize(s)
	if r.caption != nil {
		r.caption.Move(fyne.NewPos(inset, s.Height+sizes.pad))
		r.caption.Resize(r.caption.MinSize())
	}
}

func (r *imageRenderer) MinSize() fyne.Size {
	v := r.v
	w := v.width
	if w <= 0 {
		// Not laid out yet: assume the natural width, capped, so the
		// first layout is close.
		w = min(v.natural.Width, 640)
		if w <= 0 {
			w = 320
		}
	}
	sizes := sizesFor(v)
	h := v.imageSizeFor(w).Height
	if r.caption != nil {
		h += sizes.pad + r.caption.MinSize().Height
	}
	return fyne.NewSize(min(w, 32)+sizes.inset(v.indent), h)
}

// Refresh follows a theme change; the image itself is not read again.
func (r *imageRenderer) Refresh() {
	if r.caption != nil {
		r.caption.Color = theme.ColorForWidget(theme.ColorNamePlaceHolder, r.v)
		r.caption.TextSize = theme.SizeForWidget(theme.SizeNameCaptionText, r.v)
		r.caption.Refresh()
	}
	canvas.Refresh(r.v)
}

func (r *imageRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *imageRenderer) Destroy() {}
