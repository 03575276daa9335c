package app

import (
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/assets"
	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// SampleSuffix ends the name of the copy of the sample that Help ▸ Open
// sample workshop opens, so that its window and its file name say it is
// the sample, not the team's own workshop.
const SampleSuffix = " (sample)"

// sampleCopy is a copy of the bundled sample workshop, named as the
// sample, with an id of its own: from now on it is the user's workshop,
// and two copies opened are two projects.
func sampleCopy() (*canvas.Project, error) {
	p, err := storage.Decode(assets.Sample, assets.SampleName)
	if err != nil {
		return nil, err
	}
	p.ID = uuid.New()
	p.Name += SampleSuffix
	return p, nil
}

// ShowSample opens a copy of the sample workshop, after asking about
// unsaved changes. The copy has no file: Save asks where to put it (Save
// As), so the sample bundled in the app is never written over, and
// nothing is written until the user names a file.
func (w *Window) ShowSample() {
	w.confirmDiscard(func() {
		p, err := sampleCopy()
		if err != nil {
			w.showError(err)
			return
		}
		w.SetDocument(NewDocument(p, ""))
	})
}
