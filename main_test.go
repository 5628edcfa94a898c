package main

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestServesHTTPSFromFlags(t *testing.T) {
	require.True(t, servesHTTPS([]string{"livret", "serve", "--https", "0.0.0.0:443", "ecole.fr"}))
	require.True(t, servesHTTPS([]string{"livret", "serve", "--https=0.0.0.0:443"}))
	require.False(t, servesHTTPS([]string{"livret", "serve", "--http", "0.0.0.0:80"}))
	t.Setenv("LIVRET_SECURE_COOKIES", "1")
	require.True(t, servesHTTPS([]string{"livret", "serve"}), "behind an HTTPS proxy")
}
