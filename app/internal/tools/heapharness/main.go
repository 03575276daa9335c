// Command heapharness runs the app as cmd/jobcanvas does, with Go's
// profiling endpoints on JOBCANVAS_PPROF (default localhost:6061), so that
// scripts/memory can take a heap profile of the open board without the
// shipped binary carrying an HTTP server:
//
//	go tool pprof -sample_index=inuse_space http://localhost:6061/debug/pprof/heap
package main

import (
	"fmt"
	"net/http"
	_ "net/http/pprof"
	"os"

	"github.com/jobcanvas/jobcanvas/app"
)

func main() {
	addr := os.Getenv("JOBCANVAS_PPROF")
	if addr == "" {
		addr = "localhost:6061"
	}
	go func() {
		if err := http.ListenAndServe(addr, nil); err != nil {
			fmt.Fprintln(os.Stderr, "heapharness:", err)
		}
	}()
	path := ""
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	if err := app.Run(path); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
