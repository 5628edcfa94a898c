package dossier

import (
	"strconv"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// PocketBase's own logs (table _logs of the auxiliary database) keep, for as many days as the
// dashboard's « Logs » settings say (MaxDays, which an administrator may raise without bound),
// the requests made with an account (data.authId) and the application's messages naming an
// id. A purge cannot rely on that setting: it deletes the rows naming a purged account
// itself. They live in another database, so this runs after the purge's commit.

// logsNaming is the condition selecting the log rows that name any of ids: one scan of the
// table, and a row naming two of them counted (and deleted) once.
func logsNaming(ids []string) (string, dbx.Params) {
	params := dbx.Params{}
	terms := make([]string, len(ids))
	for i, id := range ids {
		p := "id" + strconv.Itoa(i)
		params[p] = id
		terms[i] = "instr(data, {:" + p + "}) > 0 OR instr(message, {:" + p + "}) > 0"
	}
	return strings.Join(terms, " OR "), params
}

// countLogs counts the log rows naming any of ids.
func countLogs(app core.App, ids []string) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	where, params := logsNaming(ids)
	var n int
	err := app.AuxDB().NewQuery(`SELECT COUNT(*) FROM ` + core.LogsTableName + ` WHERE ` + where).Bind(params).Row(&n)
	return n, err
}

// deleteLogs deletes the log rows naming any of ids; it returns how many.
func deleteLogs(app core.App, ids []string) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	where, params := logsNaming(ids)
	res, err := app.AuxNonconcurrentDB().NewQuery(`DELETE FROM ` + core.LogsTableName + ` WHERE ` + where).Bind(params).Execute()
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}
