package canvas

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/google/uuid"
)

// Cluster is a named group of cards on a board: the customer stories that
// share a pattern. Unlike a template's areas, clusters belong to the board
// and the team draws them as patterns emerge. A card is in a cluster when
// its centre lies in the cluster's rect, so dragging a card in or out is
// all it takes to regroup; no list of members is kept that could disagree
// with what the board shows.
//
// From and To are the cluster's vector of progress: the direction the
// people in it want to move in, from where they were to where they want
// to be.
type Cluster struct {
	ID       uuid.UUID
	Name     string
	Rect     Rect
	From, To string
}

// Limits of clusters.
const (
	MaxClusters       = 200 // on one board
	MaxClusterNameLen = 80
	MaxVectorLen      = 200 // each side of a vector of progress
	MinClusterW       = 160
	MinClusterH       = 120
	MaxClusterSize    = 20000
)

// DefaultClusterRect is the size of a new cluster: room for about six
// cards of the default size under its title.
var DefaultClusterRect = Rect{W: 720, H: 480}

// NewClusterName is the name a cluster gets before the team names it.
const NewClusterName = "New cluster"

// ClusterIndex is the position of the cluster with that id, or -1.
func (b *Board) ClusterIndex(id uuid.UUID) int {
	for i := range b.Clusters {
		if b.Clusters[i].ID == id {
			return i
		}
	}
	return -1
}

// Cluster returns the cluster with that id.
func (b *Board) Cluster(id uuid.UUID) (*Cluster, bool) {
	if i := b.ClusterIndex(id); i >= 0 {
		return &b.Clusters[i], true
	}
	return nil, false
}

// ClusterAt returns the topmost cluster holding p: when clusters overlap,
// the last one drawn wins, as for cards.
func (b *Board) ClusterAt(p Point) (*Cluster, bool) {
	for i := len(b.Clusters) - 1; i >= 0; i-- {
		if b.Clusters[i].Rect.Contains(p) {
			return &b.Clusters[i], true
		}
	}
	return nil, false
}

// ClusterCards lists the cards of the cluster with that id, in drawing
// order: those whose centre lies in it and in no cluster above it.
func (b *Board) ClusterCards(id uuid.UUID) []uuid.UUID {
	i := b.ClusterIndex(id)
	if i < 0 {
		return nil
	}
	var out []uuid.UUID
	for _, c := range b.Cards {
		if k, ok := b.ClusterAt(c.Center()); ok && k.ID == id {
			out = append(out, c.ID)
		}
	}
	return out
}

// Vector is the cluster's vector of progress as one line, in words
// ("From … to …"): the app's fonts have no arrow to draw mid-line. It is
// "" when neither side is set.
func (k *Cluster) Vector() string {
	from, to := strings.TrimSpace(k.From), strings.TrimSpace(k.To)
	switch {
	case from == "" && to == "":
		return ""
	case to == "":
		return "From " + from
	case from == "":
		return "Towards " + to
	}
	return "From " + from + " to " + to
}

// ValidateCluster reports what is wrong with k, naming the field.
func ValidateCluster(k *Cluster) error {
	c := &checker{}
	c.cluster("cluster", k)
	if len(c.errs) > 0 {
		return c.errs
	}
	return nil
}

func (c *checker) cluster(path string, k *Cluster) {
	if k.ID == uuid.Nil {
		c.addf(path+".id", "must not be the nil uuid")
	}
	c.text(path+".name", k.Name, 1, MaxClusterNameLen)
	c.text(path+".from", k.From, 0, MaxVectorLen)
	c.text(path+".to", k.To, 0, MaxVectorLen)
	r := k.Rect
	for _, f := range []struct {
		name string
		v    float64
	}{{"x", r.X}, {"y", r.Y}} {
		if math.IsNaN(f.v) || math.Abs(f.v) > MaxCoordinate {
			c.addf(path+"."+f.name, "must be between %g and %g", -MaxCoordinate, float64(MaxCoordinate))
		}
	}
	if math.IsNaN(r.W) || r.W < MinClusterW || r.W > MaxClusterSize {
		c.addf(path+".w", "must be between %d and %d, not %g", MinClusterW, MaxClusterSize, r.W)
	}
	if math.IsNaN(r.H) || r.H < MinClusterH || r.H > MaxClusterSize {
		c.addf(path+".h", "must be between %d and %d, not %g", MinClusterH, MaxClusterSize, r.H)
	}
}

// clusters checks the clusters of the board at path; ids share seen with
// the project's other ids.
func (c *checker) clusters(path string, ks []Cluster, seen map[uuid.UUID]string) {
	if len(ks) > MaxClusters {
		c.addf(path+".clusters", "too many clusters: %d, the limit is %d", len(ks), MaxClusters)
	}
	for i := range ks {
		kp := fmt.Sprintf("%s.clusters[%d]", path, i)
		c.id(kp, ks[i].ID, seen)
		c.cluster(kp, &ks[i])
	}
}

// AddCluster puts a new cluster on a board, on top of the others. The
// cards under it become its members by where they are.
type AddCluster struct {
	Board   uuid.UUID
	Cluster Cluster
}

func (e *AddCluster) Name() string       { return "Add cluster" }
func (e *AddCluster) BoardID() uuid.UUID { return e.Board }

func (e *AddCluster) Apply(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	if err := ValidateCluster(&e.Cluster); err != nil {
		return err
	}
	if b.ClusterIndex(e.Cluster.ID) >= 0 {
		return fmt.Errorf("cluster %s is already on the board", e.Cluster.ID)
	}
	if len(b.Clusters) >= MaxClusters {
		return fmt.Errorf("a board holds at most %d clusters", MaxClusters)
	}
	b.Clusters = append(b.Clusters, e.Cluster)
	return nil
}

func (e *AddCluster) Undo(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	b.Clusters = slices.DeleteFunc(b.Clusters, func(k Cluster) bool { return k.ID == e.Cluster.ID })
	return nil
}

// RemoveCluster deletes a cluster; its cards stay where they are, loose
// on the board or in a cluster below.
type RemoveCluster struct {
	Board uuid.UUID
	ID    uuid.UUID

	old indexed[Cluster]
}

func (e *RemoveCluster) Name() string       { return "Delete cluster" }
func (e *RemoveCluster) BoardID() uuid.UUID { return e.Board }

func (e *RemoveCluster) Apply(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	i := b.ClusterIndex(e.ID)
	if i < 0 {
		return fmt.Errorf("cluster %s: %w", e.ID, ErrNotFound)
	}
	e.old = indexed[Cluster]{i, b.Clusters[i]}
	b.Clusters = slices.Delete(b.Clusters, i, i+1)
	return nil
}

func (e *RemoveCluster) Undo(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	b.Clusters = slices.Insert(b.Clusters, min(e.old.at, len(b.Clusters)), e.old.v)
	return nil
}

// UpdateCluster replaces a cluster's name, rect or vector of progress; the
// cards stay put, so a resize takes cards in or leaves them out. The
// updates sent during one drag of the resize handle share a Gesture and
// become one undo step. Moving a cluster with its cards is MoveCluster.
type UpdateCluster struct {
	Board   uuid.UUID
	Cluster Cluster // the new state; its ID names the cluster
	Label   string  // "Rename cluster", "Resize cluster" …
	Gesture uint64  // non-zero: coalesce with the previous update of the same gesture

	old *Cluster
}

func (e *UpdateCluster) Name() string {
	if e.Label != "" {
		return e.Label
	}
	return "Change cluster"
}

func (e *UpdateCluster) BoardID() uuid.UUID { return e.Board }

func (e *UpdateCluster) Apply(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	k, ok := b.Cluster(e.Cluster.ID)
	if !ok {
		return fmt.Errorf("cluster %s: %w", e.Cluster.ID, ErrNotFound)
	}
	if err := ValidateCluster(&e.Cluster); err != nil {
		return err
	}
	if e.old == nil {
		old := *k
		e.old = &old
	}
	*k = e.Cluster
	return nil
}

func (e *UpdateCluster) Undo(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	k, ok := b.Cluster(e.Cluster.ID)
	if !ok || e.old == nil {
		return fmt.Errorf("cluster %s: %w", e.Cluster.ID, ErrNotFound)
	}
	*k = *e.old
	return nil
}

func (e *UpdateCluster) coalesce(next Edit) bool {
	n, ok := next.(*UpdateCluster)
	if !ok || e.Gesture == 0 || n.Gesture != e.Gesture || n.Board != e.Board || n.Cluster.ID != e.Cluster.ID {
		return false
	}
	e.Cluster = n.Cluster
	return true
}

// MoveCluster moves a cluster by a delta and its cards along with it, as
// one undo step. The cards are those in the cluster when the gesture
// began: a cluster dragged across others' cards does not sweep them up.
type MoveCluster struct {
	Board   uuid.UUID
	ID      uuid.UUID
	DX, DY  float64
	Gesture uint64 // non-zero: coalesce with the previous move of the same gesture

	from  Rect
	cards *MoveCards
}

func (e *MoveCluster) Name() string       { return "Move cluster" }
func (e *MoveCluster) BoardID() uuid.UUID { return e.Board }

func (e *MoveCluster) Apply(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	k, ok := b.Cluster(e.ID)
	if !ok {
		return fmt.Errorf("cluster %s: %w", e.ID, ErrNotFound)
	}
	to := k.Rect
	to.X += e.DX
	to.Y += e.DY
	if math.IsNaN(to.X) || math.IsNaN(to.Y) || math.Abs(to.X) > MaxCoordinate || math.Abs(to.Y) > MaxCoordinate {
		return fmt.Errorf("cluster %q would leave the board", k.Name)
	}
	if e.cards == nil {
		e.cards = &MoveCards{Board: e.Board, IDs: b.ClusterCards(e.ID), Gesture: e.Gesture}
	}
	e.cards.DX, e.cards.DY = e.DX, e.DY
	if err := e.cards.Apply(p); err != nil {
		return err
	}
	e.from = k.Rect
	k.Rect = to
	return nil
}

func (e *MoveCluster) Undo(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	k, ok := b.Cluster(e.ID)
	if !ok || e.cards == nil {
		return fmt.Errorf("cluster %s: %w", e.ID, ErrNotFound)
	}
	if err := e.cards.Undo(p); err != nil {
		return err
	}
	k.Rect = e.from
	return nil
}

func (e *MoveCluster) sameGesture(n *MoveCluster) bool {
	return e.Gesture != 0 && n.Gesture == e.Gesture && n.Board == e.Board && n.ID == e.ID
}

func (e *MoveCluster) coalesce(next Edit) bool {
	n, ok := next.(*MoveCluster)
	if !ok || !e.sameGesture(n) || !e.cards.coalesce(n.cards) {
		return false
	}
	e.DX += n.DX
	e.DY += n.DY
	// e.from stays where the gesture began: undo goes back there.
	return true
}

// continues implements continuer: the next move of a gesture takes the
// cards the gesture began with, placed from where they began.
func (e *MoveCluster) continues(prev Edit) {
	p, ok := prev.(*MoveCluster)
	if !ok || e.cards != nil || !p.sameGesture(e) || p.cards == nil {
		return
	}
	e.cards = &MoveCards{Board: e.Board, IDs: p.cards.IDs, Gesture: e.Gesture}
	e.cards.continues(p.cards)
}
