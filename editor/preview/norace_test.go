//go:build !race

package preview

// raceEnabled is false: the tests run without the race detector.
const raceEnabled = false
