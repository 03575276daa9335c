package render

import (
	"fmt"
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// BalanceView draws a template's balance bar (the forces of progress: push
// and pull against anxiety and habit): a bar per side as long as its
// total, the totals, and which way the balance leans. Its objects are
// built once per template and palette; a change of the cards only resizes
// the bars and rewrites the texts, and only when a total changed.
type BalanceView struct {
	bal     *canvas.BalanceBar // what the objects were built for; nil: none
	built   bool
	shown   [2]int // the totals drawn, towards then against
	items   []tplItem
	objects []fyne.CanvasObject

	track   canvas.Rect // the full length of a bar, on the first row
	rowStep float64     // from the first row down to the second
	bars    [2]int      // indexes in items of the bars
	totals  [2]int      // of the totals
	verdict int         // of the line that says which way it leans
}

// Lengths and sizes of the balance's parts, in board units.
const (
	balancePad       = 24
	balanceHead      = 86  // the verdict line's band, above the bars
	balanceRowH      = 72  // a bar's row
	balanceRowGap    = 24  // between the two rows
	balanceLabelW    = 660 // the side's label, left of its bar
	balanceTotalW    = 110 // the total, right of the longest bar
	balanceLabelSize = 24  // a side's label
	balanceTotalSize = 30
)

// Words the balance says; tests look for them.
const (
	LeansTowards = "Leans towards switching"
	LeansAgainst = "Leans against switching"
	Balanced     = "Balanced"
	NoForces     = "No forces yet: add cards to weigh the switch"
	balanceNote  = "Each card weighs its strength 1–5; one not scored yet weighs 1"
)

// invalidate has the objects built again at the next Build (new colours).
func (v *BalanceView) invalidate() { v.built = false }

// Build makes the objects when the board's template or the palette
// changed; it reports whether the set of objects did.
func (v *BalanceView) Build(bd *canvas.Board, colors *Palette) bool {
	var bal *canvas.BalanceBar
	if bd != nil {
		bal = bd.TemplateOf().Balance
	}
	if v.built && bal == v.bal {
		return false
	}
	had := len(v.objects) > 0
	v.bal, v.built = bal, true
	v.items, v.objects = v.items[:0], nil
	v.shown = [2]int{-1, -1}
	if bal == nil {
		return had
	}
	r := bal.Rect
	muted := Opaque(colors.Background, colors.Foreground, 0.38)
	frame := fcanvas.NewRectangle(nil)
	frame.StrokeColor = muted
	v.add(tplItem{obj: frame, kind: tplRect, r: r, stroke: 2})

	bold := fyne.TextStyle{Bold: true}
	v.verdict = v.text("", canvas.Rect{X: r.X + balancePad, Y: r.Y + 20, W: r.W/2 - balancePad, H: ZoneLabelSize * 1.4},
		ZoneLabelSize, bold, fyne.TextAlignLeading, colors.Foreground)
	v.text(balanceNote, canvas.Rect{X: r.X + r.W/2, Y: r.Y + 26, W: r.W/2 - balancePad, H: ZoneQuestionSize * 1.4},
		ZoneQuestionSize, fyne.TextStyle{Italic: true}, fyne.TextAlignTrailing, colors.Muted)

	v.track = canvas.Rect{X: r.X + balancePad + balanceLabelW, Y: r.Y + balanceHead,
		W: r.W - 2*balancePad - balanceLabelW - balanceTotalW, H: balanceRowH}
	v.rowStep = balanceRowH + balanceRowGap
	sides := [2]struct {
		label string
		kinds []canvas.Kind
	}{{bal.TowardsLabel, bal.Towards}, {bal.AgainstLabel, bal.Against}}
	for i, s := range sides {
		y := v.track.Y + float64(i)*v.rowStep
		v.text(s.label, canvas.Rect{X: r.X + balancePad, Y: y + (balanceRowH-balanceLabelSize*1.4)/2, W: balanceLabelW - 20, H: balanceLabelSize * 1.4},
			balanceLabelSize, bold, fyne.TextAlignLeading, colors.Foreground)
		well := fcanvas.NewRectangle(Opaque(colors.Background, colors.Foreground, 0.06))
		v.add(tplItem{obj: well, kind: tplRect, r: canvas.Rect{X: v.track.X, Y: y, W: v.track.W, H: balanceRowH}})
		// A side's bar has the colour of its first kind, as its cards do.
		bar := fcanvas.NewRectangle(ParseHex(s.kinds[0].DefaultColor()))
		bar.StrokeColor = muted
		v.bars[i] = len(v.items)
		v.add(tplItem{obj: bar, kind: tplRect, r: canvas.Rect{X: v.track.X, Y: y, W: 1, H: balanceRowH}, stroke: 2})
		v.totals[i] = v.text("", canvas.Rect{X: v.track.X + 16, Y: y + (balanceRowH-balanceTotalSize*1.4)/2, W: balanceTotalW, H: balanceTotalSize * 1.4},
			balanceTotalSize, bold, fyne.TextAlignLeading, colors.Foreground)
	}
	v.objects = make([]fyne.CanvasObject, len(v.items))
	for i, it := range v.items {
		v.objects[i] = it.obj
	}
	return true
}

func (v *BalanceView) add(it tplItem) { v.items = append(v.items, it) }

func (v *BalanceView) text(s string, r canvas.Rect, size float32, style fyne.TextStyle, align fyne.TextAlign, c color.Color) int {
	o := fcanvas.NewText(s, c)
	o.TextStyle, o.Alignment = style, align
	v.add(tplItem{obj: o, kind: tplText, r: r, size: size})
	return len(v.items) - 1
}

// Weighs reports whether cards of kind k count in the balance, so that a
// change of another card need not work it out again.
func (v *BalanceView) Weighs(k canvas.Kind) bool {
	if v.bal == nil {
		return false
	}
	for _, ks := range [][]canvas.Kind{v.bal.Towards, v.bal.Against} {
		for _, w := range ks {
			if w == k {
				return true
			}
		}
	}
	return false
}

// Update works the totals out from bd's cards and, when they changed,
// resizes the bars and rewrites the texts; it reports whether it did
// (Layout then places them).
func (v *BalanceView) Update(bd *canvas.Board) bool {
	if v.bal == nil || bd == nil {
		return false
	}
	towards, against, ok := canvas.Balance(bd)
	if !ok || [2]int{towards, against} == v.shown {
		return false
	}
	v.shown = [2]int{towards, against}
	most := max(towards, against, 1)
	for i, n := range v.shown {
		bar := &v.items[v.bars[i]]
		bar.r.W = v.track.W * float64(n) / float64(most)
		bar.obj.(*fcanvas.Rectangle).Hidden = n == 0
		tot := &v.items[v.totals[i]]
		tot.r.X = v.track.X + bar.r.W + 16
		v.setText(v.totals[i], strconv.Itoa(n))
	}
	v.setText(v.verdict, Verdict(towards, against))
	return true
}

func (v *BalanceView) setText(i int, s string) {
	o := v.items[i].obj.(*fcanvas.Text)
	if o.Text != s {
		o.Text = s
		o.Refresh()
	}
}

// Verdict is the line that says which way towards against against leans.
func Verdict(towards, against int) string {
	if towards == 0 && against == 0 {
		return NoForces
	}
	switch canvas.Lean(towards, against) {
	case canvas.LeansTowards:
		return fmt.Sprintf("%s (%d to %d)", LeansTowards, towards, against)
	case canvas.LeansAgainst:
		return fmt.Sprintf("%s (%d to %d)", LeansAgainst, against, towards)
	}
	return fmt.Sprintf("%s (%d each)", Balanced, towards)
}

// Layout places the objects for the board's view.
func (v *BalanceView) Layout(vp Viewport) { layoutItems(v.items, vp) }

// Objects are the balance's canvas objects, bottom to top.
func (v *BalanceView) Objects() []fyne.CanvasObject { return v.objects }

// Texts lists every line of text the balance draws.
func (v *BalanceView) Texts() []TemplateText { return itemTexts(v.items) }
