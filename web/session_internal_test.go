package web

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSafeNextKeepsRedirectsOnThisSite(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"/periodes":                  "/periodes",
		"/periodes?niveau=1re&x=%2F": "/periodes?niveau=1re&x=%2F",
		"":                           "",
		"periodes":                   "",
		"//evil.example/":            "",
		"/\\evil.example":            "",
		"/\t/evil.example":           "",
		"/\n/evil.example":           "",
		"https://evil.example/":      "",
	} {
		require.Equal(t, want, safeNext(in), "%q", in)
	}
}
