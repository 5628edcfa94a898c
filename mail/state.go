package mail

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

// State is where a message stands, for a page to show ("envoyé le …").
type State struct {
	ID, Kind, To, Status string
	Attempts             int
	Error                string    // French reason of the last failure
	SentAt               time.Time // sent or written to the outbox
	NextTry              time.Time // pending after a failure
	Created              time.Time
}

// Latest returns the state of the newest message of a kind for each placement given,
// in one query; a placement without any message is absent from the map.
func Latest(app core.App, kind string, placements ...string) (map[string]State, error) {
	out := map[string]State{}
	if len(placements) == 0 {
		return out, nil
	}
	ids := make([]any, len(placements))
	for i, p := range placements {
		ids[i] = p
	}
	var recs []*core.Record
	err := app.RecordQuery(collection).
		AndWhere(dbx.HashExp{"kind": kind}).
		AndWhere(dbx.In("placement", ids...)).
		OrderBy("created DESC", "rowid DESC").
		All(&recs)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		p := r.GetString("placement")
		if _, seen := out[p]; !seen {
			out[p] = stateOf(r)
		}
	}
	return out, nil
}

func stateOf(r *core.Record) State {
	return State{
		ID: r.Id, Kind: r.GetString("kind"), To: r.GetString("to"), Status: r.GetString("status"),
		Attempts: r.GetInt("attempts"), Error: r.GetString("error"),
		SentAt: r.GetDateTime("sent_at").Time(), NextTry: r.GetDateTime("next_try").Time(),
		Created: r.GetDateTime("created").Time(),
	}
}

// Label says the state in French, as the tutor window shows it.
func (s State) Label() string {
	switch {
	case s.Status == StatusSent:
		return "Envoyé le " + pfmp.FormatDateTime(s.SentAt)
	case s.Status == StatusOutbox:
		return "Non envoyé (aucun serveur de messagerie configuré) : déposé dans la boîte d'envoi le " + pfmp.FormatDateTime(s.SentAt)
	case s.Status == StatusFailed:
		return "Non distribué : " + s.Error
	case s.Attempts > 0:
		return "Non distribué pour l'instant, nouvel essai le " + pfmp.FormatDateTime(s.NextTry) + " : " + s.Error
	default:
		return "Envoi en cours"
	}
}
