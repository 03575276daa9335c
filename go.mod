module github.com/jobcanvas/jobcanvas

go 1.26.8

require (
	fyne.io/fyne/v2 v2.8.1 // indirect
	github.com/google/uuid v1.6.0 // indirect
)
