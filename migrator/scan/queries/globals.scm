; Lambda's Node-only globals, read only from files whose text names `awslambda` (see captures.py):
; the text predicate would otherwise be checked on every `name.property` of every file.
; awslambda.streamifyResponse(…) / awslambda.HttpResponseStream: response streaming.
; One capture, on the node the predicate reads: captures.py moves it to the property.
(member_expression
  object: (identifier) @lambda_global (#eq? @lambda_global "awslambda")
  property: (property_identifier))
