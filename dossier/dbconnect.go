package dossier

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"reflect"

	"github.com/pocketbase/dbx"
	_ "modernc.org/sqlite"
)

// DBConnect opens PocketBase's SQLite database (core.BaseAppConfig.DBConnect) as PocketBase's
// own DefaultDBConnect does — the same pragmas — through a driver that keeps each connection's
// prepared statements. SQLite parsed and planned every query again, one statement at a time:
// a fifth of a page's server CPU went into preparing the same few dozen statements.
func DBConnect(dbPath string) (*dbx.DB, error) {
	// busy_timeout must come first: the connection blocks on busy before WAL is set.
	const pragmas = "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=journal_size_limit(200000000)" +
		"&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)&_pragma=temp_store(MEMORY)&_pragma=cache_size(-32000)"
	return dbx.Open(DriverName, dbPath+pragmas)
}

// DriverName is the database/sql name of the driver DBConnect opens.
const DriverName = "sqlite_stmtcache"

func init() {
	db, _ := sql.Open("sqlite", "") // modernc's registered driver (and what is registered on it)
	sql.Register(DriverName, cachingDriver{sqlite: db.Driver()})
	_ = db.Close()
}

// maxCachedStmts bounds one connection's statements; past it, an idle one makes room (any:
// dropping them all flushed the hot ones whenever one-off texts, IN lists, filled the cache).
const maxCachedStmts = 200

// sqliteConn is what database/sql uses of modernc's connection.
type sqliteConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.ExecerContext
	driver.QueryerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
}

// sqliteStmt is what the cache uses of modernc's statement.
type sqliteStmt interface {
	driver.Stmt
	driver.StmtExecContext
	driver.StmtQueryContext
}

type cachingDriver struct{ sqlite driver.Driver }

func (d cachingDriver) Open(name string) (driver.Conn, error) {
	c, err := d.sqlite.Open(name)
	if err != nil {
		return nil, err
	}
	return &cachingConn{sqliteConn: c.(sqliteConn), stmts: map[string]*cachedStmt{}}, nil
}

// cachingConn runs each statement text through one prepared statement, reset after use. A
// statement still in use (its rows not closed, a query nested in another's loop) is not
// shared: the query is prepared afresh, as without the cache. database/sql never uses one
// connection from two goroutines at once, so the map needs no lock.
type cachingConn struct {
	sqliteConn
	stmts map[string]*cachedStmt
}

type cachedStmt struct {
	sqliteStmt
	busy bool
}

// stmt is the idle cached statement for query, prepared on first use; nil when it is busy.
func (c *cachingConn) stmt(ctx context.Context, query string) (*cachedStmt, error) {
	if s, ok := c.stmts[query]; ok {
		if s.busy {
			return nil, nil
		}
		return s, nil
	}
	if len(c.stmts) >= maxCachedStmts {
		c.dropOneIdle()
	}
	ds, err := c.sqliteConn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	s := &cachedStmt{sqliteStmt: ds.(sqliteStmt)}
	c.stmts[query] = s
	return s, nil
}

func (c *cachingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	s, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if s == nil {
		return c.sqliteConn.QueryContext(ctx, query, args)
	}
	rows, err := s.QueryContext(ctx, args)
	if err != nil {
		return nil, err
	}
	s.busy = true
	return &cachedRows{sqliteRows: rows.(sqliteRows), stmt: s}, nil
}

func (c *cachingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	s, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if s == nil {
		return c.sqliteConn.ExecContext(ctx, query, args)
	}
	return s.ExecContext(ctx, args) // runs to completion and resets the statement
}

// Close finalizes the statements first: SQLite keeps a connection with live statements open.
func (c *cachingConn) Close() error {
	for q, s := range c.stmts {
		_ = s.Close()
		delete(c.stmts, q)
	}
	return c.sqliteConn.Close()
}

// dropOneIdle finalizes one statement nobody is reading.
func (c *cachingConn) dropOneIdle() {
	for q, s := range c.stmts {
		if !s.busy {
			_ = s.Close()
			delete(c.stmts, q)
			return
		}
	}
}

// sqliteRows is what database/sql uses of modernc's rows.
type sqliteRows interface {
	driver.Rows
	driver.RowsColumnTypeDatabaseTypeName
	driver.RowsColumnTypeLength
	driver.RowsColumnTypeNullable
	driver.RowsColumnTypePrecisionScale
	ColumnTypeScanType(index int) reflect.Type
}

// cachedRows frees its statement for the next query when closed (modernc resets it).
type cachedRows struct {
	sqliteRows
	stmt *cachedStmt
}

func (r *cachedRows) Close() error {
	err := r.sqliteRows.Close()
	r.stmt.busy = false
	return err
}
