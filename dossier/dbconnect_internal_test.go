package dossier

import (
	"context"
	"database/sql"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oneConn opens a database through DBConnect and returns one of its connections.
func oneConn(t *testing.T) *sql.Conn {
	t.Helper()
	db, err := DBConnect(filepath.Join(t.TempDir(), "data.db"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	conn, err := db.DB().Conn(context.Background())
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close() })
	_, err = conn.ExecContext(context.Background(), `CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)`)
	require.NoError(t, err)
	return conn
}

// cached is the connection's statement cache: its texts, and which are in use.
func cached(t *testing.T, conn *sql.Conn) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	require.NoError(t, conn.Raw(func(dc any) error {
		for q, s := range dc.(*cachingConn).stmts {
			out[q] = s.busy
		}
		return nil
	}))
	return out
}

func TestDBConnectPreparesAStatementOncePerConnection(t *testing.T) {
	conn := oneConn(t)
	ctx := context.Background()
	const insert, count = `INSERT INTO t (name) VALUES (?)`, `SELECT count(*) FROM t WHERE name = ?`
	for _, name := range []string{"a", "b", "a"} {
		_, err := conn.ExecContext(ctx, insert, name)
		require.NoError(t, err)
	}
	var n int
	require.NoError(t, conn.QueryRowContext(ctx, count, "a").Scan(&n))
	assert.Equal(t, 2, n)
	require.NoError(t, conn.QueryRowContext(ctx, count, "b").Scan(&n))
	assert.Equal(t, 1, n, "the second run binds its own value")
	got := cached(t, conn)
	assert.Equal(t, map[string]bool{insert: false, count: false}, map[string]bool{insert: got[insert], count: got[count]},
		"one statement per text, idle once its rows are closed")
}

func TestDBConnectRunsTheSameQueryInsideItsOwnLoop(t *testing.T) {
	conn := oneConn(t)
	ctx := context.Background()
	for _, name := range []string{"a", "b", "c"} {
		_, err := conn.ExecContext(ctx, `INSERT INTO t (name) VALUES (?)`, name)
		require.NoError(t, err)
	}
	const q = `SELECT name FROM t WHERE id >= ? ORDER BY id`
	rows, err := conn.QueryContext(ctx, q, 1)
	require.NoError(t, err)
	var outer, inner []string
	for rows.Next() {
		var name string
		require.NoError(t, rows.Scan(&name))
		outer = append(outer, name)
		assert.True(t, cached(t, conn)[q], "busy while its rows are open")
		// The same text while the first rows are still open: prepared afresh, not shared.
		require.NoError(t, conn.QueryRowContext(ctx, q, 3).Scan(&name))
		inner = append(inner, name)
	}
	require.NoError(t, rows.Close())
	assert.Equal(t, []string{"a", "b", "c"}, outer, "the outer loop was not reset by the inner query")
	assert.Equal(t, []string{"c", "c", "c"}, inner)
	assert.False(t, cached(t, conn)[q], "free again once closed")
}

func TestDBConnectSeesSchemaChanges(t *testing.T) {
	conn := oneConn(t)
	ctx := context.Background()
	_, err := conn.ExecContext(ctx, `INSERT INTO t (name) VALUES ('a')`)
	require.NoError(t, err)
	const q = `SELECT * FROM t`
	rows, err := conn.QueryContext(ctx, q)
	require.NoError(t, err)
	cols, _ := rows.Columns()
	require.NoError(t, rows.Close())
	assert.Equal(t, []string{"id", "name"}, cols)

	_, err = conn.ExecContext(ctx, `ALTER TABLE t ADD COLUMN city TEXT DEFAULT 'Lyon'`)
	require.NoError(t, err)
	rows, err = conn.QueryContext(ctx, q)
	require.NoError(t, err)
	cols, _ = rows.Columns()
	require.True(t, rows.Next())
	var id int
	var name, city string
	require.NoError(t, rows.Scan(&id, &name, &city))
	require.NoError(t, rows.Close())
	assert.Equal(t, []string{"id", "name", "city"}, cols, "the cached statement is prepared again on the new schema")
	assert.Equal(t, "Lyon", city)
}

func TestDBConnectKeepsABoundedCache(t *testing.T) {
	conn := oneConn(t)
	ctx := context.Background()
	const open = `SELECT name FROM t`
	rows, err := conn.QueryContext(ctx, open)
	require.NoError(t, err)
	defer rows.Close()
	for i := range maxCachedStmts + 5 {
		var n int
		require.NoError(t, conn.QueryRowContext(ctx, `SELECT ?+`+strconv.Itoa(i), 1).Scan(&n))
	}
	got := cached(t, conn)
	assert.LessOrEqual(t, len(got), maxCachedStmts)
	busy, ok := got[open]
	assert.True(t, ok && busy, "a statement in use stays")
}

func TestDBConnectReportsBadSQL(t *testing.T) {
	conn := oneConn(t)
	_, err := conn.ExecContext(context.Background(), `SELEKT 1`)
	require.Error(t, err)
	assert.NotContains(t, cached(t, conn), `SELEKT 1`, "a failed statement is not kept")
}

// A full cache makes room for a new text without dropping the others.
func TestDBConnectEvictsOneStatementAtATime(t *testing.T) {
	conn := oneConn(t)
	ctx := context.Background()
	for i := range maxCachedStmts + 1 {
		var n int
		require.NoError(t, conn.QueryRowContext(ctx, `SELECT ?+`+strconv.Itoa(i), 1).Scan(&n))
	}
	assert.Len(t, cached(t, conn), maxCachedStmts, "full, not emptied")
}
