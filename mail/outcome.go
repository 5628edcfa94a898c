package mail

import (
	"time"

	"github.com/pocketbase/pocketbase/core"
	gomail "github.com/wneessen/go-mail"
)

// settle saves a row's final outcome and drops it from the queue. tried counts an attempt.
func (m *Mailer) settle(rec *core.Record, status, reason string, tried bool) {
	rec.Set("status", status)
	rec.Set("error", reason)
	rec.Set("next_try", "")
	if tried {
		rec.Set("attempts", rec.GetInt("attempts")+1)
	}
	if status == StatusSent || status == StatusOutbox {
		rec.Set("sent_at", m.cfg.Now())
	}
	m.save(rec)
	m.mu.Lock()
	delete(m.jobs, rec.Id)
	m.mu.Unlock()

	log := m.app.Logger().With("id", rec.Id, "kind", rec.GetString("kind"), "to", rec.GetString("to"))
	switch status {
	case StatusSent:
		log.Info("Courriel envoyé")
	case StatusFailed:
		log.Warn("Courriel non distribué", "error", reason, "attempts", rec.GetInt("attempts"))
	}
}

// failed records a failed try: a new try after the next delay, or the end of the road
// when the server refused for good or every delay is used.
func (m *Mailer) failed(rec *core.Record, err error) {
	attempts := rec.GetInt("attempts") + 1
	if permanent(err) || attempts > len(m.cfg.Retry) {
		m.settle(rec, StatusFailed, describe(err), true)
		return
	}
	delay := m.cfg.Retry[attempts-1]
	rec.Set("attempts", attempts)
	rec.Set("error", describe(err))
	rec.Set("next_try", m.cfg.Now().Add(delay))
	m.save(rec)
	m.mu.Lock()
	if j := m.jobs[rec.Id]; j != nil {
		j.due, j.busy = time.Now().Add(delay), false
	}
	m.mu.Unlock()
	m.app.Logger().Warn("Envoi du courriel différé", "id", rec.Id, "kind", rec.GetString("kind"),
		"to", rec.GetString("to"), "error", describe(err), "attempts", attempts, "retry_in", delay.String())
}

// release hands a job back untried (the worker is stopping).
func (m *Mailer) release(id string) { m.postpone([]string{id}, 0) }

// postpone hands jobs back untried, due after delay.
func (m *Mailer) postpone(ids []string, delay time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range ids {
		if j := m.jobs[id]; j != nil {
			j.busy, j.due = false, time.Now().Add(delay)
		}
	}
}

// forget drops the jobs whose row was not found (deleted from the dashboard meanwhile).
func (m *Mailer) forget(ids []string, found []*core.Record) {
	seen := make(map[string]bool, len(found))
	for _, r := range found {
		seen[r.Id] = true
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range ids {
		if !seen[id] {
			delete(m.jobs, id)
		}
	}
}

// toOutbox writes the message to the outbox folder; a write error is retried like a send.
func (m *Mailer) toOutbox(rec *core.Record, msg *gomail.Msg) {
	path, err := writeOutbox(m.app.DataDir(), rec.Id, msg)
	if err != nil {
		m.failed(rec, err)
		return
	}
	m.settle(rec, StatusOutbox, "", true)
	m.app.Logger().Info("Courriel déposé dans la boîte d'envoi : aucun serveur SMTP n'est configuré",
		"path", path, "id", rec.Id, "kind", rec.GetString("kind"), "to", rec.GetString("to"))
}

func (m *Mailer) save(rec *core.Record) {
	if err := m.app.Save(rec); err != nil {
		m.app.Logger().Error("mail: enregistrement de l'état du courriel", "id", rec.Id, "error", err)
	}
}
