package dossier

import (
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

// rebuild vacuums a database, then writes its WAL into it and truncates the WAL.
func rebuild(vacuum func() error, query func(string) *dbx.Query) error {
	if err := vacuum(); err != nil {
		return err
	}
	_, err := query(`PRAGMA wal_checkpoint(TRUNCATE)`).Execute()
	return err
}
