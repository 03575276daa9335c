package app

import (
	"fyne.io/fyne/v2"

	"github.com/jobcanvas/jobcanvas/app/document"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// The document lives in package document, outside the UI; these names
// keep the app's code as it was.
type (
	Document = document.Document
	Change   = document.Change
)

// NewDocument wraps a project read from path ("" for a new one), owned by
// the UI goroutine: other goroutines hand it work with Run, which is
// fyne.Do.
func NewDocument(p *canvas.Project, path string) *Document {
	return document.New(p, path, fyne.Do)
}
