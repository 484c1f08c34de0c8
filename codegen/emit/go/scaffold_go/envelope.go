package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"

	"github.com/aws/aws-lambda-go/lambdacontext"
)

// APIError is an error with a chosen HTTP status. Handlers and middlewares return it to answer
// with the error envelope {code, message, trace_id}; any other error becomes a 500 whose message
// does not leak the error's text (the router logs it instead).
type APIError struct {
	// Status is the HTTP status code.
	Status int
	// Code is a stable, machine-readable code such as "not_found".
	Code string
	// Message is the human-readable text sent to the client.
	Message string
	// Header holds extra response headers (WWW-Authenticate, Retry-After, ...).
	Header http.Header
	// Err is the cause: logged, never sent.
	Err error
}

// NewError returns an *APIError with the given status, code and message.
func NewError(status int, code, message string) *APIError {
	return &APIError{Status: status, Code: code, Message: message}
}

// NotImplemented is the error of an operation that has no implementation yet (501).
func NotImplemented(operation string) *APIError {
	return NewError(http.StatusNotImplemented, "not_implemented", fmt.Sprintf("operation %s is not implemented", operation))
}

// Error implements error.
func (e *APIError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%d %s: %s: %v", e.Status, e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Message)
}

// Unwrap returns the cause.
func (e *APIError) Unwrap() error { return e.Err }

// ErrorEnvelope is the JSON body of every error answer that is not a request problem.
type ErrorEnvelope struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	TraceID string `json:"trace_id"`
}

// StatusOf is the HTTP status an error answers with: an *APIError's or *ProblemDetails' status, else 500.
func StatusOf(err error) int {
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.Status != 0 {
		return apiErr.Status
	}
	var problem *ProblemDetails
	if errors.As(err, &problem) && problem.Status != 0 {
		return problem.Status
	}
	return http.StatusInternalServerError
}

// TraceID identifies the current invocation for logs and error envelopes: the X-Ray trace root
// (from the Lambda context, else _X_AMZN_TRACE_ID), else the Lambda request id, else API Gateway's.
func TraceID(ctx context.Context) string {
	if id := XRayTraceID(ctx); id != "" {
		return id
	}
	if lc, ok := lambdacontext.FromContext(ctx); ok && lc.AwsRequestID != "" {
		return lc.AwsRequestID
	}
	if r := RequestFrom(ctx); r != nil {
		return r.RequestID
	}
	return ""
}

// XRayTraceID is the Root of the X-Ray trace header of this invocation ("1-5759e988-bd862e3f..."),
// or "" outside Lambda.
func XRayTraceID(ctx context.Context) string {
	header, _ := ctx.Value("x-amzn-trace-id").(string)
	if header == "" {
		header = os.Getenv("_X_AMZN_TRACE_ID")
	}
	for _, part := range strings.Split(header, ";") {
		if root, ok := strings.CutPrefix(strings.TrimSpace(part), "Root="); ok {
			return root
		}
	}
	return header
}

// errorResponse turns any error into an answer: a *ProblemDetails as application/problem+json, an
// *APIError as its envelope, anything else as a 500 envelope (logged with its text).
func (rt *Router) errorResponse(ctx context.Context, r *HTTPRequest, err error) *HTTPResponse {
	var problem *ProblemDetails
	if errors.As(err, &problem) {
		return problem.response(r)
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		rt.logger.ErrorContext(ctx, "unhandled error", "error", err.Error(), "operation", OperationFrom(ctx))
		apiErr = NewError(http.StatusInternalServerError, "internal_error", "internal server error")
	} else if apiErr.Status >= 500 && apiErr.Err != nil {
		rt.logger.ErrorContext(ctx, apiErr.Message, "error", apiErr.Err.Error(), "operation", OperationFrom(ctx))
	}
	status := apiErr.Status
	if status == 0 {
		status = http.StatusInternalServerError
	}
	body, _ := json.Marshal(ErrorEnvelope{Code: apiErr.Code, Message: apiErr.Message, TraceID: TraceID(ctx)})
	header := http.Header{"Content-Type": {"application/json"}}
	for key, values := range apiErr.Header {
		header[http.CanonicalHeaderKey(key)] = append([]string(nil), values...)
	}
	return &HTTPResponse{Status: status, Header: header, Body: body}
}
