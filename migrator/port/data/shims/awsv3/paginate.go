package awsv3

import (
	"migrate.local/port/jsaws"
	"migrate.local/port/jsrt"
)

// pager is how one operation pages: the input token, the output token and the page-size member.
type pager struct{ in, out, limit string }

// pagers are the paginate<Op> functions the shims offer, by service and operation.
var pagers = map[string]map[string]pager{
	"dynamodb": {
		"Query": {"ExclusiveStartKey", "LastEvaluatedKey", "Limit"},
		"Scan":  {"ExclusiveStartKey", "LastEvaluatedKey", "Limit"},
	},
	"s3": {"ListObjectsV2": {"ContinuationToken", "NextContinuationToken", "MaxKeys"}},
}

// paginate is paginate<Op>({client, pageSize, startingToken}, input): the
// pages, fetched one after the other until the service returns no next token.
// The JS SDK gives an async generator; this gives the array of all pages,
// which `for await … of` walks the same way (a loop that breaks early has
// already fetched the remaining pages).
func paginate(service, op string, p pager, document bool) jsrt.Value {
	return jsrt.Fn("paginate"+op, func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		cfg := jsrt.Undefined
		if len(args) > 0 {
			cfg = args[0]
		}
		input := jsrt.NewObject()
		if len(args) > 1 {
			jsrt.ObjectAssignInto(input, args[1])
		}
		cl, _ := jsrt.GetS(cfg, "client").Object().Slot().(*client)
		if cl == nil {
			jsrt.ThrowTypeError("paginate" + op + ": config.client must be an AWS SDK client")
		}
		if size := jsrt.GetOpt(cfg, "pageSize"); !size.IsUndefined() {
			input.Set(p.limit, size)
		}
		if start := jsrt.GetOpt(cfg, "startingToken"); !start.IsUndefined() {
			input.Set(p.in, start)
		}
		var pages []jsrt.Value
		for {
			var page jsrt.Value
			if document || cl.document {
				page = jsaws.DocumentCall(r, op, jsrt.Obj(input), cl.opts)
			} else {
				page = jsaws.Call(r, service, op, jsrt.Obj(input))
			}
			pages = append(pages, page)
			next := jsrt.GetS(page, p.out)
			if next.IsNullish() {
				return jsrt.ArrayOf(pages)
			}
			input.Set(p.in, next)
		}
	})
}
