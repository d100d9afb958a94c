package report

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// chromium finds a headless browser; CI installs Debian's chromium, so there
// a missing browser fails the test instead of skipping it.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no chromium on PATH; .ci/run installs Debian's chromium")
	}
	t.Skip("no chromium on PATH (apt-get install chromium)")
	return ""
}

func runChromium(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	return out
}

// The HTML report in a real browser: the page renders its charts, no script
// runs and no request leaves the page, even with a hostile name that tries to
// load an image and run code from the test server.
func TestHTMLReportInChromium(t *testing.T) {
	bin := chromium(t)
	var mu sync.Mutex
	var requests []string
	// The page names the server it must not reach, so the address is
	// reserved first and the page is made before the server serves it.
	srv := httptest.NewUnstartedServer(nil)
	base := "http://" + srv.Listener.Addr().String()
	name := `<img src="` + base + `/leak.png"><script>fetch("` + base + `/script");document.title="pwned"</script>`
	var buf bytes.Buffer
	if err := HTML(&buf, buildReport(t, name, true), 80); err != nil {
		t.Fatal(err)
	}
	page := buf.Bytes()
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requests = append(requests, r.URL.Path)
		mu.Unlock()
		if r.URL.Path == "/report.html" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
			return
		}
		http.NotFound(w, r)
	})
	srv.Start()
	defer srv.Close()

	dom := string(runChromium(t, bin, "--virtual-time-budget=3000", "--dump-dom", srv.URL+"/report.html"))
	if n := strings.Count(dom, "<svg "); n != 3 {
		t.Errorf("rendered DOM has %d charts, want 3", n)
	}
	for _, want := range []string{`class="chart-categories"`, `class="chart-ladder"`, `class="chart-radar"`, "Readiness for each rung"} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered DOM lacks %s", want)
		}
	}
	if strings.Contains(dom, "<title>pwned") {
		t.Error("a script ran: the title changed")
	}

	shot := filepath.Join(t.TempDir(), "skillgap-report.png")
	if d := os.Getenv("SKILLGAP_SCREENSHOT"); d != "" {
		shot = d
	}
	runChromium(t, bin, "--hide-scrollbars", "--window-size=1000,2600", "--screenshot="+shot, srv.URL+"/report.html")
	if st, err := os.Stat(shot); err != nil || st.Size() < 10_000 {
		t.Errorf("screenshot %s missing or empty: %v", shot, err)
	}
	t.Logf("screenshot: %s", shot)

	mu.Lock()
	defer mu.Unlock()
	for _, p := range requests {
		if p != "/report.html" && p != "/favicon.ico" {
			t.Errorf("the page made a request to %s", p)
		}
	}
}
