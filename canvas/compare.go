package canvas

import (
	"bytes"
	"slices"

	"github.com/google/uuid"
)

// Diff is what changed between two versions of a project, board by board,
// in the terms a facilitator thinks in: cards added, removed or changed.
// It answers "what would I get back?" before a recovery file is restored,
// and "what did they change?" when a file was changed on disk.
type Diff struct {
	OldName, NewName string // differ when the project was renamed
	ScaleChanged     bool   // the scores' scale (canvas.ScoreScale) differs
	Boards           []BoardDiff
}

// BoardDiff is what changed on one board. A board only in the new version
// has Added set and every card in AddedCards; one only in the old version
// has Removed set and every card in RemovedCards.
type BoardDiff struct {
	ID               uuid.UUID
	OldTitle, Title  string // Title is the new one (the old one of a removed board)
	Added, Removed   bool
	AddedCards       []*Card
	RemovedCards     []*Card
	Changed          []CardChange
	LinksAdded       int
	LinksRemoved     int
	LinksChanged     int // in both versions, with another strength
	StepsChanged     bool
	ClustersChanged  bool // added, removed, renamed, moved or given another vector
	OtherDataChanged bool // members this version does not know
}

// CardChange is one card in both versions, with what differs.
type CardChange struct {
	Old, New *Card
	What     []string // "text", "moved", "resized", "kind", …, in a fixed order
}

// Empty reports whether the versions hold the same cards, links, boards
// and names.
func (d *Diff) Empty() bool {
	return d.OldName == d.NewName && !d.ScaleChanged && len(d.Boards) == 0
}

// Counts is the number of cards added, removed and changed over all boards.
func (d *Diff) Counts() (added, removed, changed int) {
	for _, b := range d.Boards {
		added += len(b.AddedCards)
		removed += len(b.RemovedCards)
		changed += len(b.Changed)
	}
	return added, removed, changed
}

// Compare lists what changed from old to new. Either may be nil (nothing):
// compared with nil, every card of the other is added or removed. Boards
// come in new's order, then the removed ones in old's order.
func Compare(old, new *Project) *Diff {
	if old == nil {
		old = &Project{}
	}
	if new == nil {
		new = &Project{}
	}
	d := &Diff{OldName: old.Name, NewName: new.Name,
		ScaleChanged: scaleOf(old) != scaleOf(new)}
	for _, nb := range new.Boards {
		ob := old.Board(nb.ID)
		if ob == nil {
			d.Boards = append(d.Boards, BoardDiff{ID: nb.ID, Title: nb.Title, Added: true,
				AddedCards: slices.Clone(nb.Cards), LinksAdded: len(nb.Links)})
			continue
		}
		if bd := compareBoards(ob, nb); bd != nil {
			d.Boards = append(d.Boards, *bd)
		}
	}
	for _, ob := range old.Boards {
		if new.Board(ob.ID) == nil {
			d.Boards = append(d.Boards, BoardDiff{ID: ob.ID, OldTitle: ob.Title, Title: ob.Title, Removed: true,
				RemovedCards: slices.Clone(ob.Cards), LinksRemoved: len(ob.Links)})
		}
	}
	return d
}

// compareBoards returns nil when the two versions of a board are the same.
func compareBoards(ob, nb *Board) *BoardDiff {
	bd := &BoardDiff{ID: nb.ID, OldTitle: ob.Title, Title: nb.Title,
		StepsChanged:     !slices.Equal(ob.Steps, nb.Steps) || ob.Template != nb.Template,
		ClustersChanged:  !slices.Equal(ob.Clusters, nb.Clusters),
		OtherDataChanged: !bytes.Equal(ob.Unknown, nb.Unknown)}
	for _, nc := range nb.Cards {
		oc := ob.Card(nc.ID)
		if oc == nil {
			bd.AddedCards = append(bd.AddedCards, nc)
			continue
		}
		if what := compareCards(oc, nc); len(what) > 0 {
			bd.Changed = append(bd.Changed, CardChange{Old: oc, New: nc, What: what})
		}
	}
	for _, oc := range ob.Cards {
		if nb.Card(oc.ID) == nil {
			bd.RemovedCards = append(bd.RemovedCards, oc)
		}
	}
	for _, l := range nb.Links {
		switch i := ob.LinkIndex(l.From, l.To); {
		case i < 0:
			bd.LinksAdded++
		case ob.Links[i].Strength != l.Strength:
			bd.LinksChanged++
		}
	}
	for _, l := range ob.Links {
		if !nb.HasLink(l) {
			bd.LinksRemoved++
		}
	}
	if bd.OldTitle == bd.Title && !bd.StepsChanged && !bd.ClustersChanged && !bd.OtherDataChanged &&
		len(bd.AddedCards)+len(bd.RemovedCards)+len(bd.Changed)+bd.LinksAdded+bd.LinksRemoved+bd.LinksChanged == 0 {
		return nil
	}
	return bd
}

// compareCards names what differs between two versions of a card. The
// zone is not named: it follows from the position.
func compareCards(a, b *Card) []string {
	var what []string
	add := func(differ bool, name string) {
		if differ {
			what = append(what, name)
		}
	}
	add(a.Text != b.Text, "text")
	add(a.Kind != b.Kind, "kind")
	add(a.X != b.X || a.Y != b.Y, "moved")
	add(a.W != b.W || a.H != b.H, "resized")
	add(a.Color != b.Color, "colour")
	add(a.Quote != b.Quote || a.Source != b.Source, "quote")
	add(!slices.Equal(a.Tags, b.Tags), "tags")
	add(a.Votes != b.Votes, "votes")
	add(!slices.Equal(a.JobTypes, b.JobTypes), "job types")
	add(!samePtr(a.Severity, b.Severity) || !samePtr(a.Relevance, b.Relevance) ||
		!samePtr(a.Importance, b.Importance) || !samePtr(a.Satisfaction, b.Satisfaction) ||
		!samePtr(a.ForceStrength, b.ForceStrength), "scores")
	add(!bytes.Equal(a.Unknown, b.Unknown), "other data")
	return what
}

func samePtr[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// scaleOf is p's scale with the empty one named: "" and "room" are one.
func scaleOf(p *Project) ScoreScale {
	if p.ScoreScale == "" {
		return ScaleRoom
	}
	return p.ScoreScale
}
