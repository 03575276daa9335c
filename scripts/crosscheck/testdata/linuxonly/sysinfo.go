// Package linuxonly calls a Linux-only function in a file without a build
// tag: it builds on Linux and not on macOS.
package linuxonly

import "syscall"

// Uptime is the seconds since boot.
func Uptime() int64 {
	var info syscall.Sysinfo_t
	_ = syscall.Sysinfo(&info)
	return int64(info.Uptime)
}
