package archive_test

import (
	"testing"

	"livret/apptest"
)

// TestMain removes the prepared data folders when the tests are done.
func TestMain(m *testing.M) { apptest.Main(m) }
