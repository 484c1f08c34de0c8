package jsaws

import (
	"errors"
	"io"
	"reflect"
	"slices"
	"time"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	ddb "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"migrate.local/port/jsrt"
)

// Output turns an operation's result into the JS SDK v3's: the output object
// with `$metadata` last (as the JS SDK's deserializers add it) and the members named as in JavaScript (camel for
// services whose model uses lowerCamelCase), or a thrown service exception.
func Output(r *jsrt.Realm, service, operation string, camel bool, out any, err error) jsrt.Value {
	if err != nil {
		jsrt.Throw(ServiceError(r, err))
	}
	o := jsrt.NewObject()
	rv := reflect.ValueOf(out)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
		fillStruct(o, rv, camel)
		if f := rv.FieldByName("Metadata"); service == "s3" && f.Kind() == reflect.Map && !o.Has("Metadata") {
			o.Set("Metadata", jsrt.Obj(jsrt.NewObject())) // the JS SDK always gives the x-amz-meta-* map
		}
		if md, ok := rv.FieldByName("ResultMetadata").Interface().(middleware.Metadata); ok {
			inWireOrder(o, md)
			o.Set("$metadata", metadata(md, 0, ""))
		}
	}
	return jsrt.Obj(o)
}

// metadata is the JS SDK's $metadata from the Go result metadata.
func metadata(md middleware.Metadata, status int, requestID string) jsrt.Value {
	if raw, ok := awsmiddleware.GetRawResponse(md).(*smithyhttp.Response); ok && raw != nil {
		status = raw.StatusCode
	}
	if id, ok := awsmiddleware.GetRequestIDMetadata(md); ok {
		requestID = id
	}
	attempts := 1
	if res, ok := retry.GetAttemptResults(md); ok && len(res.Results) > 0 {
		attempts = len(res.Results)
	}
	m := jsrt.NewObject()
	m.Set("httpStatusCode", jsrt.Num(float64(status)))
	if requestID != "" {
		m.Set("requestId", jsrt.Str(requestID))
	} else {
		m.Set("requestId", jsrt.Undefined)
	}
	m.Set("extendedRequestId", jsrt.Undefined)
	m.Set("cfId", jsrt.Undefined)
	m.Set("attempts", jsrt.Num(float64(attempts)))
	m.Set("totalRetryDelay", jsrt.Num(0))
	return jsrt.Obj(m)
}

// ServiceError is the JS SDK's thrown error for a Go SDK error: name = the
// exception name (smithy ErrorCode), message, $fault and $metadata.
func ServiceError(r *jsrt.Realm, err error) jsrt.Value {
	var api smithy.APIError
	if !errors.As(err, &api) {
		return jsrt.NewError(r, "Error", jsrt.Str(err.Error()))
	}
	e := jsrt.NewError(r, api.ErrorCode(), jsrt.Str(api.ErrorMessage()))
	o := e.Object()
	o.Set("name", jsrt.Str(api.ErrorCode()))
	fault := "client"
	if api.ErrorFault() == smithy.FaultServer {
		fault = "server"
	}
	o.Set("$fault", jsrt.Str(fault))
	status, requestID := 0, ""
	var resp *awshttp.ResponseError
	if errors.As(err, &resp) {
		status, requestID = resp.HTTPStatusCode(), resp.ServiceRequestID()
	}
	o.Set("$metadata", metadata(middleware.Metadata{}, status, requestID))
	var ccf *ddb.ConditionalCheckFailedException
	if errors.As(err, &ccf) && ccf.Item != nil {
		o.Set("Item", toJS(reflect.ValueOf(ccf.Item), false))
	}
	return e
}

// fillStruct sets o's properties from the exported, present fields of struct rv.
func fillStruct(o *jsrt.Object, rv reflect.Value, camel bool) {
	t := rv.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || f.Name == "ResultMetadata" {
			continue
		}
		v := toJS(rv.Field(i), camel)
		if v.IsUndefined() {
			continue
		}
		name := f.Name
		if camel {
			name = lowerFirst(name)
		}
		o.Set(name, v)
	}
}

var readCloserType = reflect.TypeOf((*io.ReadCloser)(nil)).Elem()

// toJS converts a Go SDK value; absent values (nil pointers, nil slices and
// maps, empty enums) are undefined, as the JS SDK leaves them out.
func toJS(v reflect.Value, camel bool) jsrt.Value {
	if !v.IsValid() {
		return jsrt.Undefined
	}
	t := v.Type()
	switch {
	case t == attributeValueType:
		if v.IsNil() {
			return jsrt.Undefined
		}
		return AttributeValueJS(v.Interface().(ddb.AttributeValue))
	case t == timeType:
		return Date(v.Interface().(time.Time))
	case t == readerType || t == readCloserType:
		if v.IsNil() {
			return jsrt.Undefined
		}
		return Stream(v.Interface().(io.Reader))
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return jsrt.Undefined
		}
		return toJS(v.Elem(), camel)
	case reflect.String:
		if v.String() == "" && t.PkgPath() != "" {
			return jsrt.Undefined // an unset enum
		}
		return jsrt.Str(v.String())
	case reflect.Bool:
		return jsrt.Bool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return jsrt.Num(float64(v.Int()))
	case reflect.Float32, reflect.Float64:
		return jsrt.Num(v.Float())
	case reflect.Slice:
		if v.IsNil() {
			return jsrt.Undefined
		}
		if t.Elem().Kind() == reflect.Uint8 {
			return BlobAdapter(v.Bytes())
		}
		items := make([]jsrt.Value, v.Len())
		for i := range items {
			items[i] = toJS(v.Index(i), camel)
		}
		return jsrt.ArrayOf(items)
	case reflect.Map:
		if v.IsNil() {
			return jsrt.Undefined
		}
		o := jsrt.NewObject()
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int {
			if a.String() < b.String() {
				return -1
			}
			return 1
		})
		for _, k := range keys {
			o.Set(k.String(), toJS(v.MapIndex(k), camel))
		}
		return jsrt.Obj(o)
	case reflect.Struct:
		o := jsrt.NewObject()
		fillStruct(o, v, camel)
		return jsrt.Obj(o)
	}
	return jsrt.Undefined
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
