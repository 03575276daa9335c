package canvas

import (
	"fmt"
	"slices"
)

// IsBundled reports whether id names a template shipped with Jobcanvas,
// as opposed to one read from the user's templates folder: dialogs mark
// the user's, and a user file may not take a bundled id.
func IsBundled(id string) bool {
	_, ok := builtin()[id]
	return ok
}

// TemplateFromBoard makes a template, with that id and name, of b's shape:
// its template's bounds, frames, zones, areas, axes and columns with their
// labels and questions, and for a column template the board's steps as
// they are now (a team's own job map becomes the start of the next one).
// Cards and links are the workshop's content, not the shape: they stay
// behind.
func TemplateFromBoard(b *Board, id, name string) (*Template, error) {
	src := b.TemplateOf()
	t := &Template{
		ID:          id,
		Name:        name,
		Description: src.Description,
		Bounds:      src.Bounds,
		Frames:      cloneFrames(src.Frames),
		Zones:       cloneZones(src.Zones),
		Areas:       slices.Clone(src.Areas),
	}
	if src.Axes != nil {
		a := *src.Axes
		t.Axes = &a
	}
	if src.Columns != nil {
		c := *src.Columns
		c.Rows = make([]Row, len(src.Columns.Rows))
		for i, r := range src.Columns.Rows {
			r.Kinds = slices.Clone(r.Kinds)
			c.Rows[i] = r
		}
		t.Columns = &c
		t.Steps = slices.Clone(b.Steps)
	}
	if err := t.validate(); err != nil {
		return nil, fmt.Errorf("template %s: %w", id, err)
	}
	return t, nil
}

// cloneFrames copies frames deeply: the new template must not share the
// bundled one's rects and circles.
func cloneFrames(fs []Frame) []Frame {
	if fs == nil {
		return nil
	}
	out := make([]Frame, len(fs))
	for i, f := range fs {
		if f.Rect != nil {
			r := *f.Rect
			f.Rect = &r
		}
		if f.Circle != nil {
			c := *f.Circle
			f.Circle = &c
		}
		out[i] = f
	}
	return out
}

func cloneZones(zs []Zone) []Zone {
	if zs == nil {
		return nil
	}
	out := make([]Zone, len(zs))
	for i, z := range zs {
		z.Kinds = slices.Clone(z.Kinds)
		if z.Circle != nil {
			c := *z.Circle
			z.Circle = &c
		}
		out[i] = z
	}
	return out
}
