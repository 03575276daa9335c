package canvas

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strings"
)

// ParseTemplate reads a template file: JSON as in assets/templates, with
// no unknown members, checked as a whole. name is the file's name, which
// errors start with, followed by the line and column of bad JSON or the
// field at fault ("zones[2].rect.w").
func ParseTemplate(name string, data []byte) (*Template, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	t := new(Template)
	if err := dec.Decode(t); err != nil {
		return nil, jsonError(name, data, err)
	}
	if dec.More() {
		off := dec.InputOffset()
		off += int64(len(data[off:]) - len(bytes.TrimLeft(data[off:], " \t\r\n")))
		return nil, fmt.Errorf("template %s: %s: more after the template's object", name, position(data, off))
	}
	if err := t.validate(); err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return t, nil
}

// jsonError says where a template's JSON is wrong.
func jsonError(name string, data []byte, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		// The offset is just past the character at fault.
		return fmt.Errorf("template %s: %s: %v", name, position(data, syntax.Offset-1), syntax)
	case errors.As(err, &typ):
		// Every member of a template file is in lower case, unlike the
		// Go fields the error names (Rect's X, Y, W, H).
		return fmt.Errorf("template %s: %s: %s: want %s, got %s", name, position(data, typ.Offset), strings.ToLower(typ.Field), jsonKind(typ.Type.Kind()), jsonValue(typ.Value))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return fmt.Errorf("template %s: unknown member %s", name, strings.TrimPrefix(err.Error(), "json: unknown field "))
	case errors.Is(err, io.EOF) || err.Error() == "unexpected EOF":
		return fmt.Errorf("template %s: the file ends before the template does", name)
	}
	return fmt.Errorf("template %s: %w", name, err)
}

// jsonKind names a Go kind as a template file's writer knows it.
func jsonKind(k reflect.Kind) string {
	switch k {
	case reflect.Float64, reflect.Float32, reflect.Int, reflect.Int64:
		return "a number"
	case reflect.String:
		return "text in quotes"
	case reflect.Slice, reflect.Array:
		return "a list [ … ]"
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return "an object { … }"
	case reflect.Bool:
		return "true or false"
	}
	return k.String()
}

// jsonValue names the kind of JSON value found, as encoding/json gives it.
func jsonValue(v string) string {
	switch {
	case v == "string":
		return "text"
	case v == "number" || strings.HasPrefix(v, "number "):
		return "a number"
	case v == "array":
		return "a list"
	case v == "object":
		return "an object"
	}
	return v
}

// position is "line L, column C" of a byte offset.
func position(data []byte, off int64) string {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return fmt.Sprintf("line %d, column %d", line, col)
}

// fieldError is a bad value at a field of the template.
type fieldError struct {
	field, msg string
}

func (e *fieldError) Error() string { return e.field + ": " + e.msg }

func bad(field, format string, args ...any) error {
	return &fieldError{field, fmt.Sprintf(format, args...)}
}

func (t *Template) validate() error {
	if strings.TrimSpace(t.ID) == "" {
		return bad("id", "missing")
	}
	if strings.TrimSpace(t.Name) == "" {
		return bad("name", "missing")
	}
	if t.Columns == nil || t.Bounds != (Rect{}) {
		if err := checkRect("bounds", t.Bounds); err != nil {
			return err
		}
	}
	ids := map[string]string{}
	unique := func(field, id string) error {
		if strings.TrimSpace(id) == "" {
			return bad(field+".id", "missing")
		}
		if prev, ok := ids[id]; ok {
			return bad(field+".id", "%q is also the id of %s", id, prev)
		}
		ids[id] = field
		return nil
	}
	for i, f := range t.Frames {
		field := fmt.Sprintf("frames[%d]", i)
		if err := unique(field, f.ID); err != nil {
			return err
		}
		switch {
		case (f.Rect == nil) == (f.Circle == nil):
			return bad(field, "needs either a rect or a circle")
		case f.Rect != nil:
			if err := checkRect(field+".rect", *f.Rect); err != nil {
				return err
			}
		default:
			if err := checkCircle(field+".circle", *f.Circle); err != nil {
				return err
			}
		}
	}
	for i, z := range t.Zones {
		field := fmt.Sprintf("zones[%d]", i)
		if err := unique(field, z.ID); err != nil {
			return err
		}
		if err := checkRect(field+".rect", z.Rect); err != nil {
			return err
		}
		if z.Circle != nil {
			if err := checkCircle(field+".circle", *z.Circle); err != nil {
				return err
			}
			if !z.Rect.Intersects(z.Circle.Bounds()) {
				return bad(field+".circle", "does not meet the zone's rect: the zone would be empty")
			}
		}
		if err := checkKinds(field+".kinds", z.Kinds); err != nil {
			return err
		}
		if z.Place != "" && z.Place != PlaceTop && z.Place != PlaceBottom {
			return bad(field+".place", "%q: want %q or %q", z.Place, PlaceTop, PlaceBottom)
		}
		if z.Align != "" && z.Align != AlignLeft && z.Align != AlignCenter && z.Align != AlignRight {
			return bad(field+".align", "%q: want %q, %q or %q", z.Align, AlignLeft, AlignCenter, AlignRight)
		}
	}
	for i, a := range t.Areas {
		field := fmt.Sprintf("areas[%d]", i)
		if err := unique(field, a.ID); err != nil {
			return err
		}
		if err := checkRect(field+".rect", a.Rect); err != nil {
			return err
		}
	}
	if a := t.Axes; a != nil {
		if err := checkRect("axes.rect", a.Rect); err != nil {
			return err
		}
		if !finite(a.X, a.Y) || a.X <= a.Rect.X || a.X >= a.Rect.X+a.Rect.W || a.Y <= a.Rect.Y || a.Y >= a.Rect.Y+a.Rect.H {
			return bad("axes", "the axes cross at (%g, %g), outside their rect", a.X, a.Y)
		}
	}
	if c := t.Columns; c != nil {
		switch {
		case !finite(c.X, c.Y, c.Width, c.Header):
			return bad("columns", "x, y, width and header must be numbers")
		case c.Width <= 0:
			return bad("columns.width", "must be positive, got %g", c.Width)
		case c.Header < 0:
			return bad("columns.header", "must not be negative, got %g", c.Header)
		case len(c.Rows) == 0:
			return bad("columns.rows", "a column template needs at least one row")
		}
		for i, r := range c.Rows {
			field := fmt.Sprintf("columns.rows[%d]", i)
			if err := unique(field, r.ID); err != nil {
				return err
			}
			if !finite(r.Height) || r.Height <= 0 {
				return bad(field+".height", "must be positive, got %g", r.Height)
			}
			if err := checkKinds(field+".kinds", r.Kinds); err != nil {
				return err
			}
		}
	}
	if b := t.Balance; b != nil {
		if err := checkBalance(b); err != nil {
			return err
		}
	}
	steps := map[string]bool{}
	for i, s := range t.Steps {
		field := fmt.Sprintf("steps[%d]", i)
		if t.Columns == nil {
			return bad("steps", "only a template with columns has steps")
		}
		if strings.TrimSpace(s.ID) == "" || steps[s.ID] {
			return bad(field+".id", "missing or used twice: %q", s.ID)
		}
		steps[s.ID] = true
	}
	return nil
}

func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

func checkRect(field string, r Rect) error {
	switch {
	case !finite(r.X, r.Y, r.W, r.H):
		return bad(field, "must be numbers")
	case r.W <= 0:
		return bad(field+".w", "must be positive, got %g", r.W)
	case r.H <= 0:
		return bad(field+".h", "must be positive, got %g", r.H)
	}
	return nil
}

func checkCircle(field string, c Circle) error {
	if !finite(c.CX, c.CY, c.R) || c.R <= 0 {
		return bad(field+".r", "must be positive, got %g", c.R)
	}
	return nil
}

func checkKinds(field string, ks []Kind) error {
	for i, k := range ks {
		if !k.Valid() {
			names := make([]string, len(Kinds))
			for j, k := range Kinds {
				names[j] = string(k)
			}
			return bad(fmt.Sprintf("%s[%d]", field, i), "unknown kind %q (one of %s)", k, strings.Join(names, ", "))
		}
	}
	return nil
}

func checkBalance(b *BalanceBar) error {
	if err := checkRect("balance.rect", b.Rect); err != nil {
		return err
	}
	if len(b.Towards) == 0 {
		return bad("balance.towards", "needs at least one kind")
	}
	if len(b.Against) == 0 {
		return bad("balance.against", "needs at least one kind")
	}
	if err := checkKinds("balance.towards", b.Towards); err != nil {
		return err
	}
	if err := checkKinds("balance.against", b.Against); err != nil {
		return err
	}
	for i, k := range b.Against {
		if slices.Contains(b.Towards, k) {
			return bad(fmt.Sprintf("balance.against[%d]", i), "%q is also towards: a card cannot weigh on both sides", k)
		}
	}
	return nil
}
