package jsrt

func reThis(this Value) (*Object, *regexpState) {
	if !this.IsObject() || this.o.class != "RegExp" {
		ThrowTypeError("RegExp method called on incompatible receiver")
	}
	return this.o, this.o.slot.(*regexpState)
}

// matchAt runs the regexp on s and returns the first match whose start is
// at or after the UTF-16 index from (exactly at from when sticky), as byte
// offsets of the whole match and groups; nil if none.
func (st *regexpState) matchAt(s string, from int, sticky bool) []int {
	fb := unitToByte(s, from)
	if fb == 0 && !sticky {
		return st.re.FindStringSubmatchIndex(s)
	}
	for _, m := range st.re.FindAllStringSubmatchIndex(s, -1) {
		if m[0] >= fb {
			if sticky && m[0] != fb {
				return nil
			}
			return m
		}
	}
	return nil
}

// allMatches lists the matches a global regexp visits, as JavaScript does:
// Go's FindAll drops an empty match right after a non-empty one, JavaScript
// keeps it, so those are put back.
func (st *regexpState) allMatches(s string) [][]int {
	var out [][]int
	for _, m := range st.re.FindAllStringSubmatchIndex(s, -1) {
		out = append(out, m)
		if e := m[1]; e > m[0] {
			if n := st.re.FindStringSubmatchIndex(s[e:]); n != nil && n[0] == 0 && n[1] == 0 {
				for i := range n {
					if n[i] >= 0 {
						n[i] += e
					}
				}
				out = append(out, n)
			}
		}
	}
	return out
}

// matchResult builds exec's result array: match, groups, index, input, groups.
func (st *regexpState) matchResult(s string, m []int) Value {
	items := make([]Value, len(m)/2)
	for i := range items {
		if m[2*i] >= 0 {
			items[i] = Str(s[m[2*i]:m[2*i+1]])
		}
	}
	arr := ArrayOf(items)
	arr.o.Set("index", Int(byteOffsetToUnits(s, m[0])))
	arr.o.Set("input", Str(s))
	arr.o.Set("groups", st.namedGroups(items))
	return arr
}

func (st *regexpState) namedGroups(items []Value) Value {
	names := st.re.SubexpNames()
	var g *Object
	for i, n := range names {
		if n != "" {
			if g == nil {
				g = NewObjectProto(nil)
			}
			g.Set(n, items[i])
		}
	}
	if g == nil {
		return Undefined
	}
	return Obj(g)
}

// exec is RegExp.prototype.exec with lastIndex handling for g and y.
func regexpExec(o *Object, st *regexpState, s string) Value {
	from := 0
	if st.global || st.sticky {
		from = int(toInteger(o.Get("lastIndex")))
		if from > unitLen(s) {
			o.Set("lastIndex", Num(0))
			return Null()
		}
	}
	m := st.matchAt(s, from, st.sticky)
	if m == nil {
		if st.global || st.sticky {
			o.Set("lastIndex", Num(0))
		}
		return Null()
	}
	if st.global || st.sticky {
		o.Set("lastIndex", Int(byteOffsetToUnits(s, m[1])))
	}
	return st.matchResult(s, m)
}

func regexpMethod(name string) Func {
	switch name {
	case "exec":
		return func(_ *Realm, this Value, a []Value) Value {
			o, st := reThis(this)
			return regexpExec(o, st, strArg(a, 0))
		}
	case "test":
		return func(_ *Realm, this Value, a []Value) Value {
			o, st := reThis(this)
			return Bool(!regexpExec(o, st, strArg(a, 0)).IsNullish())
		}
	case "toString":
		return func(_ *Realm, this Value, _ []Value) Value {
			_, st := reThis(this)
			return Str("/" + st.source + "/" + st.flags)
		}
	}
	return nil
}

func strMatch(_ *Realm, this Value, a []Value) Value {
	s := strThis(this)
	re := toRegExp(Arg(a, 0))
	o, st := reThis(re)
	if !st.global {
		return regexpExec(o, st, s)
	}
	o.Set("lastIndex", Num(0))
	var out []Value
	for _, m := range st.allMatches(s) {
		out = append(out, Str(s[m[0]:m[1]]))
	}
	if out == nil {
		return Null()
	}
	return ArrayOf(out)
}

func strMatchAll(_ *Realm, this Value, a []Value) Value {
	s := strThis(this)
	re := toRegExp(Arg(a, 0))
	_, st := reThis(re)
	if Arg(a, 0).IsObject() && !st.global {
		ThrowTypeError("String.prototype.matchAll called with a non-global RegExp argument")
	}
	var out []Value
	for _, m := range st.allMatches(s) {
		out = append(out, st.matchResult(s, m))
	}
	return ArrayOf(out)
}

func strSearch(_ *Realm, this Value, a []Value) Value {
	s := strThis(this)
	_, st := reThis(toRegExp(Arg(a, 0)))
	m := st.re.FindStringIndex(s)
	if m == nil {
		return Int(-1)
	}
	return Int(byteOffsetToUnits(s, m[0]))
}

// toRegExp converts a match/search argument: a RegExp as is, else new RegExp(String(v)).
func toRegExp(v Value) Value {
	if v.IsObject() && v.o.class == "RegExp" {
		return v
	}
	src := "(?:)"
	if !v.IsUndefined() {
		src = ToString(v)
	}
	return MustRegExp(src, "")
}

func regexpReplace(r *Realm, o *Object, s string, repl Value, all bool) Value {
	st := o.slot.(*regexpState)
	if all && !st.global {
		ThrowTypeError("replaceAll must be called with a global RegExp")
	}
	var matches [][]int
	if st.global {
		matches = st.allMatches(s)
		o.Set("lastIndex", Num(0))
	} else if m := st.matchAt(s, 0, st.sticky); m != nil {
		matches = [][]int{m}
	}
	u := toUnits(s)
	out, last := "", 0
	for _, m := range matches {
		res := st.matchResult(s, m)
		items := res.o.arr
		start, end := byteOffsetToUnits(s, m[0]), byteOffsetToUnits(s, m[1])
		var rep string
		if repl.k == KindFunction {
			args := append(append([]Value(nil), items...), Int(start), Str(s))
			if g := res.o.Get("groups"); !g.IsUndefined() {
				args = append(args, g)
			}
			rep = ToString(Call(r, repl, Undefined, args...))
		} else {
			var named *Object
			if g := res.o.Get("groups"); g.IsObject() {
				named = g.o
			}
			rep = expandReplacement(ToString(repl), u, start, end, items[1:], named)
		}
		out = concat(concat(out, s[last:m[0]]), rep)
		last = m[1]
	}
	return Str(concat(out, s[last:]))
}

func regexpSplit(o *Object, s string, limitArg Value) Value {
	st := o.slot.(*regexpState)
	limit := -1
	if !limitArg.IsUndefined() {
		limit = int(toUint32(ToNumber(limitArg)))
	}
	out := []Value{}
	push := func(v Value) bool {
		if limit >= 0 && len(out) >= limit {
			return false
		}
		out = append(out, v)
		return true
	}
	if s == "" {
		if st.re.MatchString(s) {
			return ArrayOf(out)
		}
		push(Str(s))
		return ArrayOf(out)
	}
	p := 0
	for _, m := range st.re.FindAllStringSubmatchIndex(s, -1) {
		if m[0] >= len(s) || m[1] == p {
			continue
		}
		if !push(Str(s[p:m[0]])) {
			return ArrayOf(out)
		}
		for g := 1; g < len(m)/2; g++ {
			v := Undefined
			if m[2*g] >= 0 {
				v = Str(s[m[2*g]:m[2*g+1]])
			}
			if !push(v) {
				return ArrayOf(out)
			}
		}
		p = m[1]
	}
	push(Str(s[p:]))
	return ArrayOf(out)
}
