package board

import (
	"time"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// A notice is a short message at the foot of the board that goes by
// itself: why a link was not made, said without an error dialog to click
// away in front of the room. The next press or key takes it away too.

// noticeTime is how long a notice stays.
const noticeTime = 5 * time.Second

// notice is the board's notice: its text and the box behind it, made with
// the board's renderer.
type notice struct {
	box  *fcanvas.Rectangle
	text *fcanvas.Text
	gen  int // counts notices, so that an old one's timer leaves a new one be
}

// noticeWait runs hide on the UI goroutine after d; the tests replace it
// so that no timer outlives them.
var noticeWait = func(d time.Duration, hide func()) {
	time.AfterFunc(d, func() { fyne.Do(hide) })
}

func newNotice() *notice {
	n := &notice{box: fcanvas.NewRectangle(nil), text: fcanvas.NewText("", nil)}
	n.box.CornerRadius = 8
	n.text.Alignment = fyne.TextAlignCenter
	n.text.TextStyle = fyne.TextStyle{Bold: true}
	n.box.Hide()
	n.text.Hide()
	return n
}

// Notice is the notice the board shows now, "" when none.
func (b *Widget) Notice() string {
	if b.r == nil || !b.r.notice.text.Visible() {
		return ""
	}
	return b.r.notice.text.Text
}

// say shows msg as the board's notice; a board not shown yet reports it
// as an error instead.
func (b *Widget) say(msg string) {
	if b.r == nil {
		b.report(plainError(msg))
		return
	}
	n := b.r.notice
	n.gen++
	gen := n.gen
	th, v := b.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	n.box.FillColor = th.Color(theme.ColorNameOverlayBackground, v)
	n.box.StrokeColor = th.Color(theme.ColorNameError, v)
	n.box.StrokeWidth = 2
	n.text.Color = th.Color(theme.ColorNameForeground, v)
	n.text.TextSize = th.Size(theme.SizeNameSubHeadingText)
	n.text.Text = msg
	n.box.Show()
	n.text.Show()
	b.r.layoutNotice()
	n.text.Refresh()
	n.box.Refresh()
	b.r.repaint()
	noticeWait(noticeTime, func() {
		if n.gen == gen {
			b.hideNotice()
		}
	})
}

// hideNotice takes the notice away.
func (b *Widget) hideNotice() {
	if b.r == nil || !b.r.notice.box.Visible() {
		return
	}
	b.r.notice.box.Hide()
	b.r.notice.text.Hide()
	b.r.repaint()
}

// layoutNotice puts the notice at the foot of the board, in the middle.
func (r *boardRenderer) layoutNotice() {
	n := r.notice
	if !n.box.Visible() {
		return
	}
	size := r.b.Size()
	ts := fyne.MeasureText(n.text.Text, n.text.TextSize, n.text.TextStyle)
	w, h := min(ts.Width+40, size.Width-20), ts.Height+24
	pos := fyne.NewPos((size.Width-w)/2, size.Height-h-24)
	n.box.Move(pos)
	n.box.Resize(fyne.NewSize(w, h))
	n.text.Move(pos.AddXY(0, 12))
	n.text.Resize(fyne.NewSize(w, ts.Height))
}

// plainError is a message as an error.
type plainError string

func (e plainError) Error() string { return string(e) }
