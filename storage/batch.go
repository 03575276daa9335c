package storage

// Batch writes several files as one, such as the images of an export of
// every board: each file is written and flushed beside its place as it is
// added, and only Commit puts them all in place. A failure at any point
// leaves none of the new files, and the files they would have replaced as
// they were. Each file is replaced as WriteFile does (atomically, no
// backup, owner and permissions kept, read-only files refused).
//
// A Batch is used by one goroutine at a time.
type Batch struct {
	fsys  fileSystem
	files []*replacement
}

// NewBatch starts an empty batch.
func NewBatch() *Batch { return &Batch{fsys: osFS{}} }

// Add writes data to a temporary file beside path, to replace path at
// Commit. followLink says whether a symbolic link at path may be followed:
// only when the user gave the name (the file named on the command line);
// a name the program made up (<project>-<board>.png in a folder) could be
// a link someone else put there, and is refused with an error wrapping
// ErrSymlink. When Add fails the whole batch is given up, as by Abort.
func (b *Batch) Add(path string, data []byte, followLink bool) error {
	r, err := prepare(b.fsys, path, data, followLink, true)
	if err != nil {
		b.Abort()
		return err
	}
	b.files = append(b.files, r)
	return nil
}

// Commit puts every file added in place. When one cannot be, those put in
// place before it are undone (the old file back, or the new one removed)
// and the rest given up.
func (b *Batch) Commit() error {
	files := b.files
	b.files = nil
	for i, r := range files {
		if err := r.commit(); err != nil {
			for _, done := range files[:i] {
				done.rollback()
			}
			for _, rest := range files[i+1:] {
				rest.abort()
			}
			return err
		}
	}
	var first error
	for _, r := range files {
		if err := r.finish(false); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Abort removes the temporary files of every file added: nothing is
// written. Aborting a committed or empty batch does nothing.
func (b *Batch) Abort() {
	for _, r := range b.files {
		r.abort()
	}
	b.files = nil
}
