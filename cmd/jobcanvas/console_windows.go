package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// Jobcanvas.exe is linked for the GUI subsystem (-H windowsgui), so that a
// double-click opens the window without a console window beside it. Such a
// program starts with no console: from cmd.exe or PowerShell the output of
// check, fmt, export, version… would go nowhere. So it borrows the console
// it was started from, if any, before main reads os.Stdout and os.Stderr.
func init() { attachParentConsole() }

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uint32(0)

// x/sys/windows has no AttachConsole.
var procAttachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

func attachParentConsole() {
	stdout := usableHandle(windows.STD_OUTPUT_HANDLE)
	stderr := usableHandle(windows.STD_ERROR_HANDLE)
	if stdout && stderr {
		// Redirected to a file or a pipe (jobcanvas check x > log.txt):
		// writing to the console instead would lose the output.
		return
	}
	if err := procAttachConsole.Find(); err != nil {
		return
	}
	if ok, _, _ := procAttachConsole.Call(uintptr(attachParentProcess)); ok == 0 {
		// Started from Explorer or a shortcut: there is no console to show
		// anything in, and the window says what goes wrong.
		return
	}
	if !stdout {
		reopenConsole(windows.STD_OUTPUT_HANDLE, &os.Stdout, "/dev/stdout")
	}
	if !stderr {
		reopenConsole(windows.STD_ERROR_HANDLE, &os.Stderr, "/dev/stderr")
	}
}

// usableHandle says whether the standard handle leads somewhere: a GUI
// program started without redirection gets none.
func usableHandle(std uint32) bool {
	h, err := windows.GetStdHandle(std)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}

func reopenConsole(std uint32, f **os.File, name string) {
	h, err := windows.CreateFile(windows.StringToUTF16Ptr("CONOUT$"),
		windows.GENERIC_READ|windows.GENERIC_WRITE,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE,
		nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return
	}
	// Set the process's handle too, for anything that asks Windows for it
	// rather than going through os (the C side of the toolkit).
	_ = windows.SetStdHandle(std, h)
	*f = os.NewFile(uintptr(h), name)
}
