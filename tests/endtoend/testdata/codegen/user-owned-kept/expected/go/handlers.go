package api

// The user's own handlers: a rerun must keep this file as it is.
