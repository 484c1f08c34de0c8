package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// ProblemTypeInvalidRequest is the "type" of a 400 answer listing request problems.
const ProblemTypeInvalidRequest = "urn:problem-type:invalid-request"

// ProblemDetails is an RFC 9457 problem detail (application/problem+json): the router's answer to a
// request it cannot route (404, 405), accept (415) or decode and validate (400).
type ProblemDetails struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`
	// Errors lists every problem found in the request (extension member). A Pointer is a JSON
	// pointer into the request seen as one document: /path/{name}, /query/{name}, /header/{name},
	// /cookie/{name}, and /body followed by the pointer inside the body (/body/items/0/price).
	Errors ValidationErrors `json:"errors,omitempty"`
	// Header holds extra response headers (Allow on a 405).
	Header http.Header `json:"-"`
}

func newProblem(status int, detail string) *ProblemDetails {
	return &ProblemDetails{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: detail}
}

// invalidRequest is the 400 problem listing errs.
func invalidRequest(errs ValidationErrors) *ProblemDetails {
	problem := newProblem(http.StatusBadRequest, "")
	problem.Type = ProblemTypeInvalidRequest
	problem.Title = "The request is invalid"
	problem.Errors = errs
	if len(errs) == 1 {
		problem.Detail = fmt.Sprintf("%s: %s", errs[0].Pointer, errs[0].Message)
	} else {
		problem.Detail = fmt.Sprintf("%d problems in the request", len(errs))
	}
	return problem
}

// Error implements error.
func (p *ProblemDetails) Error() string {
	parts := []string{fmt.Sprintf("%d %s", p.Status, p.Title)}
	if p.Detail != "" {
		parts = append(parts, p.Detail)
	}
	return strings.Join(parts, ": ")
}

func (p *ProblemDetails) response(r *HTTPRequest) *HTTPResponse {
	if p.Instance == "" && r != nil {
		p.Instance = r.Path
	}
	body, _ := json.Marshal(p)
	header := http.Header{"Content-Type": {"application/problem+json"}}
	for key, values := range p.Header {
		header[http.CanonicalHeaderKey(key)] = append([]string(nil), values...)
	}
	return &HTTPResponse{Status: p.Status, Header: header, Body: body}
}

// escapePointer escapes one JSON pointer reference token.
func escapePointer(token string) string {
	return strings.ReplaceAll(strings.ReplaceAll(token, "~", "~0"), "/", "~1")
}
