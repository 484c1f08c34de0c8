package middy

import (
	"regexp"

	"migrate.local/port/jsrt"
)

func middleware(kind string, f jsrt.Func) jsrt.Value {
	o := jsrt.NewObject()
	o.Set(kind, jsrt.Fn(kind, func(r *jsrt.Realm, this jsrt.Value, args []jsrt.Value) jsrt.Value {
		return jsrt.Async(func() jsrt.Value { return f(r, this, args) })
	}))
	return jsrt.Obj(o)
}

// HTTPErrorHandler is the exports of @middy/http-error-handler 4.x: an
// onError that turns an error with statusCode (exposed when < 500, or
// expose: true) into {statusCode, body: message, headers}; any other error
// is left to fail the invoke unless fallbackMessage is set.
func HTTPErrorHandler(r *jsrt.Realm) jsrt.Value { return httpErrorHandler(4) }

// HTTPErrorHandler5 is @middy/http-error-handler 5.x and later: as 4.x, but
// an unexposed error becomes a bare {statusCode: 500, headers: {}}.
func HTTPErrorHandler5(r *jsrt.Realm) jsrt.Value { return httpErrorHandler(5) }

func httpErrorHandler(major int) jsrt.Value {
	exports := jsrt.NewObject()
	exports.Set("default", jsrt.Fn("httpErrorHandler", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		opts := jsrt.Arg(args, 0)
		logger := jsrt.Fn("logger", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
			e := jsrt.Arg(args, 0)
			r.Logger().Error(jsrt.ErrorMessage(e), "name", jsrt.ErrorName(e))
			return jsrt.Undefined
		})
		fallback := jsrt.Undefined
		if opts.IsObject() {
			if opts.Object().Has("logger") {
				logger = opts.Object().Get("logger")
			}
			fallback = opts.Object().Get("fallbackMessage")
		}
		if major < 5 && fallback.IsUndefined() {
			fallback = jsrt.Null()
		}
		return middleware("onError", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
			onError(r, jsrt.Arg(args, 0), logger, fallback, major)
			return jsrt.Undefined
		})
	}))
	return cjsModule(exports)
}

// onError is the middleware's onError for middy `major`. Both majors log the error, expose one
// with a statusCode under 500 and answer it with {statusCode, body: message, headers}. They differ
// on the rest: 4.x swaps an unexposed error for the fallback message only when one is set, and
// otherwise leaves it to fail the invoke; 5.x always swaps it (an undefined message gives a bare
// {statusCode: 500, headers: {}}), and adds the body and its Content-Type only for a message.
func onError(r *jsrt.Realm, request, logger, fallback jsrt.Value, major int) {
	req := request.Object()
	if !req.Get("response").IsUndefined() {
		return
	}
	if logger.Kind() == jsrt.KindFunction {
		jsrt.Call(r, logger, jsrt.Undefined, req.Get("error"))
	}
	e := req.Get("error")
	status := jsrt.GetOpt(e, "statusCode")
	if jsrt.Truthy(status) && jsrt.GetOpt(e, "expose").IsUndefined() {
		jsrt.SetS(e, "expose", jsrt.Bool(jsrt.Less(status, jsrt.Num(500))))
	}
	unexposed := !jsrt.Truthy(status) || !jsrt.Truthy(jsrt.GetOpt(e, "expose"))
	if unexposed && (major >= 5 || jsrt.Truthy(fallback)) {
		fb := jsrt.NewObject()
		fb.Set("statusCode", jsrt.Num(500))
		fb.Set("message", fallback)
		fb.Set("expose", jsrt.Bool(true))
		e = jsrt.Obj(fb)
		req.Set("error", e)
	}
	if major < 5 && !jsrt.Truthy(jsrt.GetOpt(e, "expose")) {
		return
	}
	message := jsrt.GetS(e, "message")
	headers := jsrt.NewObject()
	jsrt.ObjectAssignInto(headers, jsrt.GetS(e, "headers"))
	resp := jsrt.NewObject()
	resp.Set("statusCode", jsrt.GetS(e, "statusCode"))
	if major < 5 {
		resp.Set("body", message) // 4.x: {statusCode, body, headers}, in that order
	}
	resp.Set("headers", jsrt.Obj(headers))
	if major < 5 || jsrt.Truthy(message) {
		if major >= 5 {
			resp.Set("body", message) // 5.x (normalizeHttpResponse): {statusCode, headers, body}
		}
		contentType := "application/json"
		if jsonSafeParse(r, message).Kind() == jsrt.KindString {
			contentType = "text/plain"
		}
		headers.Set("Content-Type", jsrt.Str(contentType))
	}
	req.Set("response", jsrt.Obj(resp))
}

// jsonSafeParse is @middy/util's: JSON.parse for text starting with {, [ or ", else the text.
func jsonSafeParse(r *jsrt.Realm, text jsrt.Value) jsrt.Value {
	if text.Kind() != jsrt.KindString {
		return text
	}
	s := jsrt.ToString(text)
	if s == "" || (s[0] != '{' && s[0] != '[' && s[0] != '"') {
		return text
	}
	out := text
	jsrt.Recover(func() { out = jsrt.JSONParse(r, text) })
	return out
}

var jsonMime = regexp.MustCompile(`^application/(.+\+)?json($|;.+)`)

// HTTPJSONBodyParser is the exports of @middy/http-json-body-parser 4.x: a
// before that parses a JSON body (base64 too) or throws middy's 415 errors;
// a body of another content type is left alone unless disableContentTypeError is false.
func HTTPJSONBodyParser(r *jsrt.Realm) jsrt.Value { return httpJSONBodyParser(true) }

// HTTPJSONBodyParser5 is @middy/http-json-body-parser 5.x and later, where
// another content type is a 415 unless disableContentTypeError is true.
func HTTPJSONBodyParser5(r *jsrt.Realm) jsrt.Value { return httpJSONBodyParser(false) }

func httpJSONBodyParser(disableByDefault bool) jsrt.Value {
	exports := jsrt.NewObject()
	exports.Set("default", jsrt.Fn("httpJsonBodyParser", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		disable := disableByDefault
		if given := jsrt.GetOpt(jsrt.Arg(args, 0), "disableContentTypeError"); !given.IsUndefined() {
			disable = jsrt.Truthy(given)
		}
		return middleware("before", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
			event := jsrt.GetS(jsrt.Arg(args, 0), "event")
			headers := jsrt.GetS(event, "headers")
			ct := jsrt.Coalesce(jsrt.GetOpt(headers, "Content-Type"), jsrt.GetOpt(headers, "content-type"))
			if !jsonMime.MatchString(jsrt.ToString(ct)) {
				if disable {
					return jsrt.Undefined
				}
				jsrt.Throw(httpError(r, 415, "Unsupported Media Type"))
			}
			body := jsrt.GetS(event, "body")
			if jsrt.Truthy(jsrt.GetS(event, "isBase64Encoded")) {
				body = jsrt.Str(jsrt.BufferToString(jsrt.BufferBytes(jsrt.BufferFrom(body, jsrt.Str("base64"))), "utf8"))
			}
			var parsed jsrt.Value
			if t := jsrt.Recover(func() { parsed = jsrt.JSONParse(r, body) }); t != nil {
				jsrt.Throw(httpError(r, 415, "Invalid or malformed JSON was provided"))
			}
			jsrt.SetS(event, "body", parsed)
			return jsrt.Undefined
		})
	}))
	return cjsModule(exports)
}

// httpError is @middy/util's createError(status, message).
func httpError(r *jsrt.Realm, status int, message string) jsrt.Value {
	e := jsrt.NewError(r, "UnsupportedMediaTypeError", jsrt.Str(message))
	e.Object().Set("status", jsrt.Num(float64(status)))
	e.Object().Set("statusCode", jsrt.Num(float64(status)))
	e.Object().Set("expose", jsrt.Bool(status < 500))
	return e
}
