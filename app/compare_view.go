package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// maxDiffLines caps the cards listed per board and per kind of change: the
// counts say the rest.
const maxDiffLines = 25

// diffLines describes d for people, board by board: the summary first, then
// "+ card" only in the new version, "− card" only in the old one, "~ card —
// what changed". newName and oldName say what the versions are ("the
// recovered version", "the file").
func diffLines(d *canvas.Diff, newName, oldName string) (summary string, boards [][]string) {
	added, removed, changed := d.Counts()
	if d.Empty() {
		return "No differences: both hold the same boards and cards.", nil
	}
	var parts []string
	if added > 0 {
		parts = append(parts, count(added, "card")+" only in "+newName)
	}
	if removed > 0 {
		parts = append(parts, count(removed, "card")+" only in "+oldName)
	}
	if changed > 0 {
		parts = append(parts, count(changed, "card")+" different")
	}
	summary = strings.Join(parts, ", ") + "."
	if len(parts) == 0 {
		summary = "The same cards; other things differ."
	}
	if d.OldName != d.NewName {
		summary += fmt.Sprintf("\nProject name: %q in %s, %q in %s.", d.NewName, newName, d.OldName, oldName)
	}
	for _, b := range d.Boards {
		title := b.Title
		switch {
		case b.Added:
			title += " (board only in " + newName + ")"
		case b.Removed:
			title += " (board only in " + oldName + ")"
		case b.OldTitle != b.Title:
			title += fmt.Sprintf(" (was %q)", b.OldTitle)
		}
		lines := []string{title}
		lines = appendCards(lines, "+ ", b.AddedCards, nil)
		lines = appendCards(lines, "− ", b.RemovedCards, nil)
		var changedCards []*canvas.Card
		for _, c := range b.Changed {
			changedCards = append(changedCards, c.New)
		}
		lines = appendCards(lines, "~ ", changedCards, func(i int) string {
			return " — " + strings.Join(b.Changed[i].What, ", ")
		})
		if b.LinksAdded+b.LinksRemoved > 0 && !b.Added && !b.Removed {
			lines = append(lines, fmt.Sprintf("  links: %d only in %s, %d only in %s", b.LinksAdded, newName, b.LinksRemoved, oldName))
		}
		if b.StepsChanged {
			lines = append(lines, "  the job map's steps differ")
		}
		boards = append(boards, lines)
	}
	return summary, boards
}

func appendCards(lines []string, mark string, cards []*canvas.Card, detail func(int) string) []string {
	for i, c := range cards {
		if i == maxDiffLines {
			return append(lines, fmt.Sprintf("  … and %d more", len(cards)-i))
		}
		line := mark + cardLabel(c)
		if detail != nil {
			line += detail(i)
		}
		lines = append(lines, line)
	}
	return lines
}

// cardLabel names a card in one short line: its text's first line and
// its kind.
func cardLabel(c *canvas.Card) string {
	text, _, _ := strings.Cut(strings.TrimSpace(c.Text), "\n")
	if r := []rune(text); len(r) > 70 {
		text = string(r[:69]) + "…"
	}
	if text == "" {
		text = "(no text)"
	}
	return fmt.Sprintf("%q (%s)", text, strings.ToLower(c.Kind.Label()))
}

// count says "1 card", "3 cards".
func count(n int, what string) string {
	return fmt.Sprintf("%d %s", n, canvas.Plural(n, what, what+"s"))
}

// wrappedLabel is a label that wraps at word boundaries, as dialog text
// does.
func wrappedLabel(text string, style fyne.TextStyle) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// compareView shows diffLines in a scrolling list.
func compareView(intro string, d *canvas.Diff, newName, oldName string) fyne.CanvasObject {
	summary, boards := diffLines(d, newName, oldName)
	wrap := wrappedLabel
	items := []fyne.CanvasObject{wrap(intro, fyne.TextStyle{}), wrap(summary, fyne.TextStyle{Bold: true})}
	for _, lines := range boards {
		items = append(items, widget.NewSeparator(), wrap(lines[0], fyne.TextStyle{Bold: true}))
		if len(lines) > 1 {
			items = append(items, wrap(strings.Join(lines[1:], "\n"), fyne.TextStyle{}))
		}
	}
	return container.NewVScroll(container.NewVBox(items...))
}

// showCompare shows a comparison in a dialog; back runs when it closes.
func (w *Window) showCompare(title, intro string, d *canvas.Diff, newName, oldName string, back func()) {
	dlg := dialog.NewCustom(title, "Back", compareView(intro, d, newName, oldName), w.Window)
	dlg.SetOnClosed(back)
	dlg.Resize(fyne.NewSize(620, 460))
	dlg.Show()
}
