// Command emptywindow opens an empty Fyne window of the app's size: the
// floor scripts/memory compares the app's memory with.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
)

func main() {
	a := app.NewWithID("io.jobcanvas.emptywindow")
	w := a.NewWindow("empty")
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}
