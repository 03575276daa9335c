package storage

import (
	"strconv"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// fileCluster is a board's cluster in a file: a named group of cards, with
// its vector of progress. The rect is flat, x, y, w, h, as on a card.
// Pointers mark required numbers whose zero is valid.
type fileCluster struct {
	ID   fileID   `json:"id"`
	Name *string  `json:"name"`
	X    *float64 `json:"x"`
	Y    *float64 `json:"y"`
	W    *float64 `json:"w"`
	H    *float64 `json:"h"`
	From string   `json:"from,omitempty"`
	To   string   `json:"to,omitempty"`
}

type fileClusters []fileCluster

// UnmarshalJSONFrom decodes a board's clusters, at most canvas.MaxClusters.
func (ks *fileClusters) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	s := []fileCluster(*ks)
	err := decodeList(d, &s, canvas.MaxClusters, "clusters", nil)
	*ks = s
	return err
}

func clusterPath(i, j int) string { return boardPath(i) + ".clusters[" + strconv.Itoa(j) + "]" }

// clusters converts board i's clusters to the model, noting missing members.
func (cv *converter) clusters(i int, fks fileClusters) []canvas.Cluster {
	if len(fks) == 0 {
		return nil
	}
	out := make([]canvas.Cluster, len(fks))
	for j, fk := range fks {
		k := canvas.Cluster{ID: uuid.UUID(fk.ID), From: fk.From, To: fk.To}
		if fk.ID == (fileID{}) {
			cv.miss(clusterPath(i, j) + ".id")
		}
		if fk.Name != nil {
			k.Name = *fk.Name
		} else {
			cv.miss(clusterPath(i, j) + ".name")
		}
		for _, f := range []struct {
			name string
			v    *float64
			to   *float64
		}{{"x", fk.X, &k.Rect.X}, {"y", fk.Y, &k.Rect.Y}, {"w", fk.W, &k.Rect.W}, {"h", fk.H, &k.Rect.H}} {
			if f.v == nil {
				cv.miss(clusterPath(i, j) + "." + f.name)
				continue
			}
			*f.to = *f.v
		}
		out[j] = k
	}
	return out
}

// fileClustersOf converts a board's clusters for writing.
func fileClustersOf(ks []canvas.Cluster) fileClusters {
	if len(ks) == 0 {
		return nil
	}
	out := make(fileClusters, len(ks))
	for j := range ks {
		k := &ks[j]
		out[j] = fileCluster{ID: fileID(k.ID), Name: &k.Name, X: &k.Rect.X, Y: &k.Rect.Y,
			W: &k.Rect.W, H: &k.Rect.H, From: k.From, To: k.To}
	}
	return out
}
