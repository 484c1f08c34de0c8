// Package middy stands in for @middy/core and the middlewares handlers use
// with it (@middy/http-error-handler, @middy/http-json-body-parser), with
// the order and early-exit rules of middy 5's runRequest.
package middy

import (
	"migrate.local/port/jsrt"
)

// stack is a middy handler's middlewares.
type stack struct {
	handler              jsrt.Value
	before, after, onErr []jsrt.Value
}

// Core is the exports of @middy/core: default is middy(handler).
func Core(r *jsrt.Realm) jsrt.Value {
	exports := jsrt.NewObject()
	exports.Set("default", jsrt.Fn("middy", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		return newMiddy(jsrt.Arg(args, 0))
	}))
	return cjsModule(exports)
}

func newMiddy(handler jsrt.Value) jsrt.Value {
	s := &stack{handler: handler}
	var self jsrt.Value
	self = jsrt.Fn("middy", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		return jsrt.Async(func() jsrt.Value { return s.run(r, jsrt.Arg(args, 0), jsrt.Arg(args, 1)) })
	})
	o := self.Object()
	chain := func(name string, f func(jsrt.Value)) {
		o.Set(name, jsrt.Fn(name, func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
			f(jsrt.Arg(args, 0))
			return self
		}))
	}
	chain("before", func(fn jsrt.Value) { s.before = append(s.before, fn) })
	chain("after", func(fn jsrt.Value) { s.after = append([]jsrt.Value{fn}, s.after...) })
	chain("onError", func(fn jsrt.Value) { s.onErr = append([]jsrt.Value{fn}, s.onErr...) })
	chain("handler", func(fn jsrt.Value) { s.handler = fn })
	o.Set("use", jsrt.Fn("use", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		list := []jsrt.Value{jsrt.Arg(args, 0)}
		if list[0].Kind() == jsrt.KindArray {
			list = list[0].Object().Items()
		}
		for _, mw := range list {
			b, a, e := jsrt.GetOpt(mw, "before"), jsrt.GetOpt(mw, "after"), jsrt.GetOpt(mw, "onError")
			if b.IsNullish() && a.IsNullish() && e.IsNullish() {
				jsrt.Throw(jsrt.NewError(r, "Error", jsrt.Str(
					`Middleware must be an object containing at least one key among "before", "after", "onError"`)))
			}
			if !b.IsNullish() {
				s.before = append(s.before, b)
			}
			if !a.IsNullish() {
				s.after = append([]jsrt.Value{a}, s.after...)
			}
			if !e.IsNullish() {
				s.onErr = append([]jsrt.Value{e}, s.onErr...)
			}
		}
		return self
	}))
	return self
}

// runMiddlewares calls each middleware with the request; one returning a
// value ends the stack with that value as the response.
func runMiddlewares(r *jsrt.Realm, request jsrt.Value, list []jsrt.Value) {
	for _, mw := range list {
		res := jsrt.Await(jsrt.Call(r, mw, jsrt.Undefined, request))
		if !res.IsUndefined() {
			request.Object().Set("response", res)
			return
		}
	}
}

func (s *stack) run(r *jsrt.Realm, event, context jsrt.Value) jsrt.Value {
	req := jsrt.NewObject()
	req.Set("event", event)
	req.Set("context", context)
	req.Set("response", jsrt.Undefined)
	req.Set("error", jsrt.Undefined)
	req.Set("internal", jsrt.Obj(jsrt.NewObject()))
	request := jsrt.Obj(req)
	jsrt.Try(func() {
		runMiddlewares(r, request, s.before)
		if req.Get("response").IsUndefined() {
			h := s.handler
			if h.IsNullish() {
				h = jsrt.Fn("", func(*jsrt.Realm, jsrt.Value, []jsrt.Value) jsrt.Value { return jsrt.Undefined })
			}
			req.Set("response", jsrt.Await(jsrt.Call(r, h, jsrt.Undefined, req.Get("event"), req.Get("context"))))
			runMiddlewares(r, request, s.after)
		}
	}, func(e jsrt.Value) {
		req.Set("response", jsrt.Undefined)
		req.Set("error", e)
		jsrt.Try(func() { runMiddlewares(r, request, s.onErr) }, func(e2 jsrt.Value) {
			if e2.IsObject() {
				e2.Object().Set("originalError", req.Get("error"))
			}
			jsrt.Throw(e2)
		}, nil)
		if req.Get("response").IsUndefined() {
			jsrt.Throw(req.Get("error"))
		}
	}, nil)
	return req.Get("response")
}

// cjsModule is a middy package as both module systems see it: `require()` gives the exported
// function itself (middy 4's CommonJS build sets module.exports to it) and `import x from` gives
// its `default`, which names the same function.
func cjsModule(exports *jsrt.Object) jsrt.Value {
	fn := exports.Get("default")
	fn.Object().Set("default", fn)
	return fn
}
