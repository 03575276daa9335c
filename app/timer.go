package app

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// clock is the time the workshop timer counts down by: the real one in
// the app, a fake one in tests, which then run without sleeping.
type clock interface {
	Now() time.Time
	// AfterFunc calls f once d has passed, on a goroutine of its own,
	// unless the returned stop is called first.
	AfterFunc(d time.Duration, f func()) (stop func() bool)
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) AfterFunc(d time.Duration, f func()) func() bool {
	return time.AfterFunc(d, f).Stop
}

// timerState is where the countdown is.
type timerState int

const (
	timerIdle    timerState = iota // not counting: never started, closed, or over
	timerRunning                   // counting down
	timerPaused                    // stopped with time left
	timerFlash                     // just reached zero: pulsing for a few seconds
)

func (s timerState) String() string {
	return [...]string{"idle", "running", "paused", "flash"}[s]
}

// timerPresets are the View ▸ Timer lengths, in minutes.
var timerPresets = []int{1, 3, 5, 10, 15}

// The flash at zero: flashSteps changes of colour flashStep apart, a few
// seconds in all, then the timer rests at 0:00.
const (
	flashSteps = 12
	flashStep  = 300 * time.Millisecond
)

// Timer text sizes: large enough to read from the back of a room, larger
// still on a projector.
const (
	timerTextSize        = 56
	timerPresentTextSize = 88
)

var (
	timerBackground = color.NRGBA{0x1e, 0x1e, 0x22, 0xe8}
	timerText       = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	timerPausedText = color.NRGBA{0xff, 0xc1, 0x07, 0xff}
	timerAlarm      = color.NRGBA{0xe5, 0x39, 0x35, 0xff}
	timerAlarmDim   = color.NRGBA{0x8e, 0x00, 0x00, 0xff} // white text reads on both
)

// roomTimer is the workshop's countdown, drawn large over the board's
// top-right corner. It never takes the focus: typing on the board goes
// on while it runs and while it flashes.
type roomTimer struct {
	clock clock
	do    func(func()) // hands a clock callback to the UI goroutine

	state timerState
	left  time.Duration // while paused or idle
	end   time.Time     // while running
	last  time.Duration // the length last started, for T when idle
	flash int           // flash steps still to show
	stop  func() bool   // the pending clock callback
	gen   int           // callbacks of an earlier generation are stale

	shown bool
	large bool // presentation mode's size

	overlay *fyne.Container // the timer box and the flash border, over the board
	box     *fyne.Container
	bg      *fcanvas.Rectangle
	text    *fcanvas.Text
	border  *fcanvas.Rectangle
	pause   *widget.Button
	more    *widget.Button
	close   *widget.Button

	top func() float32 // where the board starts under the overlay's top
}

func newRoomTimer(c clock, do func(func()), top func() float32) *roomTimer {
	t := &roomTimer{clock: c, do: do, top: top, last: 5 * time.Minute}
	t.bg = fcanvas.NewRectangle(timerBackground)
	t.bg.CornerRadius = 10
	t.text = fcanvas.NewText("0:00", timerText)
	t.text.TextStyle = fyne.TextStyle{Bold: true} // Noto Sans digits are all one width
	t.text.TextSize = timerTextSize
	t.text.Alignment = fyne.TextAlignCenter
	t.pause = widget.NewButtonWithIcon("", theme.MediaPauseIcon(), t.Toggle)
	t.more = widget.NewButton("+1 min", t.AddMinute)
	t.close = widget.NewButtonWithIcon("", theme.CancelIcon(), t.Close)
	t.border = fcanvas.NewRectangle(color.Transparent)
	t.border.StrokeWidth = 6
	t.border.Hide()
	t.box = container.NewStack(t.bg, container.NewPadded(container.NewVBox(
		t.text, container.NewHBox(t.pause, t.more, layout.NewSpacer(), t.close))))
	t.box.Hide()
	t.overlay = container.New(&timerLayout{t: t}, t.border, t.box)
	return t
}

// State is where the countdown is.
func (t *roomTimer) State() timerState { return t.state }

// Shown reports whether the timer is on screen.
func (t *roomTimer) Shown() bool { return t.shown }

// Remaining is the time left.
func (t *roomTimer) Remaining() time.Duration {
	if t.state == timerRunning {
		return max(t.end.Sub(t.clock.Now()), 0)
	}
	return t.left
}

// Start counts down d from now.
func (t *roomTimer) Start(d time.Duration) {
	if d <= 0 {
		return
	}
	t.last = d
	t.left = d
	t.shown = true
	t.run()
}

// Toggle is T and the pause button: pause while running, resume while
// paused, and start the last length again otherwise.
func (t *roomTimer) Toggle() {
	switch t.state {
	case timerRunning:
		t.left = t.Remaining()
		t.state = timerPaused
		t.cancel()
		t.update()
	case timerPaused:
		t.run()
	default:
		t.Start(t.last)
	}
}

// AddMinute gives one more minute; at zero it starts a minute.
func (t *roomTimer) AddMinute() {
	switch t.state {
	case timerRunning:
		t.end = t.end.Add(time.Minute)
		t.schedule()
		t.update()
	case timerPaused:
		t.left += time.Minute
		t.update()
	default:
		t.Start(time.Minute)
	}
}

// Close stops the countdown and takes the timer off the screen.
func (t *roomTimer) Close() {
	t.cancel()
	t.state = timerIdle
	t.left = 0
	t.shown = false
	t.update()
}

// SetLarge draws the timer at presentation mode's size.
func (t *roomTimer) SetLarge(on bool) {
	t.large = on
	t.update()
}

func (t *roomTimer) run() {
	t.end = t.clock.Now().Add(t.left)
	t.state = timerRunning
	t.schedule()
	t.update()
}

// schedule asks the clock for the next moment the shown time changes:
// the next whole second left, or zero.
func (t *roomTimer) schedule() {
	next := t.Remaining() % time.Second
	if next == 0 {
		next = time.Second
	}
	t.after(next, t.tick)
}

// after runs f on the UI goroutine once d has passed, unless the timer
// changed state in between.
func (t *roomTimer) after(d time.Duration, f func()) {
	t.cancel()
	gen := t.gen
	t.stop = t.clock.AfterFunc(d, func() {
		t.do(func() {
			if gen == t.gen {
				f()
			}
		})
	})
}

func (t *roomTimer) cancel() {
	t.gen++
	if t.stop != nil {
		t.stop()
		t.stop = nil
	}
}

func (t *roomTimer) tick() {
	if t.state != timerRunning {
		return
	}
	if t.Remaining() > 0 {
		t.schedule()
		t.update()
		return
	}
	t.left = 0
	t.state = timerFlash
	t.flash = flashSteps
	t.pulse()
}

// pulse shows one step of the flash at zero.
func (t *roomTimer) pulse() {
	if t.flash == 0 {
		t.state = timerIdle
		t.cancel()
		t.update()
		return
	}
	t.flash--
	t.after(flashStep, t.pulse)
	t.update()
}

// label is the time left as the timer shows it, rounded up to the second
// so that 0:00 means the time is up.
func (t *roomTimer) label() string {
	s := int((t.Remaining() + time.Second - 1) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// update makes the drawing match the state.
func (t *roomTimer) update() {
	t.text.Text = t.label()
	t.text.TextSize = timerTextSize
	if t.large {
		t.text.TextSize = timerPresentTextSize
	}
	t.text.Color = timerText
	t.bg.FillColor = timerBackground
	t.border.Hidden = true
	switch t.state {
	case timerPaused:
		t.text.Color = timerPausedText
	case timerFlash:
		c := timerAlarm
		if t.flash%2 == 1 {
			c = timerAlarmDim
		}
		t.bg.FillColor = c
		t.border.StrokeColor = c
		t.border.Hidden = false
	}
	if t.state == timerRunning {
		t.pause.SetIcon(theme.MediaPauseIcon())
	} else {
		t.pause.SetIcon(theme.MediaPlayIcon())
	}
	t.box.Hidden = !t.shown
	t.overlay.Refresh()
}

// timerLayout puts the timer in the board's top-right corner and the
// flash border around the board.
type timerLayout struct{ t *roomTimer }

func (l *timerLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	const margin = 12
	top := float32(0)
	if l.t.top != nil {
		top = l.t.top()
	}
	l.t.border.Move(fyne.NewPos(0, top))
	l.t.border.Resize(fyne.NewSize(size.Width, size.Height-top))
	m := l.t.box.MinSize()
	l.t.box.Resize(m)
	l.t.box.Move(fyne.NewPos(size.Width-m.Width-margin, top+margin))
}

func (l *timerLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

// parseMinutes reads a custom timer length: minutes ("7", "2.5") or
// minutes and seconds ("2:30").
func parseMinutes(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	var d time.Duration
	if m, sec, ok := strings.Cut(s, ":"); ok {
		mi, err1 := strconv.Atoi(m)
		se, err2 := strconv.Atoi(sec)
		if err1 != nil || err2 != nil || mi < 0 || se < 0 || se > 59 || len(sec) != 2 {
			return 0, fmt.Errorf("timer length %q: write minutes (7) or minutes:seconds (2:30)", s)
		}
		d = time.Duration(mi)*time.Minute + time.Duration(se)*time.Second
	} else {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f < 0 {
			return 0, fmt.Errorf("timer length %q: write minutes (7) or minutes:seconds (2:30)", s)
		}
		d = time.Duration(f * float64(time.Minute)).Round(time.Second)
	}
	if d <= 0 || d > 24*time.Hour {
		return 0, fmt.Errorf("timer length %q: between 1 second and 24 hours", s)
	}
	return d, nil
}

// timerMenu is the View ▸ Timer submenu.
func (w *Window) timerMenu() *fyne.MenuItem {
	m := fyne.NewMenuItem("Timer", nil)
	m.ChildMenu = fyne.NewMenu("")
	for _, n := range timerPresets {
		m.ChildMenu.Items = append(m.ChildMenu.Items,
			fyne.NewMenuItem(fmt.Sprintf("%d min", n), func() { w.timer.Start(time.Duration(n) * time.Minute) }))
	}
	pause := fyne.NewMenuItem("Start / Pause (T)", w.timer.Toggle)
	more := fyne.NewMenuItem("+1 min", w.timer.AddMinute)
	closeIt := fyne.NewMenuItem("Close Timer", w.timer.Close)
	m.ChildMenu.Items = append(m.ChildMenu.Items,
		fyne.NewMenuItem("Custom…", w.ShowCustomTimer),
		fyne.NewMenuItemSeparator(), pause, more, closeIt)
	return m
}

// ShowCustomTimer asks for a length and starts the timer; Enter starts it.
func (w *Window) ShowCustomTimer() {
	e := widget.NewEntry()
	e.SetPlaceHolder("minutes, or m:ss")
	e.Validator = func(s string) error { _, err := parseMinutes(s); return err }
	start := func() {
		if d, err := parseMinutes(e.Text); err == nil {
			w.timer.Start(d)
		}
	}
	d := dialog.NewForm("Timer", "Start", "Cancel", []*widget.FormItem{widget.NewFormItem("Length", e)},
		func(ok bool) {
			if ok {
				start()
			}
		}, w.Window)
	e.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(340, 180))
	d.Show()
	w.Window.Canvas().Focus(e)
}
