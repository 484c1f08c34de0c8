package nodepath

import "migrate.local/port/jsrt"

// normalizeString is lib/path.js's: resolves '.' and '..' segments and collapses slashes.
func normalizeString(path []uint16, allowAboveRoot bool) []uint16 {
	res := []uint16{}
	lastSegmentLength, lastSlash, dots := 0, -1, 0
	var code uint16
	for i := 0; i <= len(path); i++ {
		if i < len(path) {
			code = path[i]
		} else if code == slash {
			break
		} else {
			code = slash
		}
		if code == slash {
			switch {
			case lastSlash == i-1 || dots == 1:
			case dots == 2:
				if len(res) < 2 || lastSegmentLength != 2 || res[len(res)-1] != dot || res[len(res)-2] != dot {
					if len(res) > 2 {
						if last := lastIndex(res); last == -1 {
							res, lastSegmentLength = []uint16{}, 0
						} else {
							res = res[:last]
							lastSegmentLength = len(res) - 1 - lastIndex(res)
						}
						lastSlash, dots = i, 0
						continue
					} else if len(res) != 0 {
						res, lastSegmentLength = []uint16{}, 0
						lastSlash, dots = i, 0
						continue
					}
				}
				if allowAboveRoot {
					if len(res) > 0 {
						res = concat(res, []uint16{slash, dot, dot})
					} else {
						res = []uint16{dot, dot}
					}
					lastSegmentLength = 2
				}
			default:
				if len(res) > 0 {
					res = concat(res, []uint16{slash}, path[lastSlash+1:i])
				} else {
					res = concat(path[lastSlash+1 : i])
				}
				lastSegmentLength = i - lastSlash - 1
			}
			lastSlash, dots = i, 0
		} else if code == dot && dots != -1 {
			dots++
		} else {
			dots = -1
		}
	}
	return res
}

func lastIndex(s []uint16) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == slash {
			return i
		}
	}
	return -1
}

func relative(from, to []uint16) []uint16 {
	if equal(from, to) {
		return []uint16{}
	}
	from, to = resolve([]jsrt.Value{jsrt.StrUTF16(from)}), resolve([]jsrt.Value{jsrt.StrUTF16(to)})
	if equal(from, to) {
		return []uint16{}
	}
	const fromStart, toStart = 1, 1
	fromEnd := len(from)
	fromLen, toLen := fromEnd-fromStart, len(to)-toStart
	length := min(fromLen, toLen)
	lastCommonSep := -1
	i := 0
	for ; i < length; i++ {
		code := from[fromStart+i]
		if code != to[toStart+i] {
			break
		} else if code == slash {
			lastCommonSep = i
		}
	}
	if i == length {
		if toLen > length {
			if to[toStart+i] == slash {
				return concat(to[toStart+i+1:])
			}
			if i == 0 {
				return concat(to[toStart+i:])
			}
		} else if fromLen > length {
			if from[fromStart+i] == slash {
				lastCommonSep = i
			} else if i == 0 {
				lastCommonSep = 0
			}
		}
	}
	out := []uint16{}
	for i = fromStart + lastCommonSep + 1; i <= fromEnd; i++ {
		if i == fromEnd || from[i] == slash {
			if len(out) == 0 {
				out = concat(out, []uint16{dot, dot})
			} else {
				out = concat(out, []uint16{slash, dot, dot})
			}
		}
	}
	return concat(out, to[toStart+lastCommonSep:])
}

func dirname(path []uint16) []uint16 {
	if len(path) == 0 {
		return []uint16{dot}
	}
	hasRoot := path[0] == slash
	end, matchedSlash := -1, true
	for i := len(path) - 1; i >= 1; i-- {
		if path[i] == slash {
			if !matchedSlash {
				end = i
				break
			}
		} else {
			matchedSlash = false
		}
	}
	if end == -1 {
		if hasRoot {
			return []uint16{slash}
		}
		return []uint16{dot}
	}
	if hasRoot && end == 1 {
		return []uint16{slash, slash}
	}
	return concat(path[:end])
}

func basename(path, suffix []uint16, hasSuffix bool) []uint16 {
	start, end, matchedSlash := 0, -1, true
	if hasSuffix && len(suffix) > 0 && len(suffix) <= len(path) {
		if equal(suffix, path) {
			return []uint16{}
		}
		extIdx, firstNonSlashEnd := len(suffix)-1, -1
		for i := len(path) - 1; i >= 0; i-- {
			code := path[i]
			if code == slash {
				if !matchedSlash {
					start = i + 1
					break
				}
				continue
			}
			if firstNonSlashEnd == -1 {
				matchedSlash = false
				firstNonSlashEnd = i + 1
			}
			if extIdx >= 0 {
				if code == suffix[extIdx] {
					if extIdx--; extIdx == -1 {
						end = i
					}
				} else {
					extIdx = -1
					end = firstNonSlashEnd
				}
			}
		}
		if start == end {
			end = firstNonSlashEnd
		} else if end == -1 {
			end = len(path)
		}
		return concat(path[start:end])
	}
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == slash {
			if !matchedSlash {
				start = i + 1
				break
			}
		} else if end == -1 {
			matchedSlash = false
			end = i + 1
		}
	}
	if end == -1 {
		return []uint16{}
	}
	return concat(path[start:end])
}

// extension scans path[from:] from the right as extname and parse do: the start of the last
// component, where its extension starts (-1: none) and where it ends (-1: no component).
func extension(path []uint16, from int) (startPart, startDot, end int) {
	startDot, end = -1, -1
	matchedSlash, preDotState := true, 0
	for i := len(path) - 1; i >= from; i-- {
		code := path[i]
		if code == slash {
			if !matchedSlash {
				startPart = i + 1
				break
			}
			continue
		}
		if end == -1 {
			matchedSlash = false
			end = i + 1
		}
		if code == dot {
			if startDot == -1 {
				startDot = i
			} else if preDotState != 1 {
				preDotState = 1
			}
		} else if startDot != -1 {
			preDotState = -1
		}
	}
	if startDot == -1 || end == -1 || preDotState == 0 ||
		(preDotState == 1 && startDot == end-1 && startDot == startPart+1) {
		startDot = -1
	}
	return startPart, startDot, end
}

func extname(path []uint16) []uint16 {
	_, startDot, end := extension(path, 0)
	if startDot == -1 {
		return []uint16{}
	}
	return concat(path[startDot:end])
}

func parse(path []uint16) jsrt.Value {
	ret := jsrt.NewObject()
	root, dir, base, ext, name := []uint16{}, []uint16{}, []uint16{}, []uint16{}, []uint16{}
	if len(path) > 0 {
		absolute := path[0] == slash
		start := 0
		if absolute {
			root, start = []uint16{slash}, 1
		}
		startPart, startDot, end := extension(path, start)
		if end != -1 {
			first := startPart
			if startPart == 0 && absolute {
				first = 1
			}
			if startDot == -1 {
				base, name = path[first:end], path[first:end]
			} else {
				name, base, ext = path[first:startDot], path[first:end], path[startDot:end]
			}
		}
		if startPart > 0 {
			dir = path[:startPart-1]
		} else if absolute {
			dir = []uint16{slash}
		}
	}
	for _, kv := range []struct {
		key   string
		value []uint16
	}{{"root", root}, {"dir", dir}, {"base", base}, {"ext", ext}, {"name", name}} {
		ret.Set(kv.key, jsrt.StrUTF16(concat(kv.value)))
	}
	return jsrt.Obj(ret)
}

// format is path.format (lib/path.js's _format with '/'; its template literals are jsrt.Template).
func format(obj jsrt.Value) jsrt.Value {
	if !obj.IsObject() || obj.Kind() == jsrt.KindArray || obj.Kind() == jsrt.KindFunction {
		jsrt.Throw(jsrt.CodedError("TypeError", `The "pathObject" argument must be of type object.`+jsrt.Received(obj), "ERR_INVALID_ARG_TYPE"))
	}
	root := jsrt.GetS(obj, "root")
	dir := jsrt.GetS(obj, "dir")
	if !jsrt.Truthy(dir) {
		dir = root
	}
	base := jsrt.GetS(obj, "base")
	if !jsrt.Truthy(base) {
		name := jsrt.GetS(obj, "name")
		if !jsrt.Truthy(name) {
			name = jsrt.Str("")
		}
		base = jsrt.Template(name, formatExt(jsrt.GetS(obj, "ext")))
	}
	if !jsrt.Truthy(dir) {
		return base
	}
	if jsrt.StrictEquals(dir, root) {
		return jsrt.Template(dir, base)
	}
	return jsrt.Template(dir, jsrt.Str("/"), base)
}

func formatExt(ext jsrt.Value) jsrt.Value {
	if !jsrt.Truthy(ext) {
		return jsrt.Str("")
	}
	if jsrt.StrictEquals(jsrt.Get(ext, jsrt.Num(0)), jsrt.Str(".")) {
		return jsrt.Template(ext)
	}
	return jsrt.Template(jsrt.Str("."), ext)
}
