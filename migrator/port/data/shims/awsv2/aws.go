// Package awsv2 stands in for the AWS SDK for JavaScript v2 (`aws-sdk`):
// `new AWS.<Service>()` clients whose methods take (params, callback?) and
// return a request with promise(), and `new AWS.DynamoDB.DocumentClient()`.
// Calls go to the operations installed by jsaws.Install, like the v3 shim's;
// outputs lose $metadata and errors carry v2's code/statusCode/requestId.
package awsv2

import (
	"slices"
	"strings"

	"migrate.local/port/jsaws"
	"migrate.local/port/jsrt"
)

// services maps the AWS namespace's class names to aws-sdk-go-v2 service packages.
var services = map[string]string{
	"Athena": "athena", "BedrockRuntime": "bedrockruntime", "CloudWatch": "cloudwatch",
	"CloudWatchLogs": "cloudwatchlogs", "CognitoIdentityServiceProvider": "cognitoidentityprovider",
	"Comprehend": "comprehend", "DynamoDB": "dynamodb", "EventBridge": "eventbridge", "Firehose": "firehose",
	"Kinesis": "kinesis", "KMS": "kms", "Lambda": "lambda", "RDSDataService": "rdsdata",
	"Rekognition": "rekognition", "S3": "s3", "Scheduler": "scheduler", "SecretsManager": "secretsmanager",
	"SES": "ses", "SESV2": "sesv2", "StepFunctions": "sfn", "SNS": "sns", "SQS": "sqs", "SSM": "ssm",
	"STS": "sts", "TimestreamWrite": "timestreamwrite", "Translate": "translate", "XRay": "xray",
}

// documentMethods are the DocumentClient's methods and their DynamoDB operations.
var documentMethods = [][2]string{
	{"get", "GetItem"}, {"put", "PutItem"}, {"update", "UpdateItem"}, {"delete", "DeleteItem"},
	{"query", "Query"}, {"scan", "Scan"}, {"batchGet", "BatchGetItem"}, {"batchWrite", "BatchWriteItem"},
	{"transactGet", "TransactGetItems"}, {"transactWrite", "TransactWriteItems"},
}

// Exports is the `aws-sdk` module: the AWS namespace (also its default export).
func Exports(r *jsrt.Realm) jsrt.Value {
	aws := jsrt.NewObject()
	names := make([]string, 0, len(services))
	for name := range services {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		service := services[name]
		cls := serviceClass(r, name, service)
		if service == "dynamodb" {
			cls.Object().Set("DocumentClient", documentClass())
		}
		aws.Set(name, cls)
	}
	config := jsrt.NewObject()
	config.Set("update", jsrt.Fn("update", func(_ *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		jsrt.ObjectAssignInto(config, jsrt.Arg(args, 0))
		return jsrt.Undefined
	}))
	aws.Set("config", jsrt.Obj(config))
	aws.Set("default", jsrt.Obj(aws))
	return jsrt.Obj(aws)
}

func serviceClass(r *jsrt.Realm, name, service string) jsrt.Value {
	cls := jsrt.NewClass(name, jsrt.Undefined, func(_ *jsrt.Realm, this jsrt.Value, args []jsrt.Value) jsrt.Value {
		cfg := jsrt.NewObject()
		jsrt.ObjectAssignInto(cfg, jsrt.Arg(args, 0))
		this.Object().Set("config", jsrt.Obj(cfg))
		return jsrt.Undefined
	})
	proto := jsrt.GetS(cls, "prototype").Object()
	for _, op := range jsaws.Operations(r, service) {
		proto.Set(strings.ToLower(op[:1])+op[1:], method(op, func(r *jsrt.Realm, input jsrt.Value) jsrt.Value {
			return jsaws.Call(r, service, op, input)
		}))
	}
	return cls
}

func documentClass() jsrt.Value {
	cls := jsrt.NewClass("DocumentClient", jsrt.Undefined, func(_ *jsrt.Realm, this jsrt.Value, args []jsrt.Value) jsrt.Value {
		opts := jsaws.MarshallOptions{RemoveUndefinedValues: true} // v2 leaves undefined attributes out
		opts.ConvertEmptyValues = jsrt.Truthy(jsrt.GetOpt(jsrt.Arg(args, 0), "convertEmptyValues"))
		this.Object().SetSlot(opts)
		return jsrt.Undefined
	})
	proto := jsrt.GetS(cls, "prototype").Object()
	for _, pair := range documentMethods {
		op := pair[1]
		proto.Set(pair[0], methodWithThis(op, func(r *jsrt.Realm, this, input jsrt.Value) jsrt.Value {
			opts, _ := this.Object().Slot().(jsaws.MarshallOptions)
			return jsaws.DocumentCall(r, op, input, opts)
		}))
	}
	return cls
}

func method(op string, call func(r *jsrt.Realm, input jsrt.Value) jsrt.Value) jsrt.Value {
	return methodWithThis(op, func(r *jsrt.Realm, _, input jsrt.Value) jsrt.Value { return call(r, input) })
}

// methodWithThis is a v2 method: op(params, callback?) → an AWS.Request whose
// promise() gives the output; with a callback, callback(err, data) is called.
func methodWithThis(op string, call func(r *jsrt.Realm, this, input jsrt.Value) jsrt.Value) jsrt.Value {
	return jsrt.Fn(op, func(r *jsrt.Realm, this jsrt.Value, args []jsrt.Value) jsrt.Value {
		input := jsrt.Arg(args, 0)
		result := func() jsrt.Value {
			return jsrt.Async(func() jsrt.Value {
				var out jsrt.Value
				jsrt.Try(func() { out = v2Output(r, call(r, this, input)) }, func(e jsrt.Value) { jsrt.Throw(v2Error(e)) }, nil)
				return out
			})
		}
		if cb := jsrt.Arg(args, 1); cb.Kind() == jsrt.KindFunction {
			var err, data jsrt.Value = jsrt.Null(), jsrt.Undefined
			jsrt.Try(func() { data = jsrt.Await(result()) }, func(e jsrt.Value) { err = e }, nil)
			jsrt.Call(r, cb, jsrt.Undefined, err, data)
		}
		req := jsrt.NewObject()
		req.Set("promise", jsrt.Fn("promise", func(*jsrt.Realm, jsrt.Value, []jsrt.Value) jsrt.Value { return result() }))
		return jsrt.Obj(req)
	})
}

// v2Output drops $metadata and reads a streaming Body into a Buffer, as v2 does.
func v2Output(r *jsrt.Realm, out jsrt.Value) jsrt.Value {
	if !out.IsObject() {
		return out
	}
	o := out.Object()
	o.Delete("$metadata")
	if body := o.Get("Body"); body.IsObject() && body.Object().Class() == "IncomingMessage" {
		o.Set("Body", jsrt.Await(jsrt.CallMethod(r, body, "transformToByteArray")))
	}
	return out
}

// v2Error gives a v3-shaped service error v2's fields: code, statusCode, requestId, retryable, time.
func v2Error(e jsrt.Value) jsrt.Value {
	if !e.IsObject() {
		return e
	}
	o := e.Object()
	md := o.Get("$metadata")
	if md.IsUndefined() {
		return e
	}
	o.Set("code", o.Get("name"))
	o.Set("statusCode", jsrt.GetS(md, "httpStatusCode"))
	o.Set("requestId", jsrt.GetS(md, "requestId"))
	o.Set("retryable", jsrt.Bool(false))
	o.Set("time", jsrt.NewDate())
	o.Delete("$metadata")
	o.Delete("$fault")
	return e
}
