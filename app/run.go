package app

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	fyneapp "fyne.io/fyne/v2/app"
)

// ID is the application id: it names the preferences (recent files).
const ID = "io.jobcanvas.app"

// quitGrace is how long the toolkit gets to finish quitting once the window
// has closed (or the process was asked to stop) before the process exits by
// itself.
const quitGrace = 5 * time.Second

// Run starts the app on the project at path, or on the bundled sample when
// path is empty, and returns when the window closes. A file that cannot be
// opened is reported before any window appears.
func Run(path string) error {
	a := fyneapp.NewWithID(ID)
	// Before the project is read: it may have boards of the user's templates.
	templateErrs := LoadUserTemplates()
	w := NewWindow(a)
	if path == "" {
		if err := w.OpenSample(); err != nil {
			return err
		}
	} else if err := w.OpenPath(path); err != nil {
		return err
	}
	w.OfferRecovery()
	w.ShowTemplateErrors(templateErrs)
	// Fyne 2.8 can hang after its loop ends (fyne-io/fyne#2314: the last
	// queued event waits for a main loop that is gone), leaving a process
	// with no window; a kill then hangs the scripts that wait for it. The
	// work is done by then (the window's OnClosed wrote the recovery file),
	// so once the window is gone, or a stop was asked for, the process
	// exits after quitGrace whatever the toolkit does.
	w.afterClose = func() { exitAfter(quitGrace) }
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		<-stop
		exitAfter(quitGrace + time.Second) // the window's close comes first
	}()
	w.Window.ShowAndRun()
	w.recovery.shutdown() // the app can quit without closing the window
	return nil
}

// exitAfter ends the process after d unless it has ended before.
func exitAfter(d time.Duration) {
	time.AfterFunc(d, func() {
		fmt.Fprintln(os.Stderr, "jobcanvas: the window toolkit did not finish quitting; exiting")
		os.Exit(0)
	})
}
