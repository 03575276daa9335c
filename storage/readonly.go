package storage

import "errors"

// ErrReadOnly is the error of a save refused because the file is
// read-only: Jobcanvas never writes over a file its owner protected.
var ErrReadOnly = errors.New("the file is read-only")
