package linuxonly

import "syscall"

// A Linux-only call in a _linux.go file is fine everywhere.
var _ = syscall.EpollCreate1
