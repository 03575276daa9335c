package storage

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// storyCards replaces base's cards with a job story, a customer story and
// a competitor written part by part.
const storyCards = `{"id": "1a981a86-d48b-433b-83a1-0d721c590380", "kind": "job-story", "text": "When it rains, I want to stay dry", "x": 100, "y": 100, "w": 160, "h": 100,
         "parts": {"situation": "it rains", "motivation": "stay dry"}},
        {"id": "2b35c26e-46e7-413f-b48e-9f71762089ea", "kind": "customer-story", "text": "Ana: from the bus to a bike", "x": 400, "y": 100, "w": 160, "h": 100,
         "quote": "I was always late", "parts": {"who": "Ana", "from": "the bus", "to": "a bike", "tradeOffs": "Wet in winter"}},
        {"id": "3c46d37f-57f8-424f-c59f-af82873190fb", "kind": "competitor-direct", "text": "Taxi, hired for rainy days", "x": 700, "y": 100, "w": 160, "h": 100,
         "parts": {"product": "Taxi", "hiredFor": "rainy days"}}`

func storyBase(t *testing.T) string {
	t.Helper()
	in := edit(t, `{"id": "1a981a86-d48b-433b-83a1-0d721c590380", "kind": "pain", "text": "Arrive sweaty", "x": 100, "y": 100, "w": 160, "h": 100},
        {"id": "2b35c26e-46e7-413f-b48e-9f71762089ea", "kind": "outcome", "text": "Minimize time", "x": 400, "y": 100, "w": 160, "h": 100, "importance": 7}`, storyCards)
	return strings.Replace(strings.Replace(in, `"template": "value-proposition"`, `"template": "free"`, 1),
		`"links": [{"from": "1a981a86-d48b-433b-83a1-0d721c590380", "to": "2b35c26e-46e7-413f-b48e-9f71762089ea"}]`, `"links": []`, 1)
}

func TestPartsRoundTrip(t *testing.T) {
	p := mustDecode(t, []byte(storyBase(t)))
	cards := p.Boards[0].Cards
	if got := cards[1].Parts; !reflect.DeepEqual(got, map[string]string{"who": "Ana", "from": "the bus", "to": "a bike", "tradeOffs": "Wet in winter"}) {
		t.Fatalf("customer story parts = %q", got)
	}
	if cards[1].Quote != "I was always late" {
		t.Errorf("quote = %q", cards[1].Quote)
	}
	data := mustEncode(t, p)
	// Keys in order, whatever the map's: the same project, the same bytes.
	if !bytes.Contains(data, []byte(`"parts": {
            "from": "the bus",
            "to": "a bike",
            "tradeOffs": "Wet in winter",
            "who": "Ana"
          }`)) {
		t.Errorf("parts not written in key order:\n%s", data)
	}
	for range 5 {
		if again := mustEncode(t, mustDecode(t, data)); !bytes.Equal(again, data) {
			t.Fatalf("Encode(Decode(b)) != b:\n%s", firstDiff(again, data))
		}
	}
	if !reflect.DeepEqual(mustDecode(t, data).Boards[0].Cards[2].Parts, cards[2].Parts) {
		t.Error("competitor parts lost")
	}
	if err := schemaValidate(compileSchema(t), data); err != nil {
		t.Errorf("schema: %v", err)
	}
}

func TestPartsRejected(t *testing.T) {
	s := compileSchema(t)
	tests := []struct{ name, old, new, msg string }{
		{"a part the kind has not", `"motivation": "stay dry"`, `"motivation": "stay dry", "who": "Ana"`, `boards[0].cards[0].parts.who: a job story has no part "who" (want situation, motivation or outcome)`},
		{"parts on a note", `"kind": "job-story"`, `"kind": "note"`, `boards[0].cards[0].parts.motivation: a note has no part`},
		{"a part not text", `"product": "Taxi"`, `"product": 7`, `parts`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := strings.Replace(storyBase(t), tt.old, tt.new, 1)
			_, err := Decode([]byte(in), "t")
			if err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Decode: %v, want %q", err, tt.msg)
			}
			if err := schemaValidate(s, []byte(in)); err == nil {
				t.Error("the schema accepts what Decode refuses")
			}
		})
	}
}
