package storage_test

import (
	"errors"
	"fmt"

	"github.com/jobcanvas/jobcanvas/storage"
)

func ExampleDecode() {
	data := []byte(`{
  "format": "jobcanvas",
  "version": 1,
  "id": "7b1905dd-bd34-4c07-ba31-55b2bff7037b",
  "name": "Commuter cycling",
  "boards": [
    {"id": "d6ad0991-f206-4642-a462-17268295f4ae", "template": "value-proposition", "title": "Urban commuter",
     "cards": [{"id": "1a981a86-d48b-433b-83a1-0d721c590380", "kind": "pain", "text": "Arrive sweaty",
                "x": 1500, "y": 800, "w": 220, "h": 140, "severity": 4}]}
  ]
}`)
	p, err := storage.Decode(data, "commute.jobcanvas")
	if err != nil {
		fmt.Println(err)
		return
	}
	c := p.Boards[0].Cards[0]
	fmt.Printf("%s: %q in zone %s\n", p.Name, c.Text, c.Zone)

	_, err = storage.Decode([]byte(`{"format": "jobcanvas", "version": 4}`), "future.jobcanvas")
	fmt.Println(err)
	fmt.Println(errors.Is(err, storage.ErrNewerVersion))

	_, err = storage.Decode([]byte("{\n  \"format\": \"jobcanvas\",\n  \"version\": 1,\n  \"id\": 42\n}"), "broken.jobcanvas")
	fmt.Println(err)
	// Output:
	// Commuter cycling: "Arrive sweaty" in zone pains
	// future.jobcanvas: file was written by a newer Jobcanvas (format version 4); this version reads up to 1
	// true
	// broken.jobcanvas:4:9: id: want a UUID string, got a number
}
