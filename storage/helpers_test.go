package storage

import (
	"fmt"
	"math/rand/v2"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// genProject makes a realistic project of about n cards over three boards
// (value proposition, job map, free), with every field of every type set
// somewhere and unknown members at project, board and card level. The same
// seed gives the same project.
func genProject(seed uint64, n int) *canvas.Project {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	id := func() uuid.UUID {
		var u uuid.UUID
		for i := range u {
			u[i] = byte(r.UintN(256))
		}
		u[6] = u[6]&0x0f | 0x40
		u[8] = u[8]&0x3f | 0x80
		return u
	}
	p := &canvas.Project{
		ID:          id(),
		Name:        "Commuter cycling",
		Description: "Interviews with 14 commuters, March – April.\nSecond line with \"quotes\" and ünïcödé ✓.",
		ScoreScale:  canvas.ScaleSurvey,
		Unknown:     []byte(`{"x-theme":{"dark":true,"accent":"#112233"},"x-history":[1,2.5,"three",null,{"deep":[[1]]}]}`),
	}
	templates := []string{canvas.TemplateValueProposition, canvas.TemplateJobMap, canvas.TemplateFree}
	for bi, t := range templates {
		b, err := canvas.NewBoard(t, fmt.Sprintf("Board %d", bi))
		if err != nil {
			panic(err)
		}
		b.ID = id()
		if bi == 0 {
			b.Unknown = []byte(`{"x-zoom":1.25,"x-view":{"x":-10,"y":20}}`)
		}
		p.Boards = append(p.Boards, b)
	}
	kinds := canvas.Kinds
	words := []string{"arrive", "sweaty", "rain", "bike", "lock", "theft", "commute", "fast", "cheap", "safe", "lane", "traffic"}
	for i := range n {
		b := p.Boards[i%len(p.Boards)]
		bounds := b.TemplateBounds()
		text := ""
		for range 3 + r.IntN(10) {
			text += words[r.IntN(len(words))] + " "
		}
		c := &canvas.Card{
			ID:   id(),
			Kind: kinds[r.IntN(len(kinds))],
			Text: text,
			X:    float64(r.IntN(int(bounds.W))) + bounds.X - 50,
			Y:    float64(r.IntN(int(bounds.H))) + bounds.Y - 50,
			W:    canvas.DefaultCardW,
			H:    canvas.DefaultCardH + float64(r.IntN(40)),
		}
		if i%3 == 0 {
			c.Quote = "“I hate showing up to meetings drenched”"
			c.Source = fmt.Sprintf("Interview %d, 2025-03-%02d", i%14+1, i%28+1)
		}
		if i%4 == 0 {
			c.Color = fmt.Sprintf("#%06X", r.IntN(1<<24))
		}
		if i%2 == 0 {
			c.Tags = []string{"functional", "emotional"}[:1+i%2*1]
		}
		if i%5 == 0 {
			c.Tags = append(c.Tags, "social")
		}
		c.Votes = r.IntN(6)
		if i%3 == 1 {
			s, rel := 1+r.IntN(5), 1+r.IntN(5)
			c.Severity, c.Relevance = &s, &rel
		}
		if i%2 == 1 {
			imp, sat := float64(r.IntN(101))/10, 7.25
			c.Importance, c.Satisfaction = &imp, &sat
		}
		if i%6 == 5 {
			k := i % 4
			c.JobTypes = canvas.JobTypes[k : k+1+i/6%2]
		}
		if i%7 == 0 {
			c.Unknown = []byte(fmt.Sprintf(`{"x-author":"ana","x-meta":{"n":%d,"list":[true,false]}}`, i))
		}
		b.Cards = append(b.Cards, c)
	}
	for _, b := range p.Boards {
		for j := 0; j+1 < len(b.Cards) && j < 2*n/len(p.Boards)/5; j += 2 {
			b.Links = append(b.Links, canvas.Link{From: b.Cards[j].ID, To: b.Cards[j+1].ID,
				Strength: []canvas.Strength{"", canvas.StrengthWeak, canvas.StrengthPartial, canvas.StrengthStrong}[j/2%4]})
		}
	}
	p.Normalize()
	return p
}
