"""Builds assets/fonts/JobcanvasScripts-Regular.otf; run through scripts/fonts.

The font is what Fyne's own Noto Sans lacks for the scripts workshops write
in: Thai, Devanagari and Korean Hangul, cut from Noto fonts and merged into
one OpenType (CFF) file, because a Fyne theme gives one font per text style
and Fyne falls back from it to its own Noto Sans for everything else.

Usage: fonts.py NOTO_SANS THAI DEVANAGARI CJK_TTC OUT

NOTO_SANS is Fyne's NotoSans-Regular.ttf: every character it has is left out
(its glyphs stay the ones drawn), and its vertical metrics and space width
are copied, so a line mixing scripts sits on one baseline and Latin text
measures and wraps exactly as before.
"""

import io
import os
import sys

from fontTools import subset
from fontTools.fontBuilder import FontBuilder
from fontTools.merge import Merger
from fontTools.misc.timeTools import timestampFromString
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

FAMILY = "Jobcanvas Scripts"

# Kept even though Noto Sans has them: spaces, so a run in this font never
# shapes a space as a missing glyph (the shaper keeps spaces in the run
# around them); ZWNJ/ZWJ, which pick conjunct forms inside a Devanagari
# cluster; and the dotted circle the shaper puts under a stray mark.
SHAPING = {0x0020, 0x00A0, 0x200C, 0x200D, 0x25CC}

THAI = list(range(0x0E01, 0x0E5C))
DEVANAGARI = (
    list(range(0x0900, 0x0980))  # Devanagari
    + list(range(0xA8E0, 0xA900))  # Devanagari Extended
    + list(range(0x1CD0, 0x1D00))  # Vedic Extensions
    + [0x20B9]  # rupee sign
)
HANGUL = (
    list(range(0xAC00, 0xD7A4))  # the 11,172 modern syllables
    + list(range(0x1100, 0x1200))  # Jamo
    + list(range(0x3130, 0x3190))  # compatibility Jamo (ㄱ ㅏ …)
    + list(range(0x3000, 0x3040))  # CJK symbols and punctuation (「」、。)
)


def cut(font, unicodes, latin, features=("*",)):
    """Subsets font to unicodes Noto Sans lacks, with no hinting (Fyne
    draws unhinted) and the layout features named: all of them for Thai and
    Devanagari, which need them to shape."""
    keep = sorted(u for u in set(unicodes) | SHAPING if u in SHAPING or u not in latin)
    opts = subset.Options()
    opts.layout_features = list(features)
    opts.hinting = False
    opts.name_IDs = []
    opts.notdef_outline = True
    opts.drop_tables += ["DSIG", "vhea", "vmtx", "VORG", "BASE"]
    s = subset.Subsetter(opts)
    s.populate(unicodes=keep)
    s.subset(font)
    return font


def to_truetype(font, max_err=1.0):
    """Converts cubic (CFF) outlines to quadratic glyf ones, max_err font
    units off (0.1 % of the em): the merge needs one outline format."""
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = {}
    for name in glyf.glyphOrder:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf[name] = pen.glyph()
    del font["CFF "]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements", "maxPoints", "maxContours",
                 "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.numGlyphs = len(glyf.glyphOrder)
    font["maxp"] = maxp
    font["post"].formatType = 3.0  # no glyph names: smaller
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"
    return font


def match(font, ref):
    """Gives font ref's vertical metrics and space width."""
    for table, attrs in (("hhea", ("ascent", "descent", "lineGap")),
                         ("OS/2", ("sTypoAscender", "sTypoDescender", "sTypoLineGap",
                                   "usWinAscent", "usWinDescent"))):
        for a in attrs:
            setattr(font[table], a, getattr(ref[table], a))
    ref_space = ref["hmtx"][ref.getBestCmap()[0x20]]
    cmap = font.getBestCmap()
    for u in (0x20, 0xA0):
        name = cmap[u]
        font["hmtx"][name] = (ref_space[0], font["hmtx"][name][1])
    return font


def to_cff(font, cubic):
    """Gives font CFF outlines instead of glyf ones: Fyne's font parser
    decodes every glyf glyph when it loads a font, which it does for each
    theme override that draws text (13 ms and 8 MB kept for this font, 1.3
    ms and 2.6 MB as CFF). Glyphs named in cubic are drawn from there (the
    Hangul, as Noto drew them); the others' quadratic curves become cubic
    ones exactly."""
    quadratic = font.getGlyphSet()
    charstrings = {}
    for name in font.getGlyphOrder():
        src = cubic if name.startswith("cid") and name in cubic else quadratic
        pen = T2CharStringPen(font["hmtx"][name][0], src)
        src[name].draw(pen)
        charstrings[name] = pen.getCharString()
    for table in ("glyf", "loca", "gasp", "cvt ", "fpgm", "prep"):
        if table in font:
            del font[table]
    fb = FontBuilder(font=font)
    fb.setupCFF("JobcanvasScripts-Regular", {"FullName": FAMILY + " Regular",
                "FamilyName": FAMILY, "Weight": "Regular"}, charstrings, {})
    fb.setupMaxp()
    font["post"].formatType = 3.0
    return font


def kr_index(path):
    for i, f in enumerate(TTCollection(path).fonts):
        if f["name"].getDebugName(1) == "Noto Sans CJK KR":
            return i
    sys.exit(f"fonts.py: no Noto Sans CJK KR in {path}")


def main(noto_sans, thai, devanagari, cjk, out):
    ref = TTFont(noto_sans)
    latin = set(ref.getBestCmap())
    # No features for Hangul: the shaper composes modern jamo into the
    # syllables itself, and the features (old Hangul, vertical text,
    # alternates) would add 1,900 glyphs and 270 KB.
    hangul = cut(TTFont(cjk, fontNumber=kr_index(cjk)), HANGUL, latin, features=())
    buf = io.BytesIO()
    hangul.save(buf)
    # The merge needs one outline format, and CID-keyed CFF fonts (CJK
    # ones) cannot be merged: merge as TrueType, then go back to CFF.
    parts = [
        cut(TTFont(thai), THAI, latin),
        cut(TTFont(devanagari), DEVANAGARI, latin),
        to_truetype(TTFont(io.BytesIO(buf.getvalue()))),
    ]
    paths = []
    for i, f in enumerate(parts):
        match(f, ref)
        paths.append(f"{out}.part{i}.ttf")
        f.save(paths[-1])
    merged = Merger().merge(paths)
    for p in paths:
        os.remove(p)
    match(merged, ref)  # the merge takes the largest ascent of the parts
    to_cff(merged, TTFont(io.BytesIO(buf.getvalue())).getGlyphSet())

    name = merged["name"]
    name.names = []
    name.setName(FAMILY, 1, 3, 1, 0x409)
    name.setName("Regular", 2, 3, 1, 0x409)
    name.setName(FAMILY + " Regular", 3, 3, 1, 0x409)
    name.setName(FAMILY + " Regular", 4, 3, 1, 0x409)
    name.setName("Version 1.0", 5, 3, 1, 0x409)
    name.setName("JobcanvasScripts-Regular", 6, 3, 1, 0x409)
    name.setName("Copyright 2015-2016 Google Inc.; © 2014-2021 Adobe. "
                 "Cut from Noto Sans Thai, Noto Sans Devanagari and Noto Sans CJK KR.", 0, 3, 1, 0x409)
    name.setName("This Font Software is licensed under the SIL Open Font License, Version 1.1.", 13, 3, 1, 0x409)
    name.setName("https://openfontlicense.org", 14, 3, 1, 0x409)
    merged["head"].fontRevision = 1.0
    # A fixed date, so a rebuild from the same sources gives the same bytes.
    merged["head"].created = merged["head"].modified = timestampFromString("Tue Dec  1 00:00:00 2026")
    merged.recalcTimestamp = False
    merged.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    main(*sys.argv[1:])
