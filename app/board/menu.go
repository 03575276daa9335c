package board

import (
	"slices"

	"fyne.io/fyne/v2"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// menus makes the board's context menus and does what their items say.
type menus struct{ b *Widget }

func (b *Widget) menus() menus { return menus{b} }

// cardMenu is the context menu of the selected cards.
func (m menus) cardMenu(ids []uuid.UUID) *fyne.Menu {
	b := m.b
	bd := b.board()
	var items []*fyne.MenuItem
	if len(ids) == 1 {
		id := ids[0]
		items = append(items, fyne.NewMenuItem("Edit text", func() { b.editCard(id) }))
	}

	var colours []*fyne.MenuItem
	for _, c := range b.ColorChoices(ids) {
		hex := c.Hex
		colours = append(colours, fyne.NewMenuItem(c.Name, func() { m.setColor(ids, hex) }))
	}
	colour := fyne.NewMenuItem("Colour", nil)
	colour.ChildMenu = fyne.NewMenu("", colours...)

	var kinds []*fyne.MenuItem
	for _, k := range menuKinds(bd, ids) {
		it := fyne.NewMenuItem(k.Label(), func() { m.setKind(ids, k) })
		it.Checked = bd != nil && allKind(bd, ids, k)
		kinds = append(kinds, it)
	}
	kind := fyne.NewMenuItem("Kind", nil)
	kind.ChildMenu = fyne.NewMenu("", kinds...)

	items = append(items, colour, kind, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Duplicate", b.Duplicate),
		fyne.NewMenuItem("Bring to front", b.BringToFront),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(canvas.Plural(len(ids), "Delete card", "Delete cards"), b.DeleteSelection))
	return fyne.NewMenu("", items...)
}

// menuKinds are the kinds the Kind menu offers: those the board's template
// has a place for, and any the cards already are (a card pasted from
// another board keeps its kind until changed).
func menuKinds(bd *canvas.Board, ids []uuid.UUID) []canvas.Kind {
	if bd == nil {
		return canvas.Kinds
	}
	offered := bd.TemplateOf().Kinds()
	for _, id := range ids {
		if c := bd.Card(id); c != nil && !slices.Contains(offered, c.Kind) {
			offered = append(offered, c.Kind)
		}
	}
	return offered
}

func allKind(bd *canvas.Board, ids []uuid.UUID, k canvas.Kind) bool {
	for _, id := range ids {
		if c := bd.Card(id); c == nil || c.Kind != k {
			return false
		}
	}
	return len(ids) > 0
}

// changeCards changes each card with fn, as one undo step.
func (b *Widget) changeCards(ids []uuid.UUID, label string, fn func(*canvas.Card)) {
	if len(ids) == 0 {
		return
	}
	e, err := canvas.ChangeCards(b.doc.Project, b.boardID, ids, label, fn)
	if err != nil {
		b.report(err)
		return
	}
	b.do(e)
}

// setColor paints the cards; "" gives them back their kind's colour.
func (m menus) setColor(ids []uuid.UUID, hex string) {
	b := m.b
	b.changeCards(ids, "Set colour", func(c *canvas.Card) { c.Color = hex })
}

// setKind changes what the cards stand for, without moving them.
func (m menus) setKind(ids []uuid.UUID, k canvas.Kind) {
	b := m.b
	b.changeCards(ids, "Set kind", func(c *canvas.Card) { c.Kind = k })
}

// stepMenu is the context menu of a job map step's header.
func (m menus) stepMenu(step string) *fyne.Menu {
	b := m.b
	bd := b.board()
	at := -1
	n := 0
	if bd != nil {
		at, n = bd.StepIndex(step), len(bd.Steps)
	}
	left := fyne.NewMenuItem("Move left", func() { m.moveStep(step, at-1) })
	left.Disabled = at <= 0
	right := fyne.NewMenuItem("Move right", func() { m.moveStep(step, at+1) })
	right.Disabled = at < 0 || at >= n-1
	del := fyne.NewMenuItem("Delete step", func() { m.deleteStep(step) })
	del.Disabled = n <= 1
	return fyne.NewMenu("",
		fyne.NewMenuItem("Rename step", func() { b.renameStep(step) }),
		fyne.NewMenuItem("Edit description…", func() { m.editStepDescription(step) }),
		m.sortItem(step),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Add step before", func() { m.addStep(at) }),
		fyne.NewMenuItem("Add step after", func() { m.addStep(at + 1) }),
		fyne.NewMenuItemSeparator(), left, right,
		fyne.NewMenuItemSeparator(), del)
}

// boardMenu is the context menu of the board's empty space at p.
func (m menus) boardMenu(p canvas.Point) *fyne.Menu {
	b := m.b
	paste := fyne.NewMenuItem("Paste", b.Paste)
	paste.Disabled = b.clip.Empty() && systemText() == ""
	items := []*fyne.MenuItem{
		fyne.NewMenuItem("New card here", func() { b.startNewCard(p) }),
		paste,
	}
	if bd := b.board(); bd != nil {
		if z, ok := bd.ZoneAt(p); ok {
			items = append(items, m.sortItem(z.ID))
		}
		if offersClusters(bd) {
			items = append(items, fyne.NewMenuItem("Add cluster", func() { b.AddCluster(p) }))
		}
	}
	return fyne.NewMenu("", append(items,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Select all", b.SelectAll),
		fyne.NewMenuItem("Zoom to fit", b.ZoomFit),
		fyne.NewMenuItem("Zoom 100 %", b.Zoom100),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Rename board…", b.RenameBoard))...)
}

func systemText() string {
	if cb := systemClipboard(); cb != nil {
		return cb.Content()
	}
	return ""
}
