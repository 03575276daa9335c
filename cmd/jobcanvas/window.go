package main

import "github.com/jobcanvas/jobcanvas/app"

// openWindow starts the app on the file at path, or on the bundled sample
// when path is empty, and returns when the last window closes.
func openWindow(path string) error { return app.Run(path) }
