package app

import (
	"fmt"
	"github.com/jobcanvas/jobcanvas/app/board"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/assets"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// Window is one Jobcanvas window: the open document shown as one tab per
// board, with the menus and shortcuts that drive it.
type Window struct {
	App    fyne.App
	Window fyne.Window

	doc        *Document
	unlisten   func() // stops doc's notifications to the window
	afterClose func() // run last when the window has closed (Run: the quit watchdog)
	clip       *board.Clipboard
	tabs       *container.AppTabs
	boards     []*board.Widget // in tab order
	// tabsByBoard keeps the tab of every board the document has shown,
	// deleted ones too: undoing "Delete board" brings back its tab with
	// the view (zoom, pan, selection) it had.
	tabsByBoard map[uuid.UUID]*boardTab

	menuNames [2]string // undo and redo names the menu shows

	recovery *autosaver // keeps unsaved changes in a recovery file
	tips     *tooltips  // the toolbar's
	insp     *inspector // the panel beside the board
	timer    *roomTimer // the workshop's countdown, over the board
	present  *presenter // presentation mode, or nil
}

// NewWindow makes an empty window; open a project with OpenPath, OpenSample
// or SetDocument.
func NewWindow(a fyne.App) *Window {
	a.SetIcon(Icon)
	applyTheme(a, a.Preferences().String(prefTheme))
	w := &Window{App: a, Window: a.NewWindow("Jobcanvas"), clip: &board.Clipboard{}}
	w.tabs = container.NewAppTabs()
	w.tabs.SetTabLocation(container.TabLocationTop)
	w.tabs.OnSelected = func(*container.TabItem) { w.focusBoard(); w.insp.refresh() }
	w.tips = newTooltips()
	w.insp = newInspector(w.CurrentBoard, w.showError)
	w.insp.panel.Hidden = !w.inspectorOn()
	w.timer = newRoomTimer(realClock{}, fyne.Do, w.timerTop)
	w.Window.SetContent(w.tips.over(container.NewBorder(w.toolbar(w.tips), nil, nil, w.insp.panel,
		container.NewStack(w.tabs, w.timer.overlay))))
	w.Window.Resize(fyne.NewSize(1280, 800))
	w.Window.SetCloseIntercept(w.Close)
	w.recovery = newAutosaver(autosaveUI{
		run:           fyne.Do,
		showError:     func(err error) { dialog.ShowError(err, w.Window) },
		openElsewhere: w.warnOpenElsewhere,
	})
	w.Window.SetOnClosed(func() {
		w.timer.Close() // its clock calls back no more
		w.insp.close()
		w.recovery.shutdown()
		w.release()
		w.landscapeFollows(true)
		if w.afterClose != nil {
			w.afterClose()
		}
	})
	w.addShortcuts()
	w.keysToBoard()
	return w
}

// Icon is the app icon, for windows and the About box.
var Icon = fyne.NewStaticResource("icon.png", assets.Icon)

// Document is the open document.
func (w *Window) Document() *Document { return w.doc }

// SetDocument shows doc in the window, replacing what was open.
func (w *Window) SetDocument(doc *Document) {
	w.recovery.attach(doc)
	w.release()
	w.doc = doc
	w.boards = nil
	w.tabsByBoard = map[uuid.UUID]*boardTab{}
	w.tabs.SetItems(nil)
	w.unlisten = doc.OnChange(func(c Change) {
		w.syncTabs()
		w.updateTitle()
		w.updateMenu()
	})
	w.syncTabs()
	if len(w.tabs.Items) > 0 {
		w.tabs.SelectIndex(0)
	}
	w.landscapeFollows(false)
	w.insp.setDocument(doc)
	w.updateTitle()
	w.refreshMenu()
	w.focusBoard()
}

// release lets go of the open document: the window and its boards stop
// following it, so that neither keeps the other alive.
func (w *Window) release() {
	if w.unlisten != nil {
		w.unlisten()
		w.unlisten = nil
	}
	for _, t := range w.tabsByBoard {
		t.board.Close()
	}
}

// syncTabs makes the tabs match the project's boards, keeping the widgets
// of boards that are still there (undo of "Delete board" brings a tab back).
func (w *Window) syncTabs() {
	selected := w.CurrentBoard()
	boards := make([]*board.Widget, len(w.doc.Project.Boards))
	items := make([]*container.TabItem, len(boards))
	same := len(boards) == len(w.boards)
	for i, b := range w.doc.Project.Boards {
		tab := w.tabsByBoard[b.ID]
		if tab == nil {
			tab = w.newBoardTab(b.ID)
			w.tabsByBoard[b.ID] = tab
		}
		bw := tab.board
		boards[i] = bw
		same = same && w.boards[i] == bw && w.tabs.Items[i].Text == tabTitle(b)
		items[i] = container.NewTabItem(tabTitle(b), tab.content)
	}
	if same {
		return
	}
	w.boards = boards
	w.tabs.SetItems(items)
	for i, bw := range boards {
		if bw == selected {
			w.tabs.SelectIndex(i)
		}
	}
}

// boardTab is what a tab shows: the board, with its minimap in a corner.
type boardTab struct {
	board   *board.Widget
	minimap *board.Minimap
	content fyne.CanvasObject
}

func (w *Window) newBoardTab(id uuid.UUID) *boardTab {
	bw := board.New(w.doc, id, w.clip)
	bw.OnError = w.showError
	w.hookBoard(bw)
	bw.SetLinkMode(w.linkMode())
	mm := board.NewMinimap(bw)
	mm.SetEnabled(w.minimapOn())
	return &boardTab{board: bw, minimap: mm, content: board.WithMinimap(bw, mm)}
}

func tabTitle(b *canvas.Board) string {
	if b.Title == "" {
		return b.TemplateOf().Name
	}
	return b.Title
}

// CurrentBoard is the board widget of the selected tab, or nil.
func (w *Window) CurrentBoard() *board.Widget {
	i := w.tabs.SelectedIndex()
	if i < 0 || i >= len(w.boards) {
		return nil
	}
	return w.boards[i]
}

func (w *Window) focusBoard() {
	if b := w.CurrentBoard(); b != nil {
		w.Window.Canvas().Focus(b)
	}
}

// Title is what the window's title bar says: the project, its file, and a
// mark when there are unsaved changes.
func (w *Window) Title() string {
	if w.doc == nil {
		return "Jobcanvas"
	}
	file := "not saved yet"
	if w.doc.Path != "" {
		file = filepath.Base(w.doc.Path)
	}
	mark := ""
	if w.doc.Dirty() {
		mark = "• "
	}
	return fmt.Sprintf("%s%s — %s — Jobcanvas", mark, w.doc.Project.Name, file)
}

// updateTitle and updateMenu run after every edit, drag events included,
// so they touch the window only when something they show changed.
func (w *Window) updateTitle() {
	if t := w.Title(); t != w.Window.Title() {
		w.Window.SetTitle(t)
	}
}

func (w *Window) updateMenu() {
	names := [2]string{w.doc.History.UndoName(), w.doc.History.RedoName()}
	if names != w.menuNames {
		w.menuNames = names
		w.refreshMenu()
	}
}

// refreshMenu rebuilds the main menu from the window's state.
// Presentation mode has none: it comes back on leaving.
func (w *Window) refreshMenu() {
	if w.present == nil {
		w.Window.SetMainMenu(w.mainMenu())
	}
}

func (w *Window) showError(err error) { dialog.ShowError(err, w.Window) }
