package api

// validationProblems lists the located problems of a body validation error; nil for other errors.
func validationProblems(err error) []ProblemError {
	return nil
}
