package accounts

import (
	"testing"

	"golang.org/x/crypto/bcrypt"
)

// The cost of one initial password's hash, against PocketBase's own cost for a chosen one:
// why slips hash at bcrypt's lowest cost (see HashInitial).
func BenchmarkHashInitial(b *testing.B) {
	p := NewPassword()
	for b.Loop() {
		if _, err := HashInitial(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHashDefaultCost(b *testing.B) {
	p := []byte(NewPassword())
	for b.Loop() {
		if _, err := bcrypt.GenerateFromPassword(p, bcrypt.DefaultCost); err != nil {
			b.Fatal(err)
		}
	}
}
