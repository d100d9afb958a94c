package cli

import (
	"testing"
)

// survey's hint lines are matched as text: an update of survey that changes
// them must be noticed.
func TestBackHintIsInEveryTemplate(t *testing.T) {
	surveyMu.Lock()
	defer surveyMu.Unlock()
	useTemplates(false)
	for i, tmpl := range backTemplates(templates[0]) {
		if tmpl == templates[0][i] {
			t.Errorf("template %d has no \"< back\" hint", i)
		}
	}
}
