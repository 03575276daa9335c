// Command bigboard writes the big free board scripts/memory measures:
//
//	go run ./app/internal/tools/bigboard [-n 2000] -o FILE
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/jobcanvas/jobcanvas/app/internal/bigboard"
	"github.com/jobcanvas/jobcanvas/storage"
)

func main() {
	n := flag.Int("n", 2000, "number of cards")
	out := flag.String("o", "", "the project file to write")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: bigboard [-n CARDS] -o FILE")
		os.Exit(2)
	}
	p, err := bigboard.Project(*n)
	if err == nil {
		err = storage.Save(*out, p)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bigboard:", err)
		os.Exit(1)
	}
}
