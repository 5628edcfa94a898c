package mail

import (
	"context"
	"errors"
	"time"

	"github.com/pocketbase/pocketbase/core"
	gomail "github.com/wneessen/go-mail"
)

// dbRetry is the wait before reading the queue again after a database error.
const dbRetry = 5 * time.Second

// errLinkLost: the link of a queued message was in memory only, and the process restarted.
var errLinkLost = errors.New("Lien personnel perdu au redémarrage du serveur : renvoyez le lien.")

// run is the worker: it sends what is due, then sleeps until the next due try or a wake.
func (m *Mailer) run(ctx context.Context) {
	defer close(m.done)
	for ctx.Err() == nil { // stopping: a batch handed back untried must not be taken again
		batch, next := m.take(time.Now())
		if len(batch) > 0 {
			m.deliver(ctx, batch)
			continue
		}
		if !m.sleep(ctx, next) {
			return
		}
	}
}

// sleep waits for a wake, the next due time (if any) or the end; false at the end.
func (m *Mailer) sleep(ctx context.Context, next time.Time) bool {
	var timer <-chan time.Time
	if !next.IsZero() {
		t := time.NewTimer(time.Until(next))
		defer t.Stop()
		timer = t.C
	}
	select {
	case <-ctx.Done():
		return false
	case <-m.wake:
	case <-timer:
	}
	return true
}

// take marks up to batchMax due jobs busy and returns them, with the earliest due time
// of the others (zero when none).
func (m *Mailer) take(now time.Time) (map[string]*job, time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	batch := map[string]*job{}
	var next time.Time
	for id, j := range m.jobs {
		switch {
		case j.busy:
		case !j.due.After(now) && len(batch) < batchMax:
			j.busy = true
			batch[id] = j
		case next.IsZero() || j.due.Before(next):
			next = j.due
		}
	}
	return batch, next
}

// deliver sends a batch over one connection, or writes it to the outbox when SMTP is
// off, and records each outcome.
func (m *Mailer) deliver(ctx context.Context, batch map[string]*job) {
	recs, ok := m.load(batch)
	if !ok {
		return
	}
	// Read at send time (the dashboard may have changed them), as a copy: a save in the
	// dashboard rewrites them in place, under their lock.
	settings, err := m.app.Settings().Clone()
	if err != nil {
		for _, rec := range recs {
			m.failed(rec, err)
		}
		return
	}
	var msgs []*gomail.Msg
	var sending []*core.Record
	for _, rec := range recs {
		msg, err := m.compose(settings.Meta, rec, batch[rec.Id])
		switch {
		case err != nil:
			m.settle(rec, StatusFailed, err.Error(), false)
		case !settings.SMTP.Enabled:
			m.toOutbox(rec, msg)
		default:
			msgs, sending = append(msgs, msg), append(sending, rec)
		}
	}
	if len(msgs) > 0 {
		m.send(ctx, settings.SMTP, msgs, sending)
	}
}

// load reads the batch's rows; jobs whose row was deleted meanwhile leave the queue. On
// a database error the batch waits a little and is tried again.
func (m *Mailer) load(batch map[string]*job) ([]*core.Record, bool) {
	ids := make([]string, 0, len(batch))
	for id := range batch {
		ids = append(ids, id)
	}
	recs, err := m.app.FindRecordsByIds(collection, ids)
	if err != nil {
		m.app.Logger().Error("mail: lecture de la file d'envoi", "error", err)
		m.postpone(ids, dbRetry)
		return nil, false
	}
	m.forget(ids, recs)
	return recs, true
}

// compose builds a row's message, minting a new link if a restart lost it.
func (m *Mailer) compose(meta core.MetaConfig, rec *core.Record, j *job) (*gomail.Msg, error) {
	r := rowOf(rec)
	if r.needsLink() && j.link == "" {
		if m.cfg.Relink == nil {
			return nil, errLinkLost
		}
		link, err := m.cfg.Relink(r.Kind, r.To, r.Placement)
		if err == nil {
			err = checkLink(link)
		}
		if err != nil {
			return nil, errors.Join(errLinkLost, err)
		}
		j.link = link
	}
	return build(meta, r, j.link)
}

// errNotDelivered: go-mail reported neither delivery nor error (cannot happen, but a
// message must not vanish).
var errNotDelivered = errors.New("message non remis")

// send delivers over one SMTP connection; each message gets its own outcome.
func (m *Mailer) send(ctx context.Context, smtp core.SMTPConfig, msgs []*gomail.Msg, recs []*core.Record) {
	sendCtx, cancel := context.WithTimeout(ctx, m.cfg.Timeout)
	defer cancel()
	c, err := client(smtp, m.cfg.Timeout)
	if err == nil {
		err = c.DialAndSendWithContext(sendCtx, msgs...)
	}
	if err == nil {
		err = errNotDelivered
	}
	for i, msg := range msgs {
		switch {
		case msg.IsDelivered():
			m.settle(recs[i], StatusSent, "", true)
		case ctx.Err() != nil:
			m.release(recs[i].Id) // stopping: stays pending for the next start, no try counted
		case msg.HasSendError():
			m.failed(recs[i], msg.SendError())
		default: // dial, authentication or connection failure: the whole batch
			m.failed(recs[i], err)
		}
	}
}
