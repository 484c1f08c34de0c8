// Command driver runs AWS SDK v3 steps (read as JSON from stdin) through the
// awsv3 shim and jsaws, against AWS_ENDPOINT_URL, and prints each result as
// JSON: {"ok": output} or {"error": {name, message, $fault, status}}.
// tests/port/libs/driver.js does the same with the real JS SDK.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"

	"migrate.local/port/jsrt"
	"migrate.local/port/shims/awsv3"
	"migrate.local/port/shims/middy"
)

type step struct {
	Middy   json.RawMessage `json:"middy"`
	Module  string          `json:"module"`
	Client  string          `json:"client"`
	Config  json.RawMessage `json:"config"`
	Command string          `json:"command"`
	Input   json.RawMessage `json:"input"`
	Body    bool            `json:"body"`
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
// the HTTP error handler, and invokes it with spec.event.
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
	m := jsrt.Call(r, jsrt.GetS(middy.Core(r), "default"), jsrt.Undefined, handler)
	m = jsrt.CallMethod(r, m, "use", jsrt.Call(r, jsrt.GetS(middy.HTTPJSONBodyParser(r), "default"), jsrt.Undefined))
	m = jsrt.CallMethod(r, m, "use", jsrt.Call(r, jsrt.GetS(middy.HTTPErrorHandler(r), "default"), jsrt.Undefined, jsrt.Obj(quiet)))
	return jsrt.Await(jsrt.Call(r, m, jsrt.Undefined, jsrt.GetS(spec, "event"), jsrt.Obj(jsrt.NewObject())))
}

func run(r *jsrt.Realm, s step) (result jsrt.Value) {
	out := jsrt.NewObject()
	jsrt.Try(func() {
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
