// Command driver runs @middy/validator cases through the Go shims: each
// step wraps a handler in middy with http-json-body-parser, validator and
// http-error-handler (plus an onError that records the error), invokes it
// with step.event and prints the response, the recorded error and the body
// the handler saw, as JSON (one array for all steps, in order).
package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"

	"migrate.local/port/jsrt"
	"migrate.local/port/shims/middy"
)

func call(r *jsrt.Realm, exports jsrt.Value, name string, args ...jsrt.Value) jsrt.Value {
	return jsrt.Call(r, jsrt.GetS(exports, name), jsrt.Undefined, args...)
}

// middlewares returns the four shims' exports for a middy major.
func middlewares(r *jsrt.Realm, major float64) (core, parser, validator, transpile, errs jsrt.Value) {
	if major >= 5 {
		return middy.Core(r), middy.HTTPJSONBodyParser5(r), middy.Validator5(r), middy.Transpile5(r), middy.HTTPErrorHandler5(r)
	}
	return middy.Core(r), middy.HTTPJSONBodyParser(r), middy.Validator(r), middy.Transpile(r), middy.HTTPErrorHandler(r)
}

func run(r *jsrt.Realm, spec jsrt.Value) jsrt.Value {
	out := jsrt.NewObject()
	if t := jsrt.Recover(func() { out.Set("response", invoke(r, spec, out)) }); t != nil {
		out.Set("threw", jsrt.Str(jsrt.ErrorName(t.Value)+": "+jsrt.ErrorMessage(t.Value)))
	}
	return jsrt.Obj(out)
}

// invoke builds the middy handler of a step and calls it with the step's event.
func invoke(r *jsrt.Realm, spec jsrt.Value, out *jsrt.Object) jsrt.Value {
	core, parser, validator, transpile, errs := middlewares(r, jsrt.ToNumber(jsrt.GetS(spec, "major")))
	handler := jsrt.Fn("handler", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		out.Set("seen", jsrt.JSONStringifyValue(r, args[0]))
		if res := jsrt.GetS(spec, "response"); !res.IsUndefined() {
			return res
		}
		ret := jsrt.NewObject()
		ret.Set("statusCode", jsrt.Num(200))
		ret.Set("body", jsrt.JSONStringifyValue(r, jsrt.GetS(args[0], "body")))
		return jsrt.Obj(ret)
	})
	options := jsrt.NewObject()
	for _, key := range []string{"eventSchema", "responseSchema", "contextSchema"} {
		if s := jsrt.GetS(spec, key); !s.IsUndefined() {
			options.Set(key, call(r, transpile, "transpileSchema", s, jsrt.GetS(spec, "ajv")))
		}
	}
	if jsrt.Truthy(jsrt.GetS(spec, "localize")) {
		// a languages entry, as ajv-ftl-i18n's would: rewrites each error's message in place
		languages := jsrt.NewObject()
		languages.Set("en", jsrt.Fn("en", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
			for _, e := range args[0].Object().Items() {
				jsrt.SetS(e, "message", jsrt.Str("en: "+jsrt.ToString(jsrt.GetS(e, "message"))))
			}
			return jsrt.Undefined
		}))
		options.Set("languages", jsrt.Obj(languages))
	}
	recorder := jsrt.NewObject()
	recorder.Set("onError", jsrt.Fn("onError", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		e := jsrt.GetS(args[0], "error")
		seen := jsrt.NewObject()
		for _, key := range []string{"name", "message", "status", "statusCode", "expose", "cause"} {
			seen.Set(key, jsrt.GetS(e, key))
		}
		out.Set("error", jsrt.Obj(seen))
		return jsrt.Undefined
	}))
	quiet := jsrt.NewObject()
	quiet.Set("logger", jsrt.Bool(false))
	m := call(r, core, "default", handler)
	m = jsrt.CallMethod(r, m, "use", call(r, parser, "default"))
	m = jsrt.CallMethod(r, m, "use", call(r, validator, "default", jsrt.Obj(options)))
	m = jsrt.CallMethod(r, m, "use", call(r, errs, "default", jsrt.Obj(quiet)))
	m = jsrt.CallMethod(r, m, "use", jsrt.Obj(recorder))
	context := jsrt.NewObject()
	context.Set("functionName", jsrt.Str("validated"))
	return jsrt.Await(jsrt.Call(r, m, jsrt.Undefined, jsrt.GetS(spec, "event"), jsrt.Obj(context)))
}

func main() {
	r := jsrt.NewRealm(slog.New(slog.NewTextHandler(os.Stderr, nil)))
	raw, _ := io.ReadAll(os.Stdin)
	steps, err := jsrt.FromJSON(raw)
	if err != nil {
		panic(err)
	}
	fmt.Print("[")
	for i, s := range steps.Object().Items() {
		if i > 0 {
			fmt.Print(",")
		}
		b, _ := jsrt.ToJSON(run(r, s))
		os.Stdout.Write(b)
	}
	fmt.Println("]")
}
