//go:build !race

package editor

// raceEnabled is false: the tests run without the race detector.
const raceEnabled = false
