package storage

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Recovery files keep unsaved work safe from a crash, a kill -9 or a power
// cut without ever touching the user's own file. While a project has
// unsaved changes the app writes it, atomically, to a recovery file in a
// folder of its own (RecoveryDir); a clean save or close removes it. A
// recovery file whose writer is gone is an orphan (Orphans): the app offers
// to restore it at the next start.
//
// Each open project is a Session, named by a key: for a saved project a
// hash of its path (so that a second window on the same file finds the
// first), for a new one "untitled-" and a random suffix. The session holds
// an operating system lock on KEY.lock while the project is open; the lock
// goes away with the process however it ends, and a recovery file whose
// lock is free is an orphan. KEY.recovery is the recovery file:
//
//	jobcanvas-recovery 1
//	{"path":"/home/ann/w.jobcanvas","name":"Commuter cycling","cards":41,…}
//	{ the project, exactly as a project file holds it }

// RecoveryEnv names the environment variable that, when set, is the folder
// for recovery files instead of the default (tests, the end-to-end script,
// a portable install).
const RecoveryEnv = "JOBCANVAS_RECOVERY_DIR"

// RecoveryExt is the extension of recovery files.
const RecoveryExt = ".recovery"

const (
	lockExt         = ".lock"
	recoveryMagic   = "jobcanvas-recovery "
	recoveryVersion = 1
	// maxRecoveryHeader caps the header line, so that listing recovery
	// files never reads a whole project.
	maxRecoveryHeader = 64 << 10
	untitledKey       = "untitled"
)

// ErrNotRecovery is wrapped by errors about a file that is not a recovery
// file Jobcanvas can read.
var ErrNotRecovery = errors.New("not a recovery file")

// RecoveryDir is the folder for recovery files: $JOBCANVAS_RECOVERY_DIR, or
// jobcanvas/recovery in the user's configuration folder (os.UserConfigDir:
// $XDG_CONFIG_HOME or ~/.config on Linux, %AppData% on Windows, which
// roams with the user's profile, ~/Library/Application Support on macOS). Not the cache folder: cleaners empty caches, and a recovery file
// may be the only copy of a morning's work.
func RecoveryDir() (string, error) { return userDir(RecoveryEnv, "recovery", "recovery files") }

// userDir is the folder the environment variable env names, or
// jobcanvas/sub in the user's configuration folder; what names its
// contents in an error.
func userDir(env, sub, what string) (string, error) {
	if d := os.Getenv(env); d != "" {
		return filepath.Abs(d)
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no folder for %s: %w", what, err)
	}
	return filepath.Join(base, "jobcanvas", sub), nil
}

// RecoveryInfo describes a recovery file from its header, without reading
// the project in it.
type RecoveryInfo struct {
	File  string    // the recovery file
	Path  string    // the project file it belongs to; "" for a project never saved
	Name  string    // the project's name
	Cards int       // cards on all boards
	Saved time.Time // when it was written
	Base  Stamp     // the project file when its writer last read or saved it; zero when none
	Owner Owner     // who wrote it (Since is not kept)
	Err   error     // set when the header cannot be read: the file can only be discarded
}

// key is the session key the file is named after.
func (r *RecoveryInfo) key() string {
	return strings.TrimSuffix(filepath.Base(r.File), RecoveryExt)
}

// recoveryHeader is the header line as JSON.
type recoveryHeader struct {
	Path  string      `json:"path"`
	Name  string      `json:"name"`
	Cards int         `json:"cards"`
	Saved time.Time   `json:"saved"`
	PID   int         `json:"pid"`
	Host  string      `json:"host"`
	Base  *headerBase `json:"base,omitempty"`
}

type headerBase struct {
	Size    int64     `json:"size"`
	ModTime time.Time `json:"mtime"`
	SHA256  string    `json:"sha256"`
}

// encodeRecovery puts the header line before a project file's bytes.
func encodeRecovery(r *RecoveryInfo, project []byte) ([]byte, error) {
	h := recoveryHeader{Path: r.Path, Name: r.Name, Cards: r.Cards, Saved: r.Saved.UTC(),
		PID: r.Owner.PID, Host: r.Owner.Host}
	if !r.Base.IsZero() {
		h.Base = &headerBase{Size: r.Base.Size, ModTime: r.Base.ModTime.UTC(), SHA256: hex.EncodeToString(r.Base.Sum[:])}
	}
	line, err := json.Marshal(&h)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Grow(len(recoveryMagic) + 3 + len(line) + len(project))
	b.WriteString(recoveryMagic)
	b.WriteString(strconv.Itoa(recoveryVersion))
	b.WriteByte('\n')
	b.Write(line)
	b.WriteByte('\n')
	b.Write(project)
	return b.Bytes(), nil
}

// decodeRecoveryHeader reads the header of a recovery file called name and
// returns where the project starts.
func decodeRecoveryHeader(data []byte, name string) (RecoveryInfo, int, error) {
	info := RecoveryInfo{File: name}
	bad := func(line, col int, msg string) (RecoveryInfo, int, error) {
		return info, 0, &SyntaxError{File: name, Line: line, Column: col, Msg: msg, Err: ErrNotRecovery}
	}
	if !bytes.HasPrefix(data, []byte(recoveryMagic)) {
		return info, 0, &FileError{File: name, Msg: "not a Jobcanvas recovery file", Err: ErrNotRecovery}
	}
	rest := data[len(recoveryMagic):]
	nl := bytes.IndexByte(rest[:min(len(rest), 12)], '\n')
	if nl < 0 {
		return bad(1, len(recoveryMagic)+1, "want a version number and the end of the line")
	}
	version, err := strconv.Atoi(string(rest[:nl]))
	switch {
	case err != nil || version < 1 || string(rest[:nl]) != strconv.Itoa(version):
		return bad(1, len(recoveryMagic)+1, fmt.Sprintf("version %s is not a number Jobcanvas wrote", quoteShort(rest[:nl])))
	case version > recoveryVersion:
		return bad(1, len(recoveryMagic)+1, fmt.Sprintf("written by a newer Jobcanvas (recovery format %d; this one reads %d)", version, recoveryVersion))
	}
	start := len(recoveryMagic) + nl + 1
	rest = data[start:]
	end := bytes.IndexByte(rest[:min(len(rest), maxRecoveryHeader+1)], '\n')
	if end < 0 {
		if len(rest) > maxRecoveryHeader {
			return bad(2, 1, fmt.Sprintf("header line over %s", roundSize(maxRecoveryHeader)))
		}
		return bad(2, 1, "the file ends inside the header line")
	}
	var h recoveryHeader
	if err := json.Unmarshal(rest[:end], &h); err != nil {
		col := 1
		var se *jsontext.SyntacticError
		var me *json.SemanticError
		switch {
		case errors.As(err, &se):
			_, col = position(rest[:end], se.ByteOffset)
		case errors.As(err, &me):
			_, col = position(rest[:end], me.ByteOffset)
		}
		return bad(2, col, "header: "+headerMessage(err))
	}
	if msg := h.check(); msg != "" {
		return bad(2, 1, "header: "+msg)
	}
	info.Path, info.Name, info.Cards, info.Saved = h.Path, h.Name, h.Cards, h.Saved
	info.Owner = Owner{PID: h.PID, Host: h.Host}
	if h.Base != nil {
		info.Base = Stamp{Size: h.Base.Size, ModTime: h.Base.ModTime}
		hex.Decode(info.Base.Sum[:], []byte(h.Base.SHA256))
	}
	return info, start + end + 1, nil
}

// headerMessage is the JSON package's message without its prefixes.
func headerMessage(err error) string {
	msg := err.Error()
	for _, p := range []string{"json: ", "jsontext: "} {
		msg = strings.TrimPrefix(msg, p)
	}
	return msg
}

// check returns what is wrong with a header, or "".
func (h *recoveryHeader) check() string {
	switch {
	case h.Path != "" && (!filepath.IsAbs(h.Path) || strings.ContainsRune(h.Path, 0)):
		return fmt.Sprintf("path %q is not an absolute path", h.Path)
	case h.Cards < 0 || h.PID < 0:
		return "negative count"
	case h.Saved.IsZero():
		return "no time of saving"
	case h.Base != nil && (h.Base.Size < 0 || len(h.Base.SHA256) != 2*sha256.Size || !isHex(h.Base.SHA256)):
		return "base: want a size and a SHA-256 in hex"
	}
	return ""
}

func isHex(s string) bool {
	_, err := hex.DecodeString(s)
	return err == nil
}

// decodeRecovery reads a whole recovery file called name.
func decodeRecovery(data []byte, name string) (*canvas.Project, RecoveryInfo, error) {
	info, start, err := decodeRecoveryHeader(data, name)
	if err != nil {
		return nil, info, err
	}
	p, err := Decode(data[start:], name)
	if err != nil {
		// Positions count from the project's first line: add the header's.
		var se *SyntaxError
		if errors.As(err, &se) && se.Line > 0 {
			se.Line += 2
		}
		return nil, info, err
	}
	return p, info, nil
}

// LoadRecovery reads the recovery file at file: the project in it and its
// header.
func LoadRecovery(file string) (*canvas.Project, RecoveryInfo, error) {
	data, _, err := readLimited(file, MaxFileSize+maxRecoveryHeader+64)
	if err != nil {
		return nil, RecoveryInfo{File: file}, err
	}
	return decodeRecovery(data, file)
}

// readRecoveryInfo reads only the header of the recovery file at file.
func readRecoveryInfo(file string) (RecoveryInfo, error) {
	f, _, err := openRegular(file)
	if err != nil {
		return RecoveryInfo{File: file}, ioError(file, "cannot open", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(len(recoveryMagic)+16+maxRecoveryHeader+1)))
	if err != nil {
		return RecoveryInfo{File: file}, ioError(file, "cannot read", err)
	}
	info, _, err := decodeRecoveryHeader(data, file)
	return info, err
}

// pathKey names the sessions of the project file at path, the same for
// every spelling of the path that names the same file.
func pathKey(path string) string {
	sum := sha256.Sum256([]byte(pathCase(filepath.Clean(path))))
	return hex.EncodeToString(sum[:8])
}

func randomSuffix() string {
	var b [6]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Session is the recovery side of one open project: its lock, and its
// recovery file once there are unsaved changes. Write, Remove and Close
// may be called from any goroutine; they run one at a time.
type Session struct {
	dir, key, path string
	fs             fileSystem

	mu      sync.Mutex
	lock    *lockFile // nil once closed
	written bool      // the recovery file is there
}

// StartSession starts the session of a project whose file is path (""
// for a project never saved), creating dir if needed. others lists the
// live sessions that have the same file open: another window, or another
// Jobcanvas. A recovery file left by an earlier session is never reused
// here: it waits for the user's choice (Orphans).
func StartSession(dir, path string) (s *Session, others []Owner, err error) {
	return startSession(osFS{}, dir, path)
}

func startSession(fsys fileSystem, dir, path string) (*Session, []Owner, error) {
	if err := fsys.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, ioError(dir, "cannot create the recovery folder", err)
	}
	prefix := untitledKey
	var others []Owner
	var keys []string
	if path != "" {
		prefix = pathKey(path)
		es, err := os.ReadDir(dir)
		if err != nil {
			return nil, nil, ioError(dir, "cannot read the recovery folder", err)
		}
		for _, e := range es {
			name := e.Name()
			if !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, lockExt) || !e.Type().IsRegular() {
				continue
			}
			key := strings.TrimSuffix(name, lockExt)
			lk, err := tryLock(filepath.Join(dir, name))
			if errors.Is(err, errLocked) {
				others = append(others, readOwner(filepath.Join(dir, name)))
				continue
			}
			if err == nil {
				lk.release(!exists(filepath.Join(dir, key+RecoveryExt))) // a stale lock: tidy up
			}
		}
		if !exists(filepath.Join(dir, prefix+RecoveryExt)) {
			keys = append(keys, prefix)
		}
	}
	for range 3 {
		keys = append(keys, prefix+"-"+randomSuffix())
	}
	for _, key := range keys {
		lk, err := tryLock(filepath.Join(dir, key+lockExt))
		if errors.Is(err, errLocked) {
			continue
		}
		if err != nil {
			return nil, others, ioError(filepath.Join(dir, key+lockExt), "cannot create a lock file", err)
		}
		if exists(filepath.Join(dir, key+RecoveryExt)) { // an orphan appeared meanwhile
			lk.release(false)
			continue
		}
		lk.writeOwner(currentOwner())
		return &Session{dir: dir, key: key, path: path, fs: fsys, lock: lk}, others, nil
	}
	return nil, others, fmt.Errorf("%s: no free recovery file name", dir)
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// AdoptRecovery takes over an orphan's recovery file for the project
// restored from it: its next writes replace that file, so the work is on
// disk all along. It fails when another window took it first.
func AdoptRecovery(info RecoveryInfo) (*Session, error) {
	dir, key := filepath.Dir(info.File), info.key()
	lk, err := tryLock(filepath.Join(dir, key+lockExt))
	if errors.Is(err, errLocked) {
		return nil, &FileError{File: info.File, Msg: "is being recovered in another window", Err: err}
	}
	if err != nil {
		return nil, ioError(filepath.Join(dir, key+lockExt), "cannot create a lock file", err)
	}
	lk.writeOwner(currentOwner())
	return &Session{dir: dir, key: key, path: info.Path, fs: osFS{}, lock: lk, written: exists(info.File)}, nil
}

// DiscardRecovery deletes an orphan's recovery file, for good.
func DiscardRecovery(info RecoveryInfo) error {
	dir, key := filepath.Dir(info.File), info.key()
	lk, err := tryLock(filepath.Join(dir, key+lockExt))
	if errors.Is(err, errLocked) {
		return &FileError{File: info.File, Msg: "is in use by another window", Err: err}
	}
	if err != nil {
		return ioError(filepath.Join(dir, key+lockExt), "cannot create a lock file", err)
	}
	err = os.Remove(info.File)
	if errors.Is(err, fs.ErrNotExist) {
		err = nil
	}
	if err != nil {
		lk.release(false)
		return ioError(info.File, "cannot delete", err)
	}
	return lk.release(true)
}

// Orphans lists the recovery files in dir that no running session owns,
// newest first, and tidies up what dead sessions left without one (lock
// files, half-written temporary files). A missing dir holds none.
func Orphans(dir string) ([]RecoveryInfo, error) {
	es, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, ioError(dir, "cannot read the recovery folder", err)
	}
	// Only regular files: reading a named pipe called *.recovery would
	// wait for a writer that never comes, and hang the start-up.
	es = slices.DeleteFunc(es, func(e fs.DirEntry) bool { return !e.Type().IsRegular() })
	var out []RecoveryInfo
	recovery := map[string]bool{}
	for _, e := range es {
		if key, ok := strings.CutSuffix(e.Name(), RecoveryExt); ok && !strings.HasPrefix(key, ".") {
			recovery[key] = true
		}
	}
	for _, e := range es {
		name := e.Name()
		var key string
		switch {
		case strings.HasSuffix(name, lockExt):
			key = strings.TrimSuffix(name, lockExt)
			if recovery[key] {
				continue // dealt with below
			}
		case strings.HasPrefix(name, ".") && strings.HasSuffix(name, ".tmp"):
			// .KEY.recovery.RANDOM.tmp, from a write cut short
			k, _, ok := strings.Cut(name[1:], RecoveryExt+".")
			if !ok {
				continue
			}
			key = k
		case strings.HasSuffix(name, RecoveryExt) && recovery[strings.TrimSuffix(name, RecoveryExt)]:
			key = strings.TrimSuffix(name, RecoveryExt)
		default:
			continue
		}
		lk, err := tryLock(filepath.Join(dir, key+lockExt))
		if err != nil {
			continue // live, or not ours to judge
		}
		if strings.HasSuffix(name, RecoveryExt) {
			info, err := readRecoveryInfo(filepath.Join(dir, name))
			info.Err = err
			out = append(out, info)
			lk.release(false)
			continue
		}
		if name != key+lockExt {
			os.Remove(filepath.Join(dir, name))
		}
		lk.release(!recovery[key])
	}
	slices.SortStableFunc(out, func(a, b RecoveryInfo) int {
		if (a.Err == nil) != (b.Err == nil) {
			if a.Err == nil {
				return -1
			}
			return 1
		}
		return b.Saved.Compare(a.Saved)
	})
	return out, nil
}

// File is the session's recovery file.
func (s *Session) File() string { return filepath.Join(s.dir, s.key+RecoveryExt) }

// Path is the project file the session belongs to; "" for a project
// never saved.
func (s *Session) Path() string { return s.path }

// Write replaces the recovery file with p, atomically. base stamps the
// project file as the session last read or saved it. Encoding happens
// here, so call Write off the UI goroutine with a snapshot (Project.Clone).
func (s *Session) Write(p *canvas.Project, base Stamp) error {
	file := s.File()
	data, err := Encode(p)
	if err != nil {
		return &FileError{File: file, Msg: "not saved: " + err.Error(), Err: err}
	}
	data, err = encodeRecovery(&RecoveryInfo{Path: s.path, Name: p.Name, Cards: p.CardCount(),
		Saved: time.Now(), Base: base, Owner: currentOwner()}, data)
	if err != nil {
		return &FileError{File: file, Msg: "not saved: " + err.Error(), Err: err}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lock == nil {
		return &FileError{File: file, Msg: "not saved: the session is closed", Err: fs.ErrClosed}
	}
	// The folder may have been deleted under us (a clean-up tool, a
	// user): make it again, and the lock file with it.
	if err := s.fs.MkdirAll(s.dir, 0o700); err != nil {
		return ioError(s.dir, "not saved: cannot create the recovery folder", err)
	}
	s.relock()
	if err := replaceFile(s.fs, file, data, false, false); err != nil {
		return err
	}
	s.written = true
	return nil
}

// relock takes the lock again when its file is gone, so that no other
// window mistakes the recovery file for an orphan.
func (s *Session) relock() {
	held, err1 := s.lock.f.Stat()
	now, err2 := os.Stat(s.lock.path)
	if err1 == nil && err2 == nil && os.SameFile(held, now) {
		return
	}
	if lk, err := tryLock(s.lock.path); err == nil {
		s.lock.f.Close()
		s.lock = lk
		lk.writeOwner(currentOwner())
	}
}

// Remove deletes the recovery file: the project was saved, or its changes
// undone.
func (s *Session) Remove() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.remove()
}

func (s *Session) remove() error {
	if !s.written {
		return nil
	}
	if err := s.fs.Remove(s.File()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return ioError(s.File(), "cannot delete", err)
	}
	s.written = false
	return nil
}

// Close ends the session: it deletes the recovery file unless keep is set
// (the window closed on unsaved changes nobody chose to drop), and lets go
// of the lock.
func (s *Session) Close(keep bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lock == nil {
		return nil
	}
	var err error
	if !keep {
		err = s.remove()
	}
	if rerr := s.lock.release(true); err == nil {
		err = rerr
	}
	s.lock = nil
	return err
}
