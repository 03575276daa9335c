package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/jobcanvas/jobcanvas/assets"
	"github.com/jobcanvas/jobcanvas/canvas"
)

const schemaPath = "../assets/schema/jobcanvas.schema.json"

func compileSchema(t *testing.T) *jsonschema.Schema { return compileSchemaFile(t, schemaPath) }

// compileSchemaFile compiles the JSON Schema at path (project or template).
func compileSchemaFile(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(path)
	c := jsonschema.NewCompiler()
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func schemaValidate(s *jsonschema.Schema, data []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(bytes.TrimPrefix(data, bom)))
	if err != nil {
		return err
	}
	return s.Validate(inst)
}

// TestSchemaAcceptsOutput: what Encode writes, and every version 1 file
// under testdata, is valid by the published schema.
func TestSchemaAcceptsOutput(t *testing.T) {
	s := compileSchema(t)
	inputs := map[string][]byte{
		"Encode(generated, 300 cards)": mustEncode(t, genProject(11, 300)),
		"Encode(minimal project)":      mustEncode(t, &canvas.Project{ID: uuid.New(), Name: "Minimal"}),
		"the bundled sample":           assets.Sample,
	}
	files, _ := filepath.Glob("testdata/*.jobcanvas")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if v, err := peekVersion(bytes.TrimPrefix(data, bom), f); err != nil || v != Version {
			continue // older versions have their own shape
		}
		inputs[f] = data
	}
	if len(inputs) < 6 {
		t.Fatalf("only %d inputs", len(inputs))
	}
	for name, data := range inputs {
		if err := schemaValidate(s, data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestSchemaRejects: the schema refuses what Decode refuses, where a
// schema can say it, so that other tools judge files as Jobcanvas does.
func TestSchemaRejects(t *testing.T) {
	s := compileSchema(t)
	tests := []struct{ name, old, new string }{
		{"importance 11", `"importance": 7`, `"importance": 11`},
		{"unknown kind", `"kind": "pain"`, `"kind": "idea"`},
		{"empty template", `"template": "value-proposition"`, `"template": ""`},
		{"newer version", `"version": 1`, `"version": 2`},
		{"wrong format", `"format": "jobcanvas"`, `"format": "other"`},
		{"bad UUID", `"id": "7b1905dd-bd34-4c07-ba31-55b2bff7037b"`, `"id": "7b1905dd"`},
		{"wrong type", `"x": 400`, `"x": "400"`},
		{"missing text", `"text": "Arrive sweaty", `, ``},
		{"unknown member in a link", `"to": "2b35c26e-46e7-413f-b48e-9f71762089ea"`, `"to": "2b35c26e-46e7-413f-b48e-9f71762089ea", "weight": 2`},
		{"text too long", `"Arrive sweaty"`, `"` + strings.Repeat("é", 2001) + `"`},
		{"too small", `"w": 160, "h": 100},`, `"w": 19, "h": 100},`},
		{"unknown link strength", `"to": "2b35c26e-46e7-413f-b48e-9f71762089ea"`, `"to": "2b35c26e-46e7-413f-b48e-9f71762089ea", "strength": "total"`},
		{"unknown job type", `"kind": "pain", `, `"kind": "pain", "jobTypes": ["financial"], `},
		{"duplicate job type", `"kind": "pain", `, `"kind": "pain", "jobTypes": ["social", "social"], `},
		{"unknown score scale", `"name": "Test",`, `"name": "Test", "scoreScale": "gut",`},
	}
	if err := schemaValidate(s, []byte(base)); err != nil {
		t.Fatalf("base: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(edit(t, tt.old, tt.new))
			if _, err := Decode(in, "t"); err == nil {
				t.Fatal("Decode accepts it")
			}
			if err := schemaValidate(s, in); err == nil {
				t.Error("the schema accepts what Decode refuses")
			}
		})
	}
}
