// Command driver runs jsrt operations for the property tests: it reads one
// JSON case per line ({"op": name, "args": [encoded values]}) and prints one
// JSON result per line ({"ok": value} or {"throw": {"name", "message"}}).
// Values use the transport encoding of protocol.js / codec.py: strings as
// UTF-16 code unit arrays, numbers as IEEE-754 bit patterns in hex.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"

	"jsrtdriver/jsrt"
)

func decode(x any) jsrt.Value {
	m := x.(map[string]any)
	switch m["t"] {
	case "undef":
		return jsrt.Undefined
	case "null":
		return jsrt.Null()
	case "bool":
		return jsrt.Bool(m["v"].(bool))
	case "num":
		bits, _ := strconv.ParseUint(m["v"].(string), 16, 64)
		return jsrt.Num(math.Float64frombits(bits))
	case "str":
		return jsrt.StrUTF16(units(m["v"]))
	case "arr":
		var items []jsrt.Value
		for _, e := range m["v"].([]any) {
			items = append(items, decode(e))
		}
		return jsrt.NewArray(items...)
	case "obj":
		o := jsrt.NewObject()
		for _, e := range m["v"].([]any) {
			pair := e.([]any)
			o.Set(jsrt.ToString(jsrt.StrUTF16(units(pair[0]))), decode(pair[1]))
		}
		return jsrt.Obj(o)
	}
	panic(fmt.Sprintf("cannot decode %v", x))
}

func units(x any) []uint16 {
	var u []uint16
	for _, e := range x.([]any) {
		u = append(u, uint16(e.(float64)))
	}
	return u
}

func encode(v jsrt.Value) any {
	switch v.Kind() {
	case jsrt.KindUndefined:
		return map[string]any{"t": "undef"}
	case jsrt.KindNull:
		return map[string]any{"t": "null"}
	case jsrt.KindBoolean:
		return map[string]any{"t": "bool", "v": v.Boolean()}
	case jsrt.KindNumber:
		bits := math.Float64bits(v.Float())
		if v.Float() != v.Float() {
			bits = 0x7ff8000000000000 // one NaN, as V8 prints it
		}
		return map[string]any{"t": "num", "v": fmt.Sprintf("%016x", bits)}
	case jsrt.KindString:
		return map[string]any{"t": "str", "v": unitList(v.UTF16())}
	case jsrt.KindArray:
		items := []any{}
		for _, e := range v.Object().Items() {
			items = append(items, encode(e))
		}
		return map[string]any{"t": "arr", "v": items}
	case jsrt.KindObject:
		if v.Object().Class() == "Object" {
			pairs := []any{}
			for _, k := range v.Object().Keys() {
				pairs = append(pairs, []any{unitList(jsrt.Str(k).UTF16()), encode(v.Object().Get(k))})
			}
			return map[string]any{"t": "obj", "v": pairs}
		}
	}
	return map[string]any{"t": "other", "v": unitList(jsrt.Str(jsrt.ToString(v)).UTF16())}
}

func unitList(u []uint16) []int {
	out := make([]int, len(u))
	for i, c := range u {
		out[i] = int(c)
	}
	return out
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<28)
	out := bufio.NewWriter(os.Stdout)
	r := jsrt.NewRealm(nil)
	for in.Scan() {
		var c struct {
			Op   string `json:"op"`
			Args []any  `json:"args"`
		}
		if err := json.Unmarshal(in.Bytes(), &c); err != nil {
			panic(err)
		}
		if c.Op == "flush" {
			out.Flush()
			continue
		}
		args := make([]jsrt.Value, len(c.Args))
		for i, a := range c.Args {
			args[i] = decode(a)
		}
		var res any
		if t := jsrt.Recover(func() { res = map[string]any{"ok": encode(run(r, c.Op, args))} }); t != nil {
			res = map[string]any{"throw": map[string]any{
				"name": jsrt.ErrorName(t.Value), "message": unitList(jsrt.Str(jsrt.ErrorMessage(t.Value)).UTF16())}}
		}
		b, err := json.Marshal(res)
		if err != nil {
			panic(err)
		}
		out.Write(append(b, '\n'))
	}
	out.Flush()
}
