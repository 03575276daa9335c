package app

import (
	fyneapp "fyne.io/fyne/v2/app"
)

// ID is the application id: it names the preferences (recent files).
const ID = "io.jobcanvas.app"

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
	w.Window.ShowAndRun()
	w.recovery.shutdown() // the app can quit without closing the window
	return nil
}
