// Package assets holds the files Jobcanvas ships inside its binary: board
// templates, the sample project, the JSON Schema of the file format and the
// icon. It has no code of its own beyond the embedding, so every package
// (with or without Fyne) can read them.
package assets

import "embed"

// Templates holds one JSON file per board template, named after its id.
//
//go:embed templates/*.json
var Templates embed.FS
