package board

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// While a dot vote runs on the board, a click on a card puts a dot on it
// and Shift+click takes one of this vote's dots back; nothing is selected
// or moved (a drag pans the view), so a room clicking fast cannot shuffle
// the wall. A bar across the top says how many dots are left and ends the
// vote. Keys still edit: the room may add a card it forgot.

// voteRunning is the vote running on the board, or nil.
func (b *Widget) voteRunning() *canvas.Vote {
	if bd := b.board(); bd != nil {
		return bd.Vote
	}
	return nil
}

// VoteRunning reports whether a dot vote runs on the board.
func (b *Widget) VoteRunning() bool { return b.voteRunning() != nil }

// voteTap handles a click at pos while a vote runs: a dot on the card
// there, or one taken back with Shift. It reports false when no vote runs,
// so the click selects as usual.
func (b *Widget) voteTap(pos fyne.Position, clicks int) bool {
	if b.voteRunning() == nil {
		return false
	}
	mods := b.modifiers()
	if b.press.handled {
		mods = b.press.mods
	}
	b.press.handled = false
	id, ok := b.pointerDown(pos)
	if !ok || id == uuid.Nil {
		return true
	}
	for range clicks {
		var e canvas.Edit = &canvas.CastDot{Board: b.boardID, Card: id}
		if mods&fyne.KeyModifierShift != 0 {
			e = &canvas.TakeDot{Board: b.boardID, Card: id}
		}
		// A refused dot is said on the board, not in a dialog the room
		// would have to click away.
		if err := b.doc.Do(e); err != nil {
			b.say(err.Error())
			break
		}
	}
	return true
}

// StartVote starts a dot vote on the board: voters people with dots each,
// for cards of kinds. One undo step.
func (b *Widget) StartVote(dots, voters int, kinds []canvas.Kind) error {
	b.CommitEdit()
	err := b.doc.Do(&canvas.StartVote{Board: b.boardID, DotsPerPerson: dots, Voters: voters, Kinds: kinds})
	if err == nil {
		b.Select() // a vote selects nothing: no outline suggests a card is picked
	}
	return err
}

// EndVote ends the running vote (one undo step; the cards keep their
// votes) and shows the cards ranked by votes.
func (b *Widget) EndVote() {
	if b.voteRunning() == nil {
		b.report(canvas.ErrNoVote)
		return
	}
	if b.do(&canvas.EndVote{Board: b.boardID}) {
		b.ShowVoteResults()
	}
}

// ClearVotes sets every card's votes on the board to 0 (one undo step).
func (b *Widget) ClearVotes() { b.do(&canvas.ClearVotes{Board: b.boardID}) }

// LayOutByVotes lays the board's zones that hold votes out by votes, most
// first (one undo step).
func (b *Widget) LayOutByVotes() bool {
	e, err := canvas.LayOutByVotes(b.doc.Project, b.boardID)
	if err != nil {
		b.report(err)
		return false
	}
	return b.do(e)
}

// voteResults is the dialog of a vote's results, kept for tests.
type voteResults struct {
	dialog *dialog.CustomDialog
	rows   []string // "votes<TAB>text", most votes first
	layout *widget.Button
}

// ShowVoteResults shows the board's cards ranked by votes, with a button
// that lays them out in that order.
func (b *Widget) ShowVoteResults() { b.showVoteResults() }

func (b *Widget) showVoteResults() *voteResults {
	bd := b.board()
	win := b.window()
	if bd == nil || win == nil {
		return nil
	}
	res := &voteResults{}
	list := container.NewVBox()
	for _, c := range bd.Ranked() {
		text := strings.Join(strings.Fields(c.Text), " ")
		res.rows = append(res.rows, strconv.Itoa(c.Votes)+"\t"+text)
		n := widget.NewLabelWithStyle(strconv.Itoa(c.Votes), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		t := widget.NewLabel(text)
		t.Truncation = fyne.TextTruncateEllipsis
		list.Add(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(48, n.MinSize().Height), n), nil, t))
	}
	head := widget.NewLabel(fmt.Sprintf("%d %s got votes, most first:", len(res.rows), canvas.Plural(len(res.rows), "card", "cards")))
	if len(res.rows) == 0 {
		head.SetText("No card got a vote.")
	}
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(460, min(float32(len(res.rows))*40+10, 360)))
	res.dialog = dialog.NewCustomWithoutButtons("Vote results", container.NewBorder(head, nil, nil, nil, scroll), win)
	closeBtn := widget.NewButton("Close", res.dialog.Hide)
	res.layout = widget.NewButton("Lay out by votes", func() {
		if b.LayOutByVotes() {
			res.dialog.Hide()
		}
	})
	res.layout.Importance = widget.HighImportance
	if len(res.rows) == 0 {
		res.layout.Disable()
	}
	res.dialog.SetButtons([]fyne.CanvasObject{closeBtn, res.layout})
	res.dialog.Show()
	return res
}

// voteBar is the bar across the top of the board while a vote runs: the
// dots left and a button that ends the vote. It is part of the board, so
// it shows wherever the board does, a projected full screen included.
type voteBar struct {
	bg   *fcanvas.Rectangle
	text *fcanvas.Text
	end  *widget.Button
}

func newVoteBar(b *Widget) *voteBar {
	v := &voteBar{bg: fcanvas.NewRectangle(nil), text: fcanvas.NewText("", nil),
		end: widget.NewButton("End vote", b.EndVote)}
	v.text.TextStyle = fyne.TextStyle{Bold: true}
	v.end.Importance = widget.HighImportance
	v.hide()
	return v
}

func (v *voteBar) objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{v.bg, v.text, v.end}
}

func (v *voteBar) hide() {
	v.bg.Hide()
	v.text.Hide()
	v.end.Hide()
}

// VoteBar is what the vote bar says, "" when it is hidden.
func (b *Widget) VoteBar() string {
	if b.r == nil || b.r.vote == nil || !b.r.vote.text.Visible() {
		return ""
	}
	return b.r.vote.text.Text
}

// voteBarText is what the bar says of vote v on bd.
func voteBarText(v *canvas.Vote, bd *canvas.Board) string {
	return fmt.Sprintf("Vote: %d of %d dots left  ·  %d %s × %d %s  ·  click a card to vote, Shift+click takes a dot back",
		v.Left(bd), v.Total(), v.DotsPerPerson, canvas.Plural(v.DotsPerPerson, "dot", "dots"),
		v.Voters, canvas.Plural(v.Voters, "voter", "voters"))
}

// layoutVote shows the bar, up to date, while a vote runs on the board.
func (r *boardRenderer) layoutVote() {
	if r.vote == nil {
		r.vote = newVoteBar(r.b)
		r.objects = nil
	}
	v := r.vote
	bd := r.b.board()
	if bd == nil || bd.Vote == nil {
		if v.bg.Visible() {
			v.hide()
		}
		return
	}
	th, variant := r.b.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	pad := th.Size(theme.SizeNamePadding)
	size := r.b.Size()
	btn := v.end.MinSize()
	h := btn.Height + 2*pad
	v.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, variant)
	v.bg.StrokeColor = th.Color(theme.ColorNamePrimary, variant)
	v.bg.StrokeWidth = 2
	v.bg.Move(fyne.NewPos(0, 0))
	v.bg.Resize(fyne.NewSize(size.Width, h))
	v.text.Color = th.Color(theme.ColorNameForeground, variant)
	v.text.TextSize = th.Size(theme.SizeNameSubHeadingText)
	v.text.Text = voteBarText(bd.Vote, bd)
	room := size.Width - btn.Width - 5*pad
	if v.text.MinSize().Width > room {
		// A narrow board keeps what matters: the dots left.
		v.text.Text = fmt.Sprintf("Vote: %d of %d dots left", bd.Vote.Left(bd), bd.Vote.Total())
	}
	ts := v.text.MinSize()
	v.text.Move(fyne.NewPos(2*pad, (h-ts.Height)/2))
	v.text.Resize(fyne.NewSize(max(room, 0), ts.Height))
	v.end.Move(fyne.NewPos(size.Width-btn.Width-pad, pad))
	v.end.Resize(btn)
	v.bg.Show()
	v.text.Show()
	v.end.Show()
	v.bg.Refresh()
	v.text.Refresh()
}
