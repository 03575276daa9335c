// Package canvas is Jobcanvas's domain: projects, boards made from
// templates, sticky-note cards and the links between them, and the edits
// that change them with undo and redo. It knows nothing of windows or
// files, so it is tested fast and used by the UI, the file format and the
// command line alike.
package canvas

import "github.com/google/uuid"

// Project is one workshop: a name and its boards.
type Project struct {
	ID          uuid.UUID
	Name        string
	Description string
	Boards      []*Board
	ScoreScale  ScoreScale // where outcome scores come from; "" is ScaleRoom
	Unknown     []byte     // file members this version does not know, verbatim
}

// NewProject makes a project with one board per template id given.
func NewProject(name string, templateIDs ...string) (*Project, error) {
	p := &Project{ID: uuid.New(), Name: name}
	for _, id := range templateIDs {
		b, err := NewBoard(id, "")
		if err != nil {
			return nil, err
		}
		p.Boards = append(p.Boards, b)
	}
	return p, nil
}

// Board returns the board with that id, or nil.
func (p *Project) Board(id uuid.UUID) *Board {
	if i := p.boardIndex(id); i >= 0 {
		return p.Boards[i]
	}
	return nil
}

func (p *Project) boardIndex(id uuid.UUID) int {
	for i, b := range p.Boards {
		if b.ID == id {
			return i
		}
	}
	return -1
}

// CardCount is the number of cards on all boards.
func (p *Project) CardCount() int {
	n := 0
	for _, b := range p.Boards {
		n += len(b.Cards)
	}
	return n
}

// Clone returns a deep copy of p: a snapshot another goroutine may encode
// while the UI goes on editing.
func (p *Project) Clone() *Project {
	d := *p
	d.Unknown = append([]byte(nil), p.Unknown...)
	d.Boards = make([]*Board, len(p.Boards))
	for i, b := range p.Boards {
		d.Boards[i] = b.Clone()
	}
	return &d
}

// Normalize recomputes every card's zone from its position, as edits do;
// loaders call it so a hand-edited file cannot carry a stale zone.
func (p *Project) Normalize() {
	for _, b := range p.Boards {
		// Zones once per board, not per card (ZoneAt): a job map builds
		// its zones from its steps, which costs more than the lookup.
		zones := b.Zones()
		for _, c := range b.Cards {
			c.Zone = ""
			at := c.Center()
			for i := range zones {
				if zones[i].Contains(at) {
					c.Zone = zones[i].ID
					break
				}
			}
		}
	}
}
