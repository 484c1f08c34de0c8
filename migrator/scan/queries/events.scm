; The event shape one source file shows: properties of the event the code reads, literals it
; compares with, keys of the objects it returns. Used only to infer the triggers of a function whose
; config declares none (config wins), so captures.py runs this query only on the files such a
; function reaches. Same conventions as facts.scm: one capture per pattern, on the node the
; predicate reads.

; --- event shape: properties the code reads ------------------------------------------------
; One pattern per node kind: each pattern a node matches costs a predicate check (the names of the
; kinds added in issue 11 share these lists; two patterns per member expression cost 8 % of the query).
(member_expression
  property: (property_identifier) @prop
  (#any-of? @prop
    "Records" "Sns" "s3" "receiptHandle" "dynamodb" "kinesis" "requestContext" "http" "elb"
    "httpMethod" "rawPath" "routeKey" "rawQueryString" "methodArn" "routeArn" "authorizationToken"
    "awslogs" "triggerSource" "userPoolId" "detail" "NewImage" "OldImage" "bucket" "object"
    "Message" "TopicArn"
    "connectionId" "deliveryStreamArn" "getObjectContext" "ResponseURL" "cf" "rmqMessagesByQueue"))
(subscript_expression
  index: (string (string_fragment) @prop_key
  (#any-of? @prop_key "detail-type" "Records" "Sns" "requestContext" "httpMethod")))
((shorthand_property_identifier_pattern) @destructured
  (#any-of? @destructured
    "Sns" "receiptHandle" "httpMethod" "rawPath" "routeKey" "methodArn" "routeArn" "awslogs" "triggerSource"
    "connectionId" "getObjectContext" "ResponseURL"))
(pair_pattern key: (property_identifier) @destructured
  (#any-of? @destructured
    "Sns" "receiptHandle" "httpMethod" "rawPath" "routeKey" "methodArn" "routeArn" "awslogs" "triggerSource"))
; Only literals the code compares with: `=== 'aws:sqs'` or `case 'Scheduled Event':`.
(binary_expression
  (string (string_fragment) @literal)
  (#any-of? @literal
    "aws:sqs" "aws:sns" "aws:s3" "aws:dynamodb" "aws:kinesis" "Scheduled Event" "aws.scheduler"))
(switch_case
  value: (string (string_fragment) @literal)
  (#any-of? @literal
    "aws:sqs" "aws:sns" "aws:s3" "aws:dynamodb" "aws:kinesis" "Scheduled Event" "aws.scheduler"))
(return_statement (object) @returned)
(arguments . (null) . (object) @returned)
