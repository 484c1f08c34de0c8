// Command driver runs AWS SDK v3 steps (read as JSON from stdin) through the
// awsv3 shim and jsaws, against AWS_ENDPOINT_URL, and prints each result as
// JSON: {"ok": output} or {"error": {name, message, $fault, status}}.
// tests/port/libs/driver.js does the same with the real JS SDK.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"

	"migrate.local/port/jsrt"
	"migrate.local/port/shims/awsv2"
	"migrate.local/port/shims/awsv3"
	"migrate.local/port/shims/middy"
	"migrate.local/port/shims/powertools"
	"migrate.local/port/shims/uuid"
	"migrate.local/port/shims/zod"
)

type step struct {
	UUID     bool            `json:"uuid"`
	Paginate string          `json:"paginate"`
	V2       string          `json:"v2"`
	Method   string          `json:"method"`
	Logger   json.RawMessage `json:"logger"`
	Zod      json.RawMessage `json:"zod"`
	Middy    json.RawMessage `json:"middy"`
	Module   string          `json:"module"`
	Client   string          `json:"client"`
	Config   json.RawMessage `json:"config"`
	Command  string          `json:"command"`
	Input    json.RawMessage `json:"input"`
	Body     bool            `json:"body"`
}

func exports(r *jsrt.Realm, module string) jsrt.Value {
	switch module {
	case "@aws-sdk/lib-dynamodb":
		return awsv3.LibDynamoDB(r)
	case "@aws-sdk/client-dynamodb":
		return awsv3.Client(r, "dynamodb", "DynamoDB")
	case "@aws-sdk/client-s3":
		return awsv3.Client(r, "s3", "S3")
	case "@aws-sdk/client-sqs":
		return awsv3.Client(r, "sqs", "SQS")
	case "@aws-sdk/client-sns":
		return awsv3.Client(r, "sns", "SNS")
	case "@aws-sdk/client-ses":
		return awsv3.Client(r, "ses", "SES")
	case "@aws-sdk/client-eventbridge":
		return awsv3.Client(r, "eventbridge", "EventBridge")
	}
	panic("driver: unknown module " + module)
}

func value(raw json.RawMessage) jsrt.Value {
	if len(raw) == 0 {
		return jsrt.Undefined
	}
	v, err := jsrt.FromJSON(raw)
	if err != nil {
		panic(err)
	}
	return v
}

// runMiddy wraps a handler that throws spec.throw (an object of error
// properties) or returns spec.return in middy with the JSON body parser and
// the HTTP error handler (options: spec.options, logger off), and invokes it
// with spec.event.
func runMiddy(r *jsrt.Realm, raw json.RawMessage) jsrt.Value {
	spec := value(raw)
	handler := jsrt.Fn("handler", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		if t := jsrt.GetS(spec, "throw"); t.IsObject() {
			e := jsrt.NewError(r, "Error", jsrt.GetS(t, "message"))
			for _, k := range t.Object().Keys() {
				e.Object().Set(k, t.Object().Get(k))
			}
			jsrt.Throw(e)
		}
		ret := jsrt.NewObject()
		ret.Set("statusCode", jsrt.Num(200))
		ret.Set("body", jsrt.GetS(args[0], "body"))
		return jsrt.Obj(ret)
	})
	quiet := jsrt.NewObject()
	quiet.Set("logger", jsrt.Bool(false))
	if options := jsrt.GetS(spec, "options"); options.IsObject() {
		for _, k := range options.Object().Keys() {
			quiet.Set(k, options.Object().Get(k))
		}
	}
	m := jsrt.Call(r, jsrt.GetS(middy.Core(r), "default"), jsrt.Undefined, handler)
	parser, errors := middy.HTTPJSONBodyParser(r), middy.HTTPErrorHandler(r)
	if jsrt.ToNumber(jsrt.GetS(spec, "major")) >= 5 {
		parser, errors = middy.HTTPJSONBodyParser5(r), middy.HTTPErrorHandler5(r)
	}
	m = jsrt.CallMethod(r, m, "use", jsrt.Call(r, jsrt.GetS(parser, "default"), jsrt.Undefined))
	m = jsrt.CallMethod(r, m, "use", jsrt.Call(r, jsrt.GetS(errors, "default"), jsrt.Undefined, jsrt.Obj(quiet)))
	return jsrt.Await(jsrt.Call(r, m, jsrt.Undefined, jsrt.GetS(spec, "event"), jsrt.Obj(jsrt.NewObject())))
}

// schema builds a zod schema from its JSON description: {t: kind, shape?,
// of?, values?, chain: [[method, ...args]]}; a "regex" argument is a
// pattern source and "refine" takes the name of a predicate.
func schema(r *jsrt.Realm, z jsrt.Value, d jsrt.Value) jsrt.Value {
	kind := jsrt.ToString(jsrt.GetS(d, "t"))
	var s jsrt.Value
	switch kind {
	case "object":
		shape := jsrt.NewObject()
		fields := jsrt.GetS(d, "shape")
		for _, k := range fields.Object().Keys() {
			shape.Set(k, schema(r, z, fields.Object().Get(k)))
		}
		s = jsrt.CallMethod(r, z, "object", jsrt.Obj(shape))
	case "array":
		s = jsrt.CallMethod(r, z, "array", schema(r, z, jsrt.GetS(d, "of")))
	case "enum":
		s = jsrt.CallMethod(r, z, "enum", jsrt.GetS(d, "values"))
	default:
		s = jsrt.CallMethod(r, z, kind)
	}
	chain := jsrt.GetS(d, "chain")
	if chain.IsUndefined() {
		return s
	}
	for _, link := range chain.Object().Items() {
		parts := link.Object().Items()
		method, args := jsrt.ToString(parts[0]), parts[1:]
		switch method {
		case "regex":
			re, err := jsrt.NewRegExp(jsrt.ToString(args[0]), "")
			if err != nil {
				panic(err)
			}
			args = append([]jsrt.Value{re}, args[1:]...)
		case "refine":
			nonzero := jsrt.Fn("nonzero", func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
				return jsrt.Bool(jsrt.ToNumber(a[0]) != 0)
			})
			args = append([]jsrt.Value{nonzero}, args[1:]...)
		}
		s = jsrt.CallMethod(r, s, method, args...)
	}
	return s
}

func runZod(r *jsrt.Realm, raw json.RawMessage) jsrt.Value {
	spec := value(raw)
	z := jsrt.GetS(zod.Exports(r), "z")
	s := schema(r, z, jsrt.GetS(spec, "schema"))
	res := jsrt.CallMethod(r, s, "safeParse", jsrt.GetS(spec, "input"))
	out := jsrt.NewObject()
	out.Set("success", jsrt.GetS(res, "success"))
	out.Set("data", jsrt.GetS(res, "data"))
	if e := jsrt.GetS(res, "error"); !e.IsUndefined() {
		out.Set("name", jsrt.GetS(e, "name"))
		out.Set("message", jsrt.GetS(e, "message"))
		out.Set("issues", jsrt.GetS(e, "issues"))
		out.Set("flatten", jsrt.CallMethod(r, e, "flatten"))
	}
	return jsrt.Obj(out)
}

// runLogger logs through a Powertools Logger made with spec.options inside
// a middy handler wrapped by injectLambdaContext, and returns the records
// written (JSON objects, time dropped).
func runLogger(raw json.RawMessage) jsrt.Value {
	spec := value(raw)
	var buf bytes.Buffer
	r := jsrt.NewRealm(slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug - 4})))
	r.WithContext(context.Background())
	exports := powertools.Logger(r)
	logger := jsrt.New(r, jsrt.GetS(exports, "Logger"), jsrt.GetS(spec, "options"))
	handler := jsrt.Fn("handler", func(r *jsrt.Realm, _ jsrt.Value, _ []jsrt.Value) jsrt.Value {
		for _, call := range jsrt.GetS(spec, "calls").Object().Items() {
			parts := call.Object().Items()
			args := parts[1:]
			if len(args) > 1 && jsrt.GetOpt(args[1], "error").Kind() == jsrt.KindString {
				args = []jsrt.Value{args[0], jsrt.NewError(r, "TypeError", jsrt.GetS(args[1], "error"))}
			}
			jsrt.CallMethod(r, logger, jsrt.ToString(parts[0]), args...)
		}
		return jsrt.Undefined
	})
	m := jsrt.Call(r, jsrt.GetS(middy.Core(r), "default"), jsrt.Undefined, handler)
	m = jsrt.CallMethod(r, m, "use", jsrt.Call(r, jsrt.GetS(exports, "injectLambdaContext"), jsrt.Undefined, logger))
	jsrt.Await(jsrt.Call(r, m, jsrt.Undefined, jsrt.Obj(jsrt.NewObject()), jsrt.GetS(spec, "context")))
	var records []jsrt.Value
	for _, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
		if len(line) > 0 {
			rec := value(line)
			rec.Object().Delete("time")
			records = append(records, rec)
		}
	}
	return jsrt.ArrayOf(records)
}

func run(r *jsrt.Realm, s step) (result jsrt.Value) {
	out := jsrt.NewObject()
	jsrt.Try(func() {
		if len(s.Logger) > 0 {
			out.Set("ok", runLogger(s.Logger))
			return
		}
		if s.UUID {
			u := uuid.Exports(r)
			id := jsrt.CallMethod(r, u, "v4")
			res := jsrt.NewObject()
			res.Set("v4", id)
			res.Set("other", jsrt.CallMethod(r, u, "v4"))
			res.Set("valid", jsrt.CallMethod(r, u, "validate", id))
			res.Set("nil", jsrt.CallMethod(r, u, "validate", jsrt.GetS(u, "NIL")))
			res.Set("bad", jsrt.CallMethod(r, u, "validate", jsrt.Str("not-a-uuid")))
			res.Set("v1", jsrt.NewArray(jsrt.CallMethod(r, u, "v1"), jsrt.CallMethod(r, u, "v1"), jsrt.CallMethod(r, u, "v1")))
			out.Set("ok", jsrt.Obj(res))
			return
		}
		if s.V2 != "" {
			aws := awsv2.Exports(r)
			var cl jsrt.Value
			if s.V2 == "DynamoDB.DocumentClient" {
				cl = jsrt.New(r, jsrt.GetS(jsrt.GetS(aws, "DynamoDB"), "DocumentClient"))
			} else {
				cl = jsrt.New(r, jsrt.GetS(aws, s.V2))
			}
			out.Set("ok", jsrt.Await(jsrt.CallMethod(r, jsrt.CallMethod(r, cl, s.Method, value(s.Input)), "promise")))
			return
		}
		if len(s.Zod) > 0 {
			out.Set("ok", runZod(r, s.Zod))
			return
		}
		if len(s.Middy) > 0 {
			out.Set("ok", runMiddy(r, s.Middy))
			return
		}
		var cl jsrt.Value
		if s.Module == "@aws-sdk/lib-dynamodb" {
			base := jsrt.New(r, jsrt.GetS(exports(r, "@aws-sdk/client-dynamodb"), "DynamoDBClient"), jsrt.Obj(jsrt.NewObject()))
			cl = jsrt.CallMethod(r, jsrt.GetS(exports(r, s.Module), s.Client), "from", base, value(s.Config))
		} else {
			cl = jsrt.New(r, jsrt.GetS(exports(r, s.Module), s.Client), value(s.Config))
		}
		if s.Paginate != "" {
			cfg := jsrt.NewObject()
			cfg.Set("client", cl)
			cfg.Set("pageSize", jsrt.Num(1))
			out.Set("ok", jsrt.Call(r, jsrt.GetS(exports(r, s.Module), s.Paginate), jsrt.Undefined, jsrt.Obj(cfg), value(s.Input)))
			return
		}
		cmd := jsrt.New(r, jsrt.GetS(exports(r, s.Module), s.Command), value(s.Input))
		res := jsrt.Await(jsrt.CallMethod(r, cl, "send", cmd))
		if s.Body {
			text := jsrt.Await(jsrt.CallMethod(r, jsrt.GetS(res, "Body"), "transformToString"))
			res.Object().Set("Body", text)
		}
		out.Set("ok", res)
	}, func(e jsrt.Value) {
		errObj := jsrt.NewObject()
		errObj.Set("name", jsrt.GetS(e, "name"))
		errObj.Set("message", jsrt.GetS(e, "message"))
		errObj.Set("$fault", jsrt.GetS(e, "$fault"))
		errObj.Set("status", jsrt.GetOpt(jsrt.GetS(e, "$metadata"), "httpStatusCode"))
		errObj.Set("code", jsrt.GetS(e, "code"))
		errObj.Set("statusCode", jsrt.GetS(e, "statusCode"))
		out.Set("error", jsrt.Obj(errObj))
	}, nil)
	return jsrt.Obj(out)
}

func main() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		panic(err)
	}
	r := jsrt.NewRealm(slog.New(slog.NewTextHandler(os.Stderr, nil)))
	r.WithContext(ctx)
	installAWS(r, cfg)
	raw, _ := io.ReadAll(os.Stdin)
	var steps []step
	if err := json.Unmarshal(raw, &steps); err != nil {
		panic(err)
	}
	fmt.Print("[")
	for i, s := range steps {
		if i > 0 {
			fmt.Print(",")
		}
		b, _ := jsrt.ToJSON(run(r, s))
		os.Stdout.Write(b)
	}
	fmt.Println("]")
}
