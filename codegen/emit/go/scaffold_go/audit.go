package api

import (
	"context"
	"io"
	"log/slog"
	"os"
	"sync/atomic"
	"time"

	"github.com/aws/aws-lambda-go/lambdacontext"
)

// NewLogger is a log/slog JSON logger whose lines use Powertools for AWS Lambda's keys: level,
// message, timestamp (UTC, milliseconds) and service.
func NewLogger(w io.Writer, service string) *slog.Logger {
	handler := slog.NewJSONHandler(w, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if len(groups) > 0 {
				return a
			}
			switch a.Key {
			case slog.TimeKey:
				return slog.String("timestamp", a.Value.Time().UTC().Format("2006-01-02T15:04:05.000Z"))
			case slog.MessageKey:
				a.Key = "message"
			}
			return a
		},
	})
	return slog.New(handler).With("service", service)
}

// AuditOptions configures Audit.
type AuditOptions struct {
	// Service names the service in every line (default: $POWERTOOLS_SERVICE_NAME, else
	// $AWS_LAMBDA_FUNCTION_NAME, else "service_undefined").
	Service string
	// Logger receives the lines (default: NewLogger(os.Stdout, Service)).
	Logger *slog.Logger
	// Message is each line's message (default "request").
	Message string
}

// Audit logs one line per request with Powertools-compatible keys (level, message, service,
// timestamp, cold_start, function_request_id, xray_trace_id, function_name) plus operation,
// method, path, status and duration_ms; 5xx answers log at ERROR with the error text.
func Audit[Req, Resp any](opts AuditOptions) Middleware[Req, Resp] {
	service := opts.Service
	for _, candidate := range []string{os.Getenv("POWERTOOLS_SERVICE_NAME"), os.Getenv("AWS_LAMBDA_FUNCTION_NAME"), "service_undefined"} {
		if service == "" {
			service = candidate
		}
	}
	logger := opts.Logger
	if logger == nil {
		logger = NewLogger(os.Stdout, service)
	}
	message := opts.Message
	if message == "" {
		message = "request"
	}
	var warm atomic.Bool
	return func(next HandlerFunc[Req, Resp]) HandlerFunc[Req, Resp] {
		return func(ctx context.Context, req Req) (Resp, error) {
			cold := !warm.Swap(true)
			start := time.Now()
			resp, err := next(ctx, req)
			status := StatusOf(err)
			if err == nil {
				status = 200
				if s, ok := any(resp).(interface{ StatusCode() int }); ok {
					status = s.StatusCode()
				}
			}
			attrs := []slog.Attr{
				slog.Bool("cold_start", cold),
				slog.String("xray_trace_id", XRayTraceID(ctx)),
				slog.String("function_name", lambdacontext.FunctionName),
				slog.String("operation", OperationFrom(ctx)),
				slog.Int("status", status),
				slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
			}
			if lc, ok := lambdacontext.FromContext(ctx); ok {
				attrs = append(attrs, slog.String("function_request_id", lc.AwsRequestID),
					slog.String("function_arn", lc.InvokedFunctionArn))
			} else {
				attrs = append(attrs, slog.String("function_request_id", ""))
			}
			if r := RequestFrom(ctx); r != nil {
				attrs = append(attrs, slog.String("method", r.Method), slog.String("path", r.Path),
					slog.String("request_id", r.RequestID))
			}
			level := slog.LevelInfo
			if status >= 500 {
				level = slog.LevelError
				if err != nil {
					attrs = append(attrs, slog.String("error", err.Error()))
				}
			}
			logger.LogAttrs(ctx, level, message, attrs...)
			return resp, err
		}
	}
}
