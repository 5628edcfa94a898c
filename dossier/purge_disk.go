package dossier

import (
	"errors"

	"github.com/pocketbase/dbx"

	"livret/mail"
)

// A purge must leave nothing readable on the server's disk. SQLite keeps a deleted row's bytes
// in its page until the space is reused (secure_delete is off: the space freed by every past
// update and delete still holds old copies of the rows), and in WAL mode data.db keeps the old
// pages until a checkpoint. So after its commit the purge rebuilds each database from its live
// rows (VACUUM, a few seconds once a year) and checkpoints it, emptying the WAL. The mail
// outbox keeps the undelivered messages as files, one per mail_log row: the purged rows' files
// go too. Backups made before the purge keep the data: that is the administrator's to handle
// (README).

// wipeAfterPurge overwrites on disk what the purge deleted, then deletes the purged emails'
// outbox files. Failures are logged: the purge itself is committed.
func (s *Store) wipeAfterPurge(mailIDs []string) {
	if err := rebuild(s.app.Vacuum, s.app.NonconcurrentDB().NewQuery); err != nil {
		s.app.Logger().Error("purge: data.db could not be rebuilt", "error", err)
	}
	if err := rebuild(s.app.AuxVacuum, s.app.AuxNonconcurrentDB().NewQuery); err != nil {
		s.app.Logger().Error("purge: auxiliary.db could not be rebuilt", "error", err)
	}
	if _, err := mail.RemoveFromOutbox(s.app.DataDir(), mailIDs); err != nil {
		s.app.Logger().Error("purge: the outbox could not be cleaned", "error", err)
	}
}

// rebuild vacuums a database, then writes its WAL into it and truncates the WAL. A checkpoint
// that readers kept from finishing says so: the WAL may still hold purged pages until the next.
func rebuild(vacuum func() error, query func(string) *dbx.Query) error {
	if err := vacuum(); err != nil {
		return err
	}
	var busy, logged, moved int
	if err := query(`PRAGMA wal_checkpoint(TRUNCATE)`).Row(&busy, &logged, &moved); err != nil {
		return err
	}
	if busy != 0 {
		return errors.New("the WAL checkpoint was blocked by readers: purged pages may stay in the WAL until the next checkpoint")
	}
	return nil
}
