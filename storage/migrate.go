package storage

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// Files of an older format version are migrated on load, one version at a
// time: each change of format is one named migration from version N to
// N+1, applied in order to the file's JSON tree before it is decoded as
// the current version. Old files keep opening forever; what a migration
// does not touch (unknown members included) passes through in order.
//
// Version 0 was the pre-release format of the 2024 prototypes. It was
// version 1 except for cards, which had
//
//	"type": "pain"            where version 1 has "kind": "pain"
//	"pos": [x, y]             where version 1 has "x": x, "y": y
//	"size": [w, h]            where version 1 has "w": w, "h": h

// oldestVersion is the oldest format version that can still be read.
const oldestVersion = 0

// A migration turns the tree of a file of format version from into
// version from+1; the version member is updated by migrate.
type migration struct {
	from  int
	name  string
	apply func(doc *object) error
}

// migrations are in order: migrations[i] reads version oldestVersion+i,
// and the last one writes Version.
var migrations = []migration{
	{0, `cards: "type" becomes "kind", "pos" becomes "x", "y", "size" becomes "w", "h"`, migrateCards0},
}

// migrationError is a problem a migration found, at a path of the file.
type migrationError struct {
	path string
	msg  string
}

func (e *migrationError) Error() string { return e.path + ": " + e.msg }

// migrate brings data, a file of version from, to the current version.
// Problems found on the way are reported with the file's name and, for
// JSON errors, their place in the file.
func migrate(data []byte, from int, name string) ([]byte, error) {
	if from < oldestVersion || from >= Version {
		return nil, &SyntaxError{File: name, Path: "version", Msg: fmt.Sprintf("unknown format version %d", from)}
	}
	d := jsontext.NewDecoder(bytes.NewBuffer(data))
	tree, err := parseTree(d, 1)
	if err == nil && !isBlank(data[d.InputOffset():]) {
		// Let the codec say what follows, as it does for version 1.
		err = json.Unmarshal(data, new(jsontext.Value))
	}
	if err != nil {
		if lim, ok := err.(*limitError); ok {
			return nil, &SyntaxError{File: name, Msg: lim.msg, Err: ErrTooLarge}
		}
		return nil, decodeError(err, data, name, -1)
	}
	doc := tree.(*object) // peekVersion saw an object
	for _, m := range migrations[from-oldestVersion:] {
		if err := m.apply(doc); err != nil {
			e := &SyntaxError{File: name, Msg: err.Error()}
			if me, ok := err.(*migrationError); ok {
				e.Path, e.Msg = me.path, me.msg
			}
			e.Msg += fmt.Sprintf(" (migrating from format version %d)", m.from)
			return nil, e
		}
		doc.set("version", jsontext.Value(strconv.Itoa(m.from+1)))
	}
	var out bytes.Buffer
	e := jsontext.NewEncoder(&out)
	if err := writeTree(e, doc); err != nil {
		return nil, &SyntaxError{File: name, Msg: "migrating: " + err.Error()}
	}
	return bytes.TrimSuffix(out.Bytes(), []byte("\n")), nil
}

// The JSON tree a migration works on. A value is an *object, an array
// ([]any) or, for anything else, the jsontext.Value as the file has it,
// so numbers keep their precision and their form.
type (
	object struct{ members []member }
	member struct {
		name  string
		value any
	}
)

// parseTree reads one value at the given nesting depth.
func parseTree(d *jsontext.Decoder, level int) (any, error) {
	switch d.PeekKind() {
	case '{':
		if level > MaxDepth {
			return nil, &limitError{fmt.Sprintf("nested more than %d deep", MaxDepth)}
		}
		if _, err := d.ReadToken(); err != nil {
			return nil, err
		}
		o := &object{}
		for d.PeekKind() != '}' {
			tok, err := d.ReadToken()
			if err != nil {
				return nil, err
			}
			name := tok.String()
			v, err := parseTree(d, level+1)
			if err != nil {
				return nil, err
			}
			o.members = append(o.members, member{name, v})
		}
		_, err := d.ReadToken()
		return o, err
	case '[':
		if level > MaxDepth {
			return nil, &limitError{fmt.Sprintf("nested more than %d deep", MaxDepth)}
		}
		if _, err := d.ReadToken(); err != nil {
			return nil, err
		}
		a := []any{}
		for d.PeekKind() != ']' {
			v, err := parseTree(d, level+1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
		_, err := d.ReadToken()
		return a, err
	}
	v, err := d.ReadValue()
	return v.Clone(), err
}

// writeTree writes v as parseTree read it.
func writeTree(e *jsontext.Encoder, v any) error {
	switch v := v.(type) {
	case *object:
		if err := e.WriteToken(jsontext.BeginObject); err != nil {
			return err
		}
		for _, m := range v.members {
			if err := e.WriteToken(jsontext.String(m.name)); err != nil {
				return err
			}
			if err := writeTree(e, m.value); err != nil {
				return err
			}
		}
		return e.WriteToken(jsontext.EndObject)
	case []any:
		if err := e.WriteToken(jsontext.BeginArray); err != nil {
			return err
		}
		for _, x := range v {
			if err := writeTree(e, x); err != nil {
				return err
			}
		}
		return e.WriteToken(jsontext.EndArray)
	case jsontext.Value:
		return e.WriteValue(v)
	}
	return fmt.Errorf("unexpected %T in the tree", v)
}

// index returns the position of the member called name, or -1.
func (o *object) index(name string) int {
	for i, m := range o.members {
		if m.name == name {
			return i
		}
	}
	return -1
}

// get returns the value of the member called name.
func (o *object) get(name string) (any, bool) {
	if i := o.index(name); i >= 0 {
		return o.members[i].value, true
	}
	return nil, false
}

// set changes the member called name in place, or adds it at the end.
func (o *object) set(name string, v any) {
	if i := o.index(name); i >= 0 {
		o.members[i].value = v
		return
	}
	o.members = append(o.members, member{name, v})
}

// rename gives the member called old the name new, where it stands.
func (o *object) rename(old, new string) error {
	i := o.index(old)
	if i < 0 {
		return nil
	}
	if o.index(new) >= 0 {
		return fmt.Errorf("has both %q and %q", old, new)
	}
	o.members[i].name = new
	return nil
}

// split replaces the member name, an array of numbers, by one member per
// element, named as names say, where it stands.
func (o *object) split(name string, names ...string) error {
	i := o.index(name)
	if i < 0 {
		return nil
	}
	for _, n := range names {
		if o.index(n) >= 0 {
			return fmt.Errorf("has both %q and %q", name, n)
		}
	}
	a, ok := o.members[i].value.([]any)
	if ok && len(a) == len(names) {
		for _, x := range a {
			if v, isValue := x.(jsontext.Value); !isValue || v.Kind() != '0' {
				ok = false
			}
		}
	}
	if !ok || len(a) != len(names) {
		return fmt.Errorf("%q: want an array of %d numbers", name, len(names))
	}
	repl := make([]member, len(names))
	for j, n := range names {
		repl[j] = member{n, a[j]}
	}
	o.members = append(o.members[:i], append(repl, o.members[i+1:]...)...)
	return nil
}

// migrateCards0 brings cards from version 0 to 1. Members that are not
// what version 0 had are left for the decoder to report.
func migrateCards0(doc *object) error {
	boards, _ := doc.get("boards")
	bs, _ := boards.([]any)
	for i, b := range bs {
		bo, ok := b.(*object)
		if !ok {
			continue
		}
		cards, _ := bo.get("cards")
		cs, _ := cards.([]any)
		for j, c := range cs {
			co, ok := c.(*object)
			if !ok {
				continue
			}
			for _, err := range []error{co.rename("type", "kind"), co.split("pos", "x", "y"), co.split("size", "w", "h")} {
				if err != nil {
					return &migrationError{cardPath(i, j), err.Error()}
				}
			}
		}
	}
	return nil
}
