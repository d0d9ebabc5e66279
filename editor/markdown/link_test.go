package markdown

import (
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestLinkDestinationWithSpacesAndTitle(t *testing.T) {
	doc, _ := parse(t, "![shot](/img/Screenshot from 2023.png \"A title\")\n")
	imgs := find(doc, ast.KindImage)
	if len(imgs) != 1 {
		t.Fatalf("got %d images", len(imgs))
	}
	img := imgs[0].(*ast.Image)
	if string(img.Destination) != "/img/Screenshot from 2023.png" || string(img.Title) != "A title" {
		t.Errorf("destination %q title %q", img.Destination, img.Title)
	}
}

func TestUnbalancedParenIsText(t *testing.T) {
	if got := render(t, "[a](b (c)\n"); got != "<p>[a](b (c)</p>\n" {
		t.Errorf("got %q", got)
	}
}

func TestImageInsideLink(t *testing.T) {
	doc, _ := parse(t, "[![badge](b.svg)](https://x.org)\n")
	links := find(doc, ast.KindLink)
	if len(links) != 1 || links[0].FirstChild().Kind() != ast.KindImage {
		t.Errorf("want a link around an image")
	}
}
