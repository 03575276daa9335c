package render

import (
	"bytes"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
	"github.com/go-text/typesetting/language"
)

// The faces a style's text is drawn in, in the order Fyne's painter tries
// them (internal/painter/font.go, CachedFontFace and dynamicFontMap): the
// theme's font for the style, Fyne's own for it, the emoji and symbol fonts,
// then the system's font for the locale and, per rune, any system font that
// has it. Fyne looks the system font for the locale up when it makes the
// list; here it is looked up when a rune first needs it, which picks the
// same face since it comes after all the bundled ones.
//
// Fyne's list is not safe to use from two goroutines (it grows as runes are
// resolved, and go-text faces cache as they are read): a faceMap is only used
// under TextPainter.shapeMu.
type faceMap struct {
	faces   []*font.Face
	family  string
	aspect  font.Aspect
	local   bool // the locale's system font has been looked up
	noLocal bool // symbols and custom fonts: no font for the locale
}

// ResolveFace implements shaping.Fontmap.
func (m *faceMap) ResolveFace(r rune) *font.Face {
	for _, f := range m.faces {
		if _, ok := f.NominalGlyph(r); ok {
			return f
		}
	}
	if !m.local && !m.noLocal {
		m.local = true
		if f := systemFonts.langFace(m.family, m.aspect); f != nil {
			m.faces = append(m.faces, f)
			if _, ok := f.NominalGlyph(r); ok {
				return f
			}
		}
	}
	// Fyne asks the system for any rune its faces lack, whatever the
	// style, with an empty aspect.
	if f := systemFonts.runeFace(r, m.family); f != nil {
		m.faces = append(m.faces, f)
		return f
	}
	return m.faces[0]
}

// parsedFonts parses each font resource once for all styles, so glyphs of
// the same font share cache entries.
type parsedFonts map[fyne.Resource]*font.Face

func (p parsedFonts) load(r fyne.Resource) *font.Face {
	if r == nil {
		return nil
	}
	if f, ok := p[r]; ok {
		return f
	}
	f, err := font.ParseTTF(bytes.NewReader(r.Content()))
	if err != nil {
		fyne.LogError("font load error", err)
		f = nil
	}
	p[r] = f
	return f
}

// customFaceMap is the face list of a text with its own FontSource: that
// font alone (the theme's text font if it does not parse), then whatever
// system font has a rune, as Fyne's CachedFontFace does.
func customFaceMap(th fyne.Theme, src fyne.Resource, parsed parsedFonts) *faceMap {
	f := parsed.load(src)
	if f == nil {
		f = parsed.load(th.Font(fyne.TextStyle{}))
	}
	return &faceMap{faces: []*font.Face{f}, family: src.Name(), noLocal: true}
}

// newFaceMap builds the face list for style in th's fonts, as Fyne's
// CachedFontFace does for text without a FontSource.
func newFaceMap(th fyne.Theme, style fyne.TextStyle, parsed parsedFonts) *faceMap {
	m := &faceMap{family: fontscan.SansSerif}
	add := func(r fyne.Resource) {
		if f := parsed.load(r); f != nil {
			m.faces = append(m.faces, f)
		}
	}
	if style.Symbol {
		m.noLocal = true
		first := th.Font(fyne.TextStyle{Symbol: true})
		add(first)
		if first != theme.DefaultSymbolFont() {
			add(theme.DefaultSymbolFont())
		}
		if len(m.faces) == 0 {
			add(theme.DefaultTextFont())
		}
		return m
	}
	var fallback fyne.Resource
	switch {
	case style.Monospace:
		m.family = fontscan.Monospace
		fallback = theme.DefaultTextMonospaceFont()
	case style.Bold && style.Italic:
		fallback = theme.DefaultTextBoldItalicFont()
	case style.Bold:
		fallback = theme.DefaultTextBoldFont()
	case style.Italic:
		fallback = theme.DefaultTextItalicFont()
	default:
		fallback = theme.DefaultTextFont()
	}
	first := th.Font(style)
	add(first)
	if first != fallback {
		add(fallback)
	}
	if emoji := theme.DefaultEmojiFont(); emoji != nil {
		add(emoji)
	}
	add(theme.DefaultSymbolFont())
	if len(m.faces) == 0 {
		add(theme.DefaultTextFont())
	}
	m.aspect = font.Aspect{Style: font.StyleNormal}
	if style.Italic {
		m.aspect.Style = font.StyleItalic
	}
	if style.Bold {
		m.aspect.Weight = font.WeightBold
	}
	return m
}

// systemFonts is the system's font index, loaded the first time a rune is
// in none of the bundled fonts (it reads every installed font's header, or
// a cache of them). Like Fyne's, it is one for the process.
var systemFonts = &sysFonts{}

type sysFonts struct {
	mu     sync.Mutex
	loaded bool
	fm     *fontscan.FontMap
}

func (s *sysFonts) load() *fontscan.FontMap {
	if !s.loaded {
		s.loaded = true
		s.fm = fontscan.NewFontMap(noLog{})
		if err := s.fm.UseSystemFonts(""); err != nil {
			s.fm = nil
		}
	}
	return s.fm
}

func (s *sysFonts) langFace(family string, aspect font.Aspect) *font.Face {
	s.mu.Lock()
	defer s.mu.Unlock()
	fm := s.load()
	if fm == nil {
		return nil
	}
	fm.SetQuery(fontscan.Query{Families: []string{family}, Aspect: aspect})
	l, _ := language.NewLangID(language.NewLanguage(lang.SystemLocale().LanguageString()))
	return fm.ResolveFaceForLang(l)
}

func (s *sysFonts) runeFace(r rune, family string) *font.Face {
	s.mu.Lock()
	defer s.mu.Unlock()
	fm := s.load()
	if fm == nil {
		return nil
	}
	fm.SetQuery(fontscan.Query{Families: []string{family}, Aspect: font.Aspect{}})
	fm.SetScript(language.LookupScript(r))
	return fm.ResolveFace(r)
}

type noLog struct{}

func (noLog) Printf(string, ...any) {}
