package app

import (
	"testing"
	"time"
)

// Of calls in quick succession only the last one's work runs, and work
// that a later call or stop overtakes while it runs shows nothing.
func TestDebounce(t *testing.T) {
	d := debounce{delay: time.Millisecond}
	shown := make(chan string, 4)
	do := func(f func()) { f() }
	job := func(name string) func() func() {
		return func() func() { return func() { shown <- name } }
	}
	d.schedule(job("first"), do)
	d.schedule(job("second"), do)
	select {
	case got := <-shown:
		if got != "second" {
			t.Errorf("showed %q, want the last call's work", got)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the work never ran")
	}

	started, release := make(chan bool), make(chan bool)
	d.schedule(func() func() {
		started <- true
		<-release
		return func() { shown <- "overtaken" }
	}, do)
	<-started
	d.stop()
	close(release)
	d.schedule(job("after stop"), do)
	if got := <-shown; got != "after stop" {
		t.Errorf("showed %q after stop", got)
	}
	if len(shown) != 0 {
		t.Errorf("showed %q as well", <-shown)
	}
}
