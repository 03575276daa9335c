package render

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
)

// Text on the board is wrapped and fitted in board units, at zoom 1. Text
// width grows linearly with its size, so the result holds at every zoom:
// the renderer only multiplies sizes and positions by the zoom, and a card
// is re-wrapped only when its text or size changes, never when zooming.

// measureRef is the size words are measured at; other sizes scale from it.
const measureRef = 20

// wrapSafety keeps a little room at the line end, for rounding and hinting
// at sizes other than the one measured.
const wrapSafety = 0.96

// TextBlock is text wrapped to fit a box: its lines and the size to draw
// them at, both in board units.
type TextBlock struct {
	Lines    []string
	Size     float32 // text size
	LineH    float32 // distance between baselines
	Overflow bool    // the text was cut to fit, ending in "…"
}

// LineHeightRatio is a line's height for a text size of 1.
func LineHeightRatio(style fyne.TextStyle) float32 {
	return fyne.MeasureText("Ag", measureRef, style).Height / measureRef
}

// measurer measures words at measureRef, caching each word once per fit.
type measurer struct {
	style fyne.TextStyle
	cache map[string]float32
	space float32
}

func newMeasurer(style fyne.TextStyle) *measurer {
	m := &measurer{style: style, cache: map[string]float32{}}
	m.space = fyne.MeasureText(" ", measureRef, style).Width
	return m
}

func (m *measurer) width(s string) float32 {
	if w, ok := m.cache[s]; ok {
		return w
	}
	w := fyne.MeasureText(s, measureRef, m.style).Width
	m.cache[s] = w
	return w
}

// wrap breaks text into lines no wider than width (in measureRef units).
// Explicit newlines are kept; a word longer than a line is split between
// characters.
func (m *measurer) wrap(text string, width float32) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		words := strings.FieldsFunc(para, unicode.IsSpace)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		var line string
		var lineW float32
		for _, w := range words {
			ww := m.width(w)
			switch {
			case line == "" && ww <= width:
				line, lineW = w, ww
			case line != "" && lineW+m.space+ww <= width:
				line += " " + w
				lineW += m.space + ww
			default:
				if line != "" {
					lines = append(lines, line)
					line, lineW = "", 0
				}
				if ww <= width {
					line, lineW = w, ww
					continue
				}
				// A word wider than the line: split it by characters.
				parts := m.splitWord(w, width)
				lines = append(lines, parts[:len(parts)-1]...)
				line = parts[len(parts)-1]
				lineW = m.width(line)
			}
		}
		lines = append(lines, line)
	}
	return lines
}

func (m *measurer) splitWord(w string, width float32) []string {
	var parts []string
	runes := []rune(w)
	start := 0
	for start < len(runes) {
		end := start + 1
		for end < len(runes) && fyne.MeasureText(string(runes[start:end+1]), measureRef, m.style).Width <= width {
			end++
		}
		parts = append(parts, string(runes[start:end]))
		start = end
	}
	return parts
}

// FitText wraps text into a w×h box, at the largest size from maxSize down
// to minSize at which it fits. When it does not fit even at minSize, the
// lines that fit are kept and the last one ends in "…".
func FitText(text string, w, h, maxSize, minSize float32, style fyne.TextStyle) TextBlock {
	text = strings.TrimRight(text, " \n\t")
	if text == "" || w <= 0 || h <= 0 {
		return TextBlock{Size: maxSize, LineH: maxSize * CardLineSpacing}
	}
	m := newMeasurer(style)
	ratio := LineHeightRatio(style)
	for size := maxSize; size >= minSize; size-- {
		lineH := size * ratio
		lines := m.wrap(text, w*wrapSafety*measureRef/size)
		if float32(len(lines))*lineH <= h {
			return TextBlock{Lines: lines, Size: size, LineH: lineH}
		}
	}
	size := minSize
	lineH := size * ratio
	lines := m.wrap(text, w*wrapSafety*measureRef/size)
	n := max(int(h/lineH), 1)
	if n >= len(lines) {
		return TextBlock{Lines: lines, Size: size, LineH: lineH}
	}
	lines = lines[:n]
	last := []rune(lines[n-1])
	limit := w * wrapSafety * measureRef / size
	for len(last) > 0 && m.width(string(last)+"…") > limit {
		last = last[:len(last)-1]
	}
	lines[n-1] = strings.TrimRight(string(last), " ") + "…"
	return TextBlock{Lines: lines, Size: size, LineH: lineH, Overflow: true}
}

// SetTextSize changes a text's size, refreshing its texture only when the
// size really changed.
func SetTextSize(t *fcanvas.Text, s float32) {
	if t.TextSize != s {
		t.TextSize = s
		t.Refresh()
	}
}
