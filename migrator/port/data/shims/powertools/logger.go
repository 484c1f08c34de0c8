// Package powertools stands in for @aws-lambda-powertools/logger: the
// Logger class (debug/info/warn/error with extra keys or an error,
// appendKeys/removeKeys/resetKeys, addContext, createChild, log level)
// writing to the Realm's slog logger, and the injectLambdaContext middy
// middleware.
package powertools

import (
	"context"
	"log/slog"
	"os"
	"strings"

	"migrate.local/port/jsrt"
)

// logger is the slot of a Logger instance.
type logger struct {
	service string
	level   slog.Level
	silent  bool
	keys    *jsrt.Object // persistent keys (appendKeys, persistentLogAttributes)
	context *jsrt.Object // Lambda context keys (addContext)
}

var levels = map[string]slog.Level{"TRACE": slog.LevelDebug - 4, "DEBUG": slog.LevelDebug, "INFO": slog.LevelInfo,
	"WARN": slog.LevelWarn, "ERROR": slog.LevelError, "CRITICAL": slog.LevelError + 4}

func newLogger(opts jsrt.Value) *logger {
	l := &logger{service: "service_undefined", level: slog.LevelInfo, keys: jsrt.NewObject(), context: jsrt.NewObject()}
	if s := os.Getenv("POWERTOOLS_SERVICE_NAME"); s != "" {
		l.service = s
	}
	level := os.Getenv("POWERTOOLS_LOG_LEVEL")
	if level == "" {
		level = os.Getenv("LOG_LEVEL")
	}
	if opts.IsObject() {
		o := opts.Object()
		if s := o.Get("serviceName"); s.Kind() == jsrt.KindString && jsrt.ToString(s) != "" {
			l.service = jsrt.ToString(s)
		}
		if s := o.Get("logLevel"); s.Kind() == jsrt.KindString {
			level = jsrt.ToString(s)
		}
		for _, name := range []string{"persistentKeys", "persistentLogAttributes"} {
			jsrt.ObjectAssignInto(l.keys, o.Get(name))
		}
	}
	l.setLevel(level)
	return l
}

func (l *logger) setLevel(name string) {
	name = strings.ToUpper(name)
	l.silent = name == "SILENT"
	if lv, ok := levels[name]; ok {
		l.level = lv
	}
}

// Logger is the exports of @aws-lambda-powertools/logger: Logger, and injectLambdaContext.
func Logger(r *jsrt.Realm) jsrt.Value {
	exports := jsrt.NewObject()
	exports.Set("Logger", loggerClass())
	exports.Set("injectLambdaContext", jsrt.Fn("injectLambdaContext", inject))
	return jsrt.Obj(exports)
}

// LoggerMiddleware is the exports of @aws-lambda-powertools/logger/middleware.
func LoggerMiddleware(r *jsrt.Realm) jsrt.Value {
	exports := jsrt.NewObject()
	exports.Set("injectLambdaContext", jsrt.Fn("injectLambdaContext", inject))
	return jsrt.Obj(exports)
}

func slotOf(v jsrt.Value) *logger {
	if v.IsObject() {
		if l, ok := v.Object().Slot().(*logger); ok {
			return l
		}
	}
	jsrt.ThrowTypeError("Logger method called on an object that is not a Logger")
	return nil
}

func loggerClass() jsrt.Value {
	var cls jsrt.Value
	cls = jsrt.NewClass("Logger", jsrt.Undefined, func(r *jsrt.Realm, this jsrt.Value, args []jsrt.Value) jsrt.Value {
		this.Object().SetSlot(newLogger(jsrt.Arg(args, 0)))
		return jsrt.Undefined
	})
	proto := jsrt.GetS(cls, "prototype").Object()
	method := func(name string, f func(r *jsrt.Realm, l *logger, this jsrt.Value, args []jsrt.Value) jsrt.Value) {
		proto.Set(name, jsrt.Fn(name, func(r *jsrt.Realm, this jsrt.Value, args []jsrt.Value) jsrt.Value {
			return f(r, slotOf(this), this, args)
		}))
	}
	for name, level := range map[string]slog.Level{"debug": slog.LevelDebug, "info": slog.LevelInfo, "warn": slog.LevelWarn,
		"error": slog.LevelError, "critical": slog.LevelError + 4, "trace": slog.LevelDebug - 4} {
		method(name, func(r *jsrt.Realm, l *logger, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
			l.emit(r, level, args)
			return jsrt.Undefined
		})
	}
	method("appendKeys", func(_ *jsrt.Realm, l *logger, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		jsrt.ObjectAssignInto(l.keys, jsrt.Arg(args, 0))
		return jsrt.Undefined
	})
	proto.Set("appendPersistentKeys", proto.Get("appendKeys"))
	proto.Set("addPersistentLogAttributes", proto.Get("appendKeys"))
	method("removeKeys", func(_ *jsrt.Realm, l *logger, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		for _, k := range jsrt.Iterate(jsrt.Arg(args, 0)) {
			l.keys.Delete(jsrt.ToString(k))
		}
		return jsrt.Undefined
	})
	method("resetKeys", func(_ *jsrt.Realm, l *logger, _ jsrt.Value, _ []jsrt.Value) jsrt.Value {
		l.keys = jsrt.NewObject()
		return jsrt.Undefined
	})
	method("addContext", func(_ *jsrt.Realm, l *logger, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		l.addContext(jsrt.Arg(args, 0))
		return jsrt.Undefined
	})
	method("setLogLevel", func(_ *jsrt.Realm, l *logger, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		l.setLevel(jsrt.ToString(jsrt.Arg(args, 0)))
		return jsrt.Undefined
	})
	method("getLevelName", func(_ *jsrt.Realm, l *logger, _ jsrt.Value, _ []jsrt.Value) jsrt.Value {
		for name, lv := range levels {
			if lv == l.level {
				return jsrt.Str(name)
			}
		}
		return jsrt.Str("INFO")
	})
	method("createChild", func(r *jsrt.Realm, l *logger, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		child := jsrt.New(r, cls)
		c := slotOf(child)
		*c = *l
		c.keys, c.context = jsrt.NewObject(), jsrt.NewObject()
		jsrt.ObjectAssignInto(c.keys, jsrt.Obj(l.keys))
		jsrt.ObjectAssignInto(c.context, jsrt.Obj(l.context))
		if opts := jsrt.Arg(args, 0); opts.IsObject() {
			if lv := opts.Object().Get("logLevel"); lv.Kind() == jsrt.KindString {
				c.setLevel(jsrt.ToString(lv))
			}
			jsrt.ObjectAssignInto(c.keys, opts.Object().Get("persistentKeys"))
		}
		return child
	})
	return cls
}

// addContext is Powertools' Lambda context keys.
func (l *logger) addContext(ctx jsrt.Value) {
	if !ctx.IsObject() {
		return
	}
	o := ctx.Object()
	l.context.Set("cold_start", jsrt.Bool(false))
	l.context.Set("function_arn", o.Get("invokedFunctionArn"))
	l.context.Set("function_memory_size", o.Get("memoryLimitInMB"))
	l.context.Set("function_name", o.Get("functionName"))
	l.context.Set("function_request_id", o.Get("awsRequestId"))
}

// emit writes one log entry: message, then the context, persistent keys and
// the call's extra arguments (objects merged, an error under "error", a string under "extra").
func (l *logger) emit(r *jsrt.Realm, level slog.Level, args []jsrt.Value) {
	if l.silent || level < l.level {
		return
	}
	attrs := []slog.Attr{slog.String("service", l.service)}
	add := func(o *jsrt.Object) {
		for _, k := range o.Keys() {
			attrs = append(attrs, slog.Any(k, plain(o.Get(k))))
		}
	}
	add(l.context)
	add(l.keys)
	message := jsrt.Arg(args, 0)
	if message.IsObject() && !jsrt.IsError(message) {
		add(message.Object())
		message = message.Object().Get("message")
	}
	for _, extra := range args[min(1, len(args)):] {
		switch {
		case jsrt.IsError(extra):
			attrs = append(attrs, slog.Any("error", errorAttrs(extra)))
		case extra.IsObject():
			add(extra.Object())
		case extra.Kind() == jsrt.KindString:
			attrs = append(attrs, slog.String("extra", jsrt.ToString(extra)))
		}
	}
	r.Logger().LogAttrs(contextOf(r), level, jsrt.ToString(message), attrs...)
}

func contextOf(r *jsrt.Realm) context.Context {
	if ctx := r.Context(); ctx != nil {
		return ctx
	}
	return context.Background()
}

func errorAttrs(e jsrt.Value) map[string]any {
	return map[string]any{"name": jsrt.ErrorName(e), "message": jsrt.ErrorMessage(e),
		"stack": jsrt.ToString(jsrt.GetS(e, "stack"))}
}

// plain is a JS value as JSON-like Go data for slog.
func plain(v jsrt.Value) any {
	if jsrt.IsError(v) {
		return errorAttrs(v)
	}
	if b, ok := jsrt.ToJSON(v); ok {
		return jsonText(b)
	}
	return nil
}

// jsonText logs as raw JSON under slog's JSON handler and as text otherwise.
type jsonText []byte

func (j jsonText) MarshalJSON() ([]byte, error) { return j, nil }
func (j jsonText) String() string               { return string(j) }

// inject is injectLambdaContext(logger | loggers, {clearState, resetKeys, logEvent}).
func inject(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
	targets := []jsrt.Value{jsrt.Arg(args, 0)}
	if targets[0].Kind() == jsrt.KindArray {
		targets = targets[0].Object().Items()
	}
	opts := jsrt.Arg(args, 1)
	reset := jsrt.Truthy(jsrt.GetOpt(opts, "clearState")) || jsrt.Truthy(jsrt.GetOpt(opts, "resetKeys"))
	logEvent := jsrt.Truthy(jsrt.GetOpt(opts, "logEvent"))
	var saved []*jsrt.Object
	mw := jsrt.NewObject()
	mw.Set("before", jsrt.Fn("before", func(r *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
		request := jsrt.Arg(a, 0)
		saved = saved[:0]
		for _, t := range targets {
			l := slotOf(t)
			saved = append(saved, l.keys)
			if reset {
				copyKeys := jsrt.NewObject()
				jsrt.ObjectAssignInto(copyKeys, jsrt.Obj(l.keys))
				l.keys = copyKeys
			}
			l.addContext(jsrt.GetS(request, "context"))
			if logEvent {
				l.emit(r, slog.LevelInfo, []jsrt.Value{jsrt.Str("Lambda invocation event"), eventAttr(jsrt.GetS(request, "event"))})
			}
		}
		return jsrt.Resolved(jsrt.Undefined)
	}))
	restore := jsrt.Fn("after", func(*jsrt.Realm, jsrt.Value, []jsrt.Value) jsrt.Value {
		if reset {
			for i, t := range targets {
				if i < len(saved) {
					slotOf(t).keys = saved[i]
				}
			}
		}
		return jsrt.Resolved(jsrt.Undefined)
	})
	mw.Set("after", restore)
	mw.Set("onError", restore)
	return jsrt.Obj(mw)
}

func eventAttr(event jsrt.Value) jsrt.Value {
	o := jsrt.NewObject()
	o.Set("event", event)
	return jsrt.Obj(o)
}
