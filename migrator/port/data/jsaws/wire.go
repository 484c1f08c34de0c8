package jsaws

import (
	"bytes"
	"context"
	"io"
	"strings"

	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"migrate.local/port/jsrt"
)

// The JS SDK reads a JSON protocol's maps (DynamoDB's Items, Key, LastEvaluatedKey, ...) in the order
// the service sent their keys; Go's maps have no order. Code that serialises such a map (a page cursor
// made of JSON.stringify(LastEvaluatedKey)) must see the service's order, so the raw JSON body of each
// response is kept in the result metadata and Output gives every plain object the wire's key order.

// wireBodyCap bounds the body kept for ordering; a larger response keeps Go's sorted order.
const wireBodyCap = 8 << 20

type wireBodyKey struct{}

// keepWireBody is an API option: it adds, innermost in the deserialize step (before the operation's
// deserializer reads the body), a middleware that keeps a JSON response body in the metadata.
func keepWireBody(stack *middleware.Stack) error {
	return stack.Deserialize.Add(middleware.DeserializeMiddlewareFunc("jsawsKeepWireBody", keepBody), middleware.After)
}

func keepBody(
	ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler,
) (middleware.DeserializeOutput, middleware.Metadata, error) {
	out, md, err := next.HandleDeserialize(ctx, in)
	resp, ok := out.RawResponse.(*smithyhttp.Response)
	if !ok || resp == nil || resp.Body == nil || !strings.Contains(resp.Header.Get("Content-Type"), "json") {
		return out, md, err
	}
	head, readErr := io.ReadAll(io.LimitReader(resp.Body, wireBodyCap+1))
	rest := resp.Body
	resp.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(head), rest), rest}
	if readErr == nil && len(head) <= wireBodyCap {
		md.Set(wireBodyKey{}, head)
	}
	return out, md, err
}

// wireOrder returns v with every plain object's keys in the order of the same object in raw (keys raw
// does not have keep their place after those it has). Arrays are followed element by element.
func wireOrder(v, raw jsrt.Value) jsrt.Value {
	if v.Kind() != raw.Kind() || (v.Kind() != jsrt.KindObject && v.Kind() != jsrt.KindArray) {
		return v
	}
	src, wire := v.Object(), raw.Object()
	if v.Kind() == jsrt.KindArray {
		items, rawItems := src.Items(), wire.Items()
		for i := range min(len(items), len(rawItems)) {
			items[i] = wireOrder(items[i], rawItems[i])
		}
		return v
	}
	if src.Class() != "Object" || src.Proto() != nil {
		return v // a Date, a Blob adapter, a stream: not a map
	}
	o := jsrt.NewObject()
	for _, k := range wire.Keys() {
		if x, ok := src.GetOwn(k); ok {
			o.Set(k, wireOrder(x, wire.Get(k)))
		}
	}
	for _, k := range src.Keys() {
		if !o.HasOwn(k) {
			o.Set(k, src.Get(k))
		}
	}
	return jsrt.Obj(o)
}

// inWireOrder orders the members of the output object o (top-level members keep the SDK model's
// order, as the JS SDK's deserializers build them) by the raw body kept in md.
func inWireOrder(o *jsrt.Object, md middleware.Metadata) {
	body, ok := md.Get(wireBodyKey{}).([]byte)
	if !ok {
		return
	}
	raw, err := jsrt.FromJSON(body)
	if err != nil || raw.Kind() != jsrt.KindObject {
		return
	}
	for _, k := range o.Keys() {
		if x, has := raw.Object().GetOwn(k); has {
			o.Set(k, wireOrder(o.Get(k), x))
		}
	}
}
