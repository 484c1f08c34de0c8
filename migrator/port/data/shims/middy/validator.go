package middy

import (
	"migrate.local/port/jsrt"
)

// Validator is the exports of @middy/validator 4.x: default is
// validator({eventSchema, contextSchema, responseSchema, defaultLanguage,
// languages}), a before that validates the event (400 'Event object failed
// validation') and the context (500), and an after that validates the
// response (500 'Response object failed validation'); the error's cause is
// the ajv errors array, and the language comes from event.preferredLanguage.
func Validator(r *jsrt.Realm) jsrt.Value { return validatorExports(4) }

// Validator5 is @middy/validator 5.x and later: as 4.x, but the cause is
// {package: '@middy/validator', data: errors} and the language comes from
// context.preferredLanguage.
func Validator5(r *jsrt.Realm) jsrt.Value { return validatorExports(5) }

func validatorExports(major int) jsrt.Value {
	exports := jsrt.NewObject()
	exports.Set("default", jsrt.Fn("validatorMiddleware", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		return newValidator(jsrt.Arg(args, 0), major)
	}))
	return cjsModule(exports)
}

// validatorOptions are validator()'s options after `{...defaults, ...opts}`.
type validatorOptions struct {
	event, context, response, defaultLanguage, languages jsrt.Value
}

func readValidatorOptions(opts jsrt.Value) validatorOptions {
	o := validatorOptions{defaultLanguage: jsrt.Str("en"), languages: jsrt.Obj(jsrt.NewObject())}
	if !opts.IsObject() {
		return o
	}
	pick := func(key string, into *jsrt.Value) {
		if opts.Object().Has(key) {
			*into = opts.Object().Get(key)
		}
	}
	pick("eventSchema", &o.event)
	pick("contextSchema", &o.context)
	pick("responseSchema", &o.response)
	pick("defaultLanguage", &o.defaultLanguage)
	pick("languages", &o.languages)
	return o
}

func newValidator(opts jsrt.Value, major int) jsrt.Value {
	o := readValidatorOptions(opts)
	mw := jsrt.NewObject()
	before, after := jsrt.Undefined, jsrt.Undefined
	if jsrt.Truthy(jsrt.Coalesce(o.event, o.context)) {
		before = jsrt.Fn("validatorMiddlewareBefore", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
			return jsrt.Async(func() jsrt.Value { validateBefore(r, jsrt.Arg(args, 0), o, major); return jsrt.Undefined })
		})
	}
	if jsrt.Truthy(o.response) {
		after = jsrt.Fn("validatorMiddlewareAfter", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
			return jsrt.Async(func() jsrt.Value {
				request := jsrt.Arg(args, 0)
				if !jsrt.Truthy(jsrt.Await(jsrt.Call(r, o.response, jsrt.Undefined, jsrt.GetS(request, "response")))) {
					jsrt.Throw(validationError(r, 500, "Response object failed validation", o.response, major))
				}
				return jsrt.Undefined
			})
		})
	}
	mw.Set("before", before)
	mw.Set("after", after)
	return jsrt.Obj(mw)
}

func validateBefore(r *jsrt.Realm, request jsrt.Value, o validatorOptions, major int) {
	if jsrt.Truthy(o.event) {
		if !jsrt.Truthy(jsrt.Await(jsrt.Call(r, o.event, jsrt.Undefined, jsrt.GetS(request, "event")))) {
			from := "context"
			if major < 5 {
				from = "event"
			}
			preferred := jsrt.GetS(jsrt.GetS(request, from), "preferredLanguage")
			localize := jsrt.Coalesce(jsrt.Get(o.languages, preferred), jsrt.Get(o.languages, o.defaultLanguage))
			if !localize.IsNullish() {
				jsrt.Call(r, localize, jsrt.Undefined, jsrt.GetS(o.event, "errors"))
			}
			jsrt.Throw(validationError(r, 400, "Event object failed validation", o.event, major))
		}
	}
	if jsrt.Truthy(o.context) {
		if !jsrt.Truthy(jsrt.Await(jsrt.Call(r, o.context, jsrt.Undefined, jsrt.GetS(request, "context")))) {
			jsrt.Throw(validationError(r, 500, "Context object failed validation", o.context, major))
		}
	}
}

// validationError is @middy/util's createError(status, message, {cause}) with the
// validate function's errors as the cause (wrapped with the package name from 5.x on).
func validationError(r *jsrt.Realm, status int, message string, validate jsrt.Value, major int) jsrt.Value {
	cause := jsrt.GetS(validate, "errors")
	if major >= 5 {
		wrapped := jsrt.NewObject()
		wrapped.Set("package", jsrt.Str("@middy/validator"))
		wrapped.Set("data", cause)
		cause = jsrt.Obj(wrapped)
	}
	name := "BadRequestError"
	if status == 500 {
		name = "InternalServerError"
	}
	e := jsrt.NewError(r, name, jsrt.Str(message))
	e.Object().Set("cause", cause)
	e.Object().Set("name", jsrt.Str(name))
	e.Object().Set("status", jsrt.Num(float64(status)))
	e.Object().Set("statusCode", jsrt.Num(float64(status)))
	e.Object().Set("expose", jsrt.Bool(status < 500))
	return e
}

// Transpile is the exports of @middy/validator/transpile 4.x:
// transpileSchema(schema, ajvOptions) with middy's ajv defaults (strict,
// coerceTypes 'array', allErrors, useDefaults 'empty') and ajv-formats 2.
func Transpile(r *jsrt.Realm) jsrt.Value { return transpileExports(4) }

// Transpile5 is @middy/validator/transpile 5.x and later (ajv-formats 3: time
// and date-time need a time zone).
func Transpile5(r *jsrt.Realm) jsrt.Value { return transpileExports(5) }

func transpileExports(major int) jsrt.Value {
	exports := jsrt.NewObject()
	exports.Set("transpileSchema", jsrt.Fn("transpileSchema", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		opts := readAjvOptions(r, jsrt.Arg(args, 1), major)
		s := compileSchema(r, jsrt.Arg(args, 0), opts, "#")
		var validate jsrt.Value
		validate = jsrt.Fn("validate", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
			errs := s.run(opts, jsrt.Arg(args, 0))
			if len(errs) == 0 {
				validate.Object().Set("errors", jsrt.Null())
				return jsrt.Bool(true)
			}
			validate.Object().Set("errors", jsrt.ArrayOf(errs))
			return jsrt.Bool(false)
		})
		validate.Object().Set("errors", jsrt.Null())
		return validate
	}))
	return jsrt.Obj(exports)
}
