package storage

import (
	"fmt"
	"strconv"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// A vote running on a board, in the file (member "vote" of a board, absent
// when none runs): a workshop may be saved mid-vote and carry on after it
// is opened again. The dots are listed in the order of the board's cards.
type (
	fileVote struct {
		DotsPerPerson wholeNumber   `json:"dotsPerPerson"`
		Voters        wholeNumber   `json:"voters"`
		Kinds         []canvas.Kind `json:"kinds"`
		Dots          []fileDots    `json:"dots,omitempty"`
	}

	fileDots struct {
		Card fileID      `json:"card"`
		Dots wholeNumber `json:"dots"`
	}
)

// vote converts board i's vote into b. A dot list naming a card twice or a
// card not on the board is reported here; the numbers are checked with the
// project (canvas.Project.Validate), once b's cards are read.
func (cv *converter) vote(fv *fileVote, b *canvas.Board, i int) {
	v := &canvas.Vote{DotsPerPerson: int(fv.DotsPerPerson), Voters: int(fv.Voters),
		Kinds: fv.Kinds, Dots: make(map[uuid.UUID]int, len(fv.Dots))}
	path := boardPath(i) + ".vote"
	if fv.Kinds == nil {
		cv.miss(path + ".kinds")
	}
	for j, d := range fv.Dots {
		id := uuid.UUID(d.Card)
		if _, dup := v.Dots[id]; dup {
			cv.missing = append(cv.missing, &canvas.FieldError{Path: path + ".dots[" + strconv.Itoa(j) + "].card",
				Msg: fmt.Sprintf("card %s is listed twice", id)})
		}
		v.Dots[id] = int(d.Dots)
	}
	b.Vote = v
}

// checkVoteCards reports the dots of board i's vote on cards that are not
// on it (the model keeps such dots only for the undo of a delete).
func (cv *converter) checkVoteCards(fb *fileBoard, b *canvas.Board, i int) {
	if fb.Vote == nil {
		return
	}
	for j, d := range fb.Vote.Dots {
		if id := uuid.UUID(d.Card); b.Card(id) == nil {
			cv.missing = append(cv.missing, &canvas.FieldError{Path: boardPath(i) + ".vote.dots[" + strconv.Itoa(j) + "].card",
				Msg: fmt.Sprintf("card %s is not on the board", id)})
		}
	}
}

// toFileVote is b's running vote in the file's shape (nil: none), with
// the dots of the cards on b.
func toFileVote(b *canvas.Board) *fileVote {
	v := b.Vote
	if v == nil {
		return nil
	}
	fv := &fileVote{DotsPerPerson: wholeNumber(v.DotsPerPerson), Voters: wholeNumber(v.Voters), Kinds: v.Kinds}
	for _, c := range b.Cards {
		if n := v.Dots[c.ID]; n > 0 {
			fv.Dots = append(fv.Dots, fileDots{Card: fileID(c.ID), Dots: wholeNumber(n)})
		}
	}
	return fv
}
