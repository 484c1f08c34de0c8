package jsaws

import "migrate.local/port/jsrt"

// DocumentCall is a lib-dynamodb command (or DocumentClient method) on the
// DynamoDB operation op: the native values of the input are marshalled where
// lib-dynamodb marshalls them, the operation is called, and the output's
// attribute values are unmarshalled to native values.
func DocumentCall(r *jsrt.Realm, op string, input jsrt.Value, opts MarshallOptions) jsrt.Value {
	in := marshallInput(r, op, input, opts)
	out := Call(r, "dynamodb", op, in)
	return unmarshallOutput(r, op, out)
}

// copyObject is a shallow copy, so the caller's input object is left alone (as lib-dynamodb does).
func copyObject(v jsrt.Value) *jsrt.Object {
	o := jsrt.NewObject()
	if v.IsObject() {
		for _, k := range v.Object().Keys() {
			o.Set(k, v.Object().Get(k))
		}
	}
	return o
}

func marshallKeys(r *jsrt.Realm, v jsrt.Value, opts MarshallOptions, keys ...string) jsrt.Value {
	if !v.IsObject() {
		return v
	}
	o := copyObject(v)
	for _, k := range keys {
		if x := o.Get(k); x.IsObject() {
			switch k {
			case "Parameters":
				items := x.Object().Items()
				out := make([]jsrt.Value, len(items))
				for i, item := range items {
					out[i] = ConvertToAttr(r, item, opts)
				}
				o.Set(k, jsrt.ArrayOf(out))
			default:
				o.Set(k, Marshall(r, x, opts))
			}
		}
	}
	return jsrt.Obj(o)
}

func mapEach(v jsrt.Value, f func(jsrt.Value) jsrt.Value) jsrt.Value {
	if !v.IsObject() {
		return v
	}
	if v.Kind() == jsrt.KindArray {
		items := v.Object().Items()
		out := make([]jsrt.Value, len(items))
		for i, x := range items {
			out[i] = f(x)
		}
		return jsrt.ArrayOf(out)
	}
	o := jsrt.NewObject()
	for _, k := range v.Object().Keys() {
		o.Set(k, f(v.Object().Get(k)))
	}
	return jsrt.Obj(o)
}

func withKey(v jsrt.Value, key string, f func(jsrt.Value) jsrt.Value) jsrt.Value {
	if !v.IsObject() || v.Object().Get(key).IsUndefined() {
		return v
	}
	o := copyObject(v)
	o.Set(key, f(o.Get(key)))
	return jsrt.Obj(o)
}

var writeKeys = []string{"Key", "Item", "ExpressionAttributeValues"}

func marshallInput(r *jsrt.Realm, op string, in jsrt.Value, opts MarshallOptions) jsrt.Value {
	m := func(v jsrt.Value, keys ...string) jsrt.Value { return marshallKeys(r, v, opts, keys...) }
	switch op {
	case "GetItem", "PutItem", "UpdateItem", "DeleteItem":
		return m(in, writeKeys...)
	case "Query", "Scan":
		return m(in, "ExclusiveStartKey", "ExpressionAttributeValues")
	case "BatchGetItem":
		return withKey(in, "RequestItems", func(v jsrt.Value) jsrt.Value {
			return mapEach(v, func(t jsrt.Value) jsrt.Value {
				return withKey(t, "Keys", func(ks jsrt.Value) jsrt.Value {
					return mapEach(ks, func(k jsrt.Value) jsrt.Value { return Marshall(r, k, opts) })
				})
			})
		})
	case "BatchWriteItem":
		return withKey(in, "RequestItems", func(v jsrt.Value) jsrt.Value {
			return mapEach(v, func(reqs jsrt.Value) jsrt.Value {
				return mapEach(reqs, func(req jsrt.Value) jsrt.Value {
					req = withKey(req, "PutRequest", func(p jsrt.Value) jsrt.Value { return m(p, "Item") })
					return withKey(req, "DeleteRequest", func(d jsrt.Value) jsrt.Value { return m(d, "Key") })
				})
			})
		})
	case "TransactGetItems", "TransactWriteItems":
		return withKey(in, "TransactItems", func(v jsrt.Value) jsrt.Value {
			return mapEach(v, func(item jsrt.Value) jsrt.Value {
				for _, k := range []string{"Get", "Put", "Delete", "Update", "ConditionCheck"} {
					item = withKey(item, k, func(x jsrt.Value) jsrt.Value { return m(x, writeKeys...) })
				}
				return item
			})
		})
	case "ExecuteStatement":
		return m(in, "Parameters")
	case "BatchExecuteStatement":
		return withKey(in, "Statements", func(v jsrt.Value) jsrt.Value {
			return mapEach(v, func(s jsrt.Value) jsrt.Value { return m(s, "Parameters") })
		})
	case "ExecuteTransaction":
		return withKey(in, "TransactStatements", func(v jsrt.Value) jsrt.Value {
			return mapEach(v, func(s jsrt.Value) jsrt.Value { return m(s, "Parameters") })
		})
	}
	return in
}

func unmarshallOutput(r *jsrt.Realm, op string, out jsrt.Value) jsrt.Value {
	u := func(v jsrt.Value) jsrt.Value { return Unmarshall(r, v) }
	us := func(v jsrt.Value) jsrt.Value { return mapEach(v, u) }
	switch op {
	case "GetItem":
		return withKey(out, "Item", u)
	case "PutItem", "UpdateItem", "DeleteItem":
		return withKey(out, "Attributes", u)
	case "Query", "Scan", "ExecuteStatement":
		return withKey(withKey(out, "Items", us), "LastEvaluatedKey", u)
	case "BatchGetItem":
		out = withKey(out, "Responses", func(v jsrt.Value) jsrt.Value { return mapEach(v, us) })
		return withKey(out, "UnprocessedKeys", func(v jsrt.Value) jsrt.Value {
			return mapEach(v, func(t jsrt.Value) jsrt.Value { return withKey(t, "Keys", us) })
		})
	case "TransactGetItems", "ExecuteTransaction":
		return withKey(out, "Responses", func(v jsrt.Value) jsrt.Value {
			return mapEach(v, func(x jsrt.Value) jsrt.Value { return withKey(x, "Item", u) })
		})
	case "BatchWriteItem":
		return withKey(out, "UnprocessedItems", func(v jsrt.Value) jsrt.Value {
			return mapEach(v, func(reqs jsrt.Value) jsrt.Value {
				return mapEach(reqs, func(req jsrt.Value) jsrt.Value {
					req = withKey(req, "PutRequest", func(p jsrt.Value) jsrt.Value { return withKey(p, "Item", u) })
					return withKey(req, "DeleteRequest", func(d jsrt.Value) jsrt.Value { return withKey(d, "Key", u) })
				})
			})
		})
	}
	return out
}
