package app

import (
	"sort"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// fakeClock runs the callbacks due when the test moves it on: the timer's
// states are tested without sleeping.
type fakeClock struct {
	now     time.Time
	pending []*fakeTimer
}

type fakeTimer struct {
	at   time.Time
	f    func()
	done bool
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)} }

func (c *fakeClock) Now() time.Time { return c.now }

func (c *fakeClock) AfterFunc(d time.Duration, f func()) func() bool {
	t := &fakeTimer{at: c.now.Add(d), f: f}
	c.pending = append(c.pending, t)
	return func() bool {
		was := !t.done
		t.done = true
		return was
	}
}

// advance moves the clock on by d, running each callback at its time.
func (c *fakeClock) advance(d time.Duration) {
	end := c.now.Add(d)
	for {
		sort.SliceStable(c.pending, func(i, j int) bool { return c.pending[i].at.Before(c.pending[j].at) })
		var next *fakeTimer
		for _, t := range c.pending {
			if !t.done && !t.at.After(end) {
				next = t
				break
			}
		}
		if next == nil {
			break
		}
		next.done = true
		c.now = next.at
		next.f()
	}
	c.now = end
}

// waiting is how many callbacks are still to run.
func (c *fakeClock) waiting() int {
	n := 0
	for _, t := range c.pending {
		if !t.done {
			n++
		}
	}
	return n
}

func newTestTimer(t *testing.T) (*roomTimer, *fakeClock) {
	test.NewTempApp(t)
	c := newFakeClock()
	tm := newRoomTimer(c, fyne.Do, nil)
	return tm, c
}

func TestTimerStates(t *testing.T) {
	tm, c := newTestTimer(t)
	check := func(step string, s timerState, label string) {
		t.Helper()
		if tm.State() != s || tm.label() != label || tm.text.Text != label {
			t.Errorf("%s: %v %q (drawn %q), want %v %q", step, tm.State(), tm.label(), tm.text.Text, s, label)
		}
	}
	check("new", timerIdle, "0:00")
	if tm.Shown() || tm.box.Visible() {
		t.Error("a timer never started is shown")
	}

	tm.Start(3 * time.Minute)
	check("start", timerRunning, "3:00")
	if !tm.box.Visible() {
		t.Error("the running timer is not shown")
	}
	c.advance(61 * time.Second)
	check("after 61 s", timerRunning, "1:59")

	tm.Toggle()
	check("pause", timerPaused, "1:59")
	if tm.text.Color != timerPausedText {
		t.Error("the paused timer does not look paused")
	}
	c.advance(10 * time.Minute)
	check("paused 10 min", timerPaused, "1:59")

	tm.Toggle()
	check("resume", timerRunning, "1:59")
	tm.AddMinute()
	check("+1 min", timerRunning, "2:59")

	c.advance(2*time.Minute + 58*time.Second + 500*time.Millisecond)
	check("half a second left", timerRunning, "0:01")
	if !tm.border.Hidden {
		t.Error("the border flashes before zero")
	}
	c.advance(500 * time.Millisecond)
	check("zero", timerFlash, "0:00")
	if tm.border.Hidden || tm.bg.FillColor == timerBackground {
		t.Error("no flash at zero")
	}
	first := tm.bg.FillColor
	c.advance(flashStep)
	if tm.bg.FillColor == first {
		t.Error("the flash does not pulse")
	}
	c.advance(flashSteps * flashStep)
	check("after the flash", timerIdle, "0:00")
	if !tm.border.Hidden || tm.bg.FillColor != timerBackground || !tm.Shown() {
		t.Error("after the flash the timer should rest at 0:00, shown, without the border")
	}
	if n := c.waiting(); n != 0 {
		t.Errorf("%d clock callbacks left once idle", n)
	}

	tm.Toggle() // T when idle: the last length again
	check("restart", timerRunning, "3:00")
	tm.Close()
	check("close", timerIdle, "0:00")
	if tm.Shown() || tm.box.Visible() || c.waiting() != 0 {
		t.Error("a closed timer is shown or still counting")
	}
}

func TestTimerStaleCallbackIgnored(t *testing.T) {
	tm, c := newTestTimer(t)
	tm.Start(time.Minute)
	tm.Toggle() // paused: the tick already asked for must not count on
	tm.Toggle()
	tm.Toggle()
	c.advance(5 * time.Minute)
	if tm.State() != timerPaused || tm.label() != "1:00" {
		t.Errorf("%v %s, want paused at 1:00", tm.State(), tm.label())
	}
}

func TestParseMinutes(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"7": 7 * time.Minute, " 2:30 ": 150 * time.Second, "0.5": 30 * time.Second, "0:05": 5 * time.Second,
	} {
		if got, err := parseMinutes(in); err != nil || got != want {
			t.Errorf("parseMinutes(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "x", "-1", "0", "2:3", "2:60", "1:-1", "1e9"} {
		if _, err := parseMinutes(in); err == nil {
			t.Errorf("parseMinutes(%q) took it", in)
		}
	}
}

// T starts and pauses the timer from the board, but is a letter while a
// card's text is typed.
func TestTimerKeyT(t *testing.T) {
	w, _ := newTestWindow(t)
	c := newFakeClock()
	w.timer.clock = c
	typeRune(w, 't')
	if w.timer.State() != timerRunning || w.timer.label() != "5:00" {
		t.Fatalf("T: %v %s, want running 5:00", w.timer.State(), w.timer.label())
	}
	typeRune(w, 'T')
	if w.timer.State() != timerPaused {
		t.Fatalf("second T: %v, want paused", w.timer.State())
	}

	bw := w.CurrentBoard()
	bw.NewCard()
	typeRune(w, 't')
	bw.TypedRune('t') // as if the board were handed it while editing
	if w.timer.State() != timerPaused {
		t.Errorf("T while typing a card changed the timer: %v", w.timer.State())
	}
	bw.CommitEdit()
	last := w.Document().Project.Boards[0].Cards
	if got := last[len(last)-1].Text; got != "t" {
		t.Errorf("the card typed holds %q, want the t typed", got)
	}
}

// The timer sits in the board's top-right corner, below the tabs, and at
// the screen's top while presenting.
func TestTimerPlacedOverBoard(t *testing.T) {
	w, _ := newTestWindow(t)
	w.Window.Resize(fyne.NewSize(1200, 800))
	w.timer.clock = newFakeClock()
	w.timer.Start(time.Minute)
	bw := w.CurrentBoard()
	boardPos := fyne.CurrentApp().Driver().AbsolutePositionForObject(bw)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(w.timer.box)
	right := pos.X + w.timer.box.Size().Width
	boardRight := boardPos.X + bw.Size().Width
	if pos.Y < boardPos.Y || right > boardRight || boardRight-right > 40 || pos.Y-boardPos.Y > 40 {
		t.Errorf("timer at %v size %v; board at %v size %v", pos, w.timer.box.Size(), boardPos, bw.Size())
	}
	w.Present()
	pos = fyne.CurrentApp().Driver().AbsolutePositionForObject(w.timer.box)
	if pos.Y > 40 || w.timer.text.TextSize != timerPresentTextSize || !inTree(w, w.timer.box) {
		t.Errorf("presenting: timer at %v, text %v", pos, w.timer.text.TextSize)
	}
	w.Unpresent()
	if w.timer.text.TextSize != timerTextSize || !inTree(w, w.timer.box) {
		t.Error("after presenting the timer is not back at its size over the board")
	}
}
