//go:build unix

package render

import (
	"syscall"
	"time"
)

// cpuTime is the process's user and system CPU time: the machine is shared,
// and wall time per op swings with the other jobs on it.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
