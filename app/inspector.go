package app

import (
	"fmt"
	"hash/maphash"
	"math"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/board"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// prefInspectorHidden remembers that the user closed the inspector; it is
// shown by default, since scores, quotes and links are edited nowhere else.
const prefInspectorHidden = "inspector.hidden"

// inspectorWidth leaves a 1280 px projector about 970 px of board while
// keeping a card's text and an outcome statement readable in the panel.
const inspectorWidth = 310

// several is what a field shows when the selected cards disagree on it.
const several = "several values"

// inspector is the panel beside the board that edits what the board
// cannot show: the selected cards' fields, scores, quote and links, or,
// with nothing selected on a value proposition canvas, the fit. It reads
// the model whenever the document or the selection changes and sends
// every change through the document; it holds no card of its own.
//
// Its controls are rebuilt only when what they edit changes shape (another
// selection, another kind, other links): a drag then costs one comparison,
// and a field being typed in keeps its text and caret while other changes
// come in.
type inspector struct {
	doc       *Document
	current   func() *board.Widget // the board on show, or nil
	showError func(error)

	panel  *fyne.Container // what the window lays out; hidden when off
	scroll *container.Scroll

	board       *board.Widget // the board whose selection is followed
	unlistenSel func()
	unlistenDoc func()

	shape       string         // what the controls were built for
	scrolledFor string         // the selection the scroll offset belongs to
	card        *cardView      // the controls of the selected cards, or nil
	fit         *fitView       // the fit panel, or nil
	scaleSel    *widget.Select // the project's score scale, when shown
	scaleText   *widget.Label  // what that scale means
	updating    bool           // controls are being set from the model: no edits
	building    bool           // refresh under way (an edit it sends comes back)
	pending     []*textRow     // text fields with typing not committed yet
}

func newInspector(current func() *board.Widget, showError func(error)) *inspector {
	in := &inspector{current: current, showError: showError}
	in.scroll = container.NewVScroll(widget.NewLabel(""))
	in.panel = container.New(fixedWidth(inspectorWidth),
		container.NewBorder(nil, nil, widget.NewSeparator(), nil, in.scroll))
	return in
}

// setDocument follows doc from now on (nil: none).
func (in *inspector) setDocument(doc *Document) {
	in.flush()
	if in.unlistenDoc != nil {
		in.unlistenDoc()
		in.unlistenDoc = nil
	}
	in.doc = doc
	in.shape = ""
	if doc != nil {
		in.unlistenDoc = doc.OnChange(in.changed)
	}
	in.refresh()
}

// close stops following the document and the board, for a closed window.
func (in *inspector) close() {
	if in.unlistenDoc != nil {
		in.unlistenDoc()
		in.unlistenDoc = nil
	}
	in.follow(nil)
	in.doc = nil
}

// follow listens to the selection of b instead of the board before.
func (in *inspector) follow(b *board.Widget) {
	if b == in.board {
		return
	}
	if in.unlistenSel != nil {
		in.unlistenSel()
		in.unlistenSel = nil
	}
	in.board = b
	if b != nil {
		in.unlistenSel = b.OnSelectionChanged(in.refresh)
	}
}

// changed is the document's listener. A drag sends a move at every
// step; the fit panel then changes only when a card changed kind (a move
// into another zone), which a hash of the kinds tells without computing
// the fit again.
func (in *inspector) changed(ch Change) {
	if _, move := ch.Edit.(*canvas.MoveCards); move && in.panel.Visible() && !in.building {
		bd, cards := in.selection()
		switch {
		case bd == nil:
		case in.fit != nil && kindsHash(bd.Cards) == in.fit.kinds:
			return
		case in.card != nil && kindsHash(cards) == in.card.cardKinds && in.shapeOf(bd, cards) == in.shape:
			return // a move changes none of the fields, unless the kind
		}
	}
	in.refresh()
}

// refresh brings the panel up to date with the model and the selection.
func (in *inspector) refresh() {
	if in.building {
		return // an edit sent from here: the refresh under way shows it
	}
	in.building = true
	defer func() { in.building = false }()
	if in.doc == nil || !in.panel.Visible() {
		in.follow(in.currentBoard())
		return
	}
	b := in.currentBoard()
	in.follow(b)
	bd, cards := in.selection()
	shape := in.shapeOf(bd, cards)
	if shape != in.shape {
		in.flushPending()
		bd, cards = in.selection() // the flush may have changed the model
		shape = in.shapeOf(bd, cards)
		in.shape = shape
		in.build(bd, cards)
	}
	in.update(bd, cards)
}

func (in *inspector) currentBoard() *board.Widget {
	if in.current == nil {
		return nil
	}
	return in.current()
}

// selection is the board on show and its selected cards.
func (in *inspector) selection() (*canvas.Board, []*canvas.Card) {
	if in.board == nil || in.doc == nil {
		return nil, nil
	}
	bd := in.doc.Project.Board(in.board.BoardID())
	if bd == nil {
		return nil, nil
	}
	return bd, cardsOf(bd, in.board.Selection())
}

// cardsOf is the cards of bd with those ids, in the board's order, found
// in one pass: Board.Card searches the board for each, which a whole
// board selected turns into millions of steps at every drag event.
func cardsOf(bd *canvas.Board, ids []uuid.UUID) []*canvas.Card {
	if len(ids) == 0 {
		return nil
	}
	set := make(map[uuid.UUID]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	out := make([]*canvas.Card, 0, len(ids))
	for _, c := range bd.Cards {
		if set[c.ID] {
			out = append(out, c)
		}
	}
	return out
}

func idsOf(cards []*canvas.Card) []uuid.UUID {
	ids := make([]uuid.UUID, len(cards))
	for i, c := range cards {
		ids[i] = c.ID
	}
	return ids
}

// shapeOf says what controls the panel needs: for the selected cards their
// ids, their kinds and their links; with nothing selected, the board and
// what its fit panel lists.
func (in *inspector) shapeOf(bd *canvas.Board, cards []*canvas.Card) string {
	if bd == nil {
		return "none"
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s %s", bd.ID, bd.Template)
	if len(cards) == 0 {
		if bd.Template == canvas.TemplateValueProposition {
			sb.WriteString(fitShape(bd))
		}
		fmt.Fprintf(&sb, " scale %s", in.doc.Project.ScoreScale)
		return sb.String()
	}
	// The controls depend on which kinds there are, not on which card is
	// which: a drag of many cards over a zone's edge swaps kinds between
	// them at every step and needs no rebuild.
	var kinds []string
	for _, c := range cards {
		sb.Write(c.ID[:])
		if !slices.Contains(kinds, string(c.Kind)) {
			kinds = append(kinds, string(c.Kind))
		}
	}
	slices.Sort(kinds)
	fmt.Fprint(&sb, kinds)
	if ls := linksOf(bd, cards); len(ls) <= maxLinkRows {
		for _, l := range ls {
			fmt.Fprintf(&sb, " link %s-%s", l.From, l.To)
		}
	} else {
		fmt.Fprintf(&sb, " %d links", len(ls))
	}
	return sb.String()
}

// build makes the controls for the selection (or for none).
func (in *inspector) build(bd *canvas.Board, cards []*canvas.Card) {
	in.card, in.fit, in.scaleSel, in.scaleText = nil, nil, nil, nil
	var content fyne.CanvasObject
	switch {
	case bd == nil:
		content = hintLabel("Open a board to inspect its cards.")
	case len(cards) == 0 && bd.Template == canvas.TemplateValueProposition:
		in.fit = in.newFitView(bd)
		content = in.fit.box
	case len(cards) == 0:
		content = container.NewVBox(
			heading("Inspector"),
			hintLabel("Select a card to edit its text, kind, colour, tags, the customer's own words, its scores and its links. "+
				"On a value proposition canvas, with nothing selected, this panel shows the fit."),
			in.scaleRow(),
		)
	default:
		in.card = in.newCardView(bd, cards)
		content = in.card.box
	}
	in.scroll.Content = container.NewPadded(content)
	// Another selection starts at the top; the same one rebuilt (a link
	// removed, the fit changed) stays where the user scrolled to.
	key := fmt.Sprint(idsOf(cards))
	if bd != nil {
		key = bd.ID.String() + key
	}
	if key != in.scrolledFor {
		in.scrolledFor = key
		in.scroll.ScrollToTop()
	}
	in.scroll.Refresh()
}

// update sets every control from the model.
func (in *inspector) update(bd *canvas.Board, cards []*canvas.Card) {
	in.updating = true
	defer func() { in.updating = false }()
	switch {
	case in.card != nil:
		in.card.update(bd, cards)
	case in.fit != nil:
		in.fit.update()
	}
	if in.scaleSel != nil {
		scale := in.doc.Project.ScoreScale
		setSelected(in.scaleSel, scaleName(scale))
		setLabel(in.scaleText, scale.Label())
	}
}

// flush commits what is being typed in the panel, before it is rebuilt or
// the document changes.
func (in *inspector) flush() {
	if in.building {
		return
	}
	in.building = true
	defer func() { in.building = false }()
	in.flushPending()
}

func (in *inspector) flushPending() {
	for _, r := range slices.Clone(in.pending) {
		r.commit()
	}
	in.pending = nil
}

// target is what a control edits: cards of a board of a document, fixed
// when the control is made, so that typing committed as the panel turns
// to another selection, board or project goes where it was typed.
type target struct {
	in    *inspector
	doc   *Document
	board uuid.UUID
	ids   []uuid.UUID
}

func (in *inspector) target(bd *canvas.Board, ids []uuid.UUID) target {
	t := target{in: in, doc: in.doc, ids: ids}
	if bd != nil {
		t.board = bd.ID
	}
	return t
}

// change sends one edit changing the cards by fn, one undo step.
func (t target) change(label string, fn func(*canvas.Card)) {
	e, err := canvas.ChangeCards(t.doc.Project, t.board, t.ids, label, fn)
	if err != nil {
		t.in.showError(err)
		return
	}
	t.do(e)
}

// do sends an edit other than a card's change.
func (t target) do(e canvas.Edit) {
	if err := t.doc.Do(e); err != nil {
		t.in.showError(err)
	}
}

// setVisible shows or hides the panel; a shown panel catches up at once.
func (in *inspector) setVisible(on bool) {
	if on == in.panel.Visible() {
		return
	}
	if !on {
		in.flush()
		in.panel.Hide()
		return
	}
	in.panel.Show()
	in.shape = ""
	in.refresh()
}

var kindsSeed = maphash.MakeSeed()

// kindsHash sums up the kinds of the cards in their order.
func kindsHash(cards []*canvas.Card) uint64 {
	var h maphash.Hash
	h.SetSeed(kindsSeed)
	for _, c := range cards {
		h.WriteString(string(c.Kind))
		h.WriteByte(0)
	}
	return h.Sum64()
}

// The window's side of the inspector.

func (w *Window) inspectorOn() bool { return !w.App.Preferences().Bool(prefInspectorHidden) }

// SetInspector shows or hides the inspector and remembers it.
func (w *Window) SetInspector(on bool) {
	w.App.Preferences().SetBool(prefInspectorHidden, !on)
	w.insp.setVisible(on)
	w.Window.Content().Refresh() // hiding alone leaves the panel's place empty
	w.refreshMenu()
}

// textTakes reports whether the focused text field takes the editing
// shortcut sh itself rather than the board: an entry does; a field of the
// inspector does, except undo and redo while nothing is typed in it, which
// undo the last edit as they would on the board (the field just sent it).
func (w *Window) textTakes(focused fyne.Focusable, sh fyne.Shortcut) bool {
	if _, ok := focused.(*widget.Entry); ok {
		return true
	}
	r := w.insp.rowOf(focused)
	if r == nil {
		return false // the board's own editor: the board hands it on
	}
	switch sh.(type) {
	case *fyne.ShortcutUndo, *fyne.ShortcutRedo:
		return r.entry.Text != r.shown
	}
	return true
}

// rowOf is the inspector's text field that is o, or nil.
func (in *inspector) rowOf(o fyne.Focusable) *textRow {
	if in.card == nil {
		return nil
	}
	for _, r := range in.card.rows() {
		if r != nil && fyne.Focusable(r.entry) == o {
			return r
		}
	}
	return nil
}

// fixedWidth lays out its objects over all of its size and asks for that
// width: the inspector keeps one width whatever it shows.
type fixedWidth float32

func (l fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(l), h)
}

func (l fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

// Small builders of the panel's text.

func heading(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

func fieldLabel(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// hintLabel is explanatory text, in the foreground colour: the faint
// one washes out on a projector.
func hintLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// setLabel shows s in l, refreshing it only when that changes it: the
// panel is updated after every edit, most of which leave it as it is.
func setLabel(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}

// setSelected chooses s in sel without telling its OnChanged when it is
// already chosen ("" clears the choice).
func setSelected(sel *widget.Select, s string) {
	if sel.Selected == s {
		return
	}
	if s == "" {
		sel.ClearSelected()
		return
	}
	sel.SetSelected(s)
}

// formatScore writes a score as people type it: 7, 7.5.
func formatScore(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// parseScore reads a 0–10 score; "" is not scored (nil).
func parseScore(s string) (*float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || math.IsNaN(v) { // NaN would pass the range check
		return nil, fmt.Errorf("%q is not a number: type a score from 0 to 10, or nothing", s)
	}
	if v < 0 || v > 10 {
		return nil, fmt.Errorf("%s is outside 0–10", formatScore(v))
	}
	return &v, nil
}
