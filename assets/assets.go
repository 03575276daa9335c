// Package assets holds the files Jobcanvas ships inside its binary: board
// templates, the sample project, the JSON Schema of the file format, the
// icon and a font. It has no code of its own beyond the embedding, so
// every package (with or without Fyne) can read them.
package assets

import "embed"

// Templates holds one JSON file per board template, named after its id.
//
//go:embed templates/*.json
var Templates embed.FS

// Icon is the app icon, 512×512 PNG.
//
//go:embed icon.png
var Icon []byte

// Schema is the JSON Schema of the project file format.
//
//go:embed schema/jobcanvas.schema.json
var Schema []byte

// SampleName is the file name of the bundled sample project.
const SampleName = "commuter-cycling.jobcanvas"

// Sample is the bundled sample workshop, opened when no file is named.
//
//go:embed samples/commuter-cycling.jobcanvas
var Sample []byte

// ScriptsFont is an OpenType (CFF) font with the Thai, Devanagari and Korean
// (Hangul) glyphs that Fyne's own Noto Sans lacks: see fonts/README.md.
//
//go:embed fonts/JobcanvasScripts-Regular.otf
var ScriptsFont []byte
