package app

import (
	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// aboutDescription is the one line under the name in Help ▸ About.
const aboutDescription = "A board for Jobs To Be Done workshops: capture jobs, pains, gains and outcomes on a projected board of sticky notes."

// aboutCredits is the README's Credits section, as the About box shows it
// (TestAboutCreditsInReadme keeps the two saying the same).
const aboutCredits = `## Credits

Built with [Fyne](https://fyne.io) (BSD-3-Clause) and its fonts: Noto Sans and Inter Symbols (SIL Open Font License 1.1), DejaVu Sans Mono (Bitstream Vera licence) and EmojiOne Color (MIT).

Thai, Devanagari and Korean text is drawn in fonts cut from Noto Sans Thai, Noto Sans Devanagari and Noto Sans CJK KR (SIL Open Font License 1.1).

Libraries: go-json-experiment/json, google/uuid and golang.org/x/sys (BSD-3-Clause); santhosh-tekuri/jsonschema (Apache-2.0).

The value proposition canvas is Strategyzer's design (Osterwalder, Pigneur, Bernarda and Smith, *Value Proposition Design*). The universal job map and desired outcome statements come from Tony Ulwick's outcome-driven innovation. Jobcanvas draws its own rendering of both.`

// aboutLicence is the Apache License's own notice for a work under it.
const aboutLicence = `## Licence

Copyright 2026 The Jobcanvas authors.

Licensed under the [Apache License, Version 2.0](https://www.apache.org/licenses/LICENSE-2.0) (the LICENSE file beside the program and in its source). Unless required by applicable law or agreed to in writing, software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing permissions and limitations under the License.`

// aboutVersion is the version line of the About box: what a bug report
// needs, selectable so it can be copied.
func aboutVersion(v Version) string {
	s := "Version " + v.Version
	if v.Commit != "" {
		s += " · commit " + v.Commit
	}
	return s + " · " + v.Go
}

// ShowAbout shows the app's name, icon and version, what it is for, the
// credits and the licence.
func (w *Window) ShowAbout() {
	icon := fcanvas.NewImageFromResource(Icon)
	icon.FillMode = fcanvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(64))

	name := widget.NewLabelWithStyle("Jobcanvas", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameSubHeadingText
	desc := widget.NewLabel(aboutDescription)
	desc.Wrapping = fyne.TextWrapWord
	ver := widget.NewLabel(aboutVersion(VersionInfo()))
	ver.Selectable = true
	head := container.NewBorder(nil, nil, container.NewVBox(icon), nil,
		container.NewVBox(name, ver, desc))

	body := widget.NewRichTextFromMarkdown(aboutCredits + "\n\n" + aboutLicence)
	body.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(head, nil, nil, nil,
		container.NewVScroll(container.NewPadded(body)))

	d := dialog.NewCustom("About Jobcanvas", "Close", content, w.Window)
	d.Resize(fyne.NewSize(600, 520))
	d.Show()
}
