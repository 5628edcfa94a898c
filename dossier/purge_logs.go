package dossier

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// PocketBase's own logs (table _logs of the auxiliary database) keep, for as many days as the
// dashboard's « Logs » settings say (MaxDays, which an administrator may raise without bound),
// the requests made with an account (data.authId) and the application's messages naming an
// id. A purge cannot rely on that setting: it deletes the rows naming a purged account
// itself. They live in another database, so this runs after the purge's commit.

// logsNaming is the condition selecting the log rows that name one id.
const logsNaming = `instr(data, {:id}) > 0 OR instr(message, {:id}) > 0`

// countLogs counts the log rows naming any of ids.
func countLogs(app core.App, ids []string) (int, error) {
	total := 0
	for _, id := range ids {
		var n int
		err := app.AuxDB().NewQuery(`SELECT COUNT(*) FROM ` + core.LogsTableName + ` WHERE ` + logsNaming).
			Bind(dbx.Params{"id": id}).Row(&n)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// deleteLogs deletes the log rows naming any of ids; it returns how many.
func deleteLogs(app core.App, ids []string) (int, error) {
	total := 0
	for _, id := range ids {
		res, err := app.AuxNonconcurrentDB().NewQuery(`DELETE FROM ` + core.LogsTableName + ` WHERE ` + logsNaming).
			Bind(dbx.Params{"id": id}).Execute()
		if err != nil {
			return total, err
		}
		n, _ := res.RowsAffected()
		total += int(n)
	}
	return total, nil
}
