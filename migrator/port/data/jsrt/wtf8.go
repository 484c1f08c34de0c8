package jsrt

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Strings are stored as WTF-8: UTF-8 where a lone surrogate is encoded like
// any other code point (ED A0..BF xx) and a surrogate pair is always one
// 4-byte sequence. These helpers convert and work on UTF-16 code units.

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// decodeUnit decodes one WTF-8 sequence at s[i:]: a code point (or lone
// surrogate) and its byte size. Invalid bytes decode to U+FFFD.
func decodeUnit(s string, i int) (rune, int) {
	c := s[i]
	if c < 0x80 {
		return rune(c), 1
	}
	if c == 0xED && i+2 < len(s) && s[i+1] >= 0xA0 && s[i+1] <= 0xBF && s[i+2]&0xC0 == 0x80 {
		return 0xD000 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

func toUnits(s string) []uint16 {
	u := make([]uint16, 0, len(s))
	for i := 0; i < len(s); {
		r, n := decodeUnit(s, i)
		i += n
		if r >= 0x10000 {
			a, b := utf16.EncodeRune(r)
			u = append(u, uint16(a), uint16(b))
		} else {
			u = append(u, uint16(r))
		}
	}
	return u
}

func appendWTF8(b []byte, r rune) []byte {
	if r >= 0xD800 && r <= 0xDFFF {
		return append(b, 0xED, byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
	}
	return utf8.AppendRune(b, r)
}

func fromUnits(u []uint16) string {
	b := make([]byte, 0, len(u))
	for i := 0; i < len(u); i++ {
		c := rune(u[i])
		if c >= 0xD800 && c < 0xDC00 && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] < 0xE000 {
			b = utf8.AppendRune(b, utf16.DecodeRune(c, rune(u[i+1])))
			i++
			continue
		}
		b = appendWTF8(b, c)
	}
	return string(b)
}

// toUTF8 turns WTF-8 into valid UTF-8 (lone surrogates become U+FFFD).
func toUTF8(s string) string {
	if !strings.Contains(s, "\xed") && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := decodeUnit(s, i)
		i += n
		if r >= 0xD800 && r <= 0xDFFF {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// concat joins two WTF-8 strings, fusing a lone lead surrogate at the end of
// a with a lone trail surrogate at the start of b into one code point.
func concat(a, b string) string {
	if len(a) >= 3 && len(b) >= 3 && a[len(a)-3] == 0xED && a[len(a)-2] >= 0xA0 && a[len(a)-2] <= 0xAF &&
		b[0] == 0xED && b[1] >= 0xB0 && b[1] <= 0xBF {
		hi, _ := decodeUnit(a, len(a)-3)
		lo, _ := decodeUnit(b, 0)
		return a[:len(a)-3] + string(utf16.DecodeRune(hi, lo)) + b[3:]
	}
	return a + b
}

func unitLen(s string) int {
	if isASCII(s) {
		return len(s)
	}
	n := 0
	for i := 0; i < len(s); {
		r, size := decodeUnit(s, i)
		i += size
		n += runeUnits(r)
	}
	return n
}

// unitToByte converts a UTF-16 index in s to a byte offset.
func unitToByte(s string, u int) int {
	if isASCII(s) {
		return min(u, len(s))
	}
	n := 0
	for i := 0; i < len(s); {
		if n >= u {
			return i
		}
		r, size := decodeUnit(s, i)
		i += size
		n += runeUnits(r)
	}
	return len(s)
}

// runeUnits is how many UTF-16 code units r takes: two above the BMP (a surrogate pair), else one.
func runeUnits(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// unitSlice returns the code units [start, end) of s (indices already clamped).
func unitSlice(s string, start, end int) string {
	if start >= end {
		return ""
	}
	if isASCII(s) {
		return s[start:end]
	}
	return fromUnits(toUnits(s)[start:end])
}

// compareUnits orders two strings by UTF-16 code units, like JavaScript's < on strings.
func compareUnits(a, b string) int {
	if isASCII(a) && isASCII(b) {
		return strings.Compare(a, b)
	}
	ua, ub := toUnits(a), toUnits(b)
	for i := 0; i < len(ua) && i < len(ub); i++ {
		if ua[i] != ub[i] {
			if ua[i] < ub[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(ua) < len(ub):
		return -1
	case len(ua) > len(ub):
		return 1
	}
	return 0
}

// byteOffsetToUnits converts a byte offset in s to a UTF-16 index.
func byteOffsetToUnits(s string, off int) int {
	if isASCII(s[:off]) {
		return off
	}
	return unitLen(s[:off])
}
