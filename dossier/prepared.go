package dossier

import (
	"sync"

	"github.com/pocketbase/dbx"
)

// Prepared dbx queries of the hot read queries (the period view's). The connections keep
// their SQLite statements anyway (DBConnect), but a new dbx query parses its {:name}
// placeholders again and goes through database/sql's unprepared path: a fifth of a rendered
// page at 10,000 students. A dbx query binds its parameters on itself, so each goroutine
// takes its own from a small free list per SQL text.

const preparedPerQuery = 8 // about the requests one query serves at once on a small server

type preparedQueries struct {
	mu   sync.Mutex
	free map[string][]*dbx.Query
}

// read runs fn on a prepared query of sql bound to params, then keeps the query for reuse.
func (s *Store) read(sql string, params dbx.Params, fn func(*dbx.Query) error) error {
	q := s.prepared.take(sql)
	if q == nil {
		q = s.app.DB().NewQuery(sql).Prepare()
		if q.LastError != nil {
			return q.LastError
		}
	}
	err := fn(q.Bind(params))
	s.prepared.give(sql, q)
	return err
}

func (p *preparedQueries) take(sql string) *dbx.Query {
	p.mu.Lock()
	defer p.mu.Unlock()
	list := p.free[sql]
	if len(list) == 0 {
		return nil
	}
	q := list[len(list)-1]
	p.free[sql] = list[:len(list)-1]
	return q
}

func (p *preparedQueries) give(sql string, q *dbx.Query) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.free == nil {
		p.free = map[string][]*dbx.Query{}
	}
	if len(p.free[sql]) >= preparedPerQuery {
		_ = q.Close()
		return
	}
	p.free[sql] = append(p.free[sql], q)
}
