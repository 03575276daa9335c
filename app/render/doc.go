// Package render draws boards without taking input: the template, zones,
// cards, links and badges, with text fitted to its boxes, in the colours of
// a Palette. The interactive board (package app) places a BoardView at its
// zoom and pan and adds its rubber band and editor; a PNG export puts one
// on Fyne's software canvas, without the interactive widget.
//
// It imports the domain (canvas) and Fyne, never app.
package render
