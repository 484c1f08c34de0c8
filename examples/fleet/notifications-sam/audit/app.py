import json


def lambda_handler(event, context):
    print(json.dumps({"audit": event.get("detail-type")}))
    return {"ok": True}
