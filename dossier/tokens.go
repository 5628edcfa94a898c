package dossier

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// A tutor's access link carries a token: 32 random bytes, URL-safe. Only its SHA-256 is stored,
// so neither the database nor a backup can open a dossier.

// accessTokenLen is the length of a token as written in a link (32 bytes, base64url, no padding).
const accessTokenLen = 43

// NewAccessToken draws a new token and its stored hash.
func NewAccessToken() (token, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, AccessTokenHash(token), nil
}

// AccessTokenHash is the stored form of a token: its SHA-256 in hex.
func AccessTokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// IsAccessToken reports whether s has a token's shape, before any lookup.
func IsAccessToken(s string) bool {
	if len(s) != accessTokenLen {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(s)
	return err == nil
}

// GrantFingerprint names a grant's current token without revealing its hash: the sessions a
// link opens carry it, and die when the grant's token changes (a new link was sent).
func GrantFingerprint(tokenHash string) string {
	sum := sha256.Sum256([]byte("session:" + tokenHash))
	return hex.EncodeToString(sum[:8])
}
