//go:build race

package preview

// raceEnabled is true when the tests run under the race detector, which
// makes building every corpus post's widgets take minutes.
const raceEnabled = true
