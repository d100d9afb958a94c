// Package text makes text from files safe to show: on a terminal, in a
// message, in JSON read by a terminal.
package text

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Clean makes text from files safe to print on a terminal: control
// characters (C0, DEL, C1) and bidirectional overrides become visible
// escapes (\x1b, <U+202E>), so a name cannot clear the screen, write the
// clipboard, forge a link or turn text around. JSON keeps exact values.
func Clean(s string) string { return clean(s, "", "<U+%04X>") }

// CleanMessage is Clean for a message of several lines: newlines stay.
func CleanMessage(s string) string { return clean(s, "\n", "<U+%04X>") }

// clean makes controls visible, keeping the characters in keep, and writes
// bidi overrides with bidi (a format for the rune).
func clean(s, keep, bidi string) string {
	if !needsClean(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case strings.ContainsRune(keep, r):
			b.WriteRune(r)
		case r == utf8.RuneError:
			b.WriteString("\\ufffd")
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			fmt.Fprintf(&b, "\\x%02x", r)
		case isBidiControl(r):
			fmt.Fprintf(&b, bidi, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

func needsClean(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidiControl(r) || r == utf8.RuneError {
			return true
		}
	}
	return false
}

// IsUnsafe reports whether r would act on a terminal rather than show: a C1
// control or a bidirectional override. JSON escapes these (\u009b) so that
// its text is safe to print and still decodes to the exact value.
func IsUnsafe(r rune) bool { return (r >= 0x80 && r < 0xa0) || isBidiControl(r) }

// EscapeJSON rewrites, in encoded JSON, each rune IsUnsafe names as a \u
// escape. They can only stand inside JSON strings, so the value is unchanged.
func EscapeJSON(b []byte) []byte {
	if !needsEscape(b) {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if IsUnsafe(r) {
			out = fmt.Appendf(out, "\\u%04x", r)
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

func needsEscape(b []byte) bool {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if IsUnsafe(r) {
			return true
		}
		i += size
	}
	return false
}

// CleanHTML is Clean for a page: newlines and tabs stay, and overrides are
// written without angle brackets, since the text stands inside markup.
func CleanHTML(s string) string { return clean(s, "\n\t", "\\u%04x") }
