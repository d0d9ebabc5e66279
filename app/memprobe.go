//go:build memprobe

package app

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"syscall"
)

// A build with -tags memprobe writes the Go heap's figures and a heap
// profile to the folder named by POSTDESK_MEMPROBE each time the process
// gets SIGUSR1. The README's memory figures are read this way.
func init() {
	dir := os.Getenv("POSTDESK_MEMPROBE")
	if dir == "" {
		return
	}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGUSR1)
	go func() {
		for n := 1; ; n++ {
			<-ch
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			mb := func(b uint64) float64 { return float64(b) / (1 << 20) }
			report := fmt.Sprintf("heap in use %.1f MB, live objects %.1f MB, idle %.1f MB, released %.1f MB, stacks %.1f MB, other runtime %.1f MB, total from OS %.1f MB\n",
				mb(m.HeapInuse), mb(m.HeapAlloc), mb(m.HeapIdle), mb(m.HeapReleased), mb(m.StackSys), mb(m.OtherSys+m.GCSys+m.MSpanSys+m.MCacheSys+m.BuckHashSys), mb(m.Sys))
			_ = os.WriteFile(filepath.Join(dir, fmt.Sprintf("memstats-%d.txt", n)), []byte(report), 0o644)
			if f, err := os.Create(filepath.Join(dir, fmt.Sprintf("heap-%d.pprof", n))); err == nil {
				_ = pprof.WriteHeapProfile(f)
				_ = f.Close()
			}
		}
	}()
}
