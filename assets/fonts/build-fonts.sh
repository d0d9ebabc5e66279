#!/bin/sh
# build-fonts.sh regenerates the bundled fonts in this folder from Debian's
# fonts-nanum package (NanumGothic and NanumGothicCoding, SIL OFL 1.1).
#
# It is not part of the Go build: the outputs are committed. Rerun it only to
# change the character set. Needs pyftsubset and python3-fonttools (Debian
# package fonttools; set PYTHON if python3 on PATH lacks fontTools) and the
# unpacked fonts, e.g.:
#
#   apt-get download fonts-nanum && dpkg-deb -x fonts-nanum_*.deb /tmp/nanum
#   sh assets/fonts/build-fonts.sh /tmp/nanum/usr/share/fonts/truetype/nanum
#
# Unpacking the .deb instead of installing it keeps Korean fonts off the
# system, so a missing glyph in the bundle cannot be hidden by fontconfig.
set -eu

src=${1:-/usr/share/fonts/truetype/nanum}
out=$(dirname "$0")

# Text a Korean blog post uses: Latin and Latin-1, Hangul Jamo, general
# punctuation, currency, letterlike symbols, arrows, math operators, circled
# numbers, geometric shapes (※ ■ ○ are common in Korean prose), CJK symbols
# and punctuation, compatibility Jamo, enclosed CJK (㈜), all 11,172 Hangul
# syllables and fullwidth forms. Hanja are left out: they are most of the
# original file's size and rare in the posts this app is for.
unicodes=U+0020-007E,U+00A0-00FF,U+1100-11FF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+2460-24FF,U+25A0-25FF,U+3000-303F,U+3130-318F,U+3200-32FF,U+AC00-D7A3,U+FF00-FFEF

subset() { # subset <source file> <output file> <family> <style>
	# --no-hinting: Fyne's rasteriser ignores TrueType instructions, so they
	# are dead weight (TSI* are the hinting tool's source tables).
	pyftsubset "$src/$1" \
		--unicodes="$unicodes" \
		--layout-features='*' \
		--no-hinting \
		--drop-tables+=TSI0,TSI1,TSI2,TSI3,TSI5 \
		--no-glyph-names \
		--output-file="$out/$2"
	# The OFL reserves the name "Nanum" for unmodified fonts, and a subset is
	# a Modified Version, so the family is renamed; the copyright stays.
	"${PYTHON:-python3}" - "$out/$2" "$3" "$4" "$1" <<'PY'
import sys
from fontTools.ttLib import TTFont

path, family, style, origin = sys.argv[1:]
font = TTFont(path)
name = font["name"]
full = family if style == "Regular" else family + " " + style
ps = family.replace(" ", "") + "-" + style
# Drop every record that carries the reserved name, in every language.
for nid in (1, 2, 3, 4, 6, 7, 10, 16, 17):
    name.removeNames(nameID=nid)
values = {
    1: family,
    2: style,
    3: ps + ";postdesk-subset",
    4: full,
    6: ps,
    10: "Subset of " + origin + " (Debian fonts-nanum 20200506-1), renamed "
        "as the SIL Open Font License requires for modified versions.",
    13: "This Font Software is licensed under the SIL Open Font License, Version 1.1.",
    14: "https://openfontlicense.org",
}
for nid, text in values.items():
    name.removeNames(nameID=nid)
    name.setName(text, nid, 3, 1, 0x409)
font.save(path)
PY
}

# leading <font file>: NanumGothicCoding's lines are exactly one em high
# (ascent 800, descent 200), and its Hangul fills nearly all of it, so
# lines of Korean in the editor and in code blocks touched each other.
# Give the coding faces NanumGothic's line height, 1.15 em (920 + 230),
# in every table a renderer may read it from.
leading() {
	"${PYTHON:-python3}" - "$out/$1" <<'PY'
import sys
from fontTools.ttLib import TTFont

font = TTFont(sys.argv[1])
hhea, os2 = font["hhea"], font["OS/2"]
hhea.ascent, hhea.descent, hhea.lineGap = 920, -230, 0
os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap = 920, -230, 0
os2.usWinAscent, os2.usWinDescent = 920, 230
font.save(sys.argv[1])
PY
}

subset NanumGothic.ttf PostdeskGothic-Regular.ttf "Postdesk Gothic" Regular
subset NanumGothicBold.ttf PostdeskGothic-Bold.ttf "Postdesk Gothic" Bold
subset NanumGothicCoding.ttf PostdeskGothicCoding-Regular.ttf "Postdesk Gothic Coding" Regular
subset NanumGothicCodingBold.ttf PostdeskGothicCoding-Bold.ttf "Postdesk Gothic Coding" Bold
leading PostdeskGothicCoding-Regular.ttf
leading PostdeskGothicCoding-Bold.ttf
