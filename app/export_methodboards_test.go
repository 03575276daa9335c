package app

import (
	"testing"

	"github.com/jobcanvas/jobcanvas/app/internal/uitest"
)

// The forces of progress (with its balance), competition and success
// outcomes boards export as their references, in light and dark.
func TestExportMethodBoardsMatchReferences(t *testing.T) {
	exportApp(t)
	p := uitest.MethodBoards(t)
	for i, name := range []string{"forces", "competition", "outcomes"} {
		for _, dark := range []bool{false, true} {
			ref := name + "_light_1x"
			opt := ExportOptions{Scale: 1}
			if dark {
				ref, opt = name+"_dark_1200px", ExportOptions{Width: 1200, Dark: true}
			}
			t.Run(ref, func(t *testing.T) {
				assertMatchesReference(t, "export/"+ref+".png", exportImage(t, p, p.Boards[i], opt))
			})
		}
	}
}
