// Command pecheck checks a Windows executable as the Windows package needs
// it: 64-bit (PE32+), the GUI subsystem (no console window on a
// double-click), an icon, and version information with the given version.
//
//	go run ./scripts/pecheck -version 0.1.0 Jobcanvas.exe
package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"unicode/utf16"
)

func main() {
	version := flag.String("version", "", "the version the version information must carry (x.y.z)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: pecheck [-version x.y.z] FILE.exe")
		os.Exit(2)
	}
	info, err := inspect(flag.Arg(0))
	if err == nil {
		err = info.want(*version)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "pecheck: %s: %v\n", flag.Arg(0), err)
		os.Exit(1)
	}
	fmt.Printf("pecheck: %s: PE32+ x86-64, GUI subsystem, icon %d×%d (%d images), version %s\n",
		flag.Arg(0), info.iconSize, info.iconSize, info.icons, info.fileVersion)
}

// Resource types (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

const subsystemGUI = 2 // IMAGE_SUBSYSTEM_WINDOWS_GUI

type exeInfo struct {
	pe32plus    bool
	machine     uint16
	subsystem   uint16
	resources   map[uint32][]byte // type → data of its first resource
	icons       int               // images in the first icon group
	iconSize    int               // the largest of them, in pixels
	fileVersion string            // VS_FIXEDFILEINFO's file version, a.b.c.d
}

func (e *exeInfo) want(version string) error {
	var errs []error
	if !e.pe32plus || e.machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		errs = append(errs, fmt.Errorf("not a PE32+ x86-64 executable (machine %#x)", e.machine))
	}
	if e.subsystem != subsystemGUI {
		errs = append(errs, fmt.Errorf("subsystem %d, want %d (Windows GUI): a console window would open beside the app", e.subsystem, subsystemGUI))
	}
	for _, t := range []uint32{rtIcon, rtGroupIcon, rtVersion, rtManifest} {
		if e.resources[t] == nil {
			errs = append(errs, fmt.Errorf("no resource of type %d (3 icon, 14 icon group, 16 version, 24 manifest)", t))
		}
	}
	if e.resources[rtGroupIcon] != nil && e.iconSize < 256 {
		errs = append(errs, fmt.Errorf("largest icon %d px, want 256", e.iconSize))
	}
	if version != "" && e.resources[rtVersion] != nil {
		// fyne package adds the build number from FyneApp.toml.
		if !bytes.HasPrefix([]byte(e.fileVersion), []byte(version+".")) {
			errs = append(errs, fmt.Errorf("file version %s, want %s.BUILD", e.fileVersion, version))
		}
		if !bytes.Contains(e.resources[rtVersion], utf16le("ProductVersion")) {
			errs = append(errs, errors.New("version information without a ProductVersion string"))
		}
	}
	return errors.Join(errs...)
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

func inspect(path string) (*exeInfo, error) {
	f, err := pe.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info := &exeInfo{machine: f.Machine, resources: map[uint32][]byte{}}
	switch h := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		info.pe32plus, info.subsystem = true, h.Subsystem
	case *pe.OptionalHeader32:
		info.subsystem = h.Subsystem
	default:
		return nil, errors.New("no optional header")
	}
	rsrc := f.Section(".rsrc")
	if rsrc == nil {
		return info, nil // want reports the missing resources
	}
	data, err := rsrc.Data()
	if err != nil {
		return nil, fmt.Errorf(".rsrc: %w", err)
	}
	r := resources{data: data, base: rsrc.VirtualAddress}
	types, err := r.dir(0)
	if err != nil {
		return nil, err
	}
	for _, t := range types {
		if t.named || !t.subdir {
			continue
		}
		leaf, err := r.first(t.offset)
		if err != nil {
			return nil, fmt.Errorf("resource type %d: %w", t.id, err)
		}
		info.resources[t.id] = leaf
	}
	if g := info.resources[rtGroupIcon]; len(g) >= 6 {
		// GRPICONDIR: reserved, type, count, then 14-byte entries whose
		// first byte is the width (0 means 256).
		info.icons = int(binary.LittleEndian.Uint16(g[4:]))
		for i := 0; i < info.icons && 6+14*i < len(g); i++ {
			w := int(g[6+14*i])
			if w == 0 {
				w = 256
			}
			info.iconSize = max(info.iconSize, w)
		}
	}
	if v := info.resources[rtVersion]; v != nil {
		// VS_FIXEDFILEINFO starts with its signature; FileVersionMS/LS
		// follow the signature and the struct version.
		if i := bytes.Index(v, []byte{0xbd, 0x04, 0xef, 0xfe}); i >= 0 && i+16 <= len(v) {
			ms := binary.LittleEndian.Uint32(v[i+8:])
			ls := binary.LittleEndian.Uint32(v[i+12:])
			info.fileVersion = fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
		}
	}
	return info, nil
}

// resources reads the resource directory tree of a .rsrc section.
type resources struct {
	data []byte
	base uint32 // the section's virtual address: data entries give RVAs
}

type entry struct {
	id     uint32
	named  bool
	subdir bool
	offset uint32
}

func (r resources) dir(off uint32) ([]entry, error) {
	if int(off)+16 > len(r.data) {
		return nil, fmt.Errorf("resource directory at %#x outside the section", off)
	}
	named := binary.LittleEndian.Uint16(r.data[off+12:])
	ids := binary.LittleEndian.Uint16(r.data[off+14:])
	var entries []entry
	for i := uint32(0); i < uint32(named)+uint32(ids); i++ {
		e := off + 16 + 8*i
		if int(e)+8 > len(r.data) {
			return nil, fmt.Errorf("resource entry at %#x outside the section", e)
		}
		name := binary.LittleEndian.Uint32(r.data[e:])
		target := binary.LittleEndian.Uint32(r.data[e+4:])
		entries = append(entries, entry{id: name &^ (1 << 31), named: name&(1<<31) != 0,
			subdir: target&(1<<31) != 0, offset: target &^ (1 << 31)})
	}
	return entries, nil
}

// first follows the first entry down to a leaf and returns its data.
func (r resources) first(off uint32) ([]byte, error) {
	for depth := 0; depth < 3; depth++ {
		entries, err := r.dir(off)
		if err != nil {
			return nil, err
		}
		if len(entries) == 0 {
			return nil, errors.New("empty resource directory")
		}
		if !entries[0].subdir {
			e := entries[0].offset
			if int(e)+8 > len(r.data) {
				return nil, errors.New("resource data entry outside the section")
			}
			rva := binary.LittleEndian.Uint32(r.data[e:])
			size := binary.LittleEndian.Uint32(r.data[e+4:])
			start := int64(rva) - int64(r.base)
			if start < 0 || start+int64(size) > int64(len(r.data)) {
				return nil, errors.New("resource data outside the section")
			}
			return r.data[start : start+int64(size)], nil
		}
		off = entries[0].offset
	}
	return nil, errors.New("resource tree deeper than type, name, language")
}
