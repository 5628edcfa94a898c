package hooks

import (
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// registerInvitations ends a teacher's invitation once it may no longer open his account,
// whatever saved it (our pages, an import, the dashboard): when his password is set (chosen,
// or a slip's), its link is used up; when his email changes, the invitation went to the old
// address and is withdrawn (the school invites him again at the new one).
func registerInvitations(app core.App, now func() time.Time) {
	app.OnRecordUpdate("users").BindFunc(func(e *core.RecordEvent) error {
		old := e.Record.Original()
		moved := !strings.EqualFold(old.Email(), e.Record.Email())
		passworded := old.GetString(core.FieldNamePassword+":hash") != e.Record.GetString(core.FieldNamePassword+":hash")
		if err := e.Next(); err != nil || !moved && !passworded {
			return err
		}
		mine := dbx.HashExp{"user": e.Record.Id}
		if moved {
			_, err := e.App.DB().Delete("invitations", mine).Execute()
			return err
		}
		used, err := types.ParseDateTime(now())
		if err != nil {
			return err
		}
		_, err = e.App.DB().Update("invitations", dbx.Params{"used_at": used.String()},
			dbx.And(mine, dbx.HashExp{"used_at": ""})).Execute()
		return err
	})
}
