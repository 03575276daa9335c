package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// userTemplateRemovals undo the registrations of the user's templates made
// by this process: for tests, which must leave the registry as they found it.
var userTemplateRemovals []func()

// forgetUserTemplates takes every user template this process registered
// out of the registry again.
func forgetUserTemplates() {
	for _, r := range userTemplateRemovals {
		r()
	}
	userTemplateRemovals = nil
}

func registerUserTemplate(t *canvas.Template) error {
	remove, err := canvas.RegisterTemplate(t)
	if err != nil {
		return err
	}
	userTemplateRemovals = append(userTemplateRemovals, remove)
	return nil
}

// templateLabel names a template in the dialogs that offer them: the
// user's own are marked, so that one named like a bundled one is told
// apart, and a team sees which are theirs to share.
func templateLabel(t *canvas.Template) string {
	if canvas.IsBundled(t.ID) {
		return t.Name
	}
	return t.Name + " (yours)"
}

// templateID makes a template's id, which is also its file's name, of the
// name given: lower-case letters and digits, the words joined by "-", as
// FileName does for a project. "" when the name has no letter or digit.
func templateID(name string) string {
	if strings.IndexFunc(name, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return ""
	}
	return strings.TrimSuffix(FileName(name), Ext)
}

// checkTemplateName says why a template cannot have that name: no letter
// or digit to make an id of, or an id that a template has already.
func checkTemplateName(name string) error {
	id := templateID(name)
	if id == "" {
		return errors.New("the name needs a letter or a digit")
	}
	if t, ok := canvas.TemplateByID(id); ok {
		return fmt.Errorf("the template %q has the id %q: choose another name", t.Name, id)
	}
	return nil
}

// LoadUserTemplates registers the templates in the user's templates
// folder, for New and Add board to offer and for projects with boards of
// them to open: at start, before the first project is read. It returns an
// error for each file that could not be used; the good ones are loaded
// all the same.
func LoadUserTemplates() []error {
	dir, err := storage.TemplateDir()
	if err != nil {
		return []error{err}
	}
	ts, errs := storage.LoadUserTemplates(dir)
	for _, t := range ts {
		if err := registerUserTemplate(t); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// ShowTemplateErrors reports, in one dialog, the template files that
// could not be loaded, each with its error: file, then line and column or
// the field at fault.
func (w *Window) ShowTemplateErrors(errs []error) {
	if len(errs) == 0 {
		return
	}
	lines := make([]string, len(errs))
	for i, err := range errs {
		lines[i] = err.Error()
	}
	head := widget.NewLabel(fmt.Sprintf("%d of your template files could not be loaded; the others are offered as usual. Fix or remove:", len(errs)))
	if len(errs) == 1 {
		head.SetText("One of your template files could not be loaded; the others are offered as usual. Fix or remove it:")
	}
	head.Wrapping = fyne.TextWrapWord
	list := widget.NewLabel(strings.Join(lines, "\n\n"))
	list.Wrapping = fyne.TextWrapWord
	list.TextStyle.Monospace = true
	d := dialog.NewCustom("Template files with errors", "Close",
		container.NewBorder(head, nil, nil, nil, container.NewVScroll(list)), w.Window)
	d.Resize(fyne.NewSize(720, 360))
	d.Show()
}

// ShowSaveTemplate asks a name for a template made of the current board
// (Board ▸ Save as Template…), the board's title to start with, and saves
// it. A name whose id is taken cannot be confirmed; the field says why.
func (w *Window) ShowSaveTemplate() {
	bw := w.CurrentBoard()
	if bw == nil || w.doc == nil {
		return
	}
	b := w.doc.Project.Board(bw.BoardID())
	if b == nil {
		return
	}
	name := widget.NewEntry()
	def := b.Title
	if strings.TrimSpace(def) == "" {
		def = b.TemplateOf().Name
	}
	name.SetText(def)
	name.Validator = checkTemplateName
	// Fyne holds a field's error back while it has the focus; a taken
	// name must turn Save off as it is typed.
	name.AlwaysShowValidationError = true
	dir, _ := storage.TemplateDir()
	where := widget.NewLabel("")
	where.Wrapping = fyne.TextWrapWord
	say := func(s string) {
		if checkTemplateName(s) != nil {
			where.SetText("") // the field says why
			return
		}
		where.SetText(fmt.Sprintf("The zones, questions and steps of this board, not its cards, go to %s.", filepath.Join(dir, templateID(s)+storage.TemplateExt)))
	}
	say(def)
	name.OnChanged = say
	d := dialog.NewForm("Save as template", "Save", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Name", name),
		widget.NewFormItem("", where),
	}, func(ok bool) {
		if !ok {
			return
		}
		t, path, err := w.SaveBoardAsTemplate(b, name.Text)
		if err != nil {
			w.showError(err)
			return
		}
		dialog.ShowInformation("Template saved",
			fmt.Sprintf("%q is offered in File ▸ New and Board ▸ Add Board… from now on.\nSaved as %s", t.Name, path), w.Window)
	}, w.Window)
	name.OnSubmitted = func(string) { d.Submit() } // Enter saves, unless the name is refused
	d.Resize(fyne.NewSize(560, 240))
	d.Show()
	w.Window.Canvas().Focus(name)
}

// SaveBoardAsTemplate writes a template named name, made of b, to the
// user's templates folder and registers it, so that New and Add board
// offer it at once.
func (w *Window) SaveBoardAsTemplate(b *canvas.Board, name string) (*canvas.Template, string, error) {
	name = strings.TrimSpace(name)
	if err := checkTemplateName(name); err != nil {
		return nil, "", fmt.Errorf("template not saved: %w", err)
	}
	t, err := canvas.TemplateFromBoard(b, templateID(name), name)
	if err != nil {
		return nil, "", err
	}
	dir, err := storage.TemplateDir()
	if err != nil {
		return nil, "", err
	}
	path, err := storage.SaveTemplate(dir, t)
	if err != nil {
		return nil, "", err
	}
	if err := registerUserTemplate(t); err != nil {
		return nil, "", fmt.Errorf("saved as %s, but %w", path, err)
	}
	return t, path, nil
}
