package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// prefVoters is the number of voters of the last vote started: the same
// room usually votes several times in a workshop.
const prefVoters = "voteVoters"

// Defaults of Board ▸ Start Vote…: three dots each is the common rule of
// dot voting; five is a small workshop.
const (
	defaultDots   = 3
	defaultVoters = 5
)

// startVoteForm is the Start Vote dialog's fields, kept for tests.
type startVoteForm struct {
	dialog *dialog.FormDialog
	dots   *widget.Entry
	voters *widget.Entry
	kinds  *widget.CheckGroup
}

// ShowStartVote asks for the dots per person, the number of voters and the
// kinds that may get votes, and starts a dot vote on the current board.
func (w *Window) ShowStartVote() { w.showStartVote() }

func (w *Window) showStartVote() *startVoteForm {
	b := w.CurrentBoard()
	if b == nil {
		return nil
	}
	if b.VoteRunning() {
		w.showError(fmt.Errorf("a vote is already running on this board: end it first (Board ▸ End Vote)"))
		return nil
	}
	bd := w.doc.Project.Board(b.BoardID())
	f := &startVoteForm{dots: widget.NewEntry(), voters: widget.NewEntry()}
	f.dots.SetText(strconv.Itoa(defaultDots))
	f.dots.Validator = countValidator(canvas.MaxDotsPerPerson)
	f.voters.SetText(strconv.Itoa(w.App.Preferences().IntWithFallback(prefVoters, defaultVoters)))
	f.voters.Validator = countValidator(canvas.MaxVoters)
	byLabel := map[string]canvas.Kind{}
	var labels []string
	for _, k := range bd.TemplateOf().Kinds() {
		labels = append(labels, k.Label())
		byLabel[k.Label()] = k
	}
	f.kinds = widget.NewCheckGroup(labels, nil)
	f.kinds.SetSelected(labels)
	f.dialog = dialog.NewForm("Start vote", "Start", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Dots per person", f.dots),
		widget.NewFormItem("Voters", f.voters),
		widget.NewFormItem("Cards that may get votes", f.kinds),
	}, func(ok bool) {
		if !ok {
			return
		}
		dots, _ := strconv.Atoi(strings.TrimSpace(f.dots.Text))
		voters, _ := strconv.Atoi(strings.TrimSpace(f.voters.Text))
		var kinds []canvas.Kind
		for _, l := range labels { // the template's order, whatever the ticking order
			if slices.Contains(f.kinds.Selected, l) {
				kinds = append(kinds, byLabel[l])
			}
		}
		if err := b.StartVote(dots, voters, kinds); err != nil {
			w.showError(err)
			return
		}
		w.App.Preferences().SetInt(prefVoters, voters)
	}, w.Window)
	f.dialog.Resize(fyne.NewSize(460, 180+float32(len(labels))*36))
	f.dialog.Show()
	return f
}

// countValidator accepts a whole number from 1 to limit.
func countValidator(limit int) fyne.StringValidator {
	return func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > limit {
			return fmt.Errorf("a whole number from 1 to %d", limit)
		}
		return nil
	}
}

// EndVote ends the vote of the current board and shows its results.
func (w *Window) EndVote() {
	if b := w.CurrentBoard(); b != nil {
		b.EndVote()
	}
}

// ShowClearVotes asks before setting every card's votes on the current
// board to 0 (one undo step).
func (w *Window) ShowClearVotes() *dialog.ConfirmDialog {
	b := w.CurrentBoard()
	if b == nil {
		return nil
	}
	d := dialog.NewConfirm("Clear votes", "Set the votes of every card on this board to 0? Undo brings them back.",
		func(ok bool) {
			if ok {
				b.ClearVotes()
			}
		}, w.Window)
	d.SetConfirmText("Clear votes")
	d.Show()
	return d
}
